/**
 * One variant of a scenario, assembled: the engine, the workload sources, the ECS clusters and
 * the service auto scalers. Steppable (the browser) or run to the end (the CLI); `report()` gives
 * the variant's report.
 */
import {
  asgReport,
  buildClusters,
  type ClusterModel,
  ecsQuotas,
  ecsServiceReport,
  type ServiceModel,
} from '../aws/ecs';
import { Engine, type EngineCheckpoint, Phase } from '../engine';
import type { FaultRecord } from '../aws/ecs/ClusterModel';
import { type PriceTable, pricesFor } from '../pricing';
import {
  buildResourceReport,
  buildSeriesReport,
  buildVariantReport,
  type FaultReport,
  LatencyHistogram,
  type ResourceReport,
  type SeriesReport,
  type VariantReport,
} from '../report';
import type { Scenario } from '../scenario';
import { absorbSeconds, steepestRise, WorkloadSource } from '../workload';
import { albLineItems, LoadBalancerModel } from '../aws/elbv2';
import { ApiGatewayModel, API_GATEWAY_ACCOUNT_THROTTLE, apiGatewayLineItems } from '../aws/apigateway';
import { API_TYPES, apiFunction, apiInvocations, apiStageThrottle, HTTP_API, implicitApis, SAM_HTTP_API } from '../aws/apigateway/schema';
import { TokenBucket } from '../engine';
import { buildLambda, durationFactor, type FunctionModel, functionReport, freeTierCover, type LambdaAccount } from '../aws/lambda';
import { invocationOf, type LambdaUrlProperties, queueConsumers } from '../aws/lambda/schema';
import { EventSourceMapping, MAX_POLLERS } from '../aws/lambda/EventSourceMapping';
import { buildQueues, type QueueModel, queueReport } from '../aws/sqs';
import { buildDatabases, type DatabaseModel, databaseReport, databaseSeries, DbWork, ENDPOINT_READER, ENDPOINT_WRITER } from '../aws/rds';
import { resolveResourceRef } from '../scenario/resourceRef';
import { type DatabaseClientSim, DEFAULT_POOL } from '../scenario/databaseClients';
import { DB_CLUSTER } from '../aws/rds/schema';
import type { WorkloadSpec } from '../workload';
import { loadBalancerServices } from '../aws/elbv2/schema';
import { buildScalers } from './buildScalers';
import { pricingOptions } from './pricingOptions';
import type { ServiceScaler } from '../aws/autoscaling';

/**
 * A latency histogram whose state survives checkpoints (the model records into it). `listener`,
 * when set, is also given every value recorded (the live app's per-interval percentiles); it
 * cannot change what is recorded and is not part of the checkpoint.
 */
export class CheckpointedHistogram {
  histogram = new LatencyHistogram();
  listener: ((ms: number, count: number) => void) | undefined = undefined;
  record(ms: number, count = 1): void {
    this.listener?.(ms, count);
    this.histogram.record(ms, count);
  }
  checkpoint(): string {
    return this.histogram.checkpoint();
  }
  restore(state: unknown): void {
    this.histogram = LatencyHistogram.restore(state as string);
  }
}

export interface SimulationOptions {
  /** Record time series for the report. */
  series?: boolean;
}

export interface ServiceHandle {
  model: ServiceModel;
  cluster: ClusterModel;
  latency: CheckpointedHistogram;
}

export class Simulation {
  readonly engine: Engine;
  readonly prices: PriceTable;
  readonly workloads: WorkloadSource[] = [];
  readonly clusters: ClusterModel[] = [];
  readonly services = new Map<string, ServiceHandle>();
  /** Lambda functions, by logical ID, and the account they share. */
  readonly functions = new Map<string, { model: FunctionModel; latency: CheckpointedHistogram }>();
  readonly lambdaAccount: LambdaAccount;
  /** API Gateway APIs that workloads target, by logical ID. */
  readonly apis = new Map<string, ApiGatewayModel>();
  /** API Gateway's account-level throttle in the Region, shared by every API. */
  private readonly apiAccountBucket = new TokenBucket(API_GATEWAY_ACCOUNT_THROTTLE.burst, API_GATEWAY_ACCOUNT_THROTTLE.steadyRps);
  /** Load balancers that workloads target, by logical ID. */
  readonly loadBalancers = new Map<string, LoadBalancerModel>();
  /** Aurora clusters, by logical ID. */
  readonly databases = new Map<string, DatabaseModel>();
  /** SQS queues, by logical ID. */
  readonly queues = new Map<string, { model: QueueModel; latency: CheckpointedHistogram }>();
  /** SQS event source mappings, by mapping logical ID (or `<function>.Events.<name>`). */
  readonly mappings = new Map<string, EventSourceMapping>();
  /** Service auto scaling, by service logical ID. */
  readonly scalers = new Map<string, ServiceScaler>();

