/**
 * A binary min-heap of small integer ids ordered by `key[id]` (ties by id), in a growable
 * Int32Array: for hot paths that order thousands of entities by a time without allocating.
 * The caller owns the key array and must not change a key while its id is in the heap.
 */
export class IndexHeap {
  private ids = new Int32Array(16);
  private n = 0;

  constructor(private key: Float64Array) {}

  /** Points the heap at a (grown) key array holding the same keys. */
  rebind(key: Float64Array): void {
    this.key = key;
  }

  get size(): number {
    return this.n;
  }

  /** The id with the smallest key, or -1. */
  peek(): number {
    return this.n > 0 ? this.ids[0]! : -1;
  }

  /** The smallest key, or Infinity. */
  peekKey(): number {
    return this.n > 0 ? this.key[this.ids[0]!]! : Number.POSITIVE_INFINITY;
  }

  push(id: number): void {
    if (this.n === this.ids.length) {
      const grown = new Int32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    const ids = this.ids;
    const k = this.key[id]!;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pid = ids[p]!;
      const pk = this.key[pid]!;
      if (pk < k || (pk === k && pid < id)) break;
      ids[i] = pid;
      i = p;
    }
    ids[i] = id;
  }

  /** Removes and returns the id with the smallest key (-1 when empty). */
  pop(): number {
    if (this.n === 0) return -1;
    const ids = this.ids;
    const top = ids[0]!;
    const n = --this.n;
    if (n > 0) {
      const last = ids[n]!;
      const lk = this.key[last]!;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        let c = l;
        if (r < n) {
          const rk = this.key[ids[r]!]!;
          const lk2 = this.key[ids[l]!]!;
          if (rk < lk2 || (rk === lk2 && ids[r]! < ids[l]!)) c = r;
        }
        const cid = ids[c]!;
        const ck = this.key[cid]!;
        if (lk < ck || (lk === ck && last < cid)) break;
        ids[i] = cid;
        i = c;
      }
      ids[i] = last;
    }
    return top;
  }

  /** The ids in heap order (for checkpoints). */
  toArray(): number[] {
    return Array.from(this.ids.subarray(0, this.n));
  }

  /** Replaces the content with `ids` (keys must already be in place). */
  fromArray(ids: readonly number[]): void {
    this.n = 0;
    for (const id of ids) this.push(id);
  }
}
