/**
 * `npm run import`'s pure parts: a Jekyll `_config.yml` mapped to site.yml
 * keys (with a located note for each setting left out), and the changes made
 * to posts and drafts. The mapped keys are fed back through edgefolio's own
 * site.yml parser, so a mapping the build would refuse fails here.
 */
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { mapJekyllConfig } from "../../scripts/lib/import/config-map.ts";
import { adaptPost, draftAsPost, missingSiteKeys } from "../../scripts/lib/import/post-files.ts";
import { parseSiteConfig } from "../../scripts/lib/site-config.ts";

const FILE = "site/_config.yml";

/** An al-folio-shaped config with our own values. */
const AL_FOLIO = `title: blank
first_name: Grace
middle_name: B.
last_name: Tester
description: >
  Field notes on sparse solvers.
footer_text: >
  Hosted by <a href="https://pages.github.com/">GitHub Pages</a>.
url: https://grace.example.net
baseurl:
icon: lattice.png
timezone: Europe/Warsaw
google_analytics:
enable_darkmode: true
navbar_fixed: true
blog_name: solver notes
permalink: /blog/:year/:title/
pagination:
  enabled: true
giscus:
  repo: grace/notes
  repo_id: R_kgDOexample
  category: Comments
  category_id: DIC_kwDOexample
  mapping: title
  strict: 1
  emit_metadata: 0
disqus_shortname: grace-notes
plugins:
  - jekyll-feed
  - jekyll-imagemagick
  - jekyll/scholar
scholar:
  style: apa
  source: /_bibliography/
  bibliography: papers.bib
`;

const messages = (notes: { line: number; message: string }[]) => notes.map((n) => `${n.line}: ${n.message}`);

describe("mapJekyllConfig", () => {
  it("maps al-folio's keys to site.yml, which edgefolio's parser accepts as is", () => {
    const { site, notes } = mapJekyllConfig(AL_FOLIO, FILE, { perPage: 7 });
    expect(site).toEqual({
      title: "Grace B. Tester",
      description: "Field notes on sparse solvers.",
      url: "https://grace.example.net",
      timezone: "Europe/Warsaw",
      per_page: 7,
      giscus: { repo: "grace/notes", repo_id: "R_kgDOexample", category: "Comments", category_id: "DIC_kwDOexample", mapping: "title", strict: 1 },
      disqus_shortname: "grace-notes",
      favicon: "assets/img/lattice.png",
    });
    expect(notes.every((n) => n.severity === "warning")).toBe(true);
    const parsed = parseSiteConfig(stringify(site), "content/site.yml");
    expect(parsed.problems).toEqual([]);
    expect(parsed.site).toMatchObject({ title: "Grace B. Tester", perPage: 7, timezone: "Europe/Warsaw", disqusShortname: "grace-notes", favicon: "/assets/img/lattice.png" });
    expect(parsed.site.giscus).toMatchObject({ repo: "grace/notes", repoId: "R_kgDOexample", strict: "1" });
  });

  it("notes each setting it leaves out at its line in _config.yml, with the reason", () => {
    const { notes, ignoredEmpty } = mapJekyllConfig(AL_FOLIO, FILE);
    expect(messages(notes)).toEqual([
      "27: giscus `emit_metadata` not mapped",
      "31: plugin `jekyll-imagemagick` does not run: pictures are served as they are (no WebP variants)",
      "7: `footer_text` not mapped: it is HTML, and edgefolio's footer is plain text: write `footer:` in site.yml if you want one",
      "15: `navbar_fixed` not mapped: a feature of al-folio's own theme that edgefolio's layout does not have",
      "16: `blog_name` not mapped: the blog page shows the site's title",
    ]);
    expect(notes[2]).toMatchObject({ file: FILE, col: 1 });
    // Off or empty: nothing to say beyond a count.
    expect(ignoredEmpty).toEqual(["google_analytics"]);
  });

  it("drops a url path and a baseurl with a note, keeping the origin", () => {
    const { site, notes } = mapJekyllConfig("title: T\nurl: https://u.example.edu/~grace\nbaseurl: /notes/\n", FILE);
    expect(site["url"]).toBe("https://u.example.edu");
    expect(messages(notes)).toEqual([
      "2: the path `/~grace` of `url` is dropped",
      "3: `baseurl: /notes` is not mapped: pages move from /notes/… to /…",
    ]);
  });

  it("a plain Jekyll site: author mapping, paginate, and Jekyll's default permalink so its URLs stay", () => {
    const { site, notes, mapped } = mapJekyllConfig("title: Lab log\nauthor:\n  name: Ida Field\nurl: https://lab.example.org\npaginate: 9\ntimezone: Mars/Olympus\n", FILE);
    expect(site).toEqual({ title: "Lab log", url: "https://lab.example.org", per_page: 9, permalink: "date" });
    expect(mapped).toContain("no permalink → permalink: date (Jekyll's default)");
    expect(messages(notes)).toEqual(["6: unknown time zone `Mars/Olympus`: not mapped (dates are read in UTC)"]);
    expect(parseSiteConfig(stringify(site), "content/site.yml").problems).toEqual([]);
  });

  it("incomplete giscus, an emoji icon, an invalid permalink and another scholar style are left out with notes", () => {
    const config = "title: T\nurl: https://t.example.org\nicon: ⚛️\npermalink: /:nonsense/\ngiscus:\n  repo:\n  category: Comments\nscholar:\n  style: ieee\n  bibliography: refs\n";
    const { site, notes, scholarBibliography } = mapJekyllConfig(config, FILE);
    expect(site).toEqual({ title: "T", url: "https://t.example.org" });
    expect(scholarBibliography).toBe("refs.bib");
    expect(messages(notes)).toEqual([
      expect.stringMatching(/^4: .*in `permalink: \/:nonsense\/`: not mapped/),
      "5: giscus has no `repo` and `repo_id`: not mapped, comments stay off",
      "3: `icon: ⚛️` is not a picture file: not mapped, the engine's favicon is used",
      "9: jekyll-scholar's `style: ieee` is not mapped: `{% cite %}` uses apa as on al-folio by default",
    ]);
  });

  it("a YAML error is an error at its line and maps nothing", () => {
    const { site, notes } = mapJekyllConfig("title: T\nurl: [unclosed\n", FILE);
    expect(site).toEqual({});
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ file: FILE, severity: "error" });
    expect(notes[0]!.message).toMatch(/^invalid YAML/);
  });
});