  constructor(
    readonly scenario: Scenario,
    readonly options: SimulationOptions = {},
  ) {
    this.prices = pricesFor(scenario.Region);
    this.engine = new Engine({ seed: scenario.Seed, tickMs: scenario.TickMs, durationMs: scenario.DurationMs });
    const quotas = ecsQuotas(scenario);
    const latencies = new Map<string, CheckpointedHistogram>();
    const built = buildClusters(this.engine, scenario, this.prices, quotas, (id) => {
      const h = new CheckpointedHistogram();
      latencies.set(id, h);
      return h;
    });
    const options2 = pricingOptions(scenario);
    for (const { model, services } of built) {
      this.clusters.push(model);
      this.engine.register(model, Phase.Serve);
      for (const s of services) this.services.set(s.logicalId, { model: s, cluster: model, latency: latencies.get(s.logicalId)! });
      model.fargateHourly = options2.fargateHourly(this.prices);
      model.instanceHourly = options2.instanceHourly;
    }
    const fnLatency = new Map<string, CheckpointedHistogram>();
    const lambda = buildLambda(this.engine, scenario, this.prices, (id) => {
      const h = new CheckpointedHistogram();
      fnLatency.set(id, h);
      return h;
    });
    for (const [id, db] of buildDatabases(this.engine, scenario)) {
      this.databases.set(id, db);
      this.engine.register(db, Phase.Control);
    }
    this.lambdaAccount = lambda.account;
    this.engine.register(lambda.account, Phase.Record);
    for (const [id, model] of lambda.functions) {
      this.engine.register(model, Phase.Serve);
      this.functions.set(id, { model, latency: fnLatency.get(id)! });
      const client = this.databaseOf(id, DEFAULT_POOL.environment);
      if (client !== undefined) model.attachDatabase(client.db, client.poolSize, client.endpoint);
      model.start();
    }
    for (const db of this.databases.values()) db.start();
    for (const [id, handle] of this.services) {
      const client = this.databaseOf(id, DEFAULT_POOL.task);
      if (client === undefined) continue;
      const svc = handle.model;
      svc.db = { port: client.db, poolSize: client.poolSize, endpoint: client.endpoint, held: 0, heldOn: [], work: undefined, random: undefined };
      this.engine.register(new TaskConnections(`db-connections:${id}`, svc), Phase.Control);
    }
    const queueLatency = new Map<string, CheckpointedHistogram>();
    for (const [id, model] of buildQueues(scenario, this.prices, (qid) => {
      const h = new CheckpointedHistogram();
      queueLatency.set(qid, h);
      return h;
    })) {
      this.queues.set(id, { model, latency: queueLatency.get(id)! });
      this.engine.register(model, Phase.Record);
      for (const c of queueConsumers(scenario, id)) {
        const fn = this.functions.get(c.FunctionId)?.model;
        if (fn === undefined) continue;
        const work = scenario.Workload.find((w) => w.Target === id)?.Work;
        const esm = new EventSourceMapping(
          {
            source: c.Source,
            batchSize: c.BatchSize,
            batchingWindowMs: c.MaximumBatchingWindowInSeconds * 1000,
            maxConcurrency: c.MaximumConcurrency ?? MAX_POLLERS,
            enabled: c.Enabled,
            provisioned: c.Qualifier !== undefined && fn.config.provisioned > 0,
            durationFactor: work === undefined ? 1 : durationFactor(work, fn.config.memoryMB),
            groupLimit: model.config.type === 'fifo' ? model.config.messageGroups : Number.POSITIVE_INFINITY,
          },
          model,
          fn,
        );
        this.engine.register(esm, Phase.Control);
        this.mappings.set(c.Source, esm);
      }
    }
    // The account's launch bucket is shared: it is checkpointed by the first cluster's owner below.
    this.engine.register(
      {
        name: 'ecs-account',
        checkpoint: () => quotas.fargateBucket.checkpoint(),
        restore: (s) => quotas.fargateBucket.restore(s as never),
      },
      Phase.Record,
    );
    this.engine.register(
      { name: 'apigateway-account', checkpoint: () => this.apiAccountBucket.checkpoint(), restore: (st) => this.apiAccountBucket.restore(st as never) },
      Phase.Record,
    );
    // Every load balancer in front of a simulated service is billed, whether or not a workload names it.
    for (const r of Object.values(scenario.Resources)) {
      if (r.Type !== 'AWS::ElasticLoadBalancingV2::LoadBalancer') continue;
      const behind = loadBalancerServices(scenario, r.LogicalId).map((id) => this.services.get(id)).find((h) => h !== undefined);
      if (behind === undefined) continue;
      const lb = new LoadBalancerModel(r.LogicalId, behind.model);
      this.engine.register(lb, Phase.Meter);
      this.loadBalancers.set(r.LogicalId, lb);
    }
    for (const spec of scenario.Workload) {
      const source = new WorkloadSource(spec, this.engine.random.stream(`workload:${spec.Name}`), {
        startMs: scenario.StartMs,
      });
      source.connect(this.sinkFor(spec));
      this.engine.register(source, Phase.Arrivals);
      this.workloads.push(source);
    }
    for (const { scaler, service } of buildScalers(scenario, this.services)) {
      this.engine.register(scaler, Phase.Control);
      this.scalers.set(service, scaler);
    }
    for (const c of this.clusters) c.start();
  }

