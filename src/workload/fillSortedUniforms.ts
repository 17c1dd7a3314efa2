/**
 * Sorted uniform times without sorting: the order statistics of n uniforms on [0, 1) are the
 * partial sums of n + 1 exponential spacings divided by their total. One logarithm per value, no
 * allocation, and the result is ascending by construction.
 */
import type { RandomStream } from '../engine/RandomStreams';

const scratch = new Float64Array(1);
const scratchBits = new Uint32Array(scratch.buffer);
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO = littleEndian ? 0 : 1;
const HI = littleEndian ? 1 : 0;

/** The largest double strictly below `x`, for a finite x > 0. */
export function nextBelow(x: number): number {
  scratch[0] = x;
  if (scratchBits[LO] === 0) {
    scratchBits[LO] = 0xffffffff;
    scratchBits[HI] = scratchBits[HI]! - 1;
  } else {
    scratchBits[LO] = scratchBits[LO]! - 1;
  }
  return scratch[0]!;
}

/**
 * Writes n independent uniform times on [0, spanMs), ascending, into out[0..n). Draws n + 1
 * uniforms from `rng` (none when n = 0). `out` must hold at least n values.
 */
export function fillSortedUniforms(out: Float64Array, n: number, spanMs: number, rng: RandomStream): void {
  if (n <= 0) return;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum -= Math.log1p(-rng.next());
    out[i] = sum;
  }
  sum -= Math.log1p(-rng.next());
  if (!(sum > 0)) {
    // Every draw was exactly 0 (probability ~2^-32 per draw, n + 1 times over): all at the start.
    out.fill(0, 0, n);
    return;
  }
  const scale = spanMs / sum;
  // The true ratio is < 1, but rounding can land a product on spanMs itself.
  const below = nextBelow(spanMs);
  for (let i = 0; i < n; i++) {
    const t = out[i]! * scale;
    out[i] = t < spanMs ? t : below;
  }
}
