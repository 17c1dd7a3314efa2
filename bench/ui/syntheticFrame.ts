/**
 * A synthetic frame for the UI benchmark: `instances` container instances over three zones with
 * `tasks` tasks packed on them, and `envs` Lambda environments in one function, an Aurora cluster of two instances, plus a mutation
 * that changes a few per cent of them each frame (what a busy run looks like to the scene).
 */
import { IS, TS } from '../../src/aws/ecs';
import { IS as DBS } from '../../src/aws/rds';
import { DB_STRIDE, FN_STRIDE, type FrameData, INST_STRIDE, KIND_EC2, type RunMeta, TASK_STRIDE } from '../../src/ui/protocol';

export function syntheticMeta(): RunMeta {
  return {
    name: 'bench',
    description: '',
    variant: 'base',
    variants: ['base'],
    seed: 1,
    durationMs: 3_600_000,
    tickMs: 1000,
    sampleEveryMs: 3000,
    zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
    services: Array.from({ length: 4 }, (_, i) => ({
      id: `svc${i}`,
      cluster: 'c',
      cpuUnits: 256,
      memoryMiB: 512,
      kinds: ['EC2'],
      hourlyUsd: 0,
      hourlySpotUsd: 0,
      placement: 'binpack(cpu)',
    })),
    asgs: [{ id: 'asg', minSize: 0, maxSize: 1000, types: ['m5.xlarge'] }],
    functions: [{ id: 'fn', memoryMB: 1024, reserved: null, provisioned: 100 }],
    accountConcurrency: 1000,
    unreservedLimit: 900,
    databases: [
      {
        id: 'db',
        mode: 'v2',
        engine: 'aurora-postgresql',
        minAcu: 0.5,
        maxAcu: 64,
        autoPause: false,
        secondsUntilAutoPause: 300,
        warmPoolAcu: 8,
        targetCpu: 0.7,
        acuHourUsd: 0.12,
        instances: [
          { id: 'writer', instanceClass: 'db.serverless', role: 'writer', provisioned: false },
          { id: 'reader', instanceClass: 'db.serverless', role: 'follower', provisioned: false },
        ],
      },
    ],
    knobs: { ecs: true, ec2: true, capacityProvider: true, lambda: true, alias: false, aurora: true },
    warnings: [],
  };
}

export function syntheticFrame(instances: number, tasks: number, envs: number): FrameData {
  const inst = new Float64Array(instances * INST_STRIDE);
  const t = new Float64Array(tasks * TASK_STRIDE);
  const perInst = Math.ceil(tasks / instances);
  let k = 0;
  for (let i = 0; i < instances; i++) {
    const o = i * INST_STRIDE;
    inst.set([i + 1, i % 3, IS.ACTIVE, 4096, 16384, 0, 0, i % 7 === 0 ? 1 : 0, 0, 0.192], o);
    for (let j = 0; j < perInst && k < tasks; j++, k++) {
      t.set([k + 1, k % 4, i % 3, TS.RUNNING, KIND_EC2, i + 1, 256, 512, (k % 10) / 10, 1], k * TASK_STRIDE);
    }
  }
  const env = new Uint8Array(envs);
  for (let e = 0; e < envs; e++) env[e] = e % 3;
  const fns = new Float64Array(FN_STRIDE);
  fns.set([0, envs, Math.floor(envs / 3), 900, 100, 0, 0, 0, 0]);
  const dbs = new Float64Array(2 * DB_STRIDE);
  dbs.set([0, 0, DBS.ACTIVE, 24, 24, 0.6, 21, 5, 400, 2000, 0, 1.5, 0], 0);
  dbs.set([0, 1, DBS.SCALING, 16, 24, 0.8, 18.5, 0, 300, 2000, 0, 1.2, 0], DB_STRIDE);
  return {
    nowMs: 0,
    done: false,
    instances: inst,
    tasks: t,
    envs: env,
    fns,
    dbs,
    serviceDesired: [0, 0, 0, 0],
    serviceRunning: [0, 0, 0, 0],
    serviceUtil: [0, 0, 0, 0],
    serviceDecision: ['', '', '', ''],
    asgDesired: [instances],
    requests: { arrived: 0, served: 0, failed: 0, throttled: 0 },
    latency: { p50: null, p95: null, p99: null },
    cost: {
      totalUsd: 0,
      byResource: {},
      byKind: { fargate: 0, fargateSpot: 0, ec2: 0, ec2Spot: 0, metered: 0, aurora: 0 },
      rateByKind: { fargate: 0, fargateSpot: 0, ec2: 0, ec2Spot: 0, metered: 0, aurora: 0 },
      databases: [{ usd: 2.7, usdPerHour: 4.8, acuHours: 22.5 }],
    },
    report: null,
  };
}

/** Changes about 2 % of tasks (state, CPU use), 5 % of instances (state) and 10 % of environments. */
export function mutate(f: FrameData, frameNo: number): void {
  const nT = f.tasks.length / TASK_STRIDE;
  for (let i = frameNo % 50; i < nT; i += 50) {
    const o = i * TASK_STRIDE;
    f.tasks[o + 3] = f.tasks[o + 3] === TS.RUNNING ? TS.PENDING : TS.RUNNING;
    f.tasks[o + 8] = ((f.tasks[o + 8]! * 10 + 3) % 10) / 10;
  }
  const nI = f.instances.length / INST_STRIDE;
  for (let i = frameNo % 20; i < nI; i += 20) {
    const o = i * INST_STRIDE;
    f.instances[o + 2] = f.instances[o + 2] === IS.ACTIVE ? IS.DRAINING : IS.ACTIVE;
  }
  for (let e = frameNo % 10; e < f.envs.length; e += 10) f.envs[e] = (f.envs[e]! + 1) % 3;
  f.fns[5] = f.fns[5]! + (frameNo % 30 === 0 ? 1 : 0);
  f.dbs[3] = 16 + (frameNo % 17);
}