  /** The Aurora cluster resource `id` (a service or function) queries, from its `Metadata.clustersim`. */
  private databaseOf(id: string, defaultPool: number): { db: DatabaseModel; poolSize: number; endpoint: 0 | 1 } | undefined {
    const sim = this.scenario.Resources[id]?.Sim as Partial<DatabaseClientSim> | undefined;
    if (sim?.Database === undefined) return undefined;
    const dbId = resolveResourceRef(this.scenario, sim.Database, DB_CLUSTER);
    const db = dbId === undefined ? undefined : this.databases.get(dbId);
    if (db === undefined) return undefined;
    return { db, poolSize: sim.ConnectionPoolSize ?? defaultPool, endpoint: sim.DatabaseEndpoint === 'reader' ? ENDPOINT_READER : ENDPOINT_WRITER };
  }

  /** Where a workload's requests go: a service, a load balancer, a function (or its alias), an API, a function URL. */
  private sinkFor(spec: WorkloadSpec): { deliver: LoadBalancerModel['deliver'] } {
    const target = spec.Target;
    const service = this.services.get(target);
    const db = new DbWork(spec.Work);
    const dbRandom = this.engine.random.stream(`db:${spec.Name}`);
    // A service's requests carry their workload's database work: the sink tells the service whose it is.
    const withDb = (sink: { deliver: LoadBalancerModel['deliver'] }, svc: ServiceModel | undefined) => {
      if (svc?.db === undefined || !db.any) return sink;
      const d = svc.db;
      return {
        deliver: (batch: Parameters<LoadBalancerModel['deliver']>[0]) => {
          d.work = db;
          d.random = dbRandom;
          sink.deliver(batch);
          d.work = undefined;
        },
      };
    };
    if (service !== undefined) return withDb(service.model, service.model);
    const lb = this.loadBalancers.get(target);
    if (lb !== undefined) return withDb(lb, [...this.services.values()].find((h) => lb.forwardsTo(h.model))?.model);
    const resources = this.scenario.Resources;
    const type = resources[target]?.Type ?? implicitApis(this.scenario)[target];
    const fn = (id: string | undefined) => (id === undefined ? undefined : this.functions.get(id)?.model);
    const invocation = invocationOf(this.scenario, target);
    const invoked = fn(invocation?.FunctionId);
    if (invoked !== undefined) {
      const onProvisioned = (invocation?.ProvisionedConcurrentExecutions ?? 0) > 0;
      return invoked.sink(spec.InvocationType === 'Event', durationFactor(spec.Work, invoked.config.memoryMB), onProvisioned, db, dbRandom);
    }
    if (type !== undefined && (API_TYPES as readonly string[]).includes(type)) {
      const inv = apiInvocations(this.scenario, target)[0];
      const behind = fn(apiFunction(this.scenario, target));
      if (behind === undefined) throw new Error(`workload ${spec.Name}: API ${target} invokes no single simulated function`);
      let api = this.apis.get(target);
      if (api === undefined) {
        const kind = type === HTTP_API || type === SAM_HTTP_API ? 'HTTP' : 'REST';
        const t = API_GATEWAY_ACCOUNT_THROTTLE;
        const stage = apiStageThrottle(this.scenario, target);
        api = new ApiGatewayModel(
          target,
          kind,
          this.apiAccountBucket,
          stage === undefined ? undefined : { rateLimit: stage.rateLimit ?? t.steadyRps, burstLimit: stage.burstLimit ?? t.burst },
        );
        this.engine.register(api, Phase.Arrivals);
        this.apis.set(target, api);
      }
      // Each workload through the API invokes the function with its own work.
      return api.sinkTo(behind.sink(false, durationFactor(spec.Work, behind.config.memoryMB), (inv?.ProvisionedConcurrentExecutions ?? 0) > 0, db, dbRandom));
    }
    if (type === 'AWS::Lambda::Url') {
      const inv = invocationOf(this.scenario, (resources[target]!.Properties as LambdaUrlProperties).TargetFunctionArn);
      const behind = fn(inv?.FunctionId);
      if (behind !== undefined) return behind.sink(false, durationFactor(spec.Work, behind.config.memoryMB), (inv?.ProvisionedConcurrentExecutions ?? 0) > 0, db, dbRandom);
    }
    const queue = this.queues.get(target);
    if (queue !== undefined) return db.any ? queue.model.sinkWithDb(db, dbRandom) : queue.model;
    throw new Error(`workload ${spec.Name}: target ${target} is not a simulated service, load balancer, function or API`);
  }

