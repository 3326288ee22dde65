import { describe, expect, it } from "vitest";
import { floor, fromNumber, rational, roundHalfUp, roundQuota, toDecimal } from "~/domain/l68/calculator/rational";

describe("roundQuota: a fraction becomes a unit only when strictly above 0.50 (docs/legal/l68.md#s1-3)", () => {
  it.each([
    [rational(250n, 100n), 2n], // 2.50 → 2 (Piemonte: "2,5 è pari a 2")
    [rational(251n, 100n), 3n], // 2.51 → 3
    [rational(1050n, 100n), 10n], // 150 × 7 % = 10.50 → 10
    [rational(1057n, 100n), 11n], // 151 × 7 % = 10.57 → 11
    [rational(357n, 100n), 4n], // 51 × 7 % = 3.57 → 4
    [rational(1n, 2n), 0n],
    [rational(5000001n, 10000000n), 1n], // 0.5000001 → 1
    [rational(49n, 100n), 0n],
    [rational(3n), 3n],
    [rational(0n), 0n],
  ])("R(%o) = %s", (x, expected) => {
    expect(roundQuota(x)).toBe(expected);
  });

  it("does not suffer the binary floating-point error of 0.07 × 150", () => {
    expect(0.07 * 150).toBeGreaterThan(10.5); // the trap: 10.500000000000002
    expect(roundQuota(rational(7n * 150n, 100n))).toBe(10n);
  });
});

describe("fromNumber reads the decimal the user wrote, exactly", () => {
  it.each([
    [0.1, 1n, 10n],
    [37.5, 75n, 2n],
    [0.25, 1n, 4n],
    [40, 40n, 1n],
    [1e-7, 1n, 10000000n],
    [1e21, 10n ** 21n, 1n],
    [-2.5, -5n, 2n],
  ])("%s → %s/%s", (n, num, den) => {
    expect(fromNumber(n)).toEqual({ num, den });
  });
});

describe("other helpers", () => {
  it("floor goes towards minus infinity", () => {
    expect(floor(rational(-3n, 2n))).toBe(-2n);
    expect(floor(rational(3n, 2n))).toBe(1n);
  });
  it("roundHalfUp rounds half-cents up (money only)", () => {
    expect(roundHalfUp(rational(980250n, 10000n))).toBe(98n); // 98.025 → 98
    expect(roundHalfUp(rational(39210n, 4n))).toBe(9803n); // 9802.5 → 9803
    expect(roundHalfUp(rational(19605n, 4n))).toBe(4901n); // 4901.25 → 4901
  });
  it("toDecimal is exact or says it is not", () => {
    expect(toDecimal(rational(1n, 3n))).toEqual({ text: "0.3333", exact: false });
    expect(toDecimal(rational(21n, 2n), { minDigits: 2 })).toEqual({ text: "10.50", exact: true });
  });
});
