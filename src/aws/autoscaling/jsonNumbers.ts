/** NaN and ±Infinity are not JSON: checkpoints carry them as null. Internal to this folder. */

/** NaN → null. */
export function nanToNull(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}

/** null → NaN. */
export function nullToNaN(x: number | null): number {
  return x === null ? Number.NaN : x;
}

/** A time that may be "never" (−Infinity) → null. */
export function timeToJson(ms: number): number | null {
  return Number.isFinite(ms) ? ms : null;
}

/** null → "never" (−Infinity). */
export function timeFromJson(ms: number | null): number {
  return ms === null ? Number.NEGATIVE_INFINITY : ms;
}
