/**
 * A Map without V8's size limit: a single Map throws "Map maximum size exceeded" at 2^24 entries
 * (16.7M distinct keys), which Join, Summarize and Unique reach on big inputs. Entries go into the
 * newest of a list of Maps, a new one starting every `shardSize` entries; a look-up asks each
 * Map in turn (one Map below the first shard size, so the usual case costs what a Map costs).
 */
export const MAX_SHARD = 2 ** 23;

export class UnboundedMap<K, V> {
  private readonly shards: Map<K, V>[] = [new Map()];
  private total = 0;

  constructor(private readonly shardSize = MAX_SHARD) {}

  get size(): number {
    return this.total;
  }

  get(key: K): V | undefined {
    const shards = this.shards;
    for (let i = shards.length - 1; i >= 0; i--) {
      const value = shards[i].get(key);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** adds a key not in the map (callers look it up first) */
  add(key: K, value: V): void {
    let last = this.shards[this.shards.length - 1];
    if (last.size >= this.shardSize) {
      last = new Map();
      this.shards.push(last);
    }
    last.set(key, value);
    this.total++;
  }
}
