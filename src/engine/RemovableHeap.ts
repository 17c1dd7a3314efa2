/**
 * A binary min-heap of small integer ids ordered by `key[id]` (ties by id), like `IndexHeap`, that
 * also removes any id in O(log n): it keeps each id's position. For timers that are often
 * cancelled (an idle environment's shutdown, cancelled when it is taken again).
 * The caller owns the key array and must not change a key while its id is in the heap.
 */
export class RemovableHeap {
  private ids = new Int32Array(16);
  /** Position of each id in `ids`, -1 when absent. */
  private pos = new Int32Array(0);
  private n = 0;

  constructor(private key: Float64Array) {}

  /** Points the heap at a (grown) key array holding the same keys. */
  rebind(key: Float64Array): void {
    this.key = key;
  }

  get size(): number {
    return this.n;
  }

  has(id: number): boolean {
    return id < this.pos.length && this.pos[id]! >= 0;
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
    if (id >= this.pos.length) {
      const grown = new Int32Array(Math.max(16, id + 1, this.pos.length * 2)).fill(-1);
      grown.set(this.pos);
      this.pos = grown;
    }
    if (this.pos[id]! >= 0) throw new Error(`RemovableHeap: id ${id} is already in the heap`);
    if (this.n === this.ids.length) {
      const grown = new Int32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.up(this.n++, id);
  }

  /** Removes and returns the id with the smallest key (-1 when empty). */
  pop(): number {
    if (this.n === 0) return -1;
    const top = this.ids[0]!;
    this.removeAt(0);
    return top;
  }

  /** Removes `id` if it is in the heap; returns whether it was. */
  remove(id: number): boolean {
    if (!this.has(id)) return false;
    this.removeAt(this.pos[id]!);
    return true;
  }

  /** The ids in heap order (for checkpoints). */
  toArray(): number[] {
    return Array.from(this.ids.subarray(0, this.n));
  }

  /** Replaces the content with `ids` (keys must already be in place). */
  fromArray(ids: readonly number[]): void {
    for (let i = 0; i < this.n; i++) this.pos[this.ids[i]!] = -1;
    this.n = 0;
    for (const id of ids) this.push(id);
  }

  private less(a: number, b: number): boolean {
    const ka = this.key[a]!;
    const kb = this.key[b]!;
    return ka < kb || (ka === kb && a < b);
  }

  private removeAt(i: number): void {
    const ids = this.ids;
    const gone = ids[i]!;
    this.pos[gone] = -1;
    const n = --this.n;
    if (i === n) return;
    const last = ids[n]!;
    // The last id takes the hole: it moves up if it is smaller than the hole's parent, else down.
    if (i > 0 && this.less(last, ids[(i - 1) >> 1]!)) this.up(i, last);
    else this.down(i, last);
  }

  /** Places `id` at hole `i` and moves it up to its place. */
  private up(i: number, id: number): void {
    const ids = this.ids;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pid = ids[p]!;
      if (!this.less(id, pid)) break;
      ids[i] = pid;
      this.pos[pid] = i;
      i = p;
    }
    ids[i] = id;
    this.pos[id] = i;
  }

  /** Places `id` at hole `i` and moves it down to its place. */
  private down(i: number, id: number): void {
    const ids = this.ids;
    const n = this.n;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && this.less(ids[r]!, ids[l]!) ? r : l;
      const cid = ids[c]!;
      if (!this.less(cid, id)) break;
      ids[i] = cid;
      this.pos[cid] = i;
      i = c;
    }
    ids[i] = id;
    this.pos[id] = i;
  }
}
