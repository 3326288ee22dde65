import { beforeAll, describe, expect, it } from "vitest";
import { setServiceUrls } from "~/utils/env.server";
import { codeEntry, codeFromLookup, currentCodes, lookupCodes } from "~/domain/reference/national.server";
import { isFixedTermContract, ServerHireSchema } from "~/domain/shortlists/hire.server";
import { contactManySummary, parseEuro } from "~/domain/shortlists/schema";
import { availabilityToken, verifyAvailabilityToken } from "~/domain/shortlists/availability-links.server";

const base = {
  intent: "hire",
  rowId: "6f1c7b1e-9a55-4d8e-8a77-0c4f3f1b2d10",
  version: "3",
  contractType: "A.01.00",
  startDate: "2027-01-11",
  workingTime: "F",
  ccnl: "042",
  contractLevel: "4",
  qualification: "5.1.2.2.0.1",
  workComune: "Milano (MI)",
};
const errorsOf = (input: Record<string, string>) => {
  const r = ServerHireSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("national CO code lists", () => {
  it("offers only the contract types in force, keeps the ended ones for old records", () => {
    const offered = currentCodes("contractTypes", "2026-12-05").map((e) => e.code);
    expect(offered).toContain("A.03.09");
    expect(offered).not.toContain("A.03.02"); // ended 2012-04-25
    expect(offered).not.toContain("B.01.00"); // ended 2016-02-01
    expect(codeEntry("contractTypes", "A.03.02")?.validTo).toBe("2012-04-25");
  });
  it("knows which contracts are fixed-term", () => {
    expect(["A.02.00", "A.02.01", "N.02.00", "C.01.00"].map(isFixedTermContract)).toEqual([true, true, true, true]);
    expect(["A.01.00", "A.03.09", "A.05.02"].map(isFixedTermContract)).toEqual([false, false, false]);
  });
  it("looks codes up by words or by code, and reads the code back from the chosen label", () => {
    expect(lookupCodes("qualifications", "panettiere").map((o) => o.code)).toContain("6.5.1.2.1.2");
    expect(lookupCodes("ccnl", "042")[0]?.label).toMatch(/^042 — C\.c\.n\.l\. per i dipendenti dalle aziende del terziario/);
    expect(codeFromLookup("042 — C.c.n.l. per i dipendenti")).toBe("042");
    expect(codeFromLookup(" nd ")).toBe("ND");
  });
});

describe("hire form", () => {
  it("accepts a full-time open-ended hire without hours", () => {
    expect(errorsOf(base)).toEqual({});
  });
  it.each([
    [{ contractType: "A.03.02" }, "contractType", "Questo tipo di contratto non è più in vigore: scegline uno dall'elenco"],
    [{ contractType: "X.99.99" }, "contractType", "Tipo di contratto sconosciuto: sceglilo dall'elenco"],
    [{ contractType: "A.03.00" }, "contractType", "Questo tipo di contratto non è più in vigore: scegline uno dall'elenco"],
    [{ contractType: "SOMM" }, "contractType", "Tipologia contrattuale: scegli un codice CO dall'elenco (es. A.01.00)"],
    [{ contractType: "AUTONOMO" }, "contractType", "Tipologia contrattuale: scegli un codice CO dall'elenco (es. A.01.00)"],
    [{ ccnl: "ZZZ" }, "ccnl", "CCNL sconosciuto: scrivi il codice o parte del nome e sceglilo dall'elenco (ND se nessuno)"],
    [{ ccnl: "016" }, "ccnl", "Questo CCNL non è più in vigore: scegline uno dall'elenco"],
    [{ qualification: "9.9.9.9.9.9" }, "qualification", "Qualifica sconosciuta: scrivi parte del nome e sceglila dall'elenco (CP2011)"],
    [{ startDate: "2027-02-29" }, "startDate", "Data inesistente: controlla giorno e mese"],
    [{ contractType: "A.02.00" }, "endDate", "Per questo contratto a termine indica la data di fine"],
    [{ endDate: "2027-01-10" }, "endDate", "La data di fine non può precedere l'inizio"],
    [{ workingTime: "P" }, "weeklyHours", "Per il tempo parziale indica le ore settimanali (da 1 a 39)"],
    [{ workingTime: "V", weeklyHours: "40" }, "weeklyHours", "Tempo parziale: al massimo 39 ore settimanali"],
    [{ workingTime: "M", weeklyHours: "0" }, "weeklyHours", "Ore settimanali: almeno 1"],
    [{ workingTime: "N" }, "workingTime", "Scegli il tipo di orario"],
    [{ grossPay: "dodicimila" }, "grossPay", "Retribuzione non valida (es. 24.000,00)"],
    [{ contractLevel: "" }, "contractLevel", "Indica il livello di inquadramento"],
    [{ requestChannel: "piccione" }, "requestChannel", "Canale non valido"],
  ])("%o → %s: %s", (change, field, message) => {
    expect(errorsOf({ ...base, ...change })[field]).toBe(message);
  });
  it("reports all code errors of one save at once", () => {
    expect(Object.keys(errorsOf({ ...base, contractType: "A.03.02", ccnl: "ZZZ", qualification: "1" })).sort()).toEqual([
      "ccnl",
      "contractType",
      "qualification",
    ]);
  });
  it("reads Italian amounts", () => {
    expect([parseEuro("15.600,00"), parseEuro("15600"), parseEuro("1.500"), parseEuro("1500,5"), parseEuro("€ 24.000")]).toEqual([
      15600, 15600, 1500, 1500.5, 24000,
    ]);
    expect(parseEuro("1,2,3")).toBeNaN();
  });
});

describe("bulk contact summary", () => {
  it("speaks Italian with correct singulars and plurals", () => {
    expect(contactManySummary({ contacted: 1, skipped: 0, email: 1, sms: 0, none: 0 })).toBe("Contattato 1 candidato (1 per e-mail).");
    expect(contactManySummary({ contacted: 3, skipped: 1, email: 1, sms: 1, none: 1 })).toBe(
      "Contattati 3 candidati (1 per e-mail, 1 per SMS, 1 senza e-mail né telefono: contattalo tu). 1 era già in contatto o non contattabile: invariato.",
    );
    expect(contactManySummary({ contacted: 0, skipped: 2, email: 0, sms: 0, none: 0 })).toBe(
      "Nessun nuovo candidato contattato. 2 erano già in contatto o non contattabili: invariati.",
    );
  });
});

describe("availability link token", () => {
  beforeAll(() => setServiceUrls({ SESSION_SECRET: "unit-test-secret-unit-test-secret-0123" }));
  it("verifies its own signature and refuses any change", () => {
    const id = "6f1c7b1e-9a55-4d8e-8a77-0c4f3f1b2d10";
    const at = new Date("2026-12-08T10:00:00Z");
    const token = availabilityToken(id, at);
    expect(verifyAvailabilityToken(token)).toEqual({ requestId: id, expiresAt: at });
    const [rid, exp, sig] = token.split(".");
    expect(verifyAvailabilityToken(`${rid}.${(parseInt(exp!, 36) + 86_400).toString(36)}.${sig}`)).toBeNull(); // a later expiry
    expect(verifyAvailabilityToken(`${rid!.replace(/^./, "0")}.${exp}.${sig}`.replace(/^0/, rid![0] === "0" ? "1" : "0"))).toBeNull();
    expect(verifyAvailabilityToken("")).toBeNull();
    expect(verifyAvailabilityToken("a.b.c.d")).toBeNull();
  });
});
