/**
 * Content-Security-Policy fitted to each page. A page (its view) declares
 * what it needs beyond the site's base policy as `CspSources`: the external
 * origins of the embeds it shows, the sha256 hashes of the inline styles it
 * writes. Pages merge their sources into the base; the header is the result.
 *
 * Client libraries belong under /assets/ (covered by 'self'), so a feature
 * that adds one declares nothing; a feature that embeds a third party adds
 * an entry to EMBED_SOURCES and its view declares that entry.
 *
 * CSP Level 3: https://www.w3.org/TR/CSP3/
 *
 * @example contentSecurityPolicy(mergeSources(EMBED_SOURCES.giscus, { "style-src": ["'sha256-…'"] }))
 */

/** The directives a page may extend. */
export type CspDirective = "script-src" | "style-src" | "style-src-attr" | "img-src" | "media-src" | "frame-src" | "connect-src" | "font-src";

/** Sources per directive, added to the base policy's. */
export type CspSources = Partial<Record<CspDirective, readonly string[]>>;

/**
 * What every response allows: scripts, styles and fonts from the site
 * itself; pictures and media also from https (posts show figures from
 * elsewhere, as in Jekyll); no plugins, no framing by other sites, no
 * `<base>` or form target elsewhere.
 */
export const BASE_POLICY: Readonly<Record<string, readonly string[]>> = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'"],
  "img-src": ["'self'", "data:", "https:"],
  "media-src": ["'self'", "https:"],
  "font-src": ["'self'"],
  "frame-src": ["'self'"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
};

/** Third parties a page may embed, and the origins each needs. */
export const EMBED_SOURCES = {
  /** Twitter's widgets.js turns the static quote into an iframe from platform.twitter.com. */
  twitter: { "script-src": ["https://platform.twitter.com"], "frame-src": ["https://platform.twitter.com", "https://syndication.twitter.com"] },
  /** giscus' client.js mounts an iframe from giscus.app. */
  giscus: { "script-src": ["https://giscus.app"], "frame-src": ["https://giscus.app"] },
} satisfies Record<string, CspSources>;

/** Disqus (`disqus_comments: true`): embed.js from the site's shortname, its iframe and CDN. */
export function disqusSources(shortname: string): CspSources {
  const host = `https://${shortname}.disqus.com`;
  return { "script-src": [host, "https://*.disquscdn.com"], "frame-src": ["https://disqus.com"], "style-src": ["https://*.disquscdn.com"], "connect-src": [host] };
}

/** Union of several pages' or features' sources (order kept, duplicates dropped). */
export function mergeSources(...parts: (CspSources | undefined)[]): CspSources {
  const out: Partial<Record<CspDirective, string[]>> = {};
  for (const part of parts) {
    for (const [directive, sources] of Object.entries(part ?? {}) as [CspDirective, readonly string[]][]) {
      const list = (out[directive] ??= []);
      for (const s of sources) if (!list.includes(s)) list.push(s);
    }
  }
  return out;
}

// A source expression may not hold `;` or `,` (they separate directives and
// policies) nor whitespace or controls (they separate sources).
const SOURCE = /^[^\s;,\u0000-\u001f\u007f]+$/;

// `'sha256-…'`, `'sha384-…'`, `'sha512-…'` and `'nonce-…'` sources.
const HASH_OR_NONCE = /^'(?:sha(?:256|384|512)|nonce)-/i;

/**
 * The header value: the base policy with `extra` added, sources that could
 * break the header left out.
 *
 * A directive that carries `'unsafe-inline'` keeps no hash or nonce: CSP
 * Level 2 and later browsers ignore `'unsafe-inline'` as soon as a directive
 * lists a hash or nonce (CSP3 §6.7.3.3 "Does a source list allow all inline
 * behavior"), so a page that needs it (diagram libraries writing `<style>`)
 * and also has a hashed `_styles` block would have every other inline style
 * refused. Dropping the hash loses nothing: `'unsafe-inline'` allows that block too.
 */
export function contentSecurityPolicy(extra: CspSources = {}): string {
  const directives: Record<string, string[]> = {};
  for (const [name, sources] of Object.entries(BASE_POLICY)) directives[name] = [...sources];
  for (const [name, sources] of Object.entries(extra) as [CspDirective, readonly string[]][]) {
    const list = (directives[name] ??= []);
    for (const s of sources) if (SOURCE.test(s) && !list.includes(s)) list.push(s);
  }
  return Object.entries(directives)
    .map(([name, sources]) => {
      const kept = sources.includes("'unsafe-inline'") ? sources.filter((s) => !HASH_OR_NONCE.test(s)) : sources;
      return `${name} ${kept.join(" ")}`;
    })
    .join("; ");
}

/** `'sha256-…'` source for an inline element whose text has this base64 SHA-256 digest. */
export const hashSource = (base64: string): string => `'sha256-${base64}'`;

const IFRAME_SRC = /<iframe\b[^>]*?\ssrc\s*=\s*["']?(https?:\/\/[^/"'\s>?#]+)/gi;
const STYLE_ATTR = /<[a-z][^>]*\sstyle\s*=/i;

/**
 * What an author's rendered body needs: the origins of its `<iframe>`s (a
 * video from YouTube, a demo under /assets/) and, when some element has a
 * `style` attribute, `style-src-attr 'unsafe-inline'` (attributes only:
 * `<style>` elements still need their hash).
 */
export function bodySources(html: string): CspSources {
  const frames = new Set<string>();
  for (const m of html.matchAll(IFRAME_SRC)) frames.add(m[1]!.toLowerCase());
  return {
    ...(frames.size ? { "frame-src": [...frames] } : {}),
    ...(STYLE_ATTR.test(html) ? { "style-src-attr": ["'unsafe-inline'"] } : {}),
  };
}
