/**
 * Number formats for human-readable output (the table writer). Machine outputs (JSON, CSV)
 * write exact values instead. All formats are locale-independent.
 */
import { decimalString, groupThousands } from './decimalString';

/** Splits a plain decimal string into grouped integer part and fraction: `1234.5` → `1,234.5`. */
function grouped(decimal: string): string {
  const negative = decimal.startsWith('-');
  const digits = negative ? decimal.slice(1) : decimal;
  const dot = digits.indexOf('.');
  const int = dot < 0 ? digits : digits.slice(0, dot);
  const frac = dot < 0 ? '' : digits.slice(dot);
  return (negative ? '-' : '') + groupThousands(int) + frac;
}

/**
 * An amount of money: 2 decimals with thousands separators from $1 up (`$1,234.57`); below $1,
 * three significant digits and at least 2 decimals (`$0.50`, `$0.0405`, `$0.000123`, `$0.0000002`).
 */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return String(usd);
  const sign = usd < 0 ? '-' : '';
  const a = Math.abs(usd);
  if (a >= 1) return `${sign}$${grouped(a.toFixed(2))}`;
  if (a === 0) return '$0.00';
  const decimals = Math.min(12, Math.max(2, Math.ceil(-Math.log10(a)) + 2));
  let s = a.toFixed(decimals);
  while (s.endsWith('0') && s.length > s.indexOf('.') + 3) s = s.slice(0, -1);
  if (Number(s) === 0) return '$0.00';
  return `${sign}$${s}`;
}

/** A unit price, every digit kept: `$0.000011244`, `$0.0416`, `$1,000`. */
export function formatUnitPriceUsd(usd: number): string {
  const sign = usd < 0 ? '-' : '';
  return `${sign}$${grouped(decimalString(Math.abs(usd)))}`;
}

/** A quantity to 9 significant digits with thousands separators: `3,600`, `0.125`, `1,234,567.89`. */
export function formatQuantity(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return grouped(decimalString(Number(n.toPrecision(9))));
}

/** A whole count with thousands separators: `1,234,567`. */
export function formatCount(n: number): string {
  return formatQuantity(n);
}

/** A latency in ms to 4 significant digits (`0.125`, `12.35`, `1,235`); `n/a` for null or NaN. */
export function formatMs(ms: number | null): string {
  if (ms === null || Number.isNaN(ms)) return 'n/a';
  return grouped(decimalString(Number(ms.toPrecision(4))));
}

/**
 * Change of `value` from `base` in percent, one decimal, signed: `+12.5%`, `-20.0%`, `0.0%`;
 * `n/a` when `base` is 0 and `value` is not.
 */
export function formatPercentChange(value: number, base: number): string {
  if (base === 0) return value === 0 ? '0.0%' : 'n/a';
  const pct = ((value - base) / base) * 100;
  if (Math.abs(pct) < 0.05) return '0.0%';
  return `${pct > 0 ? '+' : ''}${pct.toFixed(1)}%`;
}
