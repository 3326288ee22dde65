import { describe, expect, it } from "vitest";
import { isValidCodiceFiscale, isValidPartitaIva, isValidPersonCodiceFiscale, normalizeTaxCode } from "~/utils/tax-codes";
import { withCheckDigit } from "../../server/seed/index";

describe("partita IVA checksum", () => {
  it.each(["06363391001", "01199250158", "00743110157", "80199230584"])("accepts the real number %s", (v) => {
    expect(isValidPartitaIva(v)).toBe(true);
  });
  it("rejects a wrong check digit, wrong length, letters and all zeros", () => {
    expect(isValidPartitaIva("06363391002")).toBe(false);
    expect(isValidPartitaIva("0636339100")).toBe(false);
    expect(isValidPartitaIva("0636339100A")).toBe(false);
    expect(isValidPartitaIva("00000000000")).toBe(false);
  });
  it("every single-digit change of a valid number is detected", () => {
    const valid = "01199250158";
    for (let i = 0; i < 11; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === valid[i]) continue;
        const changed = valid.slice(0, i) + d + valid.slice(i + 1);
        expect(isValidPartitaIva(changed), changed).toBe(false);
      }
    }
  });
  it("the demo generator always yields valid numbers", () => {
    for (const stem of ["0123456789", "9876543210", "1111111111"]) expect(isValidPartitaIva(withCheckDigit(stem))).toBe(true);
  });
});

describe("codice fiscale of a person", () => {
  it.each(["RSSMRA85T10A562S", "MRTMTT25D09F205Z"])("accepts %s", (v) => expect(isValidPersonCodiceFiscale(v)).toBe(true));
  it("rejects a wrong check letter, an impossible month or day", () => {
    expect(isValidPersonCodiceFiscale("RSSMRA85T10A562T")).toBe(false);
    expect(isValidPersonCodiceFiscale("RSSMRA85F10A562S")).toBe(false); // F is not a month letter
    expect(isValidPersonCodiceFiscale("RSSMRA85T35A562S")).toBe(false); // day 35 does not exist
  });
  it("accepts omocodia substitutions with the recomputed check letter", () => {
    // 10 -> "1M" (M stands for 0) changes the check character; a valid omocode must still pass.
    const base = "RSSMRA85T1MA562";
    const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const valid = letters.split("").filter((l) => isValidPersonCodiceFiscale(base + l));
    expect(valid).toHaveLength(1);
  });
});

describe("employer codice fiscale", () => {
  it("uses the company rule for 11 digits and the person rule for 16 characters", () => {
    expect(isValidCodiceFiscale("06363391001")).toBe(true);
    expect(isValidCodiceFiscale("RSSMRA85T10A562S")).toBe(true);
    expect(isValidCodiceFiscale("RSSMRA85T10A562")).toBe(false);
  });
  it("normalises spaces and case", () => {
    expect(normalizeTaxCode(" rssmra85t10a562s ")).toBe("RSSMRA85T10A562S");
  });
});
