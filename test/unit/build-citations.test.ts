/** The build's rules for bibliographies: errors located at file:line, an error in a cited entry stops the build, styles checked. */
import { describe, expect, it } from "vitest";
import { buildSite, type ContentSource } from "../../scripts/lib/build-site.ts";

const BIB = "@misc{good, title={Good}, year=2020}\n\n@article{bad, title={Unclosed, year=2021\n";

function source(body: string, frontMatter = "", siteYml = "title: T\nurl: https://t.example\n"): ContentSource {
  return {
    site: { file: "content/site.yml", text: siteYml },
    posts: [{ file: "content/posts/2024-01-01-p.md", text: `---\nlayout: distill\ntitle: P\ndate: 2024-01-01\nbibliography: refs.bib\n${frontMatter}---\n\n${body}\n` }],
    bibliographies: ["refs.bib"],
    bibliographyFiles: { "refs.bib": { file: "content/assets/bibliography/refs.bib", text: BIB } },
    assets: ["assets/bibliography/refs.bib"],
    stylesheet: "/assets/edgefolio/style.css",
  };
}

const located = (r: Awaited<ReturnType<typeof buildSite>>) => r.problems.map((p) => `${p.file}:${p.line} ${p.severity}`);

describe("bibliography errors in the build", () => {
  it("an error in an entry the post does not cite is a warning at file:line; the site publishes", async () => {
    const r = await buildSite(source('<d-cite key="good"></d-cite>'));
    expect(located(r)).toEqual(["content/assets/bibliography/refs.bib:3 warning"]);
    expect(r.bundle).not.toBeNull();
  });

  it("the same error in a cited entry is an error at file:line; nothing publishes", async () => {
    const r = await buildSite(source('<d-cite key="bad"></d-cite>'));
    expect(located(r)).toContain("content/assets/bibliography/refs.bib:3 error");
    expect(r.bundle).toBeNull();
  });

  it("an unknown `citation_style` is an error at its front-matter line, and in site.yml at its line", async () => {
    const post = await buildSite(source('<d-cite key="good"></d-cite>', "citation_style: no-such-style\n"));
    expect(post.problems).toEqual(expect.arrayContaining([expect.objectContaining({ file: "content/posts/2024-01-01-p.md", line: 6, severity: "error" })]));
    const site = await buildSite(source('<d-cite key="good"></d-cite>', "", "title: T\nurl: https://t.example\ncitation_style: nope\n"));
    expect(site.problems).toEqual(expect.arrayContaining([expect.objectContaining({ file: "content/site.yml", line: 3, severity: "error" })]));
  });
});
