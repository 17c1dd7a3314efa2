/**
 * The Aurora side of a live run: each DB instance's CPU utilisation per tick, the ACUs its demand
 * needs, the cluster's bill so far and $/h now, plain-word captions of scale-ups, host moves,
 * scale-downs, pauses and resumes, and the DB instance records of a frame. Its state lives in
 * `DatabaseSide`, which the LiveRun checkpoints with its own; the Simulation is passed in on each
 * call, because a seek replaces it. No wall clock.
 */
import { auroraLineItems, type DatabaseModel, IS as DBS, V1_ACU_HOUR_USD_UNVERIFIED } from '../aws/rds';
import { sumCosts } from '../report';
import type { Simulation } from '../sim';
import { type Caption, DB_STRIDE, type DatabaseMeta } from './protocol';

/** Per DB instance (all clusters, in order), checkpointed with the run. */
export interface DatabaseSide {
  /** CPU-ms done by the last tick's end, CPU utilisation 0–1 over the last tick. */
  done: number[];
  util: number[];
  /** Lifecycle state (`IS` of src/aws/rds) and ACUs at the last tick's end. */
  state: number[];
  acu: number[];
  /** When the last scale-up of at least SCALE_PAUSE_MIN_ACU began, ms (-1e15: never; finite, so checkpoints stay JSON-able). */
  scalePauseMs: number[];
}

/** A cluster's bill: USD so far, USD/h now, ACU-hours so far. */
export interface DatabaseCost {
  usd: number;
  usdPerHour: number;
  acuHours: number;
}

/**
 * A scale-up from the warm pool pauses a run (Pause on event) when it adds at least
 * SCALE_PAUSE_MIN_ACU after SCALE_PAUSE_EVERY_MS of simulated time without such a step on that
 * instance: half-ACU steps come and go all day, and under rising load the larger steps come
 * every few seconds, so only the first of a run of them stops the class.
 */
const SCALE_PAUSE_MIN_ACU = 1;
const SCALE_PAUSE_EVERY_MS = 300_000;
const DAY_MS = 86_400_000;

export class LiveDatabases {
  /** Clusters in meta order, and the index of each one's first instance in the per-instance arrays. */
  readonly ids: string[];
  private readonly first: number[] = [];
  /** DB instances of all clusters. */
  readonly count: number;

  constructor(sim: Simulation) {
    this.ids = [...sim.databases.keys()];
    let n = 0;
    for (const id of this.ids) {
      this.first.push(n);
      n += sim.databases.get(id)!.instances.length;
    }
    this.count = n;
  }

  meta(sim: Simulation): DatabaseMeta[] {
    const p = sim.prices.aurora;
    return this.ids.map((id) => {
      const c = sim.databases.get(id)!.config;
      return {
        id,
        mode: c.mode,
        engine: c.engine,
        minAcu: c.minAcu,
        maxAcu: c.maxAcu,
        autoPause: c.autoPause,
        secondsUntilAutoPause: c.secondsUntilAutoPause,
        warmPoolAcu: c.warmPoolAcu,
        targetCpu: c.targetCpuUtilization,
        acuHourUsd: c.mode === 'v1' ? V1_ACU_HOUR_USD_UNVERIFIED : c.storageType === 'aurora-iopt1' ? p.ioOptimizedAcuHour.usd : p.standardAcuHour.usd,
        instances: c.instances.map((ic) => ({ id: ic.logicalId, instanceClass: ic.instanceClass, role: ic.role, provisioned: ic.provisioned !== undefined })),
      };
    });
  }

  fresh(sim: Simulation): DatabaseSide {
    const each = (f: (x: DatabaseModel['instances'][number]) => number) => this.ids.flatMap((id) => sim.databases.get(id)!.instances.map(f));
    return {
      done: new Array<number>(this.count).fill(0),
      util: new Array<number>(this.count).fill(0),
      state: each((x) => x.state),
      acu: each((x) => x.acu),
      scalePauseMs: new Array<number>(this.count).fill(-1e15),
    };
  }

