/** Strict XML parsing for feed tests: a document that is not well-formed fails the test. */
import { XMLParser, XMLValidator } from "fast-xml-parser";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  // Lists that have one element in some documents and many in others.
  isArray: (name) => ["item", "entry", "category", "link", "url", "sitemap", "author", "dc:creator"].includes(name),
  parseTagValue: false,
  trimValues: false,
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type XmlNode = any;

export function parseXml(text: string): XmlNode {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} at line ${valid.err.line}, col ${valid.err.col}`);
  return parser.parse(text);
}

/** Text content of an element parsed with attributes (`{ "#text": …, "@attr": … }`) or without. */
export function text(node: XmlNode): string {
  return typeof node === "object" && node !== null ? String(node["#text"] ?? "") : String(node ?? "");
}
