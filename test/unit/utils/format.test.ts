import { describe, expect, it } from "vitest";
import { payLabel } from "~/components/vacancy-view";
import { formatInt } from "~/domain/l68/calculator/explain";
import { decimalComma, formatMegabytes, formatMoney, formatMonth, formatNumber } from "~/utils/format";

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
    expect(payLabel({ payMin: 1500, payMax: 1800, payPeriod: "month" })?.replace(/\s/g, " ")).toBe(
      "da 1.500,00 € a 1.800,00 € lordi al mese",
    );
    expect(payLabel({ payMin: 1500, payMax: null, payPeriod: null })?.replace(/\s/g, " ")).toBe("1.500,00 € lordi");
  });
});

describe("the formatters other modules used to copy", () => {
  it("integers, bigint included, grouped the same way as every other number", () => {
    expect(formatNumber(1234567n)).toBe("1.234.567");
    expect(formatInt(1500n)).toBe("1.500");
    expect(formatInt(-1234567)).toBe("-1.234.567");
    expect(formatInt(0)).toBe("0");
  });
  it("file sizes in megabytes, one decimal at most", () => {
    expect(formatMegabytes(5 * 1_048_576)).toBe("5 MB");
    expect(formatMegabytes(1.5 * 1_048_576)).toBe("1,5 MB");
    expect(formatMegabytes(20_000_000)).toBe("19,1 MB");
  });
  it("a stored decimal keeps its digits and gets the comma", () => {
    expect(decimalComma("12.50")).toBe("12,50");
    expect(decimalComma(37.5)).toBe("37,5");
    expect(decimalComma(40)).toBe("40");
  });

  it("writes a calendar month in words, whatever the time zone", () => {
    expect(formatMonth("2026-01")).toBe("gennaio 2026");
    expect(formatMonth("2025-12")).toBe("dicembre 2025");
    expect(formatMonth("2026-03-15")).toBe("marzo 2026");
  });
});
