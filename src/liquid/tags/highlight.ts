/**
 * `{% highlight LANG [linenos] %}…{% endhighlight %}` → a fenced code block
 * for marked, so it renders (and escapes) exactly like ```` ```LANG ````.
 * `linenos` stays in the info string (```` ```c++ linenos ````): the build's
 * highlighter reads it there. Its body is Liquid first, as in Jekyll
 * (`{{ site.url }}` is expanded, `{% raw %}` keeps code that looks like Liquid).
 */
import type { LiteralTag } from "../types.ts";

export const highlight: LiteralTag = {
  kind: "literal",
  name: "highlight",
  liquidBody: true,
  render(args, body, ctx) {
    const [lang = "", ...options] = args.trim().split(/\s+/);
    const linenos = options.some((o) => /^linenos\b/.test(o));
    if (!/^[\w+#.-]*$/.test(lang)) {
      ctx.report({ severity: "error", message: `\`highlight\`: \`${lang}\` is not a language name`, hint: "write {% highlight python %}" });
    }
    // A fence longer than any backtick run in the code cannot be closed by it.
    const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = "`".repeat(longest + 1);
    return `\n${fence}${lang}${linenos ? " linenos" : ""}\n${body.replace(/^\n/, "").replace(/\n$/, "")}\n${fence}\n`;
  },
};
