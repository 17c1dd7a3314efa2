import { type FunctionConfig, FunctionModel } from '../../../src/aws/lambda/FunctionModel';
import { LambdaAccount } from '../../../src/aws/lambda/LambdaAccount';
import { LambdaMeter } from '../../../src/aws/lambda/LambdaMeter';
import { pricesFor } from '../../../src/pricing';
import { Engine, Phase } from '../../../src/engine';
import { LatencyHistogram } from '../../../src/report';
import { type ArrivalsSpec, type DistSpec, WorkloadSource } from '../../../src/workload';

class Histogram {
  h = new LatencyHistogram();
  record(ms: number) {
    this.h.record(ms);
  }
  checkpoint() {
    return this.h.checkpoint();
  }
  restore(s: unknown) {
    this.h = LatencyHistogram.restore(s as string);
  }
}

export interface HarnessOptions {
  config?: Partial<FunctionConfig>;
  arrivals: ArrivalsSpec;
  duration: DistSpec;
  durationMs: number;
  async?: boolean;
  accountLimit?: number;
  setAside?: number;
  scaling?: 'current' | 'legacy';
  seed?: number;
  tickMs?: number;
}

/** One function fed by one workload, built by hand (no scenario file). */
export function harness(o: HarnessOptions) {
  const engine = new Engine({ seed: o.seed ?? 1, tickMs: o.tickMs ?? 1000, durationMs: o.durationMs });
  const account = new LambdaAccount(o.accountLimit ?? 1000, o.setAside ?? 0, o.scaling ?? 'current', 3000, 500);
  const config: FunctionConfig = {
    logicalId: 'Fn',
    memoryMB: 1024,
    timeoutMs: 30_000,
    architecture: 'x86_64',
    ephemeralMB: 512,
    reserved: undefined,
    provisioned: 0,
    idleLifetimeMs: 600_000,
    maxLifetimeMs: Number.POSITIVE_INFINITY,
    idleSelection: 'most-recent',
    initDuration: { Dist: 'constant', Value: 200 },
    scalingPer10s: 1000,
    maxEventAgeMs: 21_600_000,
    maxRetryAttempts: 2,
    hasFailureDestination: false,
    ...o.config,
    // Unless a test says otherwise, every idle environment lives exactly idleLifetimeMs.
    spareIdleLifetimeMs: o.config?.spareIdleLifetimeMs ?? o.config?.idleLifetimeMs ?? 600_000,
  };
  const latency = new Histogram();
  const meter = new LambdaMeter(
    { memoryMB: config.memoryMB, architecture: config.architecture, ephemeralStorageMB: config.ephemeralMB, billInit: true },
    pricesFor('us-east-1').lambda,
  );
  const fn = new FunctionModel(engine, config, account, engine.random.stream('lambda:Fn:init'), latency, meter);
  engine.register(fn, Phase.Serve);
  engine.register(account, Phase.Record);
  const source = new WorkloadSource(
    { Name: 'w', Target: 'Fn', Arrivals: o.arrivals, Work: { DurationMs: o.duration } },
    engine.random.stream('workload:w'),
    { startMs: 0 },
  );
  source.connect(fn.sink(o.async === true));
  engine.register(source, Phase.Arrivals);
  fn.start();
  return { engine, fn, account, source, latency };
}

/** Delivers requests at the given times (ms, ascending) with the given work (ms) into a harness's function, tick by tick. */
export function feed(h: { engine: Engine; fn: FunctionModel }, times: number[], workMs: number | ((i: number) => number), async = false) {
  let next = 0;
  h.engine.register(
    {
      name: 'feed',
      step(tickStart: number, len: number) {
        const offs: number[] = [];
        const ds: number[] = [];
        while (next < times.length && times[next]! < tickStart + len) {
          offs.push(times[next]! - tickStart);
          ds.push(typeof workMs === 'number' ? workMs : workMs(next));
          next++;
        }
        if (offs.length > 0) h.fn.deliver({ count: offs.length, offsetsMs: Float64Array.from(offs), work: { DurationMs: Float64Array.from(ds) } as never, tickStartMs: tickStart, tickMs: len }, async);
      },
      checkpoint: () => next,
      restore: (st: unknown) => {
        next = st as number;
      },
    },
    Phase.Arrivals,
  );
}
