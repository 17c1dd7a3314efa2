/**
 * Plain decimal notation for numbers, never exponent notation: `2e-7` → `0.0000002`,
 * `1e21` → `1000000000000000000000`. The digits are those of JavaScript's shortest round-trip
 * representation, so the string parses back to the same number.
 */

/** `n` in plain decimal notation. @throws RangeError for NaN and ±Infinity. */
export function decimalString(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`cannot write ${n} as a decimal`);
  const s = String(n);
  const e = s.indexOf('e');
  if (e < 0) return s;
  let mantissa = s.slice(0, e);
  const exponent = Number(s.slice(e + 1));
  let sign = '';
  if (mantissa.startsWith('-')) {
    sign = '-';
    mantissa = mantissa.slice(1);
  }
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  // Where the decimal point falls within `digits` once the exponent is applied.
  const point = (dot < 0 ? mantissa.length : dot) + exponent;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Inserts `,` every three digits in a string of decimal digits (an integer part). */
export function groupThousands(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
