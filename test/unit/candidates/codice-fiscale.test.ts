import { describe, expect, it } from "vitest";
import { decodePersonCodiceFiscale, isValidPersonCodiceFiscale, personCodiceFiscaleCheckChar, taxCodeMismatch } from "~/utils/tax-codes";

const cf = (first15: string) => first15 + personCodiceFiscaleCheckChar(first15);

describe("codice fiscale: checksum", () => {
  const table: [string, string, boolean][] = [
    ["the textbook example (Mario Rossi, 10/12/1985)", "RSSMRA85T10A562S", true],
    ["lower case and spaces are normalised by the form, not here", "rssmra85t10a562s", false],
    ["wrong check letter", "RSSMRA85T10A562T", false],
    ["15 characters", "RSSMRA85T10A562", false],
    ["17 characters", "RSSMRA85T10A562SX", false],
    ["invalid month letter (F)", cf("RSSMRA85F10A562"), false],
    ["day 00", cf("RSSMRA85T00A562"), false],
    ["day 32 (neither a man's nor a woman's day)", cf("RSSMRA85T32A562"), false],
    ["day 72", cf("RSSMRA85T72A562"), false],
    ["a woman's day (10 + 40)", cf("RSSMRA85T50A562"), true],
    ["omocodia on the last digit of the comune", cf("RSSMRA85T10A56N"), true],
    ["omocodia on the year and day", cf("RSSMRAURT1LA562"), true],
    ["digits where letters belong", cf("R5SMRA85T10A562"), false],
    ["a company's 11 digits", "01199250158", false],
  ];
  it.each(table)("%s: %s → %s", (_label, value, valid) => {
    expect(isValidPersonCodiceFiscale(value)).toBe(valid);
  });
});

describe("codice fiscale: consistent with birth date and sex", () => {
  const table: [string, string, { birthDate: string; sex: "M" | "F" }, string | null][] = [
    ["man, matching", "RSSMRA85T10A562S", { birthDate: "1985-12-10", sex: "M" }, null],
    ["woman, matching (day + 40)", cf("BNCGLI92A41F205"), { birthDate: "1992-01-01", sex: "F" }, null],
    ["born in 2004 (two-digit year)", cf("VRDLCA04M15L219"), { birthDate: "2004-08-15", sex: "M" }, null],
    ["omocodia decoded before comparing", cf("RSSMRAURT1LA562"), { birthDate: "1985-12-10", sex: "M" }, null],
    ["another year", "RSSMRA85T10A562S", { birthDate: "1986-12-10", sex: "M" }, "data di nascita"],
    ["day and month swapped", "RSSMRA85T10A562S", { birthDate: "1985-10-12", sex: "M" }, "data di nascita"],
    ["another day", "RSSMRA85T10A562S", { birthDate: "1985-12-11", sex: "M" }, "data di nascita"],
    ["the woman's code given with sex M", cf("BNCGLI92A41F205"), { birthDate: "1992-01-01", sex: "M" }, "sesso"],
    ["the man's code given with sex F", "RSSMRA85T10A562S", { birthDate: "1985-12-10", sex: "F" }, "sesso"],
    ["invalid checksum", "RSSMRA85T10A562T", { birthDate: "1985-12-10", sex: "M" }, "carattere di controllo"],
  ];
  it.each(table)("%s", (_label, value, person, problem) => {
    const message = taxCodeMismatch(value, person);
    if (problem === null) expect(message).toBeNull();
    else expect(message).toContain(problem);
  });

  it("decodes year, month, day and sex", () => {
    expect(decodePersonCodiceFiscale("RSSMRA85T10A562S")).toEqual({ yearTwoDigits: 85, month: 12, day: 10, sex: "M" });
    expect(decodePersonCodiceFiscale(cf("BNCGLI92A41F205"))).toEqual({ yearTwoDigits: 92, month: 1, day: 1, sex: "F" });
    expect(decodePersonCodiceFiscale("nonsense")).toBeNull();
  });
});
