/**
 * XML documents through xmlbuilder2, never string concatenation: it escapes
 * `&`, `<`, `>` in text and attributes (so `]]>` in a post is plain text, no
 * CDATA section to break) and, with `invalidCharReplacement: ""`, drops
 * characters XML 1.0 forbids (control characters a strict parser rejects).
 */
import { create } from "xmlbuilder2";
export type XmlElement = ReturnType<typeof create>;

/** A new document with its root element; `write()` serialises it. */
export function xmlDocument(root: string, attributes: Record<string, string> = {}): { root: XmlElement; write: () => string } {
  const doc = create({ version: "1.0", encoding: "UTF-8", invalidCharReplacement: "" });
  const el = doc.ele(root, attributes);
  return { root: el, write: () => doc.end({ prettyPrint: true }) + "\n" };
}

/** Append `<name>text</name>` to `parent`. */
export function textElement(parent: XmlElement, name: string, text: string, attributes: Record<string, string> = {}): void {
  parent.ele(name, attributes).txt(text);
}
