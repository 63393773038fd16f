/**
 * `npm run new -- "Post title" [--distill] [--date YYYY-MM-DD] [--content DIR]`
 *
 * Writes `posts/DATE-slug.md` in the content folder with front matter that
 * builds as is (al-folio's keys); `--distill` adds authors, a table of
 * contents and a bibliography stub in `assets/bibliography/`. Never
 * overwrites: an existing file is an error (exit 1).
 */
import { parseArgs } from "node:util";
import { mkdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { slugify } from "../src/content/slug.ts";

const USAGE = `usage: npm run new -- "Post title" [--distill] [--date YYYY-MM-DD] [--content DIR]`;

/** A file-name slug: ASCII letters, digits and `-` (what post URLs accept everywhere). */
export function fileSlug(title: string): string {
  return slugify(title).replace(/[^a-z0-9-]/g, "").replace(/-+/g, "-").replace(/^-|-$/g, "") || "post";
}

/** YAML double-quoted scalar: JSON's string syntax is a subset of it. */
const yamlString = (s: string): string => JSON.stringify(s);

export function postText(title: string, date: string, distill: boolean, bibliography?: string): string {
  if (!distill) {
    return `---
layout: post
title: ${yamlString(title)}
description: ""
date: ${date}
tags: []
categories: []
---

Write the post here, in Markdown. Liquid tags such as
{% raw %}{% include figure.liquid path="assets/img/example.jpg" %}{% endraw %} work as in al-folio.
`;
  }
  return `---
layout: distill
title: ${yamlString(title)}
description: ""
date: ${date}
tags: []
categories: []
authors:
  - name: Your Name
    affiliations:
      name: Your Institution
bibliography: ${bibliography}
toc:
  - name: Introduction
  - name: Conclusion
---

## Introduction

Cite with <d-cite key="example2024"></d-cite>; notes with <d-footnote>A footnote.</d-footnote>

## Conclusion

The references list shows the cited entries of \`assets/bibliography/${bibliography}\`.
`;
}

const BIB_STUB = `@article{example2024,
  title   = {An Example Entry},
  author  = {Doe, Jane and Roe, Richard},
  journal = {Journal of Examples},
  year    = {2024}
}
`;

async function createNew(path: string, text: string): Promise<boolean> {
  try {
    await writeFile(path, text, { flag: "wx" }); // wx: fail if it exists
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { distill: { type: "boolean", default: false }, date: { type: "string" }, content: { type: "string", default: "content" }, help: { type: "boolean", default: false } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const title = positionals.join(" ").trim();
  if (!title) {
    console.error(`a title is needed\n${USAGE}`);
    return 2;
  }
  const date = values.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    console.error(`--date must be a real date as YYYY-MM-DD, not \`${date}\``);
    return 2;
  }
  const name = `${date}-${fileSlug(title)}`;
  const postsDir = join(values.content, "posts");
  await mkdir(postsDir, { recursive: true });
  const postPath = join(postsDir, `${name}.md`);
  const bibliography = values.distill ? `${name}.bib` : undefined;
  if (!(await createNew(postPath, postText(title, date, values.distill, bibliography)))) {
    console.error(`${relative(process.cwd(), postPath)} already exists; nothing was written`);
    return 1;
  }
  console.log(`wrote ${relative(process.cwd(), postPath)}`);
  if (bibliography) {
    const bibDir = join(values.content, "assets", "bibliography");
    await mkdir(bibDir, { recursive: true });
    const bibPath = join(bibDir, bibliography);
    if (await createNew(bibPath, BIB_STUB)) console.log(`wrote ${relative(process.cwd(), bibPath)}`);
    else console.log(`kept the existing ${relative(process.cwd(), bibPath)}`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`new: ${err.message}\n${USAGE}`);
    process.exit(2);
  },
);
