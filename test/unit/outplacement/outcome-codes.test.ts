import { describe, expect, it } from "vitest";
import { RecordOutcomeSchema } from "~/domain/outplacement/outcomes-schema";

/** The outcome form takes only CO tipologie in force; agency work and self-employment are the «forma di impiego». */
const base = { type: "EMPLOYED_OPEN_ENDED", startOn: "2026-11-02", source: "SELF_DECLARED", contractType: "A.01.00" };
const errorsOf = (input: Record<string, string | undefined>) => {
  const r = RecordOutcomeSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("outcome contract codes", () => {
  it("accepts a direct hire with a code in force and stores it as direct", () => {
    const r = RecordOutcomeSchema.parse(base);
    expect([r.contractType, r.engagement]).toEqual(["A.01.00", "direct"]);
  });
  it.each([
    ["SOMM", "Tipologia contrattuale non valida: scegli un codice della CO dall'elenco, es. «A.01.00»"],
    ["AUTONOMO", "Tipologia contrattuale non valida: scegli un codice della CO dall'elenco, es. «A.01.00»"],
    ["A.03.00", "Questa tipologia contrattuale non è più in vigore: scegline una dall'elenco"],
    ["B.01.00", "Questa tipologia contrattuale non è più in vigore: scegline una dall'elenco"],
    ["X.99.99", "Tipologia contrattuale sconosciuta: scegline una dall'elenco"],
  ])("refuses %s", (code, message) => {
    expect(errorsOf({ ...base, contractType: code })).toEqual({ contractType: message });
  });
  it("through an agency the tipologia is optional; self-employment has none and its own outcome", () => {
    expect(errorsOf({ ...base, contractType: undefined, engagement: "agency", type: "EMPLOYED_FIXED_LT6M", endOn: "2027-01-31" })).toEqual(
      {},
    );
    expect(errorsOf({ ...base, contractType: undefined })).toEqual({
      contractType: "Per un'assunzione indica la tipologia contrattuale della CO",
    });
    expect(errorsOf({ ...base, contractType: undefined, engagement: "self_employed", type: "SELF_EMPLOYED" })).toEqual({});
    expect(errorsOf({ ...base, engagement: "self_employed", type: "SELF_EMPLOYED" })).toEqual({
      contractType: "Il lavoro autonomo non ha una tipologia contrattuale della CO: lasciala vuota",
    });
    expect(errorsOf({ ...base, contractType: undefined, engagement: "self_employed" })).toEqual({
      engagement: "Per il lavoro autonomo scegli l'esito «Lavoro autonomo o impresa»",
    });
  });
});
