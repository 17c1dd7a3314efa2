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