  /** What a fault did: losses, requests in its window, and latency and cost rate before and during it. */
  private faultReport(cluster: ClusterModel, f: FaultRecord): FaultReport {
    const at = f.atSeconds;
    const end = at + f.windowSeconds;
    const latency = (from: number, to: number) => {
      const means = cluster.services.map((svc) => seriesMean(svc.series.latency.points(), from, to)).filter((x) => x !== null);
      return means.length > 0 ? round3(means.reduce((a, b) => a + b, 0) / means.length) : null;
    };
    const costRate = (from: number, to: number) => {
      let total = 0;
      for (const svc of cluster.services) total += seriesMean(svc.series.costRate.points(), from, to) ?? 0;
      for (const asg of cluster.asgs) total += seriesMean(asg.series.costRate.points(), from, to) ?? 0;
      return round3(total);
    };
    return {
      kind: f.kind,
      atSeconds: at,
      target: f.target,
      zone: f.zone,
      instancesLost: f.instancesLost,
      tasksLost: f.tasksLost,
      windowSeconds: f.windowSeconds,
      failedRequests: f.failedInWindow,
      servedRequests: f.servedInWindow,
      latencyMeanMsBefore: latency(at - 300, at),
      latencyMeanMsDuring: latency(at, end),
      costUsdPerHourBefore: costRate(at - 300, at),
      costUsdPerHourDuring: costRate(at, end),
    };
  }

  /** Seconds the service took to absorb the steepest rise of the load aimed at it (null: no rise, or never). */
  private absorb(serviceId: string, model: ServiceModel): number | null {
    const lbs = [...this.loadBalancers.entries()].filter(([, lb]) => lb.forwardsTo(model)).map(([id]) => id);
    let rise: ReturnType<typeof steepestRise> = null;
    for (const w of this.scenario.Workload) {
      if (w.Target !== serviceId && !lbs.includes(w.Target)) continue;
      const r = steepestRise(w.Arrivals, this.scenario.DurationMs, this.scenario.StartMs);
      if (r !== null && (rise === null || r.toRate - r.fromRate > rise.toRate - rise.fromRate)) rise = r;
    }
    if (rise === null) return null;
    const s = model.series;
    return absorbSeconds(s.latency.points(), s.failures.points(), rise.atMs / 1000, s.latency.bucketMs / 1000);
  }

  /** Advances one tick; false when the run has ended. */
  step(): boolean {
    return this.engine.step();
  }

