/** The report section of an Aurora cluster: its bill, its capacity and its queries (docs/models/aurora.md). */
import type { AuroraPrices } from '../../pricing';
import { buildResourceReport, buildSeriesReport, latencyPercentiles, type ResourceReport, type SeriesReport } from '../../report';
import { auroraLineItems } from './auroraPricing';
import type { DatabaseModel } from './DatabaseModel';

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The cluster's resource report. Capacity figures are cluster totals (all instances' ACUs
 * together, provisioned instances at their memory's ACU equivalent); `instances` breaks them down.
 */
export function databaseReport(db: DatabaseModel, prices: AuroraPrices, durationMs: number, type = 'AWS::RDS::DBCluster'): ResourceReport {
  const cfg = db.config;
  const c = db.counters;
  const u = db.meter.usage;
  const provisionedClasses: Record<string, string> = {};
  for (const ic of cfg.instances) if (ic.provisioned !== undefined) provisionedClasses[ic.logicalId] = ic.instanceClass;
  const items = auroraLineItems(u, prices, { mode: cfg.mode, storageType: cfg.storageType, storageGB: cfg.storageGB, ioPerQuery: cfg.ioPerQuery, provisionedClasses });
  const instances: Record<string, unknown> = {};
  for (const [i, ic] of cfg.instances.entries()) {
    const x = db.instances[i]!;
    instances[ic.logicalId] = {
      instanceClass: ic.instanceClass,
      role: ic.role,
      promotionTier: ic.promotionTier,
      minAcu: x.minAcu,
      maxAcu: x.maxAcu,
      averageAcu: ic.provisioned !== undefined ? x.acu : r3(x.halfAcuMs / 2 / durationMs),
      peakConnections: x.peakConnections,
    };
  }
  const serverlessHalfAcuMs = u.halfAcuMs;
  const provisionedAcu = cfg.instances.reduce((n, ic) => n + (ic.provisioned !== undefined ? ic.provisioned.memoryGiB / 2 : 0), 0);
  return buildResourceReport(type, items, {
    engine: cfg.engine,
    serverlessVersion: cfg.mode,
    storageType: cfg.storageType,
    minCapacity: cfg.minAcu,
    maxCapacity: cfg.maxAcu,
    minAcu: Math.max(0, c.minTotalAcu),
    maxAcu: Math.max(0, c.maxTotalAcu),
    averageAcu: r3(serverlessHalfAcuMs / 2 / durationMs + provisionedAcu),
    acuHours: r3(serverlessHalfAcuMs / 2 / 3_600_000),
    secondsAtMax: r3(c.msAtMax / 1000),
    pauses: c.pauses,
    resumes: c.resumes,
    scaleEvents: c.scaleEvents,
    hostMoves: c.hostMoves,
    ...(cfg.mode === 'v1' ? { v1ScalingRollbacks: c.v1Rollbacks, v1ScalingForced: c.v1Forced } : {}),
    peakConnections: c.peakConnections,
    connectionsRefused: c.connectionsRefused,
    cpuUtilizationPercent: c.cpuCapacityMs > 0 ? r3((100 * c.cpuWorkMs) / c.cpuCapacityMs) : 0,
    queries: { submitted: c.queriesSubmitted, completed: c.queriesCompleted, timedOut: c.queriesTimedOut, inFlight: db.queriesInFlight() },
    queryLatencyMs: latencyPercentiles(db.latency),
    instances,
  });
}

/** The cluster's time series for the report: `acu`, `connections`, `cpuUtilizationPercent`, `queryLatencyMeanMs`. */
export function databaseSeries(db: DatabaseModel): Record<string, SeriesReport> {
  const out: Record<string, SeriesReport> = {};
  for (const s of Object.values(db.series)) out[s.name] = buildSeriesReport(s.unit, s.bucketMs / 1000, s.points());
  return out;
}
