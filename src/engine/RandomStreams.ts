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
    /** Replaced on restore, so holders of this stream follow the restored state. */
    public prng: AleaPrng,
  ) {}
  next(): number {
    return this.prng();
  }
}

function fromState(state: object): AleaPrng {
  return seedrandom.alea('', { state: state as never }) as unknown as AleaPrng;
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
      s = new AleaStream(name, restored !== undefined ? fromState(restored) : this.fresh(name));
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

  /**
   * Restores stream states in place: components keep the stream objects they hold. Streams the
   * checkpoint does not know restart from their seed, as they would have been at that point.
   */
  restore(states: Record<string, object>): void {
    this.saved = { ...states };
    for (const [name, s] of this.streams) {
      const st = states[name];
      s.prng = st !== undefined ? fromState(st) : this.fresh(name);
    }
  }

  private fresh(name: string): AleaPrng {
    return seedrandom.alea(`${this.seed}\u0000${name}`, { state: true }) as unknown as AleaPrng;
  }
}