  /** Runs to the end; `onProgress` gets the fraction done now and then. */
  run(onProgress?: (fraction: number) => void): void {
    this.engine.run(onProgress, 3600);
  }

  checkpoint(): EngineCheckpoint {
    return this.engine.checkpoint();
  }

  restore(cp: EngineCheckpoint): void {
    this.engine.restore(cp);
  }

  /** The variant's report (call after the run has ended). */
  report(): VariantReport {
    const resources: Record<string, ResourceReport> = {};
    const series: Record<string, Record<string, SeriesReport>> = {};
    const total = new LatencyHistogram();
    const opts = pricingOptions(this.scenario);
    let arrived = 0;
    let served = 0;
    let failed = 0;
    let throttled = 0;
    let queued = 0;
    for (const cluster of this.clusters) {
      for (const asg of cluster.asgs) {
        resources[asg.config.logicalId] = asgReport(asg, this.prices, opts.ec2, this.scenario.DurationMs);
      }
    }
    const lambdaPrices = this.prices.lambda;
    const tierOffset = { x86_64: 0, arm64: 0 };
    let freeLeft = this.scenario.Pricing.FreeTier ? { ...lambdaPrices.freeTierPerMonth } : { requests: 0, gibSeconds: 0 };
    for (const [id, { model, latency }] of this.functions) {
      if (model.counters.invocations === 0 && model.config.provisioned === 0 && model.counters.arrived === 0) continue;
      const section = functionReport(model, lambdaPrices, latency.histogram, this.scenario.DurationMs, {
        freeTier: this.scenario.Pricing.FreeTier,
        freeTierLeft: freeLeft,
        savingsPlanPercent: this.scenario.Pricing.SavingsPlan?.Lambda ?? 0,
        type: this.scenario.Resources[id]!.Type,
        tierOffsetMbMs: tierOffset[model.config.architecture],
      });
      tierOffset[model.config.architecture] += model.meter.usage.durationMbMs + model.meter.usage.initMbMs;
      const used = freeTierCover(model.meter.usage, freeLeft);
      freeLeft = { requests: freeLeft.requests - used.requests, gibSeconds: freeLeft.gibSeconds - used.mbMs / 1_024_000 };
      resources[id] = section;
      const c = model.counters;
      arrived += c.arrived;
      served += c.served;
      failed += c.failed;
      throttled += c.throttles;
      queued += model.queued();
      total.merge(latency.histogram);
      if (this.options.series) {
        series[id] = Object.fromEntries(
          Object.values(model.series).map((x) => [x.name, buildSeriesReport(x.unit, x.bucketMs / 1000, x.points())]),
        );
      }
    }
    for (const [id, api] of this.apis) {
      const items = apiGatewayLineItems({ requests: api.requests }, this.prices.apiGateway, api.kind);
      const stage = apiStageThrottle(this.scenario, id);
      const account = API_GATEWAY_ACCOUNT_THROTTLE;
      resources[id] = buildResourceReport(this.scenario.Resources[id]?.Type ?? implicitApis(this.scenario)[id]!, items, {
        requests: api.requests,
        throttled: api.throttled,
        throttling: {
          stage: stage?.stage ?? null,
          rateLimit: Math.min(stage?.rateLimit ?? account.steadyRps, account.steadyRps),
          burstLimit: Math.min(stage?.burstLimit ?? account.burst, account.burst),
        },
      });
      arrived += api.throttled;
      throttled += api.throttled;
    }
    let sqsFree = this.scenario.Pricing.FreeTier ? this.prices.sqs.freeTierRequestsPerMonth : 0;
    const targets = new Set(this.scenario.Workload.map((w) => w.Target));
    for (const [id, { model, latency }] of this.queues) {
      resources[id] = queueReport(model, this.prices.sqs, latency.histogram, { freeTier: this.scenario.Pricing.FreeTier, freeRequestsLeft: sqsFree });
      const u = model.usage;
      sqsFree = Math.max(0, sqsFree - u.standardRequests - u.fifoRequests);
      // A queue producers send to counts their messages (not those redriven to it).
      if (targets.has(id)) {
        const o = model.producerOutcomes();
        arrived += o.arrived;
        served += o.served;
        failed += o.failed;
        queued += o.queued;
        total.merge(latency.histogram);
      }
      if (this.options.series) {
        series[id] = Object.fromEntries(Object.values(model.series).map((x) => [x.name, buildSeriesReport(x.unit, x.bucketMs / 1000, x.points())]));
      }
    }
    for (const [id, m] of this.mappings) {
      const c = m.counters;
      resources[id] = buildResourceReport('AWS::Lambda::EventSourceMapping', [], {
        functionName: m.fn.config.logicalId,
        batches: c.batches,
        messages: c.messages,
        averageBatchSize: c.batches > 0 ? Math.round((c.messages / c.batches) * 1000) / 1000 : 0,
        batchesThrottled: c.batchesThrottled,
        batchesFailed: c.batchesFailed,
        peakPollers: c.peakPollers,
        peakConcurrentBatches: c.peakConcurrentBatches,
      });
    }
    for (const [id, db] of this.databases) {
      resources[id] = databaseReport(db, this.prices.aurora, this.scenario.DurationMs);
      if (this.options.series) series[id] = databaseSeries(db);
    }
    for (const [id, lb] of this.loadBalancers) {
      const items = albLineItems(lb.meter.usage(this.scenario.DurationMs), this.prices.alb);
      resources[id] = buildResourceReport('AWS::ElasticLoadBalancingV2::LoadBalancer', items, { requests: lb.requests });
    }
    for (const [id, { model, cluster, latency }] of this.services) {
      const q = cluster.queued(model);
      const section = ecsServiceReport(model, q, this.prices, opts.fargate, latency.histogram, this.scenario.DurationMs);
      section['absorbSeconds'] = this.absorb(id, model);
      const scaler = this.scalers.get(id);
      if (scaler !== undefined) {
        section['scaleOuts'] = scaler.stats.scaleOuts;
        section['scaleIns'] = scaler.stats.scaleIns;
      }
      resources[id] = section;
      const c = model.counters;
      arrived += c.arrived;
      served += c.served;
      failed += c.failed;
      queued += q;
      total.merge(latency.histogram);
      if (this.options.series) {
        series[id] = Object.fromEntries(
          Object.values(model.series).map((s) => [s.name, buildSeriesReport(s.unit, s.bucketMs / 1000, s.points())]),
        );
      }
    }
    const faults = this.clusters.flatMap((c) => c.faultRecords.map((f) => this.faultReport(c, f))).sort((a, b) => a.atSeconds - b.atSeconds);
    return buildVariantReport({
      name: this.scenario.Variant,
      requests: { arrived, served, failed, throttled, queued },
      latency: total,
      resources,
      faults,
      ...(this.options.series ? { series } : {}),
    });
  }
}

