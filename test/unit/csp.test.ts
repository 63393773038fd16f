/** The CSP builder and the static assets' `_headers`. */
import { describe, expect, it } from "vitest";
import { bodySources, contentSecurityPolicy, disqusSources, mergeSources } from "../../src/security/csp.ts";
import { HSTS, PERMISSIONS_POLICY, REFERRER_POLICY, staticHeaders } from "../../src/security/headers.ts";

describe("contentSecurityPolicy", () => {
  it("adds a page's sources to the base and leaves out sources that would break the header", () => {
    const header = contentSecurityPolicy({ "script-src": ["https://giscus.app", "x; script-src *", "a b", "'self'"] });
    expect(header).toContain("script-src 'self' https://giscus.app;");
    expect(header).not.toMatch(/\*|x;| a b/);
    expect(header).toContain("frame-ancestors 'none'");
  });

  it("drops hashes and nonces from a directive that allows 'unsafe-inline' (browsers would ignore it beside them)", () => {
    const hash = "'sha256-AbC+/0=='";
    const header = contentSecurityPolicy(mergeSources({ "style-src": ["'unsafe-inline'"] }, { "style-src": [hash, "'nonce-xyz'"], "script-src": ["'SHA384-q'"] }));
    expect(header).toContain("style-src 'self' 'unsafe-inline';");
    // Other directives keep theirs.
    expect(header).toContain("script-src 'self' 'SHA384-q';");
    expect(contentSecurityPolicy({ "style-src": [hash] })).toContain(`style-src 'self' ${hash};`);
  });

  it("merges sources without duplicates", () => {
    expect(mergeSources({ "frame-src": ["https://a.example"] }, undefined, { "frame-src": ["https://a.example", "https://b.example"] })).toEqual({
      "frame-src": ["https://a.example", "https://b.example"],
    });
    expect(disqusSources("lab")["script-src"]).toContain("https://lab.disqus.com");
  });

  it("reads what an author's body needs: iframe origins and style attributes", () => {
    expect(bodySources('<p>plain</p><iframe src="/assets/demo.html"></iframe>')).toEqual({});
    expect(bodySources('<iframe class="v" src="https://www.YouTube.com/embed/x?a=1"></iframe><div style="color: red">x</div>')).toEqual({
      "frame-src": ["https://www.youtube.com"],
      "style-src-attr": ["'unsafe-inline'"],
    });
  });
});

describe("static assets' _headers", () => {
  it("gives every file the worker's security headers", () => {
    const rules = staticHeaders();
    expect(rules.split("\n")[0]).toBe("/*");
    expect(rules).toContain(`  Strict-Transport-Security: ${HSTS}\n`);
    expect(rules).toContain(`  Referrer-Policy: ${REFERRER_POLICY}\n`);
    expect(rules).toContain(`  Permissions-Policy: ${PERMISSIONS_POLICY}\n`);
    expect(rules).toContain("  X-Content-Type-Options: nosniff\n");
    expect(rules).toMatch(/ {2}Content-Security-Policy: [^\n]*frame-ancestors 'self'/);
  });
});
