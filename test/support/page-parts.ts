/** Small readers for what a page shows: the post links of a list, the links in <head>. */

/** Paths of the posts a list page shows, in order. */
export function listedPosts(html: string): string[] {
  return [...html.matchAll(/<h3><a href="([^"]+)"/g)].map((m) => m[1]!);
}

/** `<link rel="alternate">` elements: type → href. */
export function alternateLinks(html: string): { type: string; href: string; title: string }[] {
  return [...html.matchAll(/<link rel="alternate" type="([^"]+)" title="([^"]*)" href="([^"]+)">/g)].map((m) => ({ type: m[1]!, title: m[2]!, href: m[3]! }));
}

/** `<meta property|name="key" content="…">` values by key. */
export function metaContent(html: string, key: string): string | undefined {
  const m = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(html);
  return m?.[1];
}

/** The parsed JSON-LD of a page, if any. */
export function jsonLd(html: string): Record<string, unknown> | undefined {
  const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  return m ? (JSON.parse(m[1]!) as Record<string, unknown>) : undefined;
}
