/** Fixture sites under test/fixtures/sites/<name>/, each a content folder in al-folio's layout. */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const SITES_DIR = fileURLToPath(new URL("../fixtures/sites/", import.meta.url));

export function fixtureSiteNames(): string[] {
  return readdirSync(SITES_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}
