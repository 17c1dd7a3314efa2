/**
 * The human-readable writer: terminal tables (cli-table3). With several variants it starts with
 * a side-by-side comparison (one column per variant, cost change against the first, the base);
 * then per variant its totals and, per resource, the line items and cost.
 */
import Table from 'cli-table3';
import { formatCount, formatMs, formatPercentChange, formatQuantity, formatUnitPriceUsd, formatUsd } from '../format';
import type { Report, ResourceReport, VariantReport } from '../model';

export interface TableOptions {
  /** Colour headers and borders (ANSI). Default false; see `colorWanted`. */
  color?: boolean;
}

/**
 * Whether to colour terminal output: only on a TTY, and never when the `NO_COLOR` environment
 * variable is set to a non-empty value (https://no-color.org).
 */
export function colorWanted(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  const noColor = env['NO_COLOR'];
  return stream.isTTY === true && (noColor === undefined || noColor === '');
}

type Style = { head: string[]; border: string[] };

function newTable(style: Style, head: string[], numericFrom: number, columns: number): Table.Table {
  const colAligns: ('left' | 'right')[] = [];
  for (let i = 0; i < columns; i++) colAligns.push(i >= numericFrom ? 'right' : 'left');
  return new Table({ head, style: { ...style, compact: true }, colAligns });
}

/** Cost per million served requests, or n/a when none was served. */
function costPerMillion(v: VariantReport): string {
  const served = v.totals.requests.served;
  return served > 0 ? formatUsd((v.totals.costUsd / served) * 1e6) : 'n/a';
}

function comparison(variants: VariantReport[], style: Style): string {
  const base = variants[0]!;
  const t = newTable(style, ['', ...variants.map((v) => v.name)], 1, variants.length + 1);
  const line = (label: string, f: (v: VariantReport, i: number) => string) => t.push([label, ...variants.map(f)]);
  line('Total cost', (v) => formatUsd(v.totals.costUsd));
  line('Cost vs base', (v, i) => (i === 0 ? 'base' : formatPercentChange(v.totals.costUsd, base.totals.costUsd)));
  line('Cost per 1M served', costPerMillion);
  line('Arrived', (v) => formatCount(v.totals.requests.arrived));
  line('Served', (v) => formatCount(v.totals.requests.served));
  line('Failed', (v) => formatCount(v.totals.requests.failed));
  line('Throttled', (v) => formatCount(v.totals.requests.throttled));
  line('Queued', (v) => formatCount(v.totals.requests.queued));
  line('p50 (ms)', (v) => formatMs(v.totals.latencyMs.p50));
  line('p95 (ms)', (v) => formatMs(v.totals.latencyMs.p95));
  line('p99 (ms)', (v) => formatMs(v.totals.latencyMs.p99));
  // Capacity, from the resources' metrics (rows only where some variant has them).
  const optional = (label: string, f: (v: VariantReport) => number | null) => {
    const values = variants.map(f);
    if (values.some((x) => x !== null)) t.push([label, ...values.map((x) => (x === null ? 'n/a' : formatQuantity(x)))]);
  };
  optional('Peak instances', (v) => sumMetric(v, 'peakInstances'));
  optional('Average instances', (v) => sumMetric(v, 'averageInstances'));
  optional('Peak running tasks', (v) => sumMetric(v, 'peakRunningTasks'));
  optional('Average running tasks', (v) => sumMetric(v, 'averageRunningTasks'));
  optional('Reserved CPU share (%)', (v) => {
    const hours = sumMetric(v, 'instanceHours');
    if (hours === null || hours === 0) return null;
    let weighted = 0;
    for (const r of Object.values(v.resources)) {
      if (typeof r['reservedCpuShare'] === 'number' && typeof r['instanceHours'] === 'number') weighted += r['reservedCpuShare'] * r['instanceHours'];
    }
    return Math.round((1000 * weighted) / hours) / 10;
  });
  optional('Time to absorb steepest rise (s)', (v) => maxMetric(v, 'absorbSeconds'));
  const ids = [...new Set(variants.flatMap((v) => Object.keys(v.resources)))];
  for (const id of ids) line(`Cost: ${id}`, (v) => (v.resources[id] === undefined ? '—' : formatUsd(v.resources[id]!.costUsd)));
  return t.toString();
}

/** Σ of a numeric metric over the variant's resources, or null when none has it. */
function sumMetric(v: VariantReport, name: string): number | null {
  let total: number | null = null;
  for (const r of Object.values(v.resources)) {
    const x = r[name];
    if (typeof x === 'number') total = (total ?? 0) + x;
  }
  return total;
}

/** The largest value of a numeric metric over the variant's resources, or null. */
function maxMetric(v: VariantReport, name: string): number | null {
  let best: number | null = null;
  for (const r of Object.values(v.resources)) {
    const x = r[name];
    if (typeof x === 'number' && (best === null || x > best)) best = x;
  }
  return best;
}

