import { describe, expect, it } from "vitest";
import { cssForStyleElement, escapeAttr, escapeHtml, escapeUrl, escapeXml, jsonForScript } from "../../src/escape/index.ts";
import { html, raw, url } from "../../src/escape/html.ts";

describe("escaping by context", () => {
  it("HTML text and attributes", () => {
    expect(escapeHtml(`<b>"Tom" & 'Jerry'</b>`)).toBe(`&lt;b&gt;"Tom" &amp; 'Jerry'&lt;/b&gt;`);
    expect(escapeAttr(`" onload="x' &`)).toBe("&quot; onload=&quot;x&#39; &amp;");
  });

  it("URLs refuse script schemes, even disguised", () => {
    for (const bad of ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,x", "vbscript:x"]) expect(escapeUrl(bad)).toBe("#");
    expect(escapeUrl("https://example.org/?a=1&b=2")).toBe("https://example.org/?a=1&amp;b=2");
    expect(escapeUrl("/assets/img/x.jpg")).toBe("/assets/img/x.jpg");
    expect(escapeUrl("mailto:a@b.c")).toBe("mailto:a@b.c");
  });

  it("JSON inside <script> cannot close the element", () => {
    const out = jsonForScript({ t: "</script><!--\u2028" });
    expect(out).not.toContain("<");
    expect(JSON.parse(out)).toEqual({ t: "</script><!--\u2028" });
  });

  it("style text that would close <style> is refused", () => {
    expect(cssForStyleElement("a{color:red}")).toBe("a{color:red}");
    expect(cssForStyleElement("a{}</STYLE><script>")).toBeNull();
  });

  it("XML drops characters XML 1.0 forbids", () => {
    expect(escapeXml("a\u0000b\u0008c & <d> \uFFFE")).toBe("abc &amp; &lt;d&gt; ");
    expect(escapeXml("emoji 🙂 stays")).toBe("emoji 🙂 stays");
  });
});

describe("html template", () => {
  it("escapes interpolations, keeps raw() and joins arrays", () => {
    const items = ["<a>", "b"];
    expect(html`<p title="${'"x"'}">${"<i>"}${raw("<b>ok</b>")}${items.map((i) => html`<li>${i}</li>`)}${null}${false}</p>`.toString()).toBe(
      '<p title="&quot;x&quot;">&lt;i&gt;<b>ok</b><li>&lt;a&gt;</li><li>b</li></p>',
    );
  });
  it("url() checks the scheme", () => {
    expect(html`<a href="${url("javascript:alert(1)")}">x</a>`.toString()).toBe('<a href="#">x</a>');
  });
});
