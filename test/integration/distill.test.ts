/** Distill posts as a reader gets them: every part in the server's HTML, no script needed. */
import { beforeAll, describe, expect, it } from "vitest";
import { builtSite, get, kvReads, publishSite } from "../support/worker.ts";
import { fragmentLinks, ids, section, text } from "../support/html.ts";

let page: string;
let auto: string;
let firstReads: number;

beforeAll(async () => {
  await publishSite("distill");
  const res = await get("/blog/2024/everything/");
  firstReads = kvReads(res);
  page = await res.text();
  auto = await (await get("/blog/2024/auto-toc/")).text();
});

describe("title block and byline", () => {
  it("shows title, escaped description, authors with links and every affiliation, and the date", () => {
    expect(page).toContain('<h1 class="post-title">Everything distill</h1>');
    expect(page).toContain('<p class="post-description">Every construct &lt;at once&gt;</p>');
    const byline = section(page, '<div class="byline">', "</time>");
    expect(byline).toContain('<p class="author"><a href="https://example.org/ada">Ada Lovelace</a></p><p class="affiliation"><a href="https://example.org/engine">Engine Society</a></p>');
    // A list of affiliations (al-folio allows one) is accepted too.
    expect(byline).toContain('<p class="author">Kurt Gödel</p><p class="affiliation">IAS<br>Vienna &amp; Co</p>');
    expect(byline).toContain('<time datetime="2024-06-01T00:00:00+00:00">June 1, 2024</time>');
  });
});

