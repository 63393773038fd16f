/**
 * The files of the Jekyll test site that are ours (test/support/jekyll-site.ts
 * assembles the site): plain data, so worker tests can import the values
 * they assert on without Node's file system.
 */

/** What the test site's `_config.yml` sets, for assertions. */
export const JEKYLL_SITE = {
  title: "Grace Tester",
  url: "https://grace.example.net",
  /** Not al-folio's default, so a served URL proves the mapping. */
  permalinkExample: "/notes/2023/07/post-bibliography/",
  perPage: 4,
  giscusRepo: "grace/field-notes",
  /** Title of the entry the corpus post cites first (`einstein1950meaning`), ours. */
  citedTitle: "Tidal clocks and the drift of shared calendars",
  draftTitle: "An idea not yet finished",
  picture: "assets/img/import-check.svg",
} as const;

export const CONFIG = `# A test site in al-folio's shape (our own values).
title: blank
first_name: Grace
middle_name:
last_name: Tester
description: >
  Field notes on sparse solvers and shared calendars.
footer_text: >
  Hosted by <a href="https://pages.github.com/">GitHub Pages</a>.
url: https://grace.example.net
baseurl:
icon: ⚛️
timezone: Europe/Warsaw
permalink: /notes/:year/:month/:title/
google_analytics:
navbar_fixed: true
pagination:
  enabled: true
giscus:
  repo: grace/field-notes
  repo_id: R_kgDOgrace
  category: Comments
  category_id: DIC_kwDOgrace
  mapping: title
disqus_shortname: grace-notes
plugins:
  - jekyll-feed
  - jekyll-email-protect
  - jekyll/scholar
scholar:
  style: apa
  bibliography: papers.bib
`;

/** The three keys al-folio's bibliography post cites, with our own entries. */
export const PAPERS_BIB = `@string{cal = {Journal of Calendar Studies}}

@article{einstein1950meaning,
  title = {${JEKYLL_SITE.citedTitle}},
  author = {Tester, Grace and Field, Ida},
  journal = cal,
  year = {2019},
  volume = {4},
  pages = {11--29}
}

@article{einstein1905movement,
  title = {Counting steps on a moving staircase},
  author = {Field, Ida},
  journal = cal,
  year = {2017}
}

@book{einstein1905electrodynamics,
  title = {A Handbook of Small Measurements},
  author = {Tester, Grace},
  publisher = {Example Press},
  year = {2021}
}
`;

export const BLOG_PAGE = `---
layout: default
permalink: /blog/
pagination:
  enabled: true
  collection: posts
  per_page: ${JEKYLL_SITE.perPage}
---
`;

export const DRAFT = `---
layout: post
title: ${JEKYLL_SITE.draftTitle}
tags: drafts
---
Half a thought for {{ site.title }}'s {{ site.blog_name }}.
`;

export const PICTURE = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#3a7"/></svg>\n`;

