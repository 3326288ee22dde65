import { describe, expect, it } from "vitest";
import {
  birthDateFromTaxCode,
  checkCohortHeader,
  CohortFileError,
  cohortRecord,
  cohortTemplateCsv,
  validateCohortRecord,
  type CohortContext,
} from "~/domain/outplacement/import";
import {
  availableMemberEvents,
  MEMBER_STATES,
  MEMBER_TRANSITIONS,
  nextMemberState,
  unreachableDue,
  type MemberState,
} from "~/domain/outplacement/members";
import { consentsInForce } from "~/domain/outplacement/consents";
import { outplacementFields } from "~/domain/candidates/search-document";
import { inOutplacementPriority, outplacementPriorityFilter } from "~/domain/candidates/outplacement-priority";

const ctx: CohortContext = {
  sites: [
    { label: "Sesto San Giovanni — stabilimento", comune: "Sesto San Giovanni", unitId: "UP01" },
    { label: "Monza — magazzino", comune: "Monza", unitId: "UP02" },
  ],
  agreementOn: "2026-10-15",
  today: "2026-12-06",
};

const HEADER = [
  "codice_fiscale",
  "cognome",
  "nome",
  "comune_residenza",
  "qualifica",
  "cp2021_code",
  "livello_inquadramento",
  "sede_lavoro_comune",
  "situazione",
  "data_cessazione",
  "cigs_dal",
  "riduzione_orario_pct",
  "carichi_famiglia",
  "punteggio_criteri",
];

function row(values: Partial<Record<string, string>>, line = 2) {
  const base: Record<string, string> = {
    codice_fiscale: "VRDGPP65C12F704Q",
    cognome: "Rossi",
    nome: "Mario",
    comune_residenza: "Monza (MB)",
    qualifica: "Operatore CNC",
    cp2021_code: "7.2.1.1.0",
    livello_inquadramento: "C2",
    sede_lavoro_comune: "Sesto San Giovanni",
    situazione: "DISMISSED",
    data_cessazione: "2026-11-30",
    cigs_dal: "",
    riduzione_orario_pct: "",
    carichi_famiglia: "3",
    punteggio_criteri: "42,5",
    ...values,
  };
  const header = checkCohortHeader(HEADER);
  return cohortRecord(
    header,
    line,
    HEADER.map((h) => base[h] ?? ""),
  );
}

describe("cohort list header", () => {
  it("accepts the dropped columns and lists them", () => {
    expect(checkCohortHeader(HEADER).dropped).toEqual(["carichi_famiglia", "punteggio_criteri"]);
  });
  it("refuses a missing required column, a missing site column, an unknown column", () => {
    expect(() => checkCohortHeader(HEADER.filter((h) => h !== "qualifica"))).toThrow(/Mancano le colonne obbligatorie: qualifica/);
    expect(() => checkCohortHeader(HEADER.filter((h) => h !== "sede_lavoro_comune"))).toThrow(/sede di lavoro/);
    expect(() => checkCohortHeader([...HEADER, "colore_preferito"])).toThrow(CohortFileError);
  });
  it("the template's header passes", () => {
    const first = cohortTemplateCsv()
      .replace(/^\uFEFF/, "")
      .split("\r\n")[0]!;
    expect(() => checkCohortHeader(first.split(";"))).not.toThrow();
  });
});

describe("cohort row", () => {
  it("drops family burden and selection scores before validation: they never reach the row", () => {
    const r = row({});
    expect(Object.keys(r.values)).not.toContain("carichi_famiglia");
    expect(Object.keys(r.values)).not.toContain("punteggio_criteri");
    const result = validateCohortRecord(r, ctx);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(JSON.stringify(result.input)).not.toContain("42,5");
      expect(result.input).toMatchObject({
        taxCode: "VRDGPP65C12F704Q",
        birthDate: "1965-03-12",
        site: "Sesto San Giovanni — stabilimento",
        t0On: "2026-11-30",
        situation: "dismissed",
      });
    }
  });
  it("refuses a wrong codice fiscale check character with its line and column", () => {
    const result = validateCohortRecord(row({ codice_fiscale: "VRDGPP65C12F704X" }, 7), ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual(expect.objectContaining({ line: 7, column: "codice_fiscale" }));
  });
  it("reports every problem of a row at once", () => {
    const result = validateCohortRecord(
      row({ situazione: "LICENZIATO", sede_lavoro_comune: "Bergamo", data_cessazione: "31-11-2026" }),
      ctx,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.column).sort()).toEqual(["data_cessazione", "sede_lavoro_comune", "situazione"]);
  });
  it("needs the dismissal date for the dismissed, the CIGS start and reduction for partial CIGS", () => {
    const a = validateCohortRecord(row({ data_cessazione: "" }), ctx);
    expect(!a.ok && a.errors.map((e) => e.column)).toEqual(["data_cessazione"]);
    const b = validateCohortRecord(row({ situazione: "CIGS_PARTIAL", data_cessazione: "" }), ctx);
    expect(!b.ok && b.errors.map((e) => e.column).sort()).toEqual(["cigs_dal", "riduzione_orario_pct"]);
  });
  it("t0 of a CIGS member is the later of the CIGS start and the agreement", () => {
    const r = validateCohortRecord(row({ situazione: "CIGS_ZERO_HOURS", data_cessazione: "", cigs_dal: "2026-09-01" }), ctx);
    expect(r.ok && r.input.t0On).toBe("2026-10-15");
    const s = validateCohortRecord(row({ situazione: "CIGS_ZERO_HOURS", data_cessazione: "", cigs_dal: "01/11/2026" }), ctx);
    expect(s.ok && s.input.t0On).toBe("2026-11-01");
  });
  it("refuses the template's example rows", () => {
    const r = validateCohortRecord(row({ codice_fiscale: "BNCLRA85M41F205C" }), ctx);
    expect(!r.ok && r.errors[0]!.message).toMatch(/Riga di esempio/);
  });
  it("decodes the century of the birth year", () => {
    expect(birthDateFromTaxCode("RSSMRA70A01F205V", "2026-12-06")).toEqual({ birthDate: "1970-01-01", sex: "M" });
    expect(birthDateFromTaxCode("BNCLRA85M41F205C", "2026-12-06")).toEqual({ birthDate: "1985-08-01", sex: "F" });
  });
});

