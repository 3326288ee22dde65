import { todayInItaly } from "~/utils/dates";
import { describe, expect, it } from "vitest";
import { QuotaInputSchema, parseQuotaInput, toFieldErrors } from "~/domain/l68/calculator/schema";

const valid = { date: "2026-03-01", employer: { type: "private" }, workforce: [{ count: 20, contract: "indeterminato" }] };
const withGroup = (group: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  ...valid,
  workforce: [{ count: 20, contract: "indeterminato" }, group],
  ...extra,
});

function errorsOf(raw: unknown) {
  const parsed = parseQuotaInput(raw);
  if (parsed.ok) throw new Error("atteso un errore di validazione");
  return parsed.errors;
}

describe("defaults (count 1, full time, date today)", () => {
  it("applies them", () => {
    const parsed = parseQuotaInput({ employer: { type: "private" }, workforce: [{ contract: "indeterminato" }] });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.data.date).toBe(todayInItaly());
    expect(parsed.data.workforce[0]).toEqual({ count: 1, contract: "indeterminato", exclusion: null, protected: null });
  });

  it("today is the Italian calendar day", () => {
    expect(todayInItaly(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01"); // 00:30 in Rome
    expect(todayInItaly(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01"); // 23:59 CEST
  });
});

describe("bad input: a clear Italian message naming the field", () => {
  it.each([
    [withGroup({ count: -1, contract: "indeterminato" }), "workforce.1.count", "non può essere negativo"],
    [withGroup({ count: 2.5, contract: "indeterminato" }), "workforce.1.count", "numero intero"],
    [
      withGroup({ contract: "indeterminato", weeklyHours: 41, fullTimeHours: 40 }),
      "workforce.1.weeklyHours",
      "supera l'orario a tempo pieno",
    ],
    [withGroup({ contract: "indeterminato", weeklyHours: 20 }), "workforce.1.fullTimeHours", "orario a tempo pieno"],
    [withGroup({ contract: "indeterminato", weeklyHours: -1, fullTimeHours: 40 }), "workforce.1.weeklyHours", "negativo"],
    [withGroup({ contract: "indeterminato", fullTimeHours: 0 }), "workforce.1.fullTimeHours", "maggiore di zero"],
    [withGroup({ contract: "determinato" }), "workforce.1.months", "durata in mesi"],
    [withGroup({ contract: "determinato", months: 0 }), "workforce.1.months", "maggiore di zero"],
    [withGroup({ contract: "somministrato", protected: "disabile_l68" }), "workforce.1.months", "durata della missione"],
    [
      withGroup({ contract: "indeterminato", protected: "disabile_art4", disabilityPercent: 101 }),
      "workforce.1.disabilityPercent",
      "tra 0 e 100",
    ],
    [
      withGroup({ contract: "indeterminato", protected: "disabile_art4", disabilityPercent: -5 }),
      "workforce.1.disabilityPercent",
      "tra 0 e 100",
    ],
    [withGroup({ contract: "indeterminato", protected: "disabile_art4" }), "workforce.1.disabilityPercent", "percentuale"],
    [withGroup({ contract: "tirocinio" }), "workforce.1.contract", "valori possibili: indeterminato"],
    [withGroup({ count: 1 }), "workforce.1.contract", "campo obbligatorio"],
    [withGroup({ contract: "indeterminato", exclusion: "vacanza" }), "workforce.1.exclusion", "valore non ammesso"],
    [withGroup({ contract: "indeterminato", protected: "vip" }), "workforce.1.protected", "valore non ammesso"],
    [withGroup({ contract: "indeterminato", count: "3" }), "workforce.1.count", "deve essere un numero"],
    [{ ...valid, date: "1998-12-31" }, "date", "anteriore al 1999"],
    [{ ...valid, date: "2026-02-30" }, "date", "data inesistente"],
    [{ ...valid, date: "01/03/2026" }, "date", "aaaa-mm-gg"],
    [{ ...valid, employer: { type: "ong" } }, "employer.type", "private, public"],
    [{ ...valid, employer: undefined }, "employer", "obbligatorio"],
    [{ ...valid, workforce: "molti" }, "workforce", "elenco"],
    [{ ...valid, exemption: { percent: 0, workingDays: 10 } }, "exemption.percent", "maggiore di zero"],
    [{ ...valid, exemption: { percent: 60, workingDays: 400 } }, "exemption.workingDays", "366"],
    [{ ...valid, exemption: { percent: 60 } }, "exemption.workingDays", "obbligatorio"],
    [{ ...valid, suspension: { suspendedShare: 1.5 } }, "suspension.suspendedShare", "tra 0 e 1"],
    [{ ...valid, suspension: {} }, "suspension", "suspendedShare"],
    [{ ...valid, sanction: { workingDays: -1 } }, "sanction.workingDays", "negativ"],
    [{ ...valid, conventions: { art11OpenPositions: -2 } }, "conventions.art11OpenPositions", "negativo"],
    [{ ...valid, employer: { type: "public" }, exemption: { percent: 60, workingDays: 1 } }, "exemption", "art. 5 c. 3"],
    [
      { ...valid, employer: { type: "public" }, workforce: [{ contract: "indeterminato", exclusion: "telelavoro_escluso" }] },
      "workforce.0.exclusion",
      "art. 23 D.Lgs. 80/2015",
    ],
    // Art. 4 c. 3-bis alternative routes and the legacy art. 18 flag: only where they make sense.
    [
      withGroup({ contract: "indeterminato", protected: "disabile_l68", invalidityCategory: 3 }),
      "workforce.1.invalidityCategory",
      "disabile_art4",
    ],
    [withGroup({ contract: "indeterminato", invalidityCategory: 3 }), "workforce.1.invalidityCategory", "art. 4 c. 3-bis"],
    [
      withGroup({ contract: "indeterminato", protected: "art18", psychicDisability: true }),
      "workforce.1.psychicDisability",
      "disabile_art4",
    ],
    [withGroup({ contract: "indeterminato", psychicDisability: false }), "workforce.1.psychicDisability", "art. 4 c. 3-bis"],
    [
      withGroup({ contract: "indeterminato", protected: "disabile_art4", invalidityCategory: 0 }),
      "workforce.1.invalidityCategory",
      "da 1 a 8",
    ],
    [
      withGroup({ contract: "indeterminato", protected: "disabile_art4", invalidityCategory: 9 }),
      "workforce.1.invalidityCategory",
      "da 1 a 8",
    ],
    [
      withGroup({ contract: "indeterminato", protected: "disabile_art4", invalidityCategory: 2.5 }),
      "workforce.1.invalidityCategory",
      "intero",
    ],
    [
      withGroup({ contract: "indeterminato", protected: "disabile_art4", invalidityCategory: "III" }),
      "workforce.1.invalidityCategory",
      "deve essere un numero",
    ],
    [
      withGroup({ contract: "indeterminato", protected: "disabile_art4", psychicDisability: "sì", disabilityPercent: 50 }),
      "workforce.1.psychicDisability",
      "true o false",
    ],
    [withGroup({ contract: "indeterminato", protected: "disabile_art4", psychicDisability: true }), "workforce.1.disabilityPercent", "45%"],
    [
      withGroup({ contract: "indeterminato", protected: "disabile_art4", psychicDisability: true, invalidityCategory: 7 }),
      "workforce.1.disabilityPercent",
      "45%",
    ],
    [
      withGroup({ contract: "indeterminato", protected: "disabile_l68", art18InForceAt2000: true }),
      "workforce.1.art18InForceAt2000",
      "art. 18 c. 2",
    ],
    [withGroup({ contract: "indeterminato", art18InForceAt2000: false }), "workforce.1.art18InForceAt2000", 'protected "art18"'],
    [withGroup({ contract: "indeterminato", protected: "art18", art18InForceAt2000: 1 }), "workforce.1.art18InForceAt2000", "true o false"],
    [{ ...valid, exemption: { percent: 60, workingDays: 1, capPercent: 81 } }, "exemption.capPercent", "da 1 a 80"],
    [{ ...valid, exemption: { percent: 60, workingDays: 1, capPercent: 0 } }, "exemption.capPercent", "da 1 a 80"],
    [{ ...valid, exemption: { percent: 60, workingDays: 1, capPercent: 60.5 } }, "exemption.capPercent", "numero intero"],
    [{ ...valid, exemption: { percent: 60, workingDays: 1, capPercent: "80" } }, "exemption.capPercent", "deve essere un numero intero"],
    [{ ...valid, suspension: { suspendedArt18Units: -1 } }, "suspension.suspendedArt18Units", "negativo"],
  ])("%#: %s → %s", (raw, field, fragment) => {
    const errors = errorsOf(raw);
    const match = errors.find((e) => e.field === field);
    expect(match, JSON.stringify(errors)).toBeDefined();
    expect(match?.message).toContain(fragment);
  });

  it("refuses unknown fields, at every level, one error per field", () => {
    const errors = errorsOf({
      ...valid,
      extra: 1,
      employer: { type: "private", vat: "x" },
      workforce: [{ contract: "indeterminato", name: "Mario", age: 40 }],
      exemption: { percent: 60, workingDays: 1, sector: "vigilanza" },
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: "extra", message: "campo non previsto" },
        { field: "employer.vat", message: "campo non previsto" },
        { field: "workforce.0.name", message: "campo non previsto" },
        { field: "workforce.0.age", message: "campo non previsto" },
        { field: "exemption.sector", message: "campo non previsto" },
      ]),
    );
    expect(errors).toHaveLength(5);
  });

  it("still refuses misspelt new fields", () => {
    const errors = errorsOf(
      withGroup(
        { contract: "indeterminato", protected: "disabile_art4", disabilityPercent: 50, psychicDisabilty: true },
        { exemption: { percent: 60, workingDays: 1, cap: 80 }, legacyArt18Offset: true },
      ),
    );
    expect(errors).toEqual([
      { field: "workforce.1.psychicDisabilty", message: "campo non previsto" },
      { field: "exemption.cap", message: "campo non previsto" },
      { field: "legacyArt18Offset", message: "campo non previsto" },
    ]);
  });

  it("names the whole document when it is not an object", () => {
    const errors = errorsOf([1, 2]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.field).toBe("documento");
    expect(errors[0]?.message).toMatch(/oggetto/i);
  });

  it("accepts the example input of docs/l68-calculator.md#example", () => {
    const parsed = parseQuotaInput({
      date: "2026-03-01",
      employer: { type: "private" },
      workforce: [
        { count: 12, contract: "indeterminato", weeklyHours: 20, fullTimeHours: 40, exclusion: null, protected: null },
        { count: 1, contract: "determinato", months: 6 },
        { count: 1, contract: "indeterminato", protected: "disabile_art4", disabilityPercent: 67 },
      ],
      exemption: { percent: 60, workingDays: 254 },
      suspension: { suspendedShare: 0.25 },
      sanction: { workingDays: 20 },
    });
    expect(parsed.ok).toBe(true);
  });

  it("accepts the boundaries themselves", () => {
    expect(parseQuotaInput({ ...valid, date: "1999-01-01" }).ok).toBe(true);
    expect(parseQuotaInput(withGroup({ count: 0, contract: "indeterminato" })).ok).toBe(true);
    expect(parseQuotaInput(withGroup({ contract: "indeterminato", weeklyHours: 40, fullTimeHours: 40 })).ok).toBe(true);
    expect(parseQuotaInput(withGroup({ contract: "indeterminato", protected: "disabile_art4", disabilityPercent: 0 })).ok).toBe(true);
    expect(parseQuotaInput(withGroup({ contract: "indeterminato", protected: "disabile_art4", disabilityPercent: 100 })).ok).toBe(true);
    // The new optional fields at their limits, where they apply.
    expect(parseQuotaInput(withGroup({ contract: "indeterminato", protected: "disabile_art4", invalidityCategory: 1 })).ok).toBe(true);
    expect(parseQuotaInput(withGroup({ contract: "indeterminato", protected: "disabile_art4", invalidityCategory: 8 })).ok).toBe(true);
    expect(
      parseQuotaInput(
        withGroup({ contract: "indeterminato", protected: "disabile_art4", disabilityPercent: 45.01, psychicDisability: true }),
      ).ok,
    ).toBe(true);
    expect(parseQuotaInput(withGroup({ contract: "indeterminato", protected: "art18", art18InForceAt2000: true })).ok).toBe(true);
    expect(parseQuotaInput({ ...valid, exemption: { percent: 60, workingDays: 1, capPercent: 1 } }).ok).toBe(true);
    expect(parseQuotaInput({ ...valid, exemption: { percent: 60, workingDays: 1, capPercent: 80 } }).ok).toBe(true);
    expect(parseQuotaInput({ ...valid, suspension: { suspendedArt18Units: 0 } }).ok).toBe(true);
  });
});

describe("toFieldErrors", () => {
  it("turns a ZodError into dotted paths", () => {
    const result = QuotaInputSchema.safeParse(withGroup({ contract: "indeterminato", weeklyHours: 50, fullTimeHours: 40 }));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(toFieldErrors(result.error)).toEqual([
      { field: "workforce.1.weeklyHours", message: "l'orario settimanale (50) supera l'orario a tempo pieno (40)" },
    ]);
  });
});
