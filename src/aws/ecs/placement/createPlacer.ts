/**
 * ECS task placement for one service: (1) instances with the CPU, memory, network interface and
 * port the task needs → (2) constraints, binding → (3) strategies in order, each keeping only
 * the candidates it likes best (ties carry to the next) → (4) the lowest index among those left
 * (facts 11, 13, 14). Scale-in runs the same strategies the other way round (binpack: most
 * left; spread: the value with the most of the service's tasks), then breaks ties at random
 * when a spread was among them ("random within AZ"), else by lowest task index.
 *
 * Steady state allocates nothing per call: candidates, keys and counts live in typed arrays the
 * placer reuses and grows only when the cluster grows.
 */
import type { RandomStream } from '../../../engine';
import { type AttributeReader, attributeReader } from './attributeReader';
import { compileClusterQuery, type InstancePredicate } from './compileClusterQuery';
import { fitsTask } from './fitsTask';
import { PlacementExpressionError } from './PlacementExpressionError';
import type {
  PlacementConstraint,
  PlacementInstance,
  PlacementStrategy,
  Placer,
  StopCandidate,
  TaskNeeds,
} from './types';
import { ValueCounter } from './ValueCounter';

const BINPACK = 0;
const SPREAD = 1;
const RANDOM = 2;

interface CompiledStrategy {
  readonly kind: typeof BINPACK | typeof SPREAD | typeof RANDOM;
  /** binpack: on memory (else CPU). */
  readonly memory: boolean;
  /** spread on an attribute; null spreads per instance (`instanceId` / `host`). */
  readonly read: AttributeReader | null;
  readonly counter: ValueCounter;
}

function compileStrategy(s: PlacementStrategy): CompiledStrategy {
  const rule = JSON.stringify(s);
  const counter = new ValueCounter();
  switch (s.Type) {
    case 'binpack':
      if (s.Field !== 'cpu' && s.Field !== 'memory')
        throw new PlacementExpressionError("binpack Field must be 'cpu' or 'memory'", rule, -1);
      return { kind: BINPACK, memory: s.Field === 'memory', read: null, counter };
    case 'spread': {
      const f = s.Field;
      if (f === 'instanceId' || f === 'host') return { kind: SPREAD, memory: false, read: null, counter };
      if (f.startsWith('attribute:') && f.length > 'attribute:'.length)
        return { kind: SPREAD, memory: false, read: attributeReader(f.slice('attribute:'.length)), counter };
      throw new PlacementExpressionError("spread Field must be 'instanceId', 'host' or 'attribute:<name>'", rule, -1);
    }
    case 'random':
      return { kind: RANDOM, memory: false, read: null, counter };
    default:
      throw new PlacementExpressionError('unknown placement strategy Type', rule, -1);
  }
}

/**
 * A placer for one service. Throws `PlacementExpressionError` for an unknown strategy or
 * constraint, a bad strategy Field or a memberOf expression that does not parse.
 *
 * @param rng the service's placement stream; `random` (and scale-in within a spread value) draw from it
 */
export function createPlacer(
  strategies: readonly PlacementStrategy[],
  constraints: readonly PlacementConstraint[],
  rng: RandomStream,
): Placer {
  let distinct = false;
  const memberOf: InstancePredicate[] = [];
  for (const c of constraints) {
    if (c.Type === 'distinctInstance') distinct = true;
    else if (c.Type === 'memberOf') memberOf.push(compileClusterQuery(c.Expression));
    else throw new PlacementExpressionError('unknown placement constraint Type', JSON.stringify(c), -1);
  }
  return new StrategyPlacer(strategies.map(compileStrategy), distinct, memberOf, rng);
}

class StrategyPlacer implements Placer {
  /** Surviving candidates: positions in the caller's array. */
  private pos = new Int32Array(64);
  /** The current strategy's key for the candidate at the same slot. */
  private key = new Float64Array(64);
  /** Scale-in spread: instances already counted, by index (all zero between uses). */
  private seen = new Uint8Array(64);

  constructor(
    private readonly strategies: readonly CompiledStrategy[],
    private readonly distinct: boolean,
    private readonly memberOf: readonly InstancePredicate[],
    private readonly rng: RandomStream,
  ) {}

  choose(needs: TaskNeeds, instances: readonly PlacementInstance[]): number {
    this.reserve(instances.length);
    const pos = this.pos;
    const key = this.key;
    const sk = needs.serviceKey;
    let m = 0;
    for (let i = 0; i < instances.length; i++) {
      const inst = instances[i]!;
      if (fitsTask(inst, needs) && this.allowed(inst, sk)) pos[m++] = i;
    }
    if (m === 0) return -1;

    for (let s = 0; s < this.strategies.length && m > 1; s++) {
      const st = this.strategies[s]!;
      if (st.kind === RANDOM) {
        m = this.pickRandom(m);
      } else if (st.kind === BINPACK) {
        for (let j = 0; j < m; j++) {
          const inst = instances[pos[j]!]!;
          key[j] = st.memory ? inst.memoryFreeMiB - needs.memoryMiB : inst.cpuFree - needs.cpuUnits;
        }
        m = this.keepExtreme(m, false);
      } else if (st.read === null) {
        for (let j = 0; j < m; j++) key[j] = instances[pos[j]!]!.serviceTasks(sk);
        m = this.keepExtreme(m, false);
      } else {
        // Tasks per value over every ACTIVE instance, not just the candidates: a zone whose
        // instances are full still holds its share of the service.
        const read = st.read;
        const counter = st.counter;
        counter.reset();
        for (let i = 0; i < instances.length; i++) {
          const inst = instances[i]!;
          if (inst.active) counter.add(counter.idOf(read(inst)), inst.serviceTasks(sk));
        }
        for (let j = 0; j < m; j++) key[j] = counter.count(counter.idOf(read(instances[pos[j]!]!)));
        m = this.keepExtreme(m, false);
      }
    }

    let best = instances[pos[0]!]!;
    for (let j = 1; j < m; j++) {
      const c = instances[pos[j]!]!;
      if (c.index < best.index) best = c;
    }
    return best.index;
  }