  /** Each instance's CPU utilisation over the tick just stepped (CPU-ms worked off / vCPU-ms it had). */
  measure(sim: Simulation, side: DatabaseSide, tickMs: number): void {
    if (tickMs <= 0) return;
    for (let d = 0; d < this.ids.length; d++) {
      const db = sim.databases.get(this.ids[d]!)!;
      const first = this.first[d]!;
      for (let i = 0; i < db.instances.length; i++) {
        const x = db.instances[i]!;
        const k = first + i;
        const done = x.cpuWorkMs - x.backlogCpuMs;
        const running = x.state !== DBS.PAUSED && x.state !== DBS.RESUMING;
        const p = db.config.instances[i]!.provisioned;
        const vcpu = !running ? 0 : p !== undefined ? p.vcpu : Math.max(0.5, x.acu) * db.config.vcpuPerAcu;
        side.util[k] = vcpu > 0 ? Math.min(1, Math.max(0, (done - side.done[k]!) / (vcpu * tickMs))) : 0;
        side.done[k] = done;
      }
    }
  }

  /**
   * Cluster `d`'s bill so far, priced as the report prices it (auroraLineItems) from the meter
   * plus the capacity not yet metered (the model meters an instance's ACUs when they change), its
   * $/h now (serverless ACUs at the ACU-hour rate, provisioned instances by the hour, storage),
   * and its ACU-hours so far. Provisioned instances' 10-minute minimum is left out until the end.
   */
  cost(sim: Simulation, d: number, nowMs: number, ended: boolean): DatabaseCost {
    const db = sim.databases.get(this.ids[d]!)!;
    const cfg = db.config;
    const prices = sim.prices.aurora;
    const u = db.meter.usage;
    let halfAcuMs = u.halfAcuMs;
    const provisionedMs: Record<string, number> = { ...u.provisionedMs };
    const provisionedClasses: Record<string, string> = {};
    const iopt = cfg.storageType === 'aurora-iopt1';
    const acuRate = cfg.mode === 'v1' ? V1_ACU_HOUR_USD_UNVERIFIED : iopt ? prices.ioOptimizedAcuHour.usd : prices.standardAcuHour.usd;
    let rate = 0;
    cfg.instances.forEach((ic, i) => {
      const x = db.instances[i]!;
      if (ic.provisioned !== undefined) {
        provisionedClasses[ic.logicalId] = ic.instanceClass;
        if (!ended) provisionedMs[ic.logicalId] = nowMs;
        const r = prices.provisionedInstanceHour[ic.instanceClass]?.usd ?? 0;
        rate += iopt ? r * prices.ioOptimizedComputeMultiplier : r;
        return;
      }
      if (!ended) halfAcuMs += unmeteredHalfAcuMs(x, nowMs);
      rate += x.acu * acuRate;
    });
    const usage = { halfAcuMs, queries: u.queries, provisionedMs, runMs: ended ? u.runMs : nowMs };
    const usd = sumCosts(auroraLineItems(usage, prices, { mode: cfg.mode, storageType: cfg.storageType, storageGB: cfg.storageGB, ioPerQuery: cfg.ioPerQuery, provisionedClasses }));
    const storage = iopt ? prices.ioOptimizedStorageGbMonth.usd : prices.standardStorageGbMonth.usd;
    rate += (cfg.storageGB * storage) / 730;
    return { usd, usdPerHour: rate, acuHours: halfAcuMs / 2 / 3_600_000 };
  }

  /** Every cluster's bill (meta order). */
  costs(sim: Simulation, nowMs: number, ended: boolean): DatabaseCost[] {
    return this.ids.map((_, d) => this.cost(sim, d, nowMs, ended));
  }

  /** All clusters' ACUs now. */
  totalAcu(sim: Simulation): number {
    let n = 0;
    for (const db of sim.databases.values()) n += db.totalAcu();
    return n;
  }

