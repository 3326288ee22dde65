/**
 * Exact comparisons of the caller's decimal numbers (hours, euro) without binary floating point
 * (docs/legal/tirocini.md#aritmetica): a JSON number is read as the decimal it was written as (its shortest
 * representation), so 20.1 hours is 201/10, not 20.100000000000001.
 */

/** `num / 10^scale`, exactly. */
export interface Decimal {
  num: bigint;
  scale: number;
}

export function toDecimal(value: number): Decimal {
  if (!Number.isFinite(value)) throw new RangeError("numero non finito");
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!match) throw new RangeError(`numero non leggibile: ${value}`);
  const [, sign, int, frac = "", exp = "0"] = match;
  let num = BigInt(int + frac);
  let scale = frac.length - Number(exp);
  if (scale < 0) {
    num *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { num: sign === "-" ? -num : num, scale };
}

/** Sign of (a × ka − b × kb), with ka and kb integer factors. */
export function compareScaled(a: Decimal, ka: bigint, b: Decimal, kb: bigint): -1 | 0 | 1 {
  const left = a.num * ka * 10n ** BigInt(b.scale);
  const right = b.num * kb * 10n ** BigInt(a.scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Sign of (euro amount − cents / 100). */
export const compareEuroToCents = (euro: Decimal, cents: number): -1 | 0 | 1 =>
  compareScaled(euro, 100n, { num: BigInt(cents), scale: 0 }, 1n);

/** ceil(num / den) for bigints, den > 0. */
export function ceilDiv(num: bigint, den: bigint): bigint {
  const q = num / den;
  return q * den < num ? q + 1n : q;
}

/** Cents as «NNN.NN» (the contract's money format). */
export function centsToString(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
