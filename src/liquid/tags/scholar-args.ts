/**
 * Arguments of jekyll-scholar tags: keys separated by spaces, options after
 * `-`/`--` (`--cited`, `--file papers`, `-l 23`). Options that take a value
 * consume the next word. Only the keys and option names are returned:
 * edgefolio reads `--cited`/`--cited_in_order` and ignores locators and files.
 */
const TAKES_VALUE = new Set(["-l", "--locator", "-L", "--label", "-f", "--file", "-q", "--query", "-p", "--prefix", "-s", "--style", "-t", "--text", "-T", "--template"]);

export function scholarArgs(args: string): { keys: string[]; options: Set<string> } {
  const words = args.trim().split(/\s+/).filter(Boolean);
  const keys: string[] = [];
  const options = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.startsWith("-")) {
      options.add(w);
      if (TAKES_VALUE.has(w)) i++;
    } else keys.push(w.replace(/^["']|["']$/g, ""));
  }
  return { keys, options };
}
