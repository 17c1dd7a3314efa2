/**
 * Durations as scenario files write them: `250ms`, `90s`, `10m`, `6h`, `30d`, or a bare number
 * of seconds. Parsed to milliseconds.
 */

/** The accepted spellings, for error messages. */
export const DURATION_FORMS = '250ms, 90s, 10m, 6h, 30d or a number of seconds';

/** The string form, for the JSON Schema. */
export const DURATION_PATTERN = '^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h|d)?\\s*$';

const DURATION_RE = new RegExp(DURATION_PATTERN);

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Parses a duration to milliseconds. A number (or a string without a unit) is seconds.
 * Throws an Error naming the accepted forms when `value` is not a non-negative duration.
 */
export function parseDuration(value: string | number): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) {
      throw new Error(`expected a duration (${DURATION_FORMS}), got ${value}`);
    }
    return roundMs(value * 1000);
  }
  const m = DURATION_RE.exec(value);
  if (!m) throw new Error(`expected a duration (${DURATION_FORMS}), got "${value}"`);
  const amount = Number.parseFloat(value);
  const unit = m[2] ?? 's';
  return roundMs(amount * UNIT_MS[unit]!);
}

/** Removes float noise (0.1 s * 1000 = 100.00000000000001) without hiding real fractions of a ms. */
function roundMs(ms: number): number {
  return Math.round(ms * 1e6) / 1e6;
}
