/**
 * A feed item reads well away from the site: citations and footnotes are
 * plain links (no hover-card text inline for readers without our CSS), the
 * footnotes and references they point to follow the body, and every link
 * and picture is absolute.
 */
import { beforeAll, expect, it } from "vitest";
import { get, publishSite } from "../support/worker.ts";

const POST = "https://distill.example.org/blog/2024/everything/";
let content = "";

beforeAll(async () => {
  await publishSite("distill");
  const feed = (await (await get("/feed.json")).json()) as { items: { url: string; content_html: string }[] };
  content = feed.items.find((i) => i.url === POST)?.content_html ?? "";
});

it("has no hover cards", () => {
  expect(content).toContain('class="cite-link"');
  expect(content).not.toContain("hover-card");
  expect(content).not.toContain("aria-describedby");
});

it("appends the footnotes and references the body links to, with links to them absolute", () => {
  const targets = [...content.matchAll(/href="https:\/\/distill\.example\.org\/blog\/2024\/everything\/#((?:ref|fn)-[^"]+)"/g)].map((m) => m[1]!);
  expect(targets.length).toBeGreaterThan(1);
  for (const id of targets.filter((t) => !t.startsWith("fnref-"))) expect(content, id).toContain(`id="${id}"`);
  expect(content).toContain('<h2 id="appendix-references">References</h2>');
  expect(content).toContain('<h2 id="appendix-footnotes">Footnotes</h2>');
});

it("has no site-relative or in-page links left", () => {
  expect(content).not.toMatch(/\s(?:href|src)="[#/](?!\/)/);
});