  /** The DB instance records of a frame (DB_STRIDE numbers each). */
  pack(sim: Simulation, side: DatabaseSide, meta: readonly DatabaseMeta[], nowMs: number, ended: boolean): Float64Array {
    const out = new Float64Array(this.count * DB_STRIDE);
    for (let d = 0; d < this.ids.length; d++) {
      const db = sim.databases.get(this.ids[d]!)!;
      const rate = meta[d]!.acuHourUsd;
      for (let i = 0; i < db.instances.length; i++) {
        const x = db.instances[i]!;
        const k = this.first[d]! + i;
        const o = k * DB_STRIDE;
        const util = side.util[k]!;
        const serverless = db.config.instances[i]!.provisioned === undefined;
        const running = x.state !== DBS.PAUSED && x.state !== DBS.RESUMING;
        const unmetered = serverless && !ended ? unmeteredHalfAcuMs(x, nowMs) : 0;
        out[o] = d;
        out[o + 1] = i;
        out[o + 2] = x.state;
        out[o + 3] = x.acu;
        out[o + 4] = x.state === DBS.PAUSED ? 0 : x.state === DBS.ACTIVE ? x.acu : x.targetAcu;
        out[o + 5] = util;
        out[o + 6] = serverless && running ? neededAcu(db, i, util).acu : x.acu;
        out[o + 7] = serverless ? x.poolLeft : 0;
        out[o + 8] = x.connections;
        out[o + 9] = db.maxConnectionsOf(i);
        out[o + 10] = Math.max(0, x.waitUntilMs - nowMs);
        out[o + 11] = serverless ? ((x.halfAcuMs + unmetered) / 2 / 3_600_000) * rate : 0;
        out[o + 12] = x.connections === 0 && x.state === DBS.ACTIVE ? Math.max(0, nowMs - x.lastActivityMs) : 0;
      }
    }
    return out;
  }

  /** Captions for what changed since the last tick (`say` returns 1 when a caption should pause the run); returns how many should pause. */
  captions(sim: Simulation, side: DatabaseSide, nowMs: number, say: (kind: Caption['kind'], text: string, pause: boolean) => number): number {
    let pausing = 0;
    for (let d = 0; d < this.ids.length; d++) {
      const db = sim.databases.get(this.ids[d]!)!;
      const first = this.first[d]!;
      for (let i = 0; i < db.instances.length; i++) {
        const x = db.instances[i]!;
        const k = first + i;
        const was = side.state[k]!;
        const fromAcu = side.acu[k]!;
        if (x.state === was && x.acu === fromAcu) continue;
        side.state[k] = x.state;
        side.acu[k] = x.acu;
        pausing += this.caption(this.ids[d]!, db, i, side, k, was, fromAcu, nowMs, (text, pause) => say('database', text, pause));
      }
    }
    return pausing;
  }

