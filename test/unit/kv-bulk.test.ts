/** Bulk uploads stay within Cloudflare's limits: 10,000 pairs and 100 MB a request, order kept. */
import { expect, it } from "vitest";
import { bulkChunks } from "../../scripts/lib/kv-bulk.ts";

it("cuts by key count and by bytes, keeping order", () => {
  const many = Array.from({ length: 25_001 }, (_, i) => ({ key: `k${i}`, value: "v" }));
  const byCount = bulkChunks(many);
  expect(byCount.map((c) => c.length)).toEqual([10_000, 10_000, 5_001]);
  expect(byCount.flat()).toEqual(many);

  const big = Array.from({ length: 5 }, (_, i) => ({ key: `b${i}`, value: "x".repeat(40) }));
  const byBytes = bulkChunks(big, 10_000, 150);
  expect(byBytes.map((c) => c.length)).toEqual([2, 2, 1]);
  // A pair bigger than the limit still goes, alone.
  expect(bulkChunks([{ key: "huge", value: "x".repeat(500) }, { key: "s", value: "" }], 10_000, 150).map((c) => c.length)).toEqual([1, 1]);
});
