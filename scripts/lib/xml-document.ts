/**
 * XML documents through fast-xml-parser's XMLBuilder, never string
 * concatenation. It escapes `&`, `<`, `>` in every text and attribute value
 * (an HTML body's `&amp;` becomes `&amp;amp;`, so a reader decodes exactly the
 * HTML we rendered; `]]>` is plain text, no CDATA section to break). XML 1.0
 * forbids some characters outright, and no escape makes them legal: those
 * are dropped here, from every value, before the builder sees them.
 *
 * (xmlbuilder2 was tried first: it leaves `&` unescaped when it looks like
 * the start of an entity, so `&lt;script&gt;` in a post body reached readers
 * as `<script>`: oozcitak/xmlbuilder2#117, #110.)
 */
import { XMLBuilder } from "fast-xml-parser";
import { stripXmlIllegal } from "../../src/escape/index.ts";

/**
 * An element's content: `@name` keys are attributes, `#text` is text, any
 * other key a child element (an array repeats it). Keys keep their order.
 */
export interface XmlElement {
  [name: string]: string | XmlElement | XmlElement[] | string[] | undefined;
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  textNodeName: "#text",
  format: true,
  indentBy: "  ",
  suppressEmptyNode: true,
  // Otherwise an attribute whose value is "true" is written without a value, which is not XML.
  suppressBooleanAttributes: false,
  processEntities: true,
});

function clean<T>(value: T): T {
  if (typeof value === "string") return stripXmlIllegal(value) as T;
  if (Array.isArray(value)) return value.map(clean) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, clean(v)])) as T;
  }
  return value;
}

/** Serialise `<root …>content</root>` as a UTF-8 XML 1.0 document. */
export function xmlDocument(root: string, content: XmlElement): string {
  return builder.build({ "?xml": { "@version": "1.0", "@encoding": "UTF-8" }, [root]: clean(content) }) as string;
}