function totals(v: VariantReport, style: Style): string {
  const { requests: q, latencyMs: l } = v.totals;
  const t = newTable(style, ['Totals', ''], 1, 2);
  t.push(
    ['Requests arrived', formatCount(q.arrived)],
    ['  served', formatCount(q.served)],
    ['  failed', formatCount(q.failed)],
    ['  throttled', formatCount(q.throttled)],
    ['  queued', formatCount(q.queued)],
    ['Latency p50 (ms)', formatMs(l.p50)],
    ['Latency p95 (ms)', formatMs(l.p95)],
    ['Latency p99 (ms)', formatMs(l.p99)],
    ['Cost', formatUsd(v.totals.costUsd)],
    ['Cost per 1M served', costPerMillion(v)],
  );
  return t.toString();
}

/** A resource's metrics (fields beyond type, cost and line items) as `name value` pairs, nested ones dotted. */
function metricsLine(r: ResourceReport): string {
  const parts: string[] = [];
  const walk = (prefix: string, value: unknown): void => {
    if (typeof value === 'number') parts.push(`${prefix} ${formatQuantity(value)}`);
    else if (typeof value === 'string' || typeof value === 'boolean') parts.push(`${prefix} ${String(value)}`);
    else if (value === null) parts.push(`${prefix} n/a`);
    else if (typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(`${prefix}.${k}`, v);
    }
  };
  for (const [key, value] of Object.entries(r)) {
    if (key === 'type' || key === 'costUsd' || key === 'lineItems') continue;
    walk(key, value);
  }
  if (parts.length === 0) return '';
  const lines: string[] = [];
  let line = '';
  for (const p of parts) {
    if (line !== '' && line.length + p.length + 2 > 100) {
      lines.push(line);
      line = '';
    }
    line = line === '' ? p : `${line}, ${p}`;
  }
  lines.push(line);
  return lines.map((l) => `  ${l}\n`).join('');
}

function resource(id: string, r: ResourceReport, style: Style): string {
  const t = newTable(style, ['Description', 'Quantity', 'Unit', 'Unit price', 'Cost'], 1, 5);
  // The unit column reads as text: keep it left-aligned.
  t.options.colAligns[2] = 'left';
  if (r.lineItems.length === 0) t.push(['(no charges)', '', '', '', formatUsd(0)]);
  for (const i of r.lineItems) {
    t.push([i.description, formatQuantity(i.quantity), i.unit, formatUnitPriceUsd(i.unitPriceUsd), formatUsd(i.costUsd)]);
  }
  t.push(['Total', '', '', '', formatUsd(r.costUsd)]);
  return `${id} (${r.type}): ${formatUsd(r.costUsd)}\n${metricsLine(r)}${t.toString()}`;
}

/** What each injected fault did. */
function faults(v: VariantReport, style: Style): string {
  const t = newTable(
    style,
    ['Fault', 'At (s)', 'Target', 'Instances lost', 'Tasks lost', 'Window (s)', 'Failed', 'Served', 'Latency before → during (ms)', 'Cost rate before → during ($/h)'],
    3,
    10,
  );
  for (const f of v.faults ?? []) {
    t.push([
      f.kind,
      formatQuantity(f.atSeconds),
      f.target ?? f.zone ?? '',
      formatCount(f.instancesLost),
      formatCount(f.tasksLost),
      formatQuantity(f.windowSeconds),
      formatCount(f.failedRequests),
      formatCount(f.servedRequests),
      `${formatMs(f.latencyMeanMsBefore)} → ${formatMs(f.latencyMeanMsDuring)}`,
      `${formatUsd(f.costUsdPerHourBefore)} → ${formatUsd(f.costUsdPerHourDuring)}`,
    ]);
  }
  return `Faults\n${t.toString()}`;
}

/** `report` as terminal tables. */
export function toTable(report: Report, options: TableOptions = {}): string {
  const style: Style = options.color === true ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] };
  const out: string[] = [];
  out.push(
    `Scenario ${report.scenario}, seed ${report.seed}, region ${report.region}, ` +
      `${formatQuantity(report.durationSeconds)} s at ${formatQuantity(report.tickSeconds)} s ticks`,
  );
  if (report.warnings.length > 0) out.push(`Warnings:\n${report.warnings.map((w) => `  - ${w}`).join('\n')}`);
  if (report.variants.length > 1) out.push(`Comparison (cost change against ${report.variants[0]!.name})\n${comparison(report.variants, style)}`);
  for (const v of report.variants) {
    const parts = [`Variant ${v.name}\n${totals(v, style)}`];
    for (const [id, r] of Object.entries(v.resources)) parts.push(resource(id, r, style));
    if (v.faults !== undefined && v.faults.length > 0) parts.push(faults(v, style));
    out.push(parts.join('\n\n'));
  }
  return `${out.join('\n\n')}\n`;
}
