/**
 * The fuzz corpus: hostile mutations of real posts (the seed post when
 * ../shared is present, and a small built-in distill post that exercises every
 * construct), of their front matter, Liquid parameters and .bib, made from a
 * seeded PRNG so a failing case can be replayed by its number.
 * Data fields get payloads carrying the marker MARK; checks then look for
 * markup or URLs that the marker reached (see page-checks.ts).
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { ContentSource } from "../../../scripts/lib/build-site.ts";
import { SEED_DIR } from "../external-sites.ts";

import { MARK } from "./marker.ts";

export { MARK };

/** Payloads for data fields: markup, URL schemes, Liquid, placeholders, broken Unicode, controls. */
export const PAYLOADS: readonly string[] = [
  `"><img src=x onerror=${MARK}()>`,
  `' onmouseover='${MARK}()`,
  `javascript:${MARK}(1)`,
  ` JaVa\tScRiPt:${MARK}(1)`,
  `data:text/html,<script>${MARK}()</script>`,
  `</script><script>${MARK}()</script>`,
  `</style><script>${MARK}()</script>`,
  `x\n\n[c](onload=${MARK}()//)`,
  `a\n\n<img src=x onerror=${MARK}()>\n\nb`,
  `{{ ${MARK} }}`,
  `{% include ${MARK}.html %}`,
  `{% raw %}${MARK}`,
  `\uE000liquid:0\uE001${MARK}`,
  `<!-- ${MARK}`,
  `]]> ${MARK} &amp; &`,
  `${MARK}\u0000\u0007\u001B`,
  `${MARK}\uD800`,
  `${MARK}\u2028\u2029\uFEFF`,
  `//evil.example/${MARK}`,
  `/\\evil.example/${MARK}`,
  "C++",
  "+++",
  "Content",
  "",
  " ",
  `${MARK} `.repeat(2000),
  `<d-cite key="${MARK}"></d-cite>`,
  `<d-footnote>${MARK}`,
  `$$ ${MARK} $$`,
  `\`\`\`\n${MARK}`,
];

/** Lines an author might write, hostile or odd, inserted into a body. */
const BODY_SNIPPETS: readonly string[] = [
  "## Content", "## Footnotes", "## Fn 1", "## Ref x", "## Appendix References", "## TOC Title", "# Giscus_thread", "## Intro",
  "<!--", "</", "<script>", "<textarea>", "<d-footnote>", "{% details x %}", "{% enddetails %}", "{% raw %}", "{{", "{%",
  "$$", "```", "| a | b |\n|---|---|\n| 1 |", "- - - - x", "> > > x", "[x][nope]", "[^9]", "<d-cite key=\"nosuch\"></d-cite>",
  "<d-cite key=\"\"></d-cite>", "\u0000", "\uD800", "\t\t\tcode", "<div>", "</div>", "*", "***x", "[a](<b>)", "<img src=\"a.png\">",
  "{% include figure.liquid path=\"assets/none.png\" %}", "{% twitter not-a-url %}", "&#0;", "&#xD800;", "\\",
];