  /** The caption for instance `i` moving from state `was` at `fromAcu` ACUs to where it is now. */
  private caption(id: string, db: DatabaseModel, i: number, side: DatabaseSide, k: number, was: number, fromAcu: number, now: number, say: (text: string, pause: boolean) => number): number {
    const cfg = db.config;
    const x = db.instances[i]!;
    const target = Math.round(cfg.targetCpuUtilization * 100);
    const ic = cfg.instances[i]!;
    const who = cfg.instances.length > 1 ? `${id}, ${ic.role === 'writer' ? 'writer' : 'reader'} ${ic.logicalId}` : id;
    const acus = (n: number) => `${n} ACU${n === 1 ? '' : 's'}`;
    const why = (): string => {
      if (ic.role === 'follower' && db.instances[0]!.acu > fromAcu) return `a tier-0/1 reader follows the writer's ${acus(db.instances[0]!.acu)}`;
      const need = neededAcu(db, i, side.util[k]!);
      if (need.memAcu > need.cpuAcu) return `${x.connections} connections need ${acus(Math.ceil(need.memAcu * 2) / 2)} of memory at the ${target} % target`;
      const pct = side.util[k]! * 100;
      // "CPU 70 % over the 70 % target" reads wrong: a tenth more precision when rounding hides the excess.
      return `CPU ${Math.round(pct) > target ? Math.round(pct) : pct.toFixed(1)} % over the ${target} % target`;
    };
    if (x.state === was) {
      if (x.state === DBS.ACTIVE && x.acu < fromAcu) return say(`Aurora scale-down (${who}): ${fromAcu} → ${acus(x.acu)}; demand has fitted in less for ${cfg.scaleDownIntervalMs / 1000} s`, false);
      if (x.state !== DBS.ACTIVE || x.acu <= fromAcu) return 0;
    }
    const scaledUp = x.state === DBS.SCALING || (x.state === DBS.ACTIVE && x.acu > fromAcu && was !== DBS.SCALING && was !== DBS.STALLED && was !== DBS.RESUMING);
    const added = (x.state === DBS.SCALING ? x.targetAcu : x.acu) - fromAcu;
    const large = scaledUp && added >= SCALE_PAUSE_MIN_ACU;
    const pauseOnScale = large && now - side.scalePauseMs[k]! >= SCALE_PAUSE_EVERY_MS;
    if (large) side.scalePauseMs[k] = now;
    switch (x.state) {
      case DBS.SCALING:
        return say(`Aurora scale-up (${who}): ${why()}; ${fromAcu} → ${acus(x.targetAcu)} from the warm pool`, pauseOnScale);
      case DBS.MOVING:
        return say(
          `Aurora scale-up (${who}): ${why()}; ${fromAcu} → ${acus(x.targetAcu)} needs a host move (the warm pool has ${Math.floor(x.poolLeft * 2) / 2} of ${acus(cfg.warmPoolAcu)} left): it serves at ${acus(x.acu)} for about ${Math.round(cfg.hostMoveMs / 1000)} s, then queries stall`,
          true,
        );
      case DBS.STALLED:
        return say(`Aurora host switch (${who}): queries wait about ${Math.round(cfg.hostMoveStallMs / 1000)} s while it moves; then ${acus(x.acu)} with a full warm pool`, false);
      case DBS.PAUSED:
        return say(`Aurora paused (${who}): no connections for ${cfg.secondsUntilAutoPause} s; 0 ACUs, no capacity charge (storage still billed)`, true);
      case DBS.RESUMING: {
        const delayMs = now - x.pausedAtMs > DAY_MS ? cfg.resumeAfter24hMs : cfg.resumeMs;
        return say(`Aurora resuming (${who}): a connection arrived; queries wait about ${Math.round(delayMs / 1000)} s, then ${acus(x.targetAcu)}`, true);
      }
    }
    return scaledUp ? say(`Aurora scale-up (${who}): ${fromAcu} → ${acus(x.acu)}`, pauseOnScale) : 0;
  }
}

/** Half-ACU-ms an instance has held since the model last metered it (it meters when ACUs change). */
function unmeteredHalfAcuMs(x: DatabaseModel['instances'][number], nowMs: number): number {
  return nowMs > x.meteredToMs ? Math.round(x.acu * 2) * (Math.round(nowMs) - Math.round(x.meteredToMs)) : 0;
}

/**
 * ACUs instance `i` needs for its CPU (at utilisation `util`) and its connections' memory, at
 * the cluster's target utilisation, in 0.5 steps within the running range (the model's rule,
 * docs/models/aurora.md "Scaling (v2)").
 */
export function neededAcu(db: DatabaseModel, i: number, util: number): { acu: number; cpuAcu: number; memAcu: number } {
  const cfg = db.config;
  const x = db.instances[i]!;
  const cpuAcu = (x.acu * util) / cfg.targetCpuUtilization;
  const memAcu = (x.connections * cfg.memoryPerConnectionMiB) / 1024 / 2 / cfg.targetCpuUtilization;
  const raw = Math.ceil(Math.max(cpuAcu, memAcu) * 2) / 2;
  return { acu: Math.min(cfg.maxAcu, Math.max(Math.max(0.5, cfg.minAcu), raw)), cpuAcu, memAcu };
}
