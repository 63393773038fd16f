/** All errors of a build in one pass: an error in the front matter does not hide the body's. */
import { describe, expect, it } from "vitest";
import { buildSite, type ContentSource } from "../../scripts/lib/build-site.ts";
import { formatContentError } from "../../src/content/error.ts";

function site(posts: Record<string, string>): ContentSource {
  return {
    site: { file: "content/site.yml", text: "title: T\nurl: https://t.example\n" },
    posts: Object.entries(posts).map(([name, text]) => ({ file: `content/posts/${name}`, text })),
    bibliographies: ["refs.bib"],
    bibliographyFiles: { "refs.bib": { file: "content/assets/bibliography/refs.bib", text: "@article{known, title={Known}, author={A. Author}, year={2020}}\n" } },
    assets: [],
    stylesheet: "/s.css",
  };
}

const errors = async (posts: Record<string, string>) =>
  (await buildSite(site(posts))).problems.filter((p) => p.severity === "error").map(formatContentError);

describe("one pass", () => {
  it("a bad date and an unknown citation key are both reported", async () => {
    const found = await errors({ "2024-01-01-x.md": "---\ntitle: X\ndate: 2024-02-30\nbibliography: refs.bib\n---\nText<d-cite key=\"nobody\"></d-cite>.\n" });
    expect(found.some((e) => e.includes("2024-01-01-x.md:3:") && e.includes("invalid date"))).toBe(true);
    expect(found.some((e) => e.includes("2024-01-01-x.md:6:") && e.includes("unknown citation key `nobody`"))).toBe(true);
  });

  it("a YAML syntax error and an unknown Liquid include are both reported", async () => {
    const found = await errors({ "2024-01-02-y.md": "---\ntitle: [unclosed\n---\n\n{% include nosuch.liquid %}\n" });
    expect(found.some((e) => e.includes("2024-01-02-y.md:2:") && e.includes("invalid YAML"))).toBe(true);
    expect(found.some((e) => e.includes("2024-01-02-y.md:5:"))).toBe(true);
    // The bibliography is unknown when the YAML does not parse: no guess about citation keys.
    expect(found.some((e) => e.includes("citation"))).toBe(false);
  });

  it("a bibliography that is not there is one error, not one more per key it would have had", async () => {
    const found = await errors({ "2024-01-04-w.md": "---\ntitle: W\nbibliography: nope.bib\n---\nText<d-cite key=\"known\"></d-cite> and<d-cite key=\"other\"></d-cite>.\n" });
    expect(found).toEqual([expect.stringMatching(/^content\/posts\/2024-01-04-w\.md:3:\d+: error: bibliography `nope\.bib` not found/)]);
  });

  it("a post whose front matter is fine still publishes nothing when its body fails", async () => {
    const result = await buildSite(site({ "2024-01-03-z.md": "---\ntitle: Z\n---\n<d-cite key=\"nobody\"></d-cite>\n" }));
    expect(result.bundle).toBeNull();
  });
});
