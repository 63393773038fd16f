/**
 * BENCHMARKS.md is made of sections, one per benchmark, between markers:
 * `<!-- bench:ID -->` … `<!-- /bench:ID -->`. A run replaces its section's
 * latest figures and appends a line to the section's history, kept in
 * bench/history/ID.jsonl (committed), so every optimisation leaves a trace.
 */
import { appendFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import os from "node:os";

const FILE = "BENCHMARKS.md";

export interface Row {
  /** What was measured. */
  metric: string;
  /** The figure with its unit. */
  value: string;
  /** The target from the issue, if one was set. */
  target?: string;
  /** ✅ / ❌ against the target, if one was set. */
  ok?: boolean;
}

function machine(): string {
  const commit = (() => {
    try {
      return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    } catch {
      return "unknown";
    }
  })();
  return `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "cpu"}, Node ${process.version}, commit ${commit}`;
}

export async function writeSection(id: string, title: string, how: string, rows: Row[]): Promise<void> {
  const when = new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC";
  await mkdir("bench/history", { recursive: true });
  const historyFile = `bench/history/${id}.jsonl`;
  await appendFile(historyFile, JSON.stringify({ when, machine: machine(), rows }) + "\n");
  const history = (await readFile(historyFile, "utf8")).trim().split("\n").map((l) => JSON.parse(l) as { when: string; rows: Row[] });

  const table = [
    "| metric | result | target | |",
    "| --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r.metric} | ${r.value} | ${r.target ?? ""} | ${r.ok === undefined ? "" : r.ok ? "✅" : "❌"} |`),
  ].join("\n");
  const past = history.slice(-10).map((h) => `- ${h.when}: ${h.rows.map((r) => `${r.metric} ${r.value}`).join("; ")}`).join("\n");
  const body = `<!-- bench:${id} -->\n## ${title}\n\nMeasured ${when} on ${machine()}.\n${how}\n\n${table}\n\nHistory (latest 10 runs):\n${past}\n<!-- /bench:${id} -->`;

  let doc = await readFile(FILE, "utf8").catch(() => "# Benchmarks\n\nWritten by `npm run bench`; each section says how its figures were measured.\n");
  const re = new RegExp(`<!-- bench:${id} -->[\\s\\S]*?<!-- /bench:${id} -->`);
  doc = re.test(doc) ? doc.replace(re, body) : `${doc.trimEnd()}\n\n${body}\n`;
  await writeFile(FILE, doc);
  console.log(`\n${title}\n${table}`);
}
