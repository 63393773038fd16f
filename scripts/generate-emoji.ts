/**
 * Writes src/markdown/extensions/emoji-names.ts: GitHub's emoji shortcodes
 * (the gemoji data jemoji uses on Jekyll sites), as one compact string the
 * worker can carry, from the pinned `gemoji` dev dependency. The worker never
 * imports gemoji itself. Run after upgrading gemoji:
 *
 *     npx tsx scripts/generate-emoji.ts
 *
 * test/unit/emoji.test.ts fails when the file and the installed data differ.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { emojiNamesModule } from "./lib/emoji-names.ts";

const target = fileURLToPath(new URL("../src/markdown/extensions/emoji-names.ts", import.meta.url));
writeFileSync(target, emojiNamesModule());
console.log(`wrote ${target}`);
