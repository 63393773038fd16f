/**
 * A KvTarget that remembers its key listing: the first listKeys lists the
 * whole namespace, later ones answer from memory, kept current by this
 * target's own puts and deletes. Only for a process that is its namespace's
 * only writer: `npm run dev` and its local KV (the worker only reads it),
 * where listing 13,000 keys through the platform proxy on every save costs
 * more than the rest of a publish. Values are never cached: every read and
 * verification still reads KV.
 */
import type { KvTarget } from "./publish.ts";

export function listingCache(target: KvTarget): KvTarget {
  let keys: Promise<Set<string>> | undefined;
  const all = (): Promise<Set<string>> => (keys ??= target.listKeys("").catch((err: unknown) => {
    keys = undefined; // a failed listing is tried again next time
    throw err;
  }));
  return {
    get: (key) => target.get(key),
    ...(target.getMany ? { getMany: (ks: readonly string[]) => target.getMany!(ks) } : {}),
    async putMany(entries) {
      const known = keys && (await all());
      try {
        await target.putMany(entries);
      } catch (err) {
        keys = undefined; // some may have been written: list again next time
        throw err;
      }
      for (const e of entries) known?.add(e.key);
    },
    async deleteMany(ks) {
      const known = keys && (await all());
      try {
        await target.deleteMany(ks);
      } catch (err) {
        keys = undefined;
        throw err;
      }
      for (const k of ks) known?.delete(k);
    },
    async listKeys(prefix) {
      return new Set([...(await all())].filter((k) => k.startsWith(prefix)));
    },
  };
}
