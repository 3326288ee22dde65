/** The L. 68 rationals (l68/calculator/rational.ts) with the helpers the ranking needs. */
import { ZERO, cmp, type Rational } from "~/domain/l68";

export { add, cmp, floor, mul, rational, sub, ZERO, type Rational } from "~/domain/l68";

/** max(0, x). */
export const max0 = (x: Rational): Rational => (cmp(x, ZERO) < 0 ? ZERO : x);
