/**
 * The CSV writer (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted,
 * quotes doubled). Numbers are written exactly, in plain decimal notation.
 *
 * Table 1, one row per line item, then a `total` row per variant:
 *   variant,resource,type,description,quantity,unit,unitPriceUsd,costUsd
 * Table 2 (with `series: true`), after one blank line, one row per series point:
 *   variant,resource,series,unit,t,mean,max
 */
import { decimalString } from '../decimalString';
import type { Report } from '../model';

const EOL = '\r\n';

export const CSV_COST_COLUMNS = ['variant', 'resource', 'type', 'description', 'quantity', 'unit', 'unitPriceUsd', 'costUsd'] as const;
export const CSV_SERIES_COLUMNS = ['variant', 'resource', 'series', 'unit', 't', 'mean', 'max'] as const;

/** One CSV field, quoted when it must be. */
export function csvField(value: string | number): string {
  const s = typeof value === 'number' ? (Number.isFinite(value) ? decimalString(value) : '') : value;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function row(fields: readonly (string | number)[]): string {
  return fields.map(csvField).join(',') + EOL;
}

export interface CsvOptions {
  /** Append the series table. Default false. */
  series?: boolean;
}

/** `report` as CSV text. */
export function toCsv(report: Report, options: CsvOptions = {}): string {
  let out = row(CSV_COST_COLUMNS);
  for (const v of report.variants) {
    for (const [id, r] of Object.entries(v.resources)) {
      for (const i of r.lineItems) out += row([v.name, id, r.type, i.description, i.quantity, i.unit, i.unitPriceUsd, i.costUsd]);
    }
    out += row([v.name, 'total', '', 'Total', '', '', '', v.totals.costUsd]);
  }
  if (options.series === true) {
    out += EOL + row(CSV_SERIES_COLUMNS);
    for (const v of report.variants) {
      for (const [owner, byName] of Object.entries(v.series ?? {})) {
        for (const [name, s] of Object.entries(byName)) {
          for (const [t, mean, max] of s.points) out += row([v.name, owner, name, s.unit, t, mean, max]);
        }
      }
    }
  }
  return out;
}
