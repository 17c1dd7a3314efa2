/**
 * The standard normal quantile Φ⁻¹(p) by Wichura's algorithm AS 241 (PPND16, Applied Statistics
 * 37, 1988): rational approximations with relative error about 1e-16. One uniform in, one normal
 * out, so a lognormal draw always takes exactly one value from the stream. The coefficients are
 * AS 241's, written as the shortest decimals of the same doubles.
 *
 * The work is done in place over a typed array: the function is too large for V8 to inline, and a
 * double returned from a call that is not inlined is boxed, i.e. one allocation per value.
 */

/** Replaces each probability in values[0..n) by Φ⁻¹ of it: −Infinity for 0, +Infinity for 1, NaN outside [0, 1]. */
export function normalQuantiles(values: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const p = values[i]!;
    const q = p - 0.5;
    let x: number;
    if (!(p >= 0 && p <= 1)) {
      x = Number.NaN;
    } else if (Math.abs(q) <= 0.425) {
      // 0.075 ≤ p ≤ 0.925
      const r = 0.180625 - q * q;
      const num = ((((((2509.0809287301227 * r + 33430.57558358813) * r + 67265.7709270087) * r + 45921.95393154987) * r + 13731.69376550946) * r + 1971.5909503065513) * r + 133.14166789178438) * r + 3.3871328727963665;
      const den = ((((((5226.495278852854 * r + 28729.085735721943) * r + 39307.89580009271) * r + 21213.794301586597) * r + 5394.196021424751) * r + 687.1870074920579) * r + 42.31333070160091) * r + 1;
      x = (q * num) / den;
    } else {
      const tail = q < 0 ? p : 1 - p;
      let r = tail > 0 ? Math.sqrt(-Math.log(tail)) : Number.POSITIVE_INFINITY;
      if (r === Number.POSITIVE_INFINITY) {
        x = r;
      } else if (r <= 5) {
        // tail ≥ e^-25 ≈ 1.4e-11
        r -= 1.6;
        const num = ((((((0.0007745450142783414 * r + 0.022723844989269184) * r + 0.2417807251774506) * r + 1.2704582524523684) * r + 3.6478483247632045) * r + 5.769497221460691) * r + 4.630337846156546) * r + 1.4234371107496835;
        const den = ((((((1.0507500716444169e-9 * r + 0.0005475938084995345) * r + 0.015198666563616457) * r + 0.14810397642748008) * r + 0.6897673349851) * r + 1.6763848301838038) * r + 2.053191626637759) * r + 1;
        x = num / den;
      } else {
        r -= 5;
        const num = ((((((2.0103343992922881e-7 * r + 0.000027115555687434876) * r + 0.0012426609473880784) * r + 0.026532189526576124) * r + 0.29656057182850487) * r + 1.7848265399172913) * r + 5.463784911164114) * r + 6.657904643501103;
        const den = ((((((2.0442631033899397e-15 * r + 1.421511758316446e-7) * r + 0.000018463183175100548) * r + 0.0007868691311456133) * r + 0.014875361290850615) * r + 0.1369298809227358) * r + 0.599832206555888) * r + 1;
        x = num / den;
      }
      if (q < 0) x = -x;
    }
    values[i] = x;
  }
}

const one = new Float64Array(1);

/** Φ⁻¹(p) for p in [0, 1]: −Infinity at 0, +Infinity at 1, NaN outside. */
export function normalQuantile(p: number): number {
  one[0] = p;
  normalQuantiles(one, 1);
  return one[0]!;
}
