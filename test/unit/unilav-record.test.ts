import { describe, expect, it } from "vitest";
import { validateNationalXml } from "~/documents/xsd.server";
import { checkUnilav, decodeTaxCode, silErXml, unilavBatchXml, unilavXml, type UnilavDraft } from "~/domain/unilav";

export function completeDraft(over: Partial<Record<string, unknown>> = {}): UnilavDraft {
  return {
    communicationCode: "0000000000000000",
    sentAt: "2026-12-06T10:15:00",
    employer: {
      taxCode: "01234567890",
      name: "Panificio Lombardo S.r.l.",
      legalSeat: { comune: "F205", cap: "20121", address: "Via Roma 1", email: null, phone: null },
      workSeat: { comune: "F205", cap: "20121", address: "Via Roma 1", email: "personale@esempio.it", phone: null },
      ateco2007: "10.71.10",
      publicAdministration: false,
    },
    worker: {
      taxCode: "RSSMRA98E54F205X",
      lastName: "Rossi",
      firstName: "Maria",
      citizenship: "000",
      sex: "F",
      birthComune: "F205",
      birthDate: "1998-05-14",
      domicile: { comune: "F205", cap: "20135", address: "Via Po 2" },
      educationLevel: "40",
    },
    contract: {
      startDate: "2026-12-15",
      endDate: "2027-06-14",
      trainingEndDate: null,
      pensionBody: "01",
      contractType: "A.02.00",
      ccnl: "ND",
      level: "4",
      l68: null,
      workingTime: "P",
      weeklyHours: 24,
      qualification: "5.1.2.2.0.1",
      annualPay: 15600,
      patInail: "12345678",
      compulsoryHire: false,
    },
    internship: null,
    ...over,
  };
}

describe("decoding a codice fiscale", () => {
  it("gives sex, birth date and the Belfiore code of the place of birth", () => {
    expect(decodeTaxCode("RSSMRA98E54F205X")).toEqual({ sex: "F", birthDate: "1998-05-14", birthComune: "F205" });
    expect(decodeTaxCode("RSSMRA85T10A562S")).toEqual({ sex: "M", birthDate: "1985-12-10", birthComune: "A562" });
  });
  it("reads omocodia (digits replaced by letters) and foreign States", () => {
    expect(decodeTaxCode("RSSMRA85T1LZ10QS")?.birthComune).toBe("Z104");
    expect(decodeTaxCode("RSSMRA85T1LZ10QS")?.birthDate).toBe("1985-12-10");
  });
  it("keeps the recorded birth date when it agrees (the century is not in the code)", () => {
    expect(decodeTaxCode("RSSMRA20A01F205X", "1920-01-01")?.birthDate).toBe("1920-01-01");
  });
  it("gives nothing for a company's number or a malformed code", () => {
    expect(decodeTaxCode("01234567890")).toBeNull();
    expect(decodeTaxCode("RSSMRA98Z54F205X")).toBeNull();
  });
});

describe("the UNILAV record", () => {
  it("is complete with every field, and the shared types validate against SIL-ER's UNILAV-derived XSD", async () => {
    const check = checkUnilav(completeDraft());
    expect(check.missing).toEqual([]);
    expect(check.complete).toBe(true);
    if (!check.complete) return;
    expect(await validateNationalXml("unilavSilEr", silErXml(check.record, 15))).toEqual({ valid: true });
    const xml = unilavXml(check.record);
    expect(xml).toContain('<UniLav xmlns="http://servizi.lavoro.gov.it/unilav" codiceComunicazione="0000000000000000"');
    expect(xml).toContain('<tipoOrario codice="P" oreSettimanaliMedie="24"/>');
    expect(xml).toContain("ricostruita");
    expect(unilavBatchXml([check.record, check.record])).toContain('numero="2"');
  });

  it("lists in Italian what is missing, each field once", () => {
    const draft = completeDraft();
    (draft.contract as Record<string, unknown>).patInail = null;
    (draft.worker as Record<string, unknown>).citizenship = null;
    (draft.contract as Record<string, unknown>).contractType = "A.03.08";
    const check = checkUnilav(draft);
    expect(check.complete).toBe(false);
    expect(check.missing).toEqual(
      expect.arrayContaining([
        "Cittadinanza del lavoratore: da completare",
        "PAT INAIL: da completare",
        "Fine del periodo formativo: da completare (apprendistato)",
      ]),
    );
  });

  it("an internship (C.01.00) carries the promoter's block, different from the host", async () => {
    const draft = completeDraft({
      internship: {
        promoterTaxCode: "01234567890",
        promoterName: "CPI Milano",
        promoterKind: "Servizi per l'impiego",
        traineeCategory: "01",
        internshipType: "A",
      },
    });
    (draft.contract as Record<string, unknown>).contractType = "C.01.00";
    expect(checkUnilav(draft).missing).toContain("Il promotore deve essere diverso dal datore di lavoro");
    (draft.internship as Record<string, unknown>).promoterTaxCode = "80012345678";
    const check = checkUnilav(draft);
    expect(check.complete).toBe(true);
    if (check.complete) {
      expect(unilavXml(check.record)).toContain('categoriaTirocinante="01"');
      expect(await validateNationalXml("unilavSilEr", silErXml(check.record, 15))).toEqual({ valid: true });
    }
  });

  it("a wrong code is caught by the XSD of the shared types as well as by the schema", async () => {
    const check = checkUnilav(completeDraft());
    if (!check.complete) throw new Error("complete");
    const broken = silErXml({ ...check.record, employer: { ...check.record.employer, ateco2007: "10.71" } }, 15);
    const result = await validateNationalXml("unilavSilEr", broken);
    expect(result.valid).toBe(false);
  });
});
