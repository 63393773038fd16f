/** A synthetic site of N posts (al-folio style front matter, ~2 KB bodies), in memory. */
import type { ContentSource } from "../../scripts/lib/build-site.ts";

const TAGS = ["ml", "llm", "vision", "theory", "systems", "rl", "nlp", "review", "tools", "data"];

export function generatedSite(posts: number, stylesheet = "/assets/edgefolio/style.bench.css"): ContentSource {
  const source: ContentSource = {
    site: { file: "content/site.yml", text: "title: Bench Lab\nurl: https://bench.example.org\nper_page: 5\n" },
    posts: [],
    bibliographies: [],
    assets: [],
    stylesheet,
  };
  for (let i = 0; i < posts; i++) {
    // Spread posts over 2000-01-01 + i hours so dates and slugs are unique.
    const d = new Date(Date.UTC(2000, 0, 1) + i * 3_600_000);
    const day = d.toISOString().slice(0, 10);
    const time = d.toISOString().slice(11, 19);
    const tags = [TAGS[i % TAGS.length], TAGS[(i * 7 + 3) % TAGS.length]].join(" ");
    source.posts.push({
      file: `content/posts/${day}-post-${i}.md`,
      text: `---
layout: post
title: Post number ${i}
description: A generated post for benchmarks.
date: ${day} ${time}
tags: ${tags}
categories: generated
---

## Introduction

This is post ${i}. It has a [link](https://example.org/${i}), some **bold** text, and a list:

- first item about ${TAGS[i % TAGS.length]}
- second item with \`inline code\`
- third item

## Method

${"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. ".repeat(8)}

\`\`\`python
def f(x):
    return x * ${i}
\`\`\`

## Results

${"Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. ".repeat(6)}
`,
    });
  }
  return source;
}