describe("table of contents", () => {
  it("lists the front-matter sections with subsections, each link landing on a heading", () => {
    const toc = section(page, '<nav class="toc"', "</nav>");
    expect(text(toc)).toBe("Contents Ada's notes Results σReparam Results Media");
    expect(toc).toMatch(/<li><a href="#results">Results<\/a><ul><li><a href="#σreparam">σReparam<\/a><\/li><\/ul><\/li>/);
    const targets = fragmentLinks(toc);
    // Apostrophe, Greek letter and a duplicate heading all resolve (al-folio bug #3236).
    expect(targets).toEqual(["adas-notes", "results", "σreparam", "results-1", "media"]);
    const headingIds = new Set([...page.matchAll(/<h[1-6] id="([^"]+)"/g)].map((m) => m[1]));
    for (const id of targets) expect(headingIds, id).toContain(id);
  });

  it("`toc: {sidebar: left}` (like `toc: true`) is generated from the headings", () => {
    expect(auto).toContain('<nav class="toc toc-sidebar-left" aria-labelledby="toc-title">');
    const toc = section(auto, '<nav class="toc toc-sidebar-left"', "</nav>");
    expect(toc).toContain('<ul><li><a href="#first-part">First part</a><ul><li><a href="#detail-one">Detail one</a></li></ul></li><li><a href="#second-part">Second part</a></li></ul>');
    for (const id of fragmentLinks(toc)) expect(ids(auto)).toContain(id);
  });
});

describe("citations and references", () => {
  it("numbers citations by first citation and links each to its reference", () => {
    const body = section(page, '<div class="post-body', '<section class="appendix"');
    const numbers = [...body.matchAll(/<a class="cite-link" href="#([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => `${m[1]}=${m[2]}`);
    expect(numbers).toEqual(["ref-smith2019=[1]", "ref-godel2020=2", "ref-lee2021=3", "ref-smith2019=[1]"]);
    expect(text(section(body, "then two at once", "then Smith again"))).toMatch(/^then two at once \[2, 3\] On Gödel/);
    expect(body).not.toContain("<d-cite");
  });

  it("gives each citation a hover/focus card with title, authors, venue, year and link, reachable by keyboard", () => {
    const cite = section(page, '<span class="citation">[<a', "</span></span></span>");
    expect(cite).toContain('aria-describedby="cite-card-2"');
    expect(cite).toContain('<span class="hover-card" id="cite-card-2">');
    expect(text(cite)).toContain("On Gödel's Theorems & Friends Kurt Gödel, Paul Erdős and Anna van der Berg · International Conference on Machine Learning 2020 · 2020");
    expect(cite).toContain('<a href="https://doi.org/10.1000/xyz123">');
  });

  it("lists only cited entries, in citation order, formatted from BibTeX with diacritics and @string macros", () => {
    const refs = section(page, '<ol class="references">', "</ol>");
    expect([...refs.matchAll(/<li id="([^"]+)">/g)].map((m) => m[1])).toEqual(["ref-smith2019", "ref-godel2020", "ref-lee2021"]);
    expect(refs).not.toContain("Never Cited");
    expect(text(refs)).toContain("On Gödel's Theorems & Friends . Kurt Gödel, Paul Erdős and Anna van der Berg . International Conference on Machine Learning 2020, 2020. DOI: 10.1000/xyz123");
    // BibTeX fields are data: a quote in a URL cannot leave its attribute (the build percent-encodes it).
    expect(refs).toContain('href="https://example.org/smith%222019"');
  });
});

describe("footnotes", () => {
  it("numbers footnotes with a hover card and lists them in the appendix with backlinks", () => {
    expect(page).toContain('<sup><a class="footnote-link" id="fnref-1" href="#fn-1" aria-describedby="fn-card-1">1</a></sup><span class="hover-card" id="fn-card-1">See <a href="https://example.org/note">the note</a> and <strong>this</strong>.</span>');
    const notes = section(page, '<ol class="footnotes">', "</ol>");
    expect(notes).toContain('<li id="fn-1">See <a href="https://example.org/note">the note</a> and <strong>this</strong>. <a class="footnote-backref" href="#fnref-1"');
    expect(notes).toContain('<li id="fn-2">Plain second note. <a class="footnote-backref" href="#fnref-2"');
    expect(page).not.toContain("<d-footnote");
  });

  it("a post without citations or notes has no appendix", () => {
    expect(auto).not.toContain('class="appendix"');
  });
});

describe("Liquid tags", () => {
  it("figures inside indented HTML blocks are elements with every attribute parameter escaped and the caption rendered as inline Markdown", () => {
    expect(page).toContain('<figure slot="first"><picture><img src="/assets/img/dot.png" class="img-fluid rounded z-depth-1" width="300" height="225" style="max-width: 50%" alt="A &quot;dot&quot;" title="&lt;script&gt;alert(1)&lt;/script&gt;" loading="eager" data-zoomable></picture><figcaption class="caption">Dot <strong>bold</strong> &amp; <em>more</em></figcaption></figure>');
    expect(page).toContain('<img src="https://images.example.org/x.png" alt="" title="Remote" loading="lazy">');
    expect(page).not.toContain("<pre><code>&lt;figure");
    expect(page).not.toContain("<script>alert(1)");
  });

  it("details render their summary as inline Markdown and their body as Markdown", () => {
    expect(page).toContain("<details><summary>Click for <strong>papers</strong> &amp; more</summary><ul>\n<li>first paper</li>\n<li>second paper</li>\n</ul>\n</details>");
  });

  it("raw keeps tags literally; highlight is a code block; comments vanish", () => {
    // The quotes are text: kramdown's smart quotes turn them curly, as Jekyll would (an opaque raw fragment keeps them straight).
    expect(page).toMatch(/<p>Literal \{% include figure\.liquid path=(?:&quot;|\u201D)nowhere\.png(?:&quot;|\u201D) %\} text\.<\/p>/);
    expect(page).toContain('<pre class="highlight linenos"><code class="language-python" data-lang="python"><span class="line"><span class="hljs-keyword">def</span> <span class="hljs-title function_">f</span>');
    expect(page).not.toContain("This comment is dropped");
  });

  it("video and audio includes", () => {
    expect(page).toContain('<figure><video src="/assets/video/clip.mp4" class="img-fluid" controls></video><figcaption class="caption">A clip</figcaption></figure>');
    expect(page).toContain('<iframe src="https://www.youtube.com/embed/abc" class="img-fluid"');
    expect(page).toContain('<figure><audio src="/assets/audio/tone.mp3" controls></audio></figure>');
  });

  it("a tweet is a static blockquote linking to it; the widget script loads because the site enables it", () => {
    expect(page).toContain('<blockquote class="twitter-tweet tweet-card">');
    expect(page).toContain('<a href="https://twitter.com/someone/status/1234567890">');
    expect(section(page, "<head>", "</head>")).toContain('<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>');
    expect(auto).not.toContain("platform.twitter.com");
  });

  it("output tags give root-relative asset URLs; nothing of Liquid is left", () => {
    expect(page).toContain('<img src="/assets/img/dot.png" alt="via output tag">');
    const visible = page.replace("Literal {% include", "");
    expect(visible).not.toContain("{%");
    expect(visible).not.toContain("{{");
  });
});

describe("page extras", () => {
  it("_styles lands in one <style>; reference links resolve; comments stay invisible", () => {
    expect(page.match(/<style>/g)).toHaveLength(1);
    expect(page).toContain("<style>.fake-img { background: #bbb; }\n</style>");
    expect(page).toContain('<a href="https://example.org/spec">the spec</a>');
    expect(page).toContain("<!-- a comment nobody sees -->");
    expect(page).not.toContain("&lt;!--");
  });

  it("giscus_comments: true embeds giscus with the site's settings, escaped; false embeds nothing", () => {
    const comments = section(page, '<section class="comments"', "</section>");
    expect(comments).toContain('<script src="https://giscus.app/client.js" data-repo="lab/blog" data-repo-id="R_lab&quot;id" data-category="Comments" data-category-id="DIC_lab" data-mapping="title"');
    expect(auto).not.toContain("giscus");
  });

  it("references come from the page's own blob: a cache miss still reads three KV keys, no bibliography key", () => {
    expect(firstReads).toBe(3);
  });

  it("needs no script: besides the engine's own enhancement (theme, cards), the only scripts are the optional widgets", () => {
    const engine = /^\/assets\/edgefolio\/(theme|site)\.[0-9a-f]{10}\.js$/;
    const scripts = [...page.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
    // Client libraries are enhancement too: here medium-zoom, for the zoomable figure.
    const library = /^\/assets\/edgefolio\/lib\//;
    expect(scripts.filter((s) => library.test(s))).toEqual(builtSite("distill").manifest.libraries!["medium-zoom"]!.scripts);
    expect(scripts.filter((s) => !engine.test(s) && !library.test(s))).toEqual(["https://platform.twitter.com/widgets.js", "https://giscus.app/client.js"]);
    expect(scripts.filter((s) => engine.test(s))).toHaveLength(2);
    // JSON-LD metadata is data, not script to run; the engine's scripts are files, never inline.
    const rest = auto.replace(/<script type="application\/ld\+json">[^]*?<\/script>/g, "").replace(/<script src="\/assets\/edgefolio\/[^"]+"( defer)?><\/script>/g, "");
    expect(rest).not.toContain("<script");
  });
});
