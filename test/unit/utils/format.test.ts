import { describe, expect, it } from "vitest";
import { payLabel } from "~/components/vacancy-view";
import { formatMoney, formatNumber } from "~/utils/format";

describe("money and numbers (it-IT, one formatter)", () => {
  it.each([
    [1500, "1.500,00 €"],
    ["1500.5", "1.500,50 €"],
    [79674.72, "79.674,72 €"],
    [999, "999,00 €"],
    [1234567.89, "1.234.567,89 €"],
  ])("formatMoney(%s) → %s", (value, expected) => {
    // Intl writes a no-break space before €; compare with plain spaces.
    expect(formatMoney(value).replace(/\s/g, " ")).toBe(expected);
  });

  it("groups four-digit numbers too (CLDR it would print 1500)", () => {
    expect(formatNumber(1500)).toBe("1.500");
    expect(formatNumber(20000)).toBe("20.000");
  });

  it("pay labels of a vacancy", () => {
    expect(payLabel({ payMin: 1500, payMax: 1800, payPeriod: "month" })?.replace(/\s/g, " ")).toBe("da 1.500,00 € a 1.800,00 € lordi al mese");
    expect(payLabel({ payMin: 1500, payMax: null, payPeriod: null })?.replace(/\s/g, " ")).toBe("1.500,00 € lordi");
  });
});
