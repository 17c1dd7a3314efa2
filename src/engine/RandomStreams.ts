/**
 * Named, seeded random streams: one per component, derived from the scenario seed and the
 * component's name, so adding a component never changes another's draws.
 * Generator: seedrandom's Alea (fast, small JSON state for checkpoints).
 */
import seedrandom from 'seedrandom';

/** A seeded source of uniform numbers in [0, 1). */
export interface RandomStream {
  readonly name: string;
  /** Next uniform draw in [0, 1). */
  next(): number;
}

interface AleaPrng {
  (): number;
  state(): object;
}

class AleaStream implements RandomStream {
  constructor(
    readonly name: string,
    readonly prng: AleaPrng,
  ) {}
  next(): number {
    return this.prng();
  }
}

export class RandomStreams {
  private readonly streams = new Map<string, AleaStream>();
  private saved: Record<string, object> = {};

  constructor(readonly seed: number) {}

  /** The stream for `name`, created on first use. The same name always gives the same stream. */
  stream(name: string): RandomStream {
    let s = this.streams.get(name);
    if (s === undefined) {
      const restored = this.saved[name];
      const prng = (
        restored !== undefined
          ? seedrandom.alea('', { state: restored as never })
          : seedrandom.alea(`${this.seed}\u0000${name}`, { state: true })
      ) as unknown as AleaPrng;
      s = new AleaStream(name, prng);
      this.streams.set(name, s);
    }
    return s;
  }

  /** JSON-able states of every stream used so far. */
  checkpoint(): Record<string, object> {
    const out: Record<string, object> = { ...this.saved };
    for (const [name, s] of this.streams) out[name] = s.prng.state();
    return out;
  }

  /** Restores stream states; streams not yet used start from their seed as usual. */
  restore(states: Record<string, object>): void {
    this.streams.clear();
    this.saved = { ...states };
  }
}