/** Front-matter fields that hold data, as YAML lines built from a payload. */
const FIELD_MUTATIONS: readonly ((p: string) => [key: string, yaml: string])[] = [
  (p) => ["title", `title: ${JSON.stringify(p)}`],
  (p) => ["description", `description: ${JSON.stringify(p)}`],
  (p) => ["authors", `authors:\n  - name: ${JSON.stringify(p)}\n    url: ${JSON.stringify(p)}\n    affiliations:\n      name: ${JSON.stringify(p)}\n      url: ${JSON.stringify(p)}`],
  (p) => ["tags", `tags: [${JSON.stringify(p)}, ${JSON.stringify(p + "x")}]`],
  (p) => ["categories", `categories: ${JSON.stringify(p)}`],
  (p) => ["toc", `toc:\n  - name: ${JSON.stringify(p)}\n    subsections:\n      - name: ${JSON.stringify(p)}`],
  (p) => ["thumbnail", `thumbnail: ${JSON.stringify(p)}`],
  (p) => ["redirect", `redirect: ${JSON.stringify(p)}`],
  (p) => ["_styles", `_styles: ${JSON.stringify(p)}`],
  (p) => ["date", `date: ${JSON.stringify(p)}`],
  (p) => ["layout", `layout: ${JSON.stringify(p)}`],
  (p) => ["bibliography", `bibliography: ${JSON.stringify(p)}`],
  (p) => [p.replace(/[\s:#{}[\],&*!|>'"%@`]/g, "_") || "k", `${JSON.stringify(p)}: 1`],
  () => ["__proto__", "__proto__: {polluted: true}"],
  () => ["constructor", "constructor: {prototype: 1}"],
];

/**
 * Liquid parameters as al-folio writes them; each gets a payload. Attribute
 * parameters (`path`, `class`, `alt`, `title`) are data. Content parameters (a
 * caption, a details summary) are inline Markdown with the body's trust
 * (issue 8 §1), so they get payloads without raw HTML: Markdown in them must
 * still never become an attribute (`[c](onload=…)` after a blank line).
 */
const LIQUID_MUTATIONS: readonly { content: boolean; tag: (p: string) => string }[] = [
  { content: true, tag: (p) => `{% include figure.liquid path="assets/img/fig.png" caption="${p.replace(/"/g, "'")}" %}` },
  { content: false, tag: (p) => `{% include figure.liquid path="assets/img/fig.png" class="${p.replace(/"/g, "'")}" alt="${p.replace(/"/g, "'")}" %}` },
  { content: false, tag: (p) => `{% include figure.liquid path="assets/img/fig.png" title="${p.replace(/"/g, "'")}" %}` },
  { content: false, tag: (p) => `{% include figure.liquid path="${p.replace(/"/g, "'")}" %}` },
  { content: true, tag: (p) => `{% details ${p.replace(/%}/g, "%")} %}\nInside.\n{% enddetails %}` },
  { content: false, tag: (p) => `{% include video.liquid path="${p.replace(/"/g, "'")}" %}` },
  { content: false, tag: (p) => `{% twitter ${p} %}` },
  { content: false, tag: (p) => `{{ '${p.replace(/'/g, "")}' | relative_url }}` },
];

/** BibTeX fields; each gets a payload (braces balanced, as a parser needs). */
const BIB_FIELDS = ["title", "author", "journal", "booktitle", "url", "doi", "year", "publisher", "note", "eprint"];

/** A deterministic PRNG (mulberry32): the same seed gives the same cases. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FuzzBase {
  name: string;
  postName: string;
  post: string;
  bibName: string;
  bib: string;
  assets: string[];
}

export const BUILT_IN_POST = `---
layout: distill
title: Built-in fuzz fixture
description: Every construct once
date: 2024-05-01
tags: ml notes
categories: [research]
bibliography: fuzz.bib
giscus_comments: true
thumbnail: assets/img/fig.png
authors:
  - name: Ada Lovelace
    url: https://example.org/ada
    affiliations:
      name: Engine Society
toc:
  - name: Intro
  - name: Results
_styles: >
  .fake-img { background: #bbb; }
---
## Intro

Citing<d-cite key="smith2019"></d-cite> and again<d-cite key="smith2019,lee2021"></d-cite>; a note<d-footnote>With <a href="https://example.org">a link</a>.</d-footnote>.

{% include figure.liquid path="assets/img/fig.png" class="img-fluid" caption="A figure" %}

## Results

| a | b |
|---|---|
| 1 | 2 |

- one
  - two

> quoted

\`\`\`python
print("<!--")
\`\`\`

{% details Click for details %}
Hidden *text*.
{% enddetails %}

{% twitter https://twitter.com/someone/status/123 %}

See [the spec][spec].

[spec]: https://example.org/spec
`;

export const BUILT_IN_BIB = `@article{smith2019,
  title = {A Paper on {Things}},
  author = {Smith, Jane and Doe, John},
  journal = {Journal of Tests},
  year = {2019},
  url = {https://example.org/smith},
  doi = {10.1000/xyz}
}

@inproceedings{lee2021,
  title = {Another {\\"U}ber Paper},
  author = {Lee, Kim},
  booktitle = {Proceedings of Fuzz},
  year = {2021}
}
`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));
}

/** The built-in fixture always; the seed post when ../shared/seed is present. */
export function fuzzBases(): FuzzBase[] {
  const bases: FuzzBase[] = [{ name: "built-in", postName: "2024-05-01-fuzz-fixture.md", post: BUILT_IN_POST, bibName: "fuzz.bib", bib: BUILT_IN_BIB, assets: ["assets/img/fig.png"] }];
  const seedPost = join(SEED_DIR, "2024-01-03-december-2023-in-ml.md");
  if (existsSync(seedPost)) {
    bases.push({
      name: "seed",
      postName: "2024-01-03-december-2023-in-ml.md",
      post: readFileSync(seedPost, "utf8"),
      bibName: "dec2023.bib",
      bib: readFileSync(join(SEED_DIR, "dec2023.bib"), "utf8"),
      assets: filesUnder(join(SEED_DIR, "assets")).map((f) => "assets/" + relative(join(SEED_DIR, "assets"), f)),
    });
  }
  return bases;
}

export interface FuzzCase {
  /** `seed#12: front matter title ← payload 3`, to replay and to read. */
  name: string;
  /** What was mutated: data fields must not become markup; the body is the author's. */
  kind: "front-matter" | "liquid" | "bib" | "body";
  source: ContentSource;
  postFile: string;
  bibFile: string;
}

const pick = <T>(rng: () => number, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

/** Replace (or add) one top-level front-matter key with `yaml` lines. */
function setFrontMatter(post: string, key: string, yaml: string): string {
  const end = post.indexOf("\n---", 4);
  const lines = post.slice(4, end).split("\n");
  const at = lines.findIndex((l) => l.startsWith(`${key}:`));
  if (at < 0) return `---\n${lines.join("\n")}\n${yaml}${post.slice(end)}`;
  let stop = at + 1;
  while (stop < lines.length && /^(?:\s|-\s|$)/.test(lines[stop]!) && !/^\S/.test(lines[stop]!)) stop++;
  lines.splice(at, stop - at, yaml);
  return `---\n${lines.join("\n")}${post.slice(end)}`;
}

function insertInBody(post: string, rng: () => number, text: string): string {
  const bodyStart = post.indexOf("\n---", 4) + 5;
  const lines = post.slice(bodyStart).split("\n");
  lines.splice(Math.floor(rng() * (lines.length + 1)), 0, "", text, "");
  return post.slice(0, bodyStart) + lines.join("\n");
}

function mutateBib(bib: string, rng: () => number, payload: string): string {
  const r = rng();
  if (r < 0.15) return bib.slice(0, Math.floor(rng() * bib.length)); // truncated
  if (r < 0.25) {
    const entry = /@\w+\{[^@]*/.exec(bib.slice(Math.floor(rng() * bib.length)))?.[0] ?? "";
    return bib + "\n" + entry.replace(/\{(\w+),/, (_, k: string) => `{${k.toUpperCase()},`); // case-insensitive duplicate
  }
  const field = pick(rng, BIB_FIELDS);
  const safe = payload.replace(/[{}]/g, "");
  const fields = [...bib.matchAll(new RegExp(`^(\\s*${field}\\s*=\\s*)\\{.*\\},?$`, "gm"))];
  if (!fields.length) return bib.replace(/(@\w+\{[^,]+,)/, `$1\n  ${field} = {${safe}},`);
  const m = pick(rng, fields);
  return bib.slice(0, m.index) + `${m[1]}{${safe}},` + bib.slice(m.index + m[0].length);
}

/** Case `i` of the corpus (same `i`, same case). */
export function fuzzCase(bases: readonly FuzzBase[], i: number, opts: { liquid: boolean }): FuzzCase {
  const rng = prng(0x5eed + i * 7919);
  const base = bases[i % bases.length]!;
  const payload = pick(rng, PAYLOADS);
  const kinds: FuzzCase["kind"][] = opts.liquid ? ["front-matter", "liquid", "bib", "body"] : ["front-matter", "bib", "body"];
  const kind = pick(rng, kinds);
  let post = base.post;
  let bib = base.bib;
  let what: string;
  switch (kind) {
    case "front-matter": {
      const [key, yaml] = pick(rng, FIELD_MUTATIONS)(payload);
      post = setFrontMatter(post, key, yaml);
      what = `front matter ${key} ← ${JSON.stringify(payload.slice(0, 40))}`;
      break;
    }
    case "liquid": {
      const mutation = pick(rng, LIQUID_MUTATIONS);
      const tag = mutation.tag(mutation.content ? payload.replace(/</g, "(") : payload);
      post = insertInBody(post, rng, tag);
      what = `Liquid ${JSON.stringify(tag.slice(0, 60))}`;
      break;
    }
    case "bib":
      bib = mutateBib(bib, rng, payload);
      what = `bib ← ${JSON.stringify(payload.slice(0, 40))}`;
      break;
    case "body": {
      const r = rng();
      if (r < 0.2) {
        const bodyStart = post.indexOf("\n---", 4) + 5;
        post = post.slice(0, bodyStart + Math.floor(rng() * (post.length - bodyStart)));
        what = "body truncated";
      } else {
        const snippet = pick(rng, BODY_SNIPPETS);
        post = insertInBody(post, rng, snippet);
        what = `body + ${JSON.stringify(snippet)}`;
      }
      break;
    }
  }
  const postFile = `content/posts/${base.postName}`;
  const bibFile = `content/assets/bibliography/${base.bibName}`;
  return {
    name: `${base.name}#${i}: ${what}`,
    kind,
    postFile,
    bibFile,
    source: {
      site: { file: "content/site.yml", text: "title: Fuzz\nurl: https://fuzz.example\ntimezone: UTC\ntwitter_widgets: true\ngiscus:\n  repo: a/b\n  repo_id: R\n  category: C\n  category_id: D\n" },
      posts: [{ file: postFile, text: post }],
      bibliographies: [base.bibName],
      bibliographyFiles: { [base.bibName]: { file: bibFile, text: bib } },
      assets: base.assets,
      stylesheet: "/assets/edgefolio/style.0123456789.css",
    },
  };
}