/** Mean of the bucket means whose start falls in [fromS, toS), or null when none does. */
function seriesMean(points: readonly { t: number; mean: number }[], fromS: number, toS: number): number | null {
  let sum = 0;
  let n = 0;
  for (const p of points) {
    if (p.t >= fromS && p.t < toS) {
      sum += p.mean;
      n++;
    }
  }
  return n > 0 ? sum / n : null;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Keeps a service's database connections at `ConnectionPoolSize` per running task, each tick:
 * tasks that started open theirs, tasks that stopped close theirs (the database may refuse some).
 */
class TaskConnections {
  constructor(
    readonly name: string,
    private readonly service: ServiceModel,
  ) {}

  step(tickStartMs: number, tickMs: number): void {
    const d = this.service.db!;
    const t = tickStartMs + tickMs;
    const want = this.service.running.length * d.poolSize;
    if (want > d.held) {
      const opened = d.port.openConnections(t, want - d.held, d.endpoint);
      if (opened > 0) {
        const i = d.port.lastInstance;
        d.heldOn[i] = (d.heldOn[i] ?? 0) + opened;
        d.held += opened;
      }
    } else if (want < d.held) {
      // Close on each instance in turn (with a reader endpoint they are spread over the readers).
      let close = d.held - want;
      for (let i = 0; i < d.heldOn.length && close > 0; i++) {
        const n = Math.min(close, d.heldOn[i] ?? 0);
        if (n === 0) continue;
        d.port.closeConnections(t, n, i);
        d.heldOn[i]! -= n;
        close -= n;
      }
      d.held = want;
    }
  }

  checkpoint(): unknown {
    return null;
  }

  restore(): void {}
}
