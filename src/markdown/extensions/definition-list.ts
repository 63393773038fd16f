/**
 * kramdown definition lists:
 *
 *     term (one or more lines, each a term)
 *     : definition
 *     : another definition, continued on
 *       indented lines
 *
 * → `<dl><dt>term</dt><dd>definition</dd>…</dl>`. A blank line between the
 * terms and a definition, or inside a definition, makes that definition's
 * content paragraphs (kramdown's rule); otherwise it is inline text. Groups of
 * terms and definitions separated by blank lines make one list.
 */
import type { MarkedExtension, Token, Tokens } from "marked";

interface DefinitionItem extends Tokens.Generic {
  type: "definitionTerm" | "definitionDescription";
  raw: string;
  tokens: Token[];
}

export interface DefinitionListToken extends Tokens.Generic {
  type: "definitionList";
  raw: string;
  tokens: DefinitionItem[];
}

const DEFINITION = /^ {0,3}:[ \t]+/;
const BLANK = /^[ \t]*$/;
const INDENTED = /^(?: {1,4}|\t)/;
/** Lines that start another kind of block and so cannot be terms. */
const NOT_A_TERM = /^ {0,3}(?:[#>|<:]|`{3}|~{3}|[-*+][ \t]|\d{1,9}[.)][ \t]|\{:|\[\^|\*\[)|^\s/;
/** Whether a definition line (`: `, after up to three spaces) starts at `i`. */
function definitionAt(src: string, i: number): boolean {
  for (let s = 0; s < 3 && src.charCodeAt(i) === 32; s++) i++;
  const next = src.charCodeAt(i + 1);
  return src.charCodeAt(i) === 58 && (next === 32 || next === 9);
}

/**
 * Cheap test, run at every block start (so no regex over the paragraph): some
 * line of the first paragraph is followed by a definition line, or by one
 * blank line and a definition line.
 */
function mayStartList(src: string): boolean {
  let pos = 0;
  for (;;) {
    const nl = src.indexOf("\n", pos);
    if (nl < 0) return false;
    let k = nl + 1;
    while (src.charCodeAt(k) === 32 || src.charCodeAt(k) === 9) k++;
    if (k >= src.length) return false;
    if (src.charCodeAt(k) === 10) return definitionAt(src, k + 1);
    if (definitionAt(src, nl + 1)) return true;
    pos = nl + 1;
  }
}

export const definitionList: MarkedExtension = {
  extensions: [
    {
      name: "definitionList",
      level: "block",
      tokenizer(src) {
        if (!mayStartList(src)) return undefined;
        const lines = src.split("\n");
        const items: DefinitionItem[] = [];
        let i = 0;
        let taken = 0;
        for (;;) {
          const termStart = i;
          while (i < lines.length && !BLANK.test(lines[i]!) && !DEFINITION.test(lines[i]!) && !NOT_A_TERM.test(lines[i]!)) i++;
          const terms = lines.slice(termStart, i);
          let blankBefore = false;
          if (terms.length && i < lines.length && BLANK.test(lines[i]!) && i + 1 < lines.length && DEFINITION.test(lines[i + 1]!)) {
            blankBefore = true;
            i++;
          }
          if (!terms.length || i >= lines.length || !DEFINITION.test(lines[i]!)) break;
          for (const term of terms) items.push({ type: "definitionTerm", raw: term, tokens: [{ type: "text", raw: term, text: term.trim(), tokens: this.lexer.inline(term.trim()) } as Tokens.Text] });
          while (i < lines.length && DEFINITION.test(lines[i]!)) {
            const content = [lines[i]!.replace(DEFINITION, "")];
            let loose = blankBefore;
            i++;
            for (; i < lines.length; i++) {
              const line = lines[i]!;
              if (BLANK.test(line)) {
                let j = i;
                while (j < lines.length && BLANK.test(lines[j]!)) j++;
                if (j >= lines.length || !INDENTED.test(lines[j]!)) break;
                for (; i < j; i++) content.push("");
                i--;
                loose = true;
              } else if (INDENTED.test(line)) content.push(line.replace(INDENTED, ""));
              else if (DEFINITION.test(line) || NOT_A_TERM.test(line)) break;
              else content.push(line); // lazy continuation of the definition's paragraph
            }
            const blocks = this.lexer.blockTokens(content.join("\n"), []);
            const only = blocks.length === 1 ? blocks[0]! : undefined;
            // A tight definition shows its paragraph's text without <p>, as a tight list item does.
            const tokens = !loose && only?.type === "paragraph" ? [{ ...only, type: "text" } as Token] : blocks;
            items.push({ type: "definitionDescription", raw: content.join("\n"), tokens });
            taken = i;
            blankBefore = false;
            if (i < lines.length && BLANK.test(lines[i]!)) {
              let j = i;
              while (j < lines.length && BLANK.test(lines[j]!)) j++;
              if (j < lines.length && DEFINITION.test(lines[j]!)) {
                i = j;
                blankBefore = true;
              }
            }
          }
          // Another group of terms may follow after blank lines.
          let j = i;
          while (j < lines.length && BLANK.test(lines[j]!)) j++;
          if (j === i || j >= lines.length) break;
          i = j;
        }
        if (!items.some((t) => t.type === "definitionDescription")) return undefined;
        const raw = lines.slice(0, taken).join("\n") + (taken < lines.length ? "\n" : "");
        return { type: "definitionList", raw, tokens: items } satisfies DefinitionListToken;
      },
      renderer(token) {
        const items = (token as DefinitionListToken).tokens.map((item) => {
          const tag = item.type === "definitionTerm" ? "dt" : "dd";
          return `<${tag}>${this.parser.parse(item.tokens).trim()}</${tag}>\n`;
        });
        return `<dl>\n${items.join("")}</dl>\n`;
      },
    },
  ],
};
