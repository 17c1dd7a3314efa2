/**
 * Counts per distinct attribute value (per Availability Zone, per instance type, ...) for the
 * spread strategy, without allocating once every value has been seen: values are interned to
 * small integers and the counts live in a reused typed array.
 */
export class ValueCounter {
  private readonly ids = new Map<string, number>();
  private counts = new Int32Array(8);
  /** Ids handed out so far; id 0 stands for "instance lacks the attribute". */
  private size = 1;

  /** The id of `value`, interning it on first sight. */
  idOf(value: string | undefined): number {
    if (value === undefined) return 0;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.size++;
      this.ids.set(value, id);
      if (id >= this.counts.length) {
        const grown = new Int32Array(this.counts.length * 2);
        grown.set(this.counts);
        this.counts = grown;
      }
    }
    return id;
  }

  /** Sets every count to zero. */
  reset(): void {
    this.counts.fill(0, 0, this.size);
  }

  add(id: number, n: number): void {
    this.counts[id]! += n;
  }

  count(id: number): number {
    return this.counts[id]!;
  }
}