  chooseToStop(serviceKey: string, candidates: readonly StopCandidate[]): number {
    const n = candidates.length;
    if (n === 0) return -1;
    this.reserve(n);
    const pos = this.pos;
    const key = this.key;
    for (let j = 0; j < n; j++) pos[j] = j;
    let m = n;
    let randomTie = false;

    for (let s = 0; s < this.strategies.length && m > 1; s++) {
      const st = this.strategies[s]!;
      if (st.kind === RANDOM) {
        m = this.pickRandom(m);
      } else if (st.kind === BINPACK) {
        // The task's own reservation comes back wherever it stops (same service, same size),
        // so "most left after stopping" is "most free now".
        for (let j = 0; j < m; j++) {
          const inst = candidates[pos[j]!]!.instance;
          key[j] = st.memory ? inst.memoryFreeMiB : inst.cpuFree;
        }
        m = this.keepExtreme(m, true);
      } else {
        randomTie = true;
        if (st.read === null) {
          for (let j = 0; j < m; j++) key[j] = candidates[pos[j]!]!.instance.serviceTasks(serviceKey);
        } else this.countPerValue(st.read, st.counter, serviceKey, candidates, m);
        m = this.keepExtreme(m, true);
      }
    }

    if (m > 1) {
      // Fact 11: scale-in under spread is random within the value it drains.
      if (randomTie) this.pickRandom(m);
      else {
        let best = pos[0]!;
        for (let j = 1; j < m; j++) if (candidates[pos[j]!]!.taskIndex < candidates[best]!.taskIndex) best = pos[j]!;
        pos[0] = best;
      }
    }
    return candidates[pos[0]!]!.taskIndex;
  }

  private allowed(inst: PlacementInstance, serviceKey: string): boolean {
    if (this.distinct && inst.serviceTasks(serviceKey) > 0) return false;
    for (let i = 0; i < this.memberOf.length; i++) if (!this.memberOf[i]!(inst)) return false;
    return true;
  }

  /**
   * key[j] ← the service's tasks on all candidate instances that share candidate j's value
   * (each instance counted once, however many of its tasks are candidates).
   */
  private countPerValue(
    read: AttributeReader,
    counter: ValueCounter,
    serviceKey: string,
    candidates: readonly StopCandidate[],
    m: number,
  ): void {
    const pos = this.pos;
    const key = this.key;
    let maxIndex = 0;
    for (let j = 0; j < m; j++) maxIndex = Math.max(maxIndex, candidates[pos[j]!]!.instance.index);
    if (maxIndex >= this.seen.length) this.seen = new Uint8Array(Math.max(maxIndex + 1, this.seen.length * 2));
    const seen = this.seen;
    counter.reset();
    for (let j = 0; j < m; j++) {
      const inst = candidates[pos[j]!]!.instance;
      const id = counter.idOf(read(inst));
      key[j] = id;
      // A view with a negative index lives outside the model's arrays (e.g. a Fargate task's
      // stand-in): it is taken to be distinct from every other candidate's.
      if (inst.index < 0) counter.add(id, inst.serviceTasks(serviceKey));
      else if (seen[inst.index] === 0) {
        seen[inst.index] = 1;
        counter.add(id, inst.serviceTasks(serviceKey));
      }
    }
    for (let j = 0; j < m; j++) {
      const index = candidates[pos[j]!]!.instance.index;
      if (index >= 0) seen[index] = 0;
      key[j] = counter.count(key[j]!);
    }
  }

  /** Keeps the candidates whose key is the least (or the most); returns how many are left. */
  private keepExtreme(m: number, most: boolean): number {
    const pos = this.pos;
    const key = this.key;
    let best = key[0]!;
    for (let j = 1; j < m; j++) {
      const k = key[j]!;
      if (most ? k > best : k < best) best = k;
    }
    let kept = 0;
    for (let j = 0; j < m; j++) if (key[j] === best) pos[kept++] = pos[j]!;
    return kept;
  }

  /** Keeps one of the first m candidates, uniformly, with one draw. */
  private pickRandom(m: number): number {
    this.pos[0] = this.pos[Math.floor(this.rng.next() * m)]!;
    return 1;
  }

  private reserve(n: number): void {
    if (n <= this.pos.length) return;
    const size = Math.max(n, this.pos.length * 2);
    this.pos = new Int32Array(size);
    this.key = new Float64Array(size);
  }
}
