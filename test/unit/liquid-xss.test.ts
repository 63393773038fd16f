/**
 * Issue 8 §1: Liquid parameters are data. Whatever a parameter holds (blank
 * lines, Markdown, quotes), the tag's output reaches the page as one opaque
 * element: parsed here with an HTML5 parser (parse5), as a browser would,
 * never with regexes alone.
 */
import { describe, expect, it } from "vitest";
import { parseFragment, type DefaultTreeAdapterMap } from "parse5";
import { renderPost } from "../../scripts/lib/render-post.ts";
import type { Bibliography } from "../../src/bibliography/types.ts";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

function elements(html: string): Element[] {
  const out: Element[] = [];
  const walk = (node: Node) => {
    if ("tagName" in node) out.push(node);
    if ("childNodes" in node) node.childNodes.forEach(walk);
    if ("content" in node && node.content) walk(node.content as Node);
  };
  walk(parseFragment(html) as unknown as Node);
  return out;
}

/** Every attribute that would run script: on* handlers, javascript: URLs. */
function scriptAttributes(html: string): string[] {
  return elements(html).flatMap((el) =>
    el.attrs
      .filter((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value.replace(/[\u0000-\u0020]/g, "")))
      .map((a) => `<${el.tagName} ${a.name}="${a.value}">`),
  );
}

const render = (md: string, bibliography?: Bibliography) => renderPost(md, { assetExists: () => true, ...(bibliography ? { bibliography } : {}) }).doc;

const PAYLOAD = "x\n\n[c](onload=alert(1)//)";

describe("Liquid parameters never become markup", () => {
  for (const param of ["caption", "class", "title", "alt"]) {
    it(`figure ${param} with a blank line and a Markdown link stays inside the figure`, () => {
      const html = render(`Before.\n\n{% include figure.html path="a.jpg" ${param}="${PAYLOAD}" %}\n\nAfter.\n`).html;
      expect(scriptAttributes(html)).toEqual([]);
      const figures = elements(html).filter((e) => e.tagName === "figure");
      expect(figures).toHaveLength(1);
      const imgs = elements(html).filter((e) => e.tagName === "img");
      expect(imgs).toHaveLength(1);
      // The image keeps exactly the attributes the include makes (the post's first picture: fetched first, not lazy).
      expect(imgs[0]!.attrs.map((a) => a.name).sort()).toEqual(["alt", "fetchpriority", "src", ...(param === "class" || param === "title" ? [param] : [])].sort());
    });
  }

  it("a figure inside an indented HTML block (al-folio's rows) with the payload", () => {
    const html = render(`<div class="row">\n    <div class="col-sm">\n        {% include figure.liquid path="a.jpg" caption="${PAYLOAD}" title="${PAYLOAD}" %}\n    </div>\n</div>\n`).html;
    expect(scriptAttributes(html)).toEqual([]);
    expect(elements(html).filter((e) => e.tagName === "figcaption")).toHaveLength(1);
  });

  it("a caption is inline Markdown rendered once inside its figcaption", () => {
    const html = render('{% include figure.liquid path="a.jpg" caption="A *fine* [link](https://example.org)" %}\n').html;
    expect(html).toContain('<figcaption class="caption">A <em>fine</em> <a href="https://example.org">link</a></figcaption>');
    expect(html).toContain('alt="A fine link"');
  });

  it("a details summary with a blank line is one summary element", () => {
    const html = render(`{% details Click\n\n[c](onload=alert(1)//) <b>here</b> %}\nBody *text*.\n{% enddetails %}\n`).html;
    expect(scriptAttributes(html)).toEqual([]);
    const summaries = elements(html).filter((e) => e.tagName === "summary");
    expect(summaries).toHaveLength(1);
    expect(elements(html).filter((e) => e.tagName === "details")).toHaveLength(1);
    expect(html).toMatch(/<summary>[^]*<\/summary>/);
    expect(html).toContain("<em>text</em>");
  });

  it("a script scheme through relative_url is a located error, and no javascript: URL is written", () => {
    const doc = render("Intro.\n\n<a href=\"{{ 'javascript:alert(1)' | relative_url }}\">x</a>\n");
    expect(doc.problems.map((p) => `${p.line}:${p.col} ${p.severity}`)).toEqual(["3:10 error"]);
    expect(scriptAttributes(doc.html)).toEqual([]);
  });

  it("front matter printed with {{ }} is escaped data", () => {
    const { doc } = renderPost("{{ page.title }}\n\n<img alt=\"{{ page.title }}\">\n", { page: { title: '"><img src=x onerror=alert(1)>' } });
    expect(scriptAttributes(doc.html)).toEqual([]);
    expect(elements(doc.html).filter((e) => e.tagName === "img")).toHaveLength(1);
  });

  it("citations in a caption and a details summary are numbered in document order with the body's", () => {
    const bib: Bibliography = {
      a: { key: "a", type: "misc", title: "A", authors: ["Ann"], year: "2020" },
      b: { key: "b", type: "misc", title: "B", authors: ["Bob"], year: "2021" },
      c: { key: "c", type: "misc", title: "C", authors: ["Cy"], year: "2022" },
    };
    const doc = render(
      `First <d-cite key="b"></d-cite>.\n\n<div class="row">\n  {% include figure.liquid path="a.jpg" caption='See <d-cite key="c"></d-cite>.' %}\n</div>\n\n{% details Why <d-cite key="a"></d-cite> %}\nInside <d-cite key="b"></d-cite><d-footnote>Note *one*.</d-footnote>\n{% enddetails %}\n`,
      bib,
    );
    expect(doc.citations).toEqual(["b", "c", "a"]);
    expect(doc.footnotes).toEqual(["Note <em>one</em>."]);
    expect(doc.html).not.toContain("<d-cite");
    expect(doc.html).not.toContain("\uE000");
  });
});

/** What a reader gets from the HTML: every text node and attribute value, decoded by the HTML5 parser. */
function textAndAttributes(html: string): string {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeName === "#text") out.push((node as DefaultTreeAdapterMap["textNode"]).value);
    if ("attrs" in node) for (const a of node.attrs) out.push(a.value);
    if ("childNodes" in node) node.childNodes.forEach(walk);
  };
  walk(parseFragment(html) as unknown as Node);
  return out.join("\n");
}

describe("placeholder characters in data", () => {
  // U+E000 key U+E001 is how the build marks a tag's output in the stored body (src/markdown/fragments.ts).
  const forged = "\uE000liquid:0\uE001";

  for (const param of ["class", "title", "alt", "caption"]) {
    it(`a figure ${param} holding a forged placeholder shows it as text, never as another tag's output`, () => {
      const html = render(`{% include figure.html path="a.jpg" ${param}="a ${forged} b" %}\n`).html;
      expect(elements(html).filter((e) => e.tagName === "figure")).toHaveLength(1);
      expect(elements(html).filter((e) => e.tagName === "img")).toHaveLength(1);
      // The characters stay what the author wrote (in the attribute, or as caption text).
      expect(textAndAttributes(html)).toContain(`a ${forged} b`);
    });
  }

  it("a {{ }} value holding a forged placeholder is text too", () => {
    const out = renderPost(`{% include figure.html path="a.jpg" %}\n\n{% assign x = "${forged}" %}Value: {{ x }}\n`, { assetExists: () => true }).doc.html;
    expect(elements(out).filter((e) => e.tagName === "figure")).toHaveLength(1);
    expect(textAndAttributes(out)).toContain(`Value: ${forged}`);
  });
});
