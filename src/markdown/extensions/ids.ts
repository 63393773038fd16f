/** Fragment ids of the appendix, shared by the links in the text and their targets. */

/** `ref-<key>`: BibTeX keys may hold `:` or `/`; those become `_` so the id is fragment-safe. */
export const referenceId = (key: string): string => `ref-${key.replace(/[^A-Za-z0-9_.-]/g, "_")}`;
export const footnoteId = (n: number): string => `fn-${n}`;
export const footnoteRefId = (n: number): string => `fnref-${n}`;
