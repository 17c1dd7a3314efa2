import { AuroraMeter } from '../../../src/aws/rds/AuroraMeter';
import { type DatabaseConfig, DatabaseModel, type Endpoint, ENDPOINT_WRITER, type InstanceConfig } from '../../../src/aws/rds/DatabaseModel';
import { type Component, Engine, Phase } from '../../../src/engine';

/** A v2 cluster with one serverless writer and the knobs' documented defaults. */
export function v2Config(o: Partial<DatabaseConfig> = {}): DatabaseConfig {
  return {
    logicalId: 'Db',
    mode: 'v2',
    engine: 'aurora-postgresql',
    storageType: 'aurora',
    minAcu: 0.5,
    maxAcu: 16,
    autoPause: false,
    secondsUntilAutoPause: 300,
    instances: [{ logicalId: 'Writer', instanceClass: 'db.serverless', promotionTier: 1, role: 'writer' }],
    warmPoolAcu: 8,
    poolRefillMs: 60_000,
    poolScaleMs: 1500,
    hostMoveMs: 30_000,
    hostMoveStallMs: 2000,
    resumeMs: 15_000,
    resumeAfter24hMs: 30_000,
    scaleUpIncrementPercent: 50,
    scaleDownIntervalMs: 30_000,
    scaleDownPercent: 5,
    targetCpuUtilization: 0.7,
    vcpuPerAcu: 0.25,
    memoryPerConnectionMiB: 5,
    maxConnections: 2000,
    maxConnectionsPerAcu: 189,
    storageGB: 10,
    ioPerQuery: 1,
    statementTimeoutMs: Number.POSITIVE_INFINITY,
    ...o,
  };
}

export const reader = (id: string, tier: number, role: InstanceConfig['role']): InstanceConfig => ({
  logicalId: id,
  instanceClass: 'db.serverless',
  promotionTier: tier,
  role,
});

export interface Load {
  /** Requests per second at time t (ms); they arrive evenly spread over each tick. */
  rate: (tMs: number) => number;
  queries?: number;
  cpuMs?: number;
  timeoutMs?: number;
  endpoint?: Endpoint;
}

/** Submits a load's requests each tick (Phase.Serve) and keeps every request's database time. */
class Driver implements Component {
  readonly name = 'driver';
  latencies: number[] = [];
  timedOut = 0;
  private carry = 0;
  constructor(
    private readonly db: DatabaseModel,
    private readonly load: Load,
  ) {}
  step(t: number, tickMs: number): void {
    const want = this.load.rate(t) * (tickMs / 1000) + this.carry;
    const n = Math.floor(want + 1e-9);
    this.carry = want - n;
    for (let k = 0; k < n; k++) {
      const at = t + (k * tickMs) / n;
      const r = this.db.submit(at, this.load.queries ?? 1, this.load.cpuMs ?? 10, this.load.endpoint ?? ENDPOINT_WRITER, this.load.timeoutMs);
      this.latencies.push(r.latencyMs);
      if (r.timedOut) this.timedOut++;
    }
  }
  checkpoint() {
    return { carry: this.carry, latencies: [...this.latencies], timedOut: this.timedOut };
  }
  restore(s: unknown) {
    const st = s as { carry: number; latencies: number[]; timedOut: number };
    this.carry = st.carry;
    this.latencies = [...st.latencies];
    this.timedOut = st.timedOut;
  }
}

/** One database driven by one load, built by hand. */
export function harness(config: DatabaseConfig, load: Load | undefined, durationMs: number, tickMs = 1000, seed = 1) {
  const engine = new Engine({ seed, tickMs, durationMs });
  const db = new DatabaseModel(engine, config, new AuroraMeter());
  const driver = load !== undefined ? new Driver(db, load) : undefined;
  if (driver !== undefined) engine.register(driver, Phase.Serve);
  engine.register(db, Phase.Control);
  db.start();
  /** Writer capacity after each tick. */
  const acu: number[] = [];
  const sample = {
    name: 'sample',
    step: () => {
      acu.push(db.instances[0]!.acu);
    },
    checkpoint: () => ({ acu: [...acu] }),
    restore: (s: unknown) => {
      acu.length = 0;
      acu.push(...(s as { acu: number[] }).acu);
    },
  } satisfies Component;
  engine.register(sample, Phase.Record);
  return { engine, db, driver, acu };
}

/** The value at percentile p (0–100) of xs (nearest rank). */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** First index (tick) at which acu reaches at least `level`, or -1. */
export const firstAt = (acu: readonly number[], level: number) => acu.findIndex((a) => a >= level);
