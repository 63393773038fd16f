/**
 * Every Liquid tag a post may use besides Liquid's own (if, for, assign,
 * capture, raw, comment, …).
 *
 * To add a tag: write `./NAME.ts` exporting one object of a shape from
 * ../types.ts (`inline`, `block` or `literal`), add it to this list, and add
 * fixture cases under test/fixtures/markdown/NAME/ (`.md` → `.html`, plus
 * `.problems` for error cases). HTML a tag returns becomes a fragment: it is
 * never re-parsed as Markdown, so parameters must be escaped for where they
 * land (`html``…`` from src/escape/html.ts) and content parameters go through
 * `ctx.inlineMarkdown`. Report problems with `ctx.report`: they are located
 * at the tag in the author's file.
 */
import type { LiquidTag } from "../types.ts";
import { include } from "./include.ts";
import { twitter } from "./twitter.ts";
import { details } from "./details.ts";
import { highlight } from "./highlight.ts";
import { tab, tabs } from "./tabs.ts";
import { link, postUrl } from "./post-url.ts";
import { fileExists } from "./file-exists.ts";
import { jupyterNotebook } from "./jupyter-notebook.ts";
import { scholarCite } from "./scholar-cite.ts";
import { scholarReference } from "./scholar-reference.ts";
import { scholarQuote } from "./scholar-quote.ts";
import { scholarBibliography } from "./scholar-bibliography.ts";

export const TAGS: readonly LiquidTag[] = [include, twitter, details, highlight, tabs, tab, postUrl, link, fileExists, jupyterNotebook, scholarCite, scholarReference, scholarQuote, scholarBibliography];
