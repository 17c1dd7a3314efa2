/**
 * The messages between the app (main thread) and the engine's worker, and the layout of the
 * typed arrays a frame carries. Strides are numbers per entity.
 */
import type { ScenarioIssue } from '../scenario';
import type { KnobAvailability, Knobs } from './knobs';

/** Instance record: id, zone index, status (IS), cpu units, memory MiB, cpu reserved, memory reserved, spot 0/1, group index, USD/h, type index (into the group's `types`: a mixed fleet has several). */
export const INST_STRIDE = 11;
/** Task record: id, service index, zone index, status (TS), kind (KIND_*), instance id or -1, cpu units, memory MiB, CPU use 0–1, requests in flight. */
export const TASK_STRIDE = 10;
/** Environment byte: 0 initialising, 1 busy, 2 idle; `| ENV_PROVISIONED` for provisioned ones. */
export const ENV_STRIDE = 1;
export const ENV_PROVISIONED = 4;
/** Function record: first env index, env count, busy, concurrency limit, provisioned, throttles, cold starts, reaped, invocations. */
export const FN_STRIDE = 9;
/**
 * Aurora DB instance record: cluster index (into `RunMeta.databases`), instance index (into its
 * `instances`), state (`IS` of src/aws/rds), ACUs now, ACUs a change in progress ends at, CPU
 * utilisation 0–1 over the last tick, ACUs that demand needs at the target utilisation, warm-pool
 * ACUs left, connections, connection limit, ms queries still wait (resume or host switch),
 * capacity cost so far (USD), ms idle (no connections and no queries; 0 while connected).
 */
export const DB_STRIDE = 13;

export const KIND_FARGATE = 0;
export const KIND_FARGATE_SPOT = 1;
export const KIND_EC2 = 2;

/**
 * Chart sample: t (s), arrivals/s, failures/s, throttles/s, running tasks, desired tasks,
 * instances, Lambda concurrency, Lambda environments, latency mean, p50, p95 and p99 over
 * the interval since the previous sample (ms), cumulative cost (USD), cost rate (USD/h),
 * Aurora ACUs (all clusters' instances together).
 */
export const SAMPLE_FIELDS = 16;

/** An Aurora cluster as the app shows it. */
export interface DatabaseMeta {
  id: string;
  /** `v2` (ServerlessV2ScalingConfiguration) or `v1` (EngineMode serverless). */
  mode: 'v2' | 'v1';
  engine: string;
  minAcu: number;
  maxAcu: number;
  autoPause: boolean;
  secondsUntilAutoPause: number;
  /** ACUs the warm pool of an instance's host holds when full. */
  warmPoolAcu: number;
  /** CPU utilisation the instances scale to stay under, 0–1. */
  targetCpu: number;
  /** USD per ACU-hour of serverless capacity (the price table's rate for the storage type). */
  acuHourUsd: number;
  /** Writer first. */
  instances: { id: string; instanceClass: string; role: 'writer' | 'follower' | 'independent'; provisioned: boolean }[];
}

export interface ServiceMeta {
  id: string;
  cluster: string;
  cpuUnits: number;
  memoryMiB: number;
  kinds: string[];
  /** Hourly price of one task on Fargate / Fargate Spot (0 when it runs on EC2). */
  hourlyUsd: number;
  hourlySpotUsd: number;
  /** Placement strategies and constraints, as words (EC2). */
  placement: string;
}

export interface RunMeta {
  name: string;
  description: string;
  variant: string;
  variants: string[];
  seed: number;
  durationMs: number;
  tickMs: number;
  sampleEveryMs: number;
  zones: string[];
  services: ServiceMeta[];
  asgs: { id: string; minSize: number; maxSize: number; types: string[] }[];
  functions: { id: string; memoryMB: number; reserved: number | null; provisioned: number }[];
  accountConcurrency: number;
  unreservedLimit: number;
  /** Aurora clusters (empty: the scene draws no Aurora view). */
  databases: DatabaseMeta[];
  knobs: KnobAvailability;
  warnings: string[];
}

export interface Caption {
  atMs: number;
  kind: 'scale' | 'capacity' | 'fault' | 'cold' | 'throttle' | 'database';
  text: string;
}

export interface FrameData {
  nowMs: number;
  done: boolean;
  instances: Float64Array;
  tasks: Float64Array;
  envs: Uint8Array;
  fns: Float64Array;
  /** Aurora DB instances, DB_STRIDE numbers each, clusters in `RunMeta.databases` order. */
  dbs: Float64Array;
  serviceDesired: number[];
  serviceRunning: number[];
  serviceUtil: number[];
  /** Each service's last scaling decision, in words ('' when none yet). */
  serviceDecision: string[];
  asgDesired: number[];
  requests: { arrived: number; served: number; failed: number; throttled: number };
  latency: { p50: number | null; p95: number | null; p99: number | null };
  cost: {
    totalUsd: number;
    byResource: Record<string, number>;
    /** USD/h now by resource: running tasks and instances at their hourly rates, metered resources over the meter's window, Aurora at its ACUs. */
    rateByResource?: Record<string, number>;
    byKind: { fargate: number; fargateSpot: number; ec2: number; ec2Spot: number; metered: number; aurora: number };
    rateByKind: { fargate: number; fargateSpot: number; ec2: number; ec2Spot: number; metered: number; aurora: number };
    /** Each Aurora cluster (RunMeta.databases order): USD so far, USD/h now, ACU-hours so far. */
    databases: { usd: number; usdPerHour: number; acuHours: number }[];
  };
  /** The variant's report once the run has ended (the same numbers as the CLI's). */
  report: { totalCostUsd: number; served: number; failed: number; p99: number } | null;
  /** Ids of the tasks and container instances hit by a Spot interruption in the last few simulated minutes (the scene marks them). */
  spotInterrupted?: { tasks: number[]; instances: number[] };
  /** Each Lambda environment's duration cost so far (in `envs` order), USD: its finished invocations' busy ms × memory at the duration rate, INIT when billed. */
  envCostUsd?: Float64Array;
  /** Each container instance's launch time, simulated ms (in `instances` order). */
  instanceLaunchedMs?: number[];
  /** The last cluster scale-out captions, by Auto Scaling group: why an instance was launched. */
  launchReasons?: { asg: string; atMs: number; text: string }[];
}

/** Main thread → worker. */
export type ToWorker =
  | { type: 'open'; text: string; file: string; variant: string; seed?: number; knobs: Knobs; atMs?: number }
  | { type: 'play' }
  /** Side by side: play up to `toMs` (the page's clock, the same for both panes), then wait. */
  | { type: 'advance'; toMs: number }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'speed'; speed: number }
  | { type: 'seek'; atMs: number }
  | { type: 'pauseOnEvent'; on: boolean };

/** Worker → main thread. */
export type FromWorker =
  | { type: 'opened'; meta: RunMeta }
  | { type: 'issues'; issues: ScenarioIssue[]; knobsCaused: boolean; message?: string }
  /** A seek is replaying from a checkpoint: simulated time reached so far, and the moment it goes to. */
  | { type: 'seeking'; nowMs: number; toMs: number }
  | {
      type: 'frame';
      frame: FrameData;
      playing: boolean;
      /** New chart samples (SAMPLE_FIELDS each) and the index of the first. */
      samples: Float64Array;
      sampleStart: number;
      captions: Caption[];
      /** Wall-clock ms the worker spent stepping since the last frame. */
      stepMs: number;
      /** The run has just stopped on an event (Pause on event). */
      stoppedOnEvent: boolean;
    };
