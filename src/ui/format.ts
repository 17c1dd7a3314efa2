/** Numbers as the app shows them. */

/** `$1,234.56`; small amounts keep `digits` decimals (default 2, at least 4 below $1). */
export function formatUsd(usd: number, digits = 2): string {
  const d = Math.abs(usd) < 1 ? Math.max(digits, 4) : digits;
  return `$${usd.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })}`;
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** `2:05:09` (hours:minutes:seconds) of simulated time. */
export function formatDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe to put into HTML (element content or a quoted attribute). Scenario files, and so
 * shared links, carry arbitrary strings (names, variants, logical ids): every one goes through this.
 */
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** The breakdown's rows by resource: USD so far and USD/h now (the rates the meter adds up). */
export function resourceRows(byResource: Record<string, number>, rateByResource: Record<string, number>): string {
  return Object.entries(byResource)
    .filter(([id, v]) => v > 0 || (rateByResource[id] ?? 0) > 0)
    .map(([id, v]) => `<tr data-resource="${esc(id)}"><td>${esc(id)}</td><td>${formatUsd(v)}</td><td>${formatUsd(rateByResource[id] ?? 0)}/h</td></tr>`)
    .join('');
}

/**
 * Why a container instance exists: the cluster scale-out that launched it (the last one of its
 * group at or before its launch), or the group's starting capacity.
 */
/** A scale-out launches its instances within this long (more: the instance replaced a lost one). */
const LAUNCH_WINDOW_MS = 60_000;

export function launchReason(asg: string, launchedMs: number, reasons: readonly { asg: string; atMs: number; text: string }[]): string {
  if (launchedMs <= 0) return `launched at start: ${asg}'s desired capacity`;
  for (let k = reasons.length - 1; k >= 0; k--) {
    const r = reasons[k]!;
    if (r.asg === asg && r.atMs <= launchedMs && launchedMs - r.atMs <= LAUNCH_WINDOW_MS) return `launched at ${formatDuration(launchedMs)} by the decision at ${formatDuration(r.atMs)}: ${r.text}`;
  }
  return `launched at ${formatDuration(launchedMs)} to keep ${asg} at its desired capacity (a replacement)`;
}