describe("member state table", () => {
  it("follows the outreach path", () => {
    expect(nextMemberState("imported", "notify", "officer")).toBe("contacted");
    expect(nextMemberState("contacted", "inform", "officer")).toBe("informed");
    expect(nextMemberState("contacted", "mark_unreachable", "officer")).toBe("unreachable");
    expect(nextMemberState("informed", "start_intake", "provider")).toBe("in_intake");
    expect(nextMemberState("plan_draft", "sign_plan", "officer")).toBe("active");
    expect(nextMemberState("active", "place", "system")).toBe("placed");
    expect(nextMemberState("placed", "lose_job", "officer")).toBe("active");
    expect(nextMemberState("placed", "close", "officer")).toBe("closed");
  });
  it("refuses moves not in the table and moves by the wrong actor", () => {
    expect(nextMemberState("imported", "sign_plan", "officer")).toBeNull();
    expect(nextMemberState("contacted", "mark_unreachable", "provider")).toBeNull();
    expect(nextMemberState("closed", "rehire", "officer")).toBeNull();
    expect(nextMemberState("active", "close", "officer")).toBeNull();
  });
  it("lets the dismissing employer re-hire from every open state", () => {
    for (const s of MEMBER_STATES.filter((s): s is MemberState => !["closed", "transferred", "placed"].includes(s)))
      expect(nextMemberState(s, "rehire", "officer")).toBe("placed");
  });
  it("a member in training leaves the path like an active one", () => {
    expect(availableMemberEvents("in_training", "officer")).toEqual(
      expect.arrayContaining(["place", "suspend", "end_training", "withdraw"]),
    );
  });
  it("every target is a state", () => {
    for (const moves of Object.values(MEMBER_TRANSITIONS)) for (const m of Object.values(moves)) expect(MEMBER_STATES).toContain(m!.to);
  });
  it("proposes UNREACHABLE after 3 failed attempts or 14 days", () => {
    const m = { state: "contacted" as const, failedAttempts: 0, noticeSentOn: "2026-11-25" };
    expect(unreachableDue(m, "2026-12-08")).toBe(false);
    expect(unreachableDue(m, "2026-12-09")).toBe(true);
    expect(unreachableDue({ ...m, failedAttempts: 3 }, "2026-11-26")).toBe(true);
    expect(unreachableDue({ ...m, state: "informed" }, "2027-01-01")).toBe(false);
  });
});

describe("consents", () => {
  it("the latest row of a kind wins; a revoked one is not in force", () => {
    const inForce = consentsInForce([
      { kind: "share_with_hiring_employers", given_on: "2026-11-01", revoked_on: "2026-11-20" },
      { kind: "share_with_dismissing_employer", given_on: "2026-11-02", revoked_on: null },
    ]);
    expect([...inForce]).toEqual(["share_with_dismissing_employer"]);
  });
});

describe("priority in the candidate document", () => {
  it("indexes the latest-ending window and every event", () => {
    const f = outplacementFields([
      { event_id: "b", priority_from: "2026-01-01", priority_to: "2026-12-31" },
      { event_id: "a", priority_from: "2026-06-01", priority_to: "2027-05-31" },
      { event_id: "c", priority_from: null, priority_to: null },
    ]);
    expect(f.outplacementEventIds).toEqual(["a", "b", "c"]);
    expect(f.outplacementPriorityFrom).toBe(Date.parse("2026-06-01T00:00:00Z") / 1000);
    expect(f.outplacementPriorityTo).toBe(Date.parse("2027-05-31T00:00:00Z") / 1000);
    expect(outplacementFields([])).toEqual({ outplacementPriorityFrom: null, outplacementPriorityTo: null, outplacementEventIds: [] });
  });
  it("filters on the day inside the window, of one event if asked", () => {
    const t = Date.parse("2026-12-06T00:00:00Z") / 1000;
    expect(outplacementPriorityFilter("2026-12-06")).toBe(`outplacementPriorityFrom <= ${t} AND outplacementPriorityTo >= ${t}`);
    const id = "0b7c5c1e-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
    expect(outplacementPriorityFilter("2026-12-06", id)).toContain(`outplacementEventIds = "${id}"`);
    expect(() => outplacementPriorityFilter("2026-12-06", 'x" OR true')).toThrow();
    expect(inOutplacementPriority({ outplacementPriorityFrom: t, outplacementPriorityTo: t }, "2026-12-06")).toBe(true);
    expect(inOutplacementPriority({ outplacementPriorityFrom: null, outplacementPriorityTo: null }, "2026-12-06")).toBe(false);
  });
});
