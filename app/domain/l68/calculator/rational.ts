/**
 * Exact non-floating arithmetic for the L. 68/99 calculator.
 *
 * The quota rules round a fraction up only when it is *strictly* above one half
 * (docs/legal/l68.md#s1-3: 150 × 7 % = 10.50 → 10, 151 × 7 % = 10.57 → 11). With binary
 * floating point 0.07 × 150 is 10.500000000000002 and would round the wrong way,
 * so every count, share and amount goes through bigint rationals instead.
 */

export interface Rational {
  /** Numerator; the sign of the value lives here. */
  readonly num: bigint;
  /** Denominator, always > 0 and coprime with `num`. */
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError("denominatore nullo");
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { num: n / g, den: d / g };
}

export const ZERO = rational(0n);
export const ONE = rational(1n);
export const HALF = rational(1n, 2n);

export const add = (a: Rational, b: Rational): Rational => rational(a.num * b.den + b.num * a.den, a.den * b.den);
export const sub = (a: Rational, b: Rational): Rational => rational(a.num * b.den - b.num * a.den, a.den * b.den);
export const mul = (a: Rational, b: Rational): Rational => rational(a.num * b.num, a.den * b.den);
export const div = (a: Rational, b: Rational): Rational => rational(a.num * b.den, a.den * b.num);

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function cmp(a: Rational, b: Rational): -1 | 0 | 1 {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export const sum = (values: readonly Rational[]): Rational => values.reduce(add, ZERO);

/** Largest integer ≤ x. */
export function floor(x: Rational): bigint {
  const q = x.num / x.den; // bigint division truncates towards zero
  return x.num < 0n && q * x.den !== x.num ? q - 1n : q;
}

/** x − floor(x), in [0, 1). */
export const fractionalPart = (x: Rational): Rational => sub(x, rational(floor(x)));

/**
 * The L. 68/99 rounding (docs/legal/l68.md#s1-3, #s1-2, #s3-1): the integer part, plus one
 * only if the fractional part is strictly greater than 0.50. PRODIS implements it
 * as ROUND(x − 0.001), Regione Piemonte as "2,51 → 3, 2,5 → 2".
 */
export function roundQuota(x: Rational): bigint {
  return floor(x) + (cmp(fractionalPart(x), HALF) > 0 ? 1n : 0n);
}

/** Commercial rounding to an integer (half away from zero), used only for euro cents. */
export function roundHalfUp(x: Rational): bigint {
  const sign = x.num < 0n ? -1n : 1n;
  const abs = rational(x.num * sign, x.den);
  return sign * floor(add(abs, HALF));
}

/**
 * Exact value of a JSON number as written: 37.5 → 75/2, 0.1 → 1/10 (not the binary
 * approximation). `String(n)` gives the shortest decimal that round-trips, which is
 * what the user typed for any reasonable input.
 */
export function fromNumber(n: number): Rational {
  if (!Number.isFinite(n)) throw new RangeError(`numero non finito: ${n}`);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(String(n));
  if (!match) throw new RangeError(`numero non rappresentabile: ${n}`);
  const [, sign, int, frac = "", exp = "0"] = match;
  const digits = BigInt(`${sign}${int}${frac}`);
  const scale = BigInt(exp) - BigInt(frac.length);
  return scale >= 0n ? rational(digits * 10n ** scale) : rational(digits, 10n ** -scale);
}

/**
 * Decimal rendering with at most `maxDigits` decimals, trimming trailing zeros but
 * keeping at least `minDigits`. `exact` tells whether the rendering is the exact value.
 */
export function toDecimal(
  x: Rational,
  { minDigits = 0, maxDigits = 4, separator = "." }: { minDigits?: number; maxDigits?: number; separator?: string } = {},
): { text: string; exact: boolean } {
  const negative = x.num < 0n;
  const abs = rational(negative ? -x.num : x.num, x.den);
  const scale = 10n ** BigInt(maxDigits);
  const scaled = floor(mul(abs, rational(scale)));
  const exact = cmp(rational(scaled, scale), abs) === 0;
  let int = (scaled / scale).toString();
  let frac = (scaled % scale).toString().padStart(maxDigits, "0");
  while (frac.length > minDigits && frac.endsWith("0")) frac = frac.slice(0, -1);
  if (maxDigits === 0) frac = "";
  if (negative && scaled !== 0n) int = `-${int}`;
  return { text: frac ? `${int}${separator}${frac}` : int, exact };
}
