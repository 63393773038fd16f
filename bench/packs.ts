/**
 * `npm run bench -- packs`: the pack size (src/store/keys.ts PACK_BYTES) as a
 * trade: keys a full publish and a one-post edit write, against the bytes a
 * request for a packed page reads (its whole pack). On the generated
 * 10,000-post site built in memory, made into bundles with each size tried.
 * Then the request itself: a cache miss for post pages through the real worker
 * in workerd (Miniflare, cache off), the 1,000-post site published packed and
 * unpacked side by side in one run, so the machine's load moves both alike.
 */
import { createHash } from "node:crypto";
import { Miniflare } from "miniflare";
import { buildSite, type ContentSource } from "../scripts/lib/build-site.ts";
import { bindingTarget, publish } from "../scripts/lib/publish.ts";
import { bundleSitePages, makeBundle, manifestBase, DEFAULT_PACKING, type Bundle, type Packing, type SitePage } from "../src/store/bundle.ts";
import { generatedSite } from "./support/generate-posts.ts";
import { bundleWorker } from "./support/worker.ts";
import { percentiles } from "./support/load.ts";
import { writeSection, type Row } from "./support/report.ts";

const NOW = new Date("2030-01-01T00:00:00Z");
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const rows: Row[] = [];

async function built(source: ContentSource): Promise<Bundle> {
  const result = await buildSite(source, { now: NOW });
  if (!result.bundle) throw new Error("generated site does not build");
  return result.bundle;
}

/** The newest post with one sentence added: the edit bench/publish.ts times. */
function edited(source: ContentSource): ContentSource {
  const last = source.posts.length - 1;
  return { ...source, posts: source.posts.map((p, i) => (i === last ? { ...p, text: p.text.replace("## Results\n", "## Results\n\nOne more sentence.\n") } : p)) };
}

const keysOf = (b: Bundle) => b.blobs.length + b.shards.length + b.versionEntries.length + 1;

// 1. Keys against pack bytes, on 10,000 posts.
const source = generatedSite(10_000);
const [base, edit] = [await built(source), await built(edited(source))];
const pagesOf = (b: Bundle) => bundleSitePages(b);
const [basePages, editPages] = [pagesOf(base), pagesOf(edit)];
for (const bytes of [16, 32, 64, 128].map((k) => k * 1024)) {
  const packing: Packing = { ...DEFAULT_PACKING, bytes };
  const a = await makeBundle(basePages, manifestBase(base.manifest), sha256, undefined, packing);
  const b = await makeBundle(editPages, manifestBase(edit.manifest), sha256, undefined, packing);
  const had = new Set([...a.blobs, ...a.shards].map((e) => e.key));
  const editKeys = [...b.blobs, ...b.shards].filter((e) => !had.has(e.key)).length + b.versionEntries.length + 1;
  // What a request for a page reads: its pack (or its own blob), weighted by page.
  const blobBytes = new Map(a.blobs.map((e) => [e.key.slice("blob/".length), e.value.length]));
  const read = a.shards.flatMap((s) => Object.values(JSON.parse(s.value) as Record<string, { blob?: string }>)).flatMap((e) => (e.blob ? [blobBytes.get(e.blob)!] : [])).sort((x, y) => x - y);
  const chosen = bytes === DEFAULT_PACKING.bytes ? " (chosen)" : "";
  rows.push({
    metric: `packs of ${kb(bytes)}${chosen}: keys of a full publish / of a one-post edit; bytes a page request reads (p50 / p90)`,
    value: `${keysOf(a).toLocaleString("en")} / ${editKeys}; ${kb(read[read.length >> 1]!)} / ${kb(read[Math.floor(read.length * 0.9)]!)}`,
  });
}
const unpacked = await makeBundle(basePages, manifestBase(base.manifest), sha256, undefined, { pageMax: 0, bytes: 0 });
rows.push({ metric: "no packs (before): keys of a full publish", value: keysOf(unpacked).toLocaleString("en") });

// 2. A cache miss for a packed page against the same page alone, 1,000 posts, through workerd.
const small = await built(generatedSite(1_000));
const smallPages: Map<string, SitePage> = bundleSitePages(small);
const layouts: [string, Bundle][] = [
  ["packed", small],
  ["unpacked", await makeBundle(smallPages, manifestBase(small.manifest), sha256, undefined, { pageMax: 0, bytes: 0 })],
];
const servers = await Promise.all(
  layouts.map(async ([name, bundle]) => {
    const mf = new Miniflare({ modules: true, scriptPath: bundleWorker(), compatibilityDate: "2026-04-20", kvNamespaces: ["CONTENT"], cache: false, port: 0, host: "127.0.0.1" });
    const url = (await mf.ready).toString().replace(/\/$/, "");
    await publish(bindingTarget((await mf.getKVNamespace("CONTENT")) as unknown as KVNamespace), bundle);
    return { name, url, mf, samples: [] as number[] };
  }),
);
const posts = [...smallPages].filter(([, p]) => p.kind === "post").map(([path]) => path);
try {
  for (let i = 0; i < 440; i++) {
    const path = posts[(i * 7919) % posts.length]!;
    // Alternate which goes first, so neither always meets a warmer machine.
    for (const s of i % 2 ? servers : [...servers].reverse()) {
      const t = performance.now();
      const res = await fetch(s.url + path);
      await res.text();
      if (res.status !== 200) throw new Error(`${s.name} ${path}: ${res.status}`);
      if (i >= 40) s.samples.push(performance.now() - t);
    }
  }
} finally {
  await Promise.all(servers.map((s) => s.mf.dispose()));
}
const [packed, alone] = servers.map((s) => percentiles(s.samples));
rows.push({
  metric: "cache miss of a post page through workerd, 1,000 posts, packed / unpacked (wall p50, p99; 400 each, interleaved)",
  value: `${packed!.p50.toFixed(2)} / ${alone!.p50.toFixed(2)} ms (p99 ${packed!.p99.toFixed(2)} / ${alone!.p99.toFixed(2)} ms)`,
  target: "≈ unpacked",
  ok: packed!.p50 <= alone!.p50 * 1.25,
});

await writeSection(
  "packs",
  "Packs: keys written against bytes read (issue 13)",
  "`npm run bench -- packs` (bench/packs.ts). The generated 10,000-post site (12,834 pages, median page JSON 4.5 KB) built in memory, then made into bundles with packs of each size: keys a full publish writes (blobs, shards, the version's two keys, the pointer), keys a one-post edit writes (the newest post's body, as bench/publish.ts edits it: new blobs and shards, version keys, pointer), and the size of the blob a page request reads (its pack, or a big page's own blob), over all pages. Pages over 32 KB of JSON stay alone. Then cache misses of post pages through the wrangler-bundled worker in workerd with Miniflare's cache off, the 1,000-post site published packed and unpacked, requests interleaved.",
  rows,
);
