/**
 * One variant of a scenario, assembled: the engine, the workload sources, the service models.
 * Steppable (the browser) or run to the end (the CLI); `report()` gives the variant's report.
 */
import { type EcsService, buildEcsService, ecsServiceReport } from '../aws/ecs';
import { Engine, type EngineCheckpoint, Phase } from '../engine';
import { type PriceTable, pricesFor } from '../pricing';
import {
  buildSeriesReport,
  buildVariantReport,
  LatencyHistogram,
  type ResourceReport,
  type SeriesReport,
  type VariantReport,
} from '../report';
import type { Scenario } from '../scenario';
import { WorkloadSource } from '../workload';

/** A latency histogram whose state survives checkpoints (the model records into it). */
class CheckpointedHistogram {
  histogram = new LatencyHistogram();
  record(ms: number, count?: number): void {
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

export class Simulation {
  readonly engine: Engine;
  readonly prices: PriceTable;
  readonly workloads: WorkloadSource[] = [];
  readonly services = new Map<string, { model: EcsService; latency: CheckpointedHistogram }>();

  constructor(
    readonly scenario: Scenario,
    readonly options: SimulationOptions = {},
  ) {
    this.prices = pricesFor(scenario.Region);
    this.engine = new Engine({ seed: scenario.Seed, tickMs: scenario.TickMs, durationMs: scenario.DurationMs });
    for (const resource of Object.values(scenario.Resources)) {
      if (resource.Type !== 'AWS::ECS::Service') continue;
      const latency = new CheckpointedHistogram();
      const model = buildEcsService(this.engine, scenario, resource, this.prices, latency);
      this.engine.register(model, Phase.Serve);
      this.services.set(resource.LogicalId, { model, latency });
    }
    for (const spec of scenario.Workload) {
      const source = new WorkloadSource(spec, this.engine.random.stream(`workload:${spec.Name}`), {
        startMs: scenario.StartMs,
      });
      const target = this.services.get(spec.Target);
      if (target === undefined) throw new Error(`workload ${spec.Name}: target ${spec.Target} is not a simulated service`);
      source.connect(target.model);
      this.engine.register(source, Phase.Arrivals);
      this.workloads.push(source);
    }
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
    let arrived = 0;
    let served = 0;
    let failed = 0;
    let queued = 0;
    for (const [id, { model, latency }] of this.services) {
      const section = ecsServiceReport(model, this.prices, latency.histogram, this.scenario.DurationMs);
      resources[id] = section;
      const r = section['requests'] as { arrived: number; served: number; failed: number; queued: number };
      arrived += r.arrived;
      served += r.served;
      failed += r.failed;
      queued += r.queued;
      total.merge(latency.histogram);
      if (this.options.series) {
        series[id] = Object.fromEntries(
          Object.values(model.series).map((s) => [s.name, buildSeriesReport(s.unit, s.bucketMs / 1000, s.points())]),
        );
      }
    }
    return buildVariantReport({
      name: this.scenario.Variant,
      requests: { arrived, served, failed, throttled: 0, queued },
      latency: total,
      resources,
      ...(this.options.series ? { series } : {}),
    });
  }
}
