/**
 * Warnings about tags and categories an author would want to hear of: two
 * different names that land on one archive address (`C++` and `c plus plus`
 * → /blog/tag/c-plus-plus/), and names with no letters or digits, whose
 * address is spelled in code points. Spellings that differ only in case,
 * spaces, `-` or `_` are one name (`Deep Learning`, `deep-learning`).
 */
import { labelSlug, slugify } from "../../src/content/slug.ts";
import { categoryPath, tagPath } from "../../src/content/urls.ts";
import type { PostMeta } from "../../src/content/types.ts";

export interface LabelWarning {
  key: "tags" | "categories";
  /** Position in the post's list. */
  index: number;
  message: string;
  hint: string;
}

const sameName = (label: string): string => label.toLowerCase().replace(/[\s_-]+/g, " ").trim();

/** Remembers every tag and category seen, across posts, in build order. */
export class LabelRegistry {
  private readonly seen = new Map<string, string>();

  /** Warnings for this post's tags and categories against everything seen before. */
  check(meta: Pick<PostMeta, "tags" | "categories">): LabelWarning[] {
    const out: LabelWarning[] = [];
    for (const [key, labels, kind, path] of [["tags", meta.tags, "tag", tagPath], ["categories", meta.categories, "category", categoryPath]] as const) {
      for (const [index, label] of labels.entries()) {
        const slug = labelSlug(label);
        if (!slugify(label)) {
          out.push({ key, index, message: `${kind} \`${label}\` has no letters or digits; its archive is ${path(label)}`, hint: `give the ${kind} a name with letters or digits` });
        }
        const first = this.seen.get(`${kind}:${slug}`);
        if (first === undefined) this.seen.set(`${kind}:${slug}`, label);
        else if (sameName(first) !== sameName(label)) {
          out.push({ key, index, message: `${kind} \`${label}\` shares the archive ${path(label)} with \`${first}\`, so their posts are listed together`, hint: `use one spelling, or names that differ in letters or digits` });
        }
      }
    }
    return out;
  }
}