describe("posts and drafts", () => {
  it("an unknown layout becomes post, noted at its value; every other byte stays", () => {
    const text = "---\ntitle: A\nlayout:   single # theme layout\ntags: [x]\n---\nBody with layout: single\n";
    const { text: out, notes } = adaptPost(text, "site/_posts/2024-01-01-a.md");
    expect(out).toBe("---\ntitle: A\nlayout: post # theme layout\ntags: [x]\n---\nBody with layout: single\n");
    expect(notes).toEqual([expect.objectContaining({ file: "site/_posts/2024-01-01-a.md", line: 3, col: 11, severity: "warning", message: "layout `single` → `post`: edgefolio's layouts are post and distill" })]);
    expect(adaptPost("---\nlayout: distill\n---\nx\n", "f").text).toBe("---\nlayout: distill\n---\nx\n");
    expect(adaptPost("---\nlayout: \"post\"\n---\nx\n", "f").notes).toEqual([]);
  });

  it("a draft becomes an unpublished post dated by its front matter, else by its file's day", () => {
    const modified = new Date("2025-02-03T22:00:00Z");
    const dated = draftAsPost("idea.md", "---\ntitle: Idea\ndate: 2024-6-5\n---\nSoon.\n", "site/_drafts/idea.md", modified);
    expect(dated).toEqual({ name: "2024-06-05-idea.md", text: "---\npublished: false\ntitle: Idea\ndate: 2024-6-5\n---\nSoon.\n", notes: [] });
    const undated = draftAsPost("later.markdown", "---\ntitle: Later\n---\nx\n", "site/_drafts/later.markdown", modified);
    expect(undated.name).toBe("2025-02-03-later.md");
    const none = draftAsPost("notes.md", "just text\n", "site/_drafts/notes.md", modified);
    expect(none).toEqual({ name: null, notes: [expect.objectContaining({ line: 1, message: "a draft without front matter is not a post: not imported" })] });
  });

  it("site.* keys a post reads that the imported site.yml lacks are noted once each, at their first use", () => {
    const text = "---\ntitle: A\n---\nBy {{ site.title }} at {{ site.url }}, {{ site.blog_name }}.\n{% if site.blog_name %}{{ site.data.cv.name }}{% endif %}\nsite.plain is text, not Liquid.\n{{ site.per_page }}\n";
    const notes = missingSiteKeys(text, "site/_posts/2024-01-01-a.md", ["per_page"]);
    expect(notes.map((n) => `${n.line}:${n.col} ${n.message}`)).toEqual([
      "4:43 `site.blog_name` is not in the imported site.yml: it renders empty",
      "5:27 `site.data` is not imported (_data/): this reads nothing",
    ]);
  });
});
