/**
 * A copy of a report with every object's keys in the documented order, whatever order the
 * caller built them in: fixed fields in schema order; a resource's metrics after its fixed
 * fields, sorted by name; logical IDs and series names in the order they were added (the
 * scenario's order). The JSON writer serialises this copy.
 */
import type { LineItem, Report, ResourceReport, SeriesReport, VariantReport } from '../model';

function lineItem(i: LineItem): LineItem {
  return { description: i.description, quantity: i.quantity, unit: i.unit, unitPriceUsd: i.unitPriceUsd, costUsd: i.costUsd };
}

function resource(r: ResourceReport): ResourceReport {
  const out: ResourceReport = { type: r.type, costUsd: r.costUsd, lineItems: r.lineItems.map(lineItem) };
  const metrics = Object.keys(r).filter((k) => k !== 'type' && k !== 'costUsd' && k !== 'lineItems');
  for (const key of metrics.sort()) out[key] = r[key];
  return out;
}

function series(s: SeriesReport): SeriesReport {
  return { unit: s.unit, bucketSeconds: s.bucketSeconds, points: s.points };
}

function variant(v: VariantReport): VariantReport {
  const { requests: q, latencyMs: l } = v.totals;
  const resources: Record<string, ResourceReport> = {};
  for (const [id, r] of Object.entries(v.resources)) resources[id] = resource(r);
  const out: VariantReport = {
    name: v.name,
    totals: {
      costUsd: v.totals.costUsd,
      requests: { arrived: q.arrived, served: q.served, failed: q.failed, throttled: q.throttled, queued: q.queued },
      latencyMs: { p50: l.p50, p95: l.p95, p99: l.p99 },
    },
    resources,
  };
  if (v.faults !== undefined) {
    out.faults = v.faults.map((f) => ({
      kind: f.kind,
      atSeconds: f.atSeconds,
      target: f.target,
      zone: f.zone,
      instancesLost: f.instancesLost,
      tasksLost: f.tasksLost,
      windowSeconds: f.windowSeconds,
      failedRequests: f.failedRequests,
      servedRequests: f.servedRequests,
      latencyMeanMsBefore: f.latencyMeanMsBefore,
      latencyMeanMsDuring: f.latencyMeanMsDuring,
      costUsdPerHourBefore: f.costUsdPerHourBefore,
      costUsdPerHourDuring: f.costUsdPerHourDuring,
    }));
  }
  if (v.series !== undefined) {
    const all: Record<string, Record<string, SeriesReport>> = {};
    for (const [owner, byName] of Object.entries(v.series)) {
      const named: Record<string, SeriesReport> = {};
      for (const [name, s] of Object.entries(byName)) named[name] = series(s);
      all[owner] = named;
    }
    out.series = all;
  }
  return out;
}

/** `report` with keys in the documented order (a copy; the input is not changed). */
export function canonicalReport(report: Report): Report {
  return {
    schemaVersion: report.schemaVersion,
    scenario: report.scenario,
    seed: report.seed,
    durationSeconds: report.durationSeconds,
    tickSeconds: report.tickSeconds,
    region: report.region,
    warnings: [...report.warnings],
    variants: report.variants.map(variant),
  };
}
