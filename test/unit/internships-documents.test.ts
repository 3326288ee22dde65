import { describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import {
  CONVENTION_TRANSITIONS,
  availableConventionEvents,
  conventionStateOn,
  nextConventionState,
  type ConventionState,
} from "~/domain/internships/convention-states";
import { addendumContent, conventionContent, documentText, pfiContent, type PfiData } from "~/domain/internships/documents";
import { documentHash, readDocumentHash, renderDocumentPdf } from "~/domain/internships/documents-pdf.server";
import { annualPayEuro, buildUnilav, CATEGORIES_BY_TYPE, type UnilavInput } from "~/domain/internships/unilav";

const unilav = (over: Partial<UnilavInput["internship"]> = {}, promoterTaxCode: string | null = "80012345678"): UnilavInput => ({
  kind: "instaurazione",
  host: {
    taxCode: "01234567890",
    name: "Panificio Lombardo S.r.l.",
    atecoCode: "10.71.10",
    siteAddress: "Via Roma 1",
    siteComuneCode: "015146",
    siteComuneName: "Milano",
  },
  promoter: { taxCode: promoterTaxCode, name: "CPI Milano", kind: "Servizi per l'impiego" },
  trainee: { taxCode: "SPSSRA90A41F205X", firstName: "Sara", lastName: "Esposito", birthDate: "1990-01-01" },
  internship: {
    startDate: "2027-01-11",
    endDate: "2027-07-10",
    occupationCode: "6.5.1.1.1",
    occupationTitle: "Panettieri",
    weeklyHours: 30,
    fullTimeWeeklyHours: 40,
    monthlyIndemnityCents: 60_050,
    plannedMonths: 6,
    traineeCategory: "01",
    internshipType: "A",
    ...over,
  },
});

const field = (input: UnilavInput, key: string) => buildUnilav(input).fields.find((f) => f.key === key)?.value;

describe("UNILAV C.01.00 data", () => {
  it("fills the tirocinio block: C.01.00, CCNL ND, annual pay in euro, promoter's tax code, category and type", () => {
    const data = buildUnilav(unilav());
    expect(data.problems).toEqual([]);
    expect(field(unilav(), "tipologia_contrattuale")).toBe("C.01.00");
    expect(field(unilav(), "ccnl")).toBe("ND");
    expect(field(unilav(), "retribuzione_annua_lorda")).toBe("7206");
    expect(field(unilav(), "promotore_codice_fiscale")).toBe("80012345678");
    expect(field(unilav(), "categoria_tirocinante")).toBe("01");
    expect(field(unilav(), "tipologia_tirocinio")).toBe("A");
    expect(field(unilav(), "data_inizio")).toBe("11/01/2027");
    expect(field(unilav(), "ore_settimanali_medie")).toBe("30");
    expect(field(unilav(), "tipo_orario")).toBe("Tempo parziale");
  });

  it("annual pay: monthly × 12 in whole euro, half up; 0 allowed", () => {
    expect(annualPayEuro(50_000)).toBe(6000);
    expect(annualPayEuro(45_004)).toBe(5400);
    expect(annualPayEuro(45_005)).toBe(5401);
    expect(annualPayEuro(0)).toBe(0);
  });

  it("refuses the promoter's tax code equal to the host's, missing or malformed", () => {
    expect(buildUnilav(unilav({}, "01234567890")).problems).toContain(
      "Il codice fiscale del soggetto promotore deve essere diverso da quello dell'azienda ospitante.",
    );
    expect(buildUnilav(unilav({}, null)).problems[0]).toMatch(/Manca il codice fiscale del soggetto promotore/);
    expect(buildUnilav(unilav({}, "123")).problems[0]).toMatch(/non è valido/);
  });

  it("checks category/type coherence for every pair", () => {
    for (const [type, allowed] of Object.entries(CATEGORIES_BY_TYPE))
      for (const category of ["01", "02", "03", "04", "05", "06", "07", "08", "09", "99"]) {
        const problems = buildUnilav(unilav({ internshipType: type, traineeCategory: category })).problems;
        expect(
          problems.some((p) => p.includes("non è ammessa")),
          `${type}/${category}`,
        ).toBe(!allowed.includes(category as never));
      }
  });

  it("warns beyond the CO clients' duration per category (6 for 04–07, 12 for 01/03/08, 24 for 02/09)", () => {
    expect(buildUnilav(unilav({ internshipType: "A", traineeCategory: "04", plannedMonths: 6 })).warnings).toEqual([]);
    expect(buildUnilav(unilav({ internshipType: "A", traineeCategory: "04", plannedMonths: 7 })).warnings).toHaveLength(1);
    expect(buildUnilav(unilav({ plannedMonths: 12 })).warnings).toEqual([]);
    expect(buildUnilav(unilav({ plannedMonths: 13 })).warnings).toHaveLength(1);
  });
});

describe("convention state table", () => {
  it("draft → signed (both parties) → active → expired; revocable until it ends", () => {
    expect(nextConventionState("draft", "sign", "employer")).toBe("draft");
    expect(nextConventionState("draft", "signatures_complete", "system")).toBe("signed");
    expect(nextConventionState("draft", "signatures_complete", "officer")).toBeNull();
    expect(nextConventionState("signed", "activate", "system")).toBe("active");
    expect(nextConventionState("active", "expire", "system")).toBe("expired");
    expect(nextConventionState("active", "edit", "officer")).toBeNull();
    expect(nextConventionState("signed", "edit", "officer")).toBe("draft");
    for (const s of ["draft", "signed", "active"] as ConventionState[]) expect(nextConventionState(s, "revoke", "officer")).toBe("revoked");
    expect(availableConventionEvents("expired", "officer")).toEqual([]);
    expect(CONVENTION_TRANSITIONS.revoked).toEqual({});
  });

  it("comes into force on its first day and expires after its last", () => {
    expect(conventionStateOn("signed", "2027-01-01", "2027-12-31", "2026-12-31")).toBe("signed");
    expect(conventionStateOn("signed", "2027-01-01", "2027-12-31", "2027-01-01")).toBe("active");
    expect(conventionStateOn("active", "2027-01-01", "2027-12-31", "2027-12-31")).toBe("active");
    expect(conventionStateOn("active", "2027-01-01", "2027-12-31", "2028-01-01")).toBe("expired");
    expect(conventionStateOn("draft", "2027-01-01", "2027-12-31", "2028-01-01")).toBe("draft");
  });
});

const pfi: PfiData = {
  number: 7,
  convention: { number: 3, validFrom: "2027-01-01", validTo: "2027-12-31" },
  promoter: { name: "Centro per l'Impiego di Milano", taxCode: "80012345678", office: "Via Strozzi 11", kind: "Servizi per l'impiego" },
  promoterTutor: { name: "Paola Bianchi", email: "p.bianchi@cpi.example.it" },
  host: {
    name: "Panificio Lombardo S.r.l.",
    taxCode: "01234567890",
    address: "Via Roma 1, Milano",
    atecoCode: "10.71.10",
    representative: "Mario Rossi",
  },
  hostTutor: { name: "Luca Verdi", role: "Capo panettiere", email: null },
  site: { address: "Via Roma 1", comuneName: "Milano" },
  trainee: { firstName: "Sara", lastName: "Esposito", taxCode: "SPSSRA90A41F205X", birthDate: "1990-01-01", domicile: "Milano" },
  traineeCategory: "01",
  internshipType: "A",
  title: "Aiuto panettiere",
  occupationCode: "6.5.1.1.1",
  occupationTitle: "Panettieri",
  eqfLevel: 3,
  atecoCode: null,
  activities: "Preparazione degli impasti",
  objectives: "Conoscere il ciclo della panificazione",
  competences: "Impastare, formare, cuocere",
  weeklyHours: 30,
  dailyHours: 6,
  plannedMonths: 6,
  startDate: "2027-01-11",
  endDate: "2027-07-10",
  monthlyIndemnityCents: 50_000,
  mealVouchers: false,
  inailPosition: "12345678/90",
  rcPolicy: "RC 2027/55",
};

describe("documents", () => {
  it("the PFI has the sections of Allegato 1 and the parties", () => {
    const text = documentText(pfiContent(pfi));
    for (const s of ["1. Anagrafica", "2. Elementi descrittivi", "3. Specifiche del progetto", "4. Diritti e doveri"])
      expect(text).toContain(s);
    for (const s of ["Sara Esposito", "Panificio Lombardo S.r.l.", "Centro per l'Impiego di Milano", "Luca Verdi", "6 mesi"])
      expect(text).toContain(s);
    expect(text).toContain("30 ore a settimana");
    expect(text).toMatch(/Indennità di partecipazione: 500,00\s€ lordi al mese/);
  });

  it("the hash follows the content: same data, same hash; any change, another", () => {
    expect(documentHash(pfiContent(pfi))).toBe(documentHash(pfiContent({ ...pfi })));
    expect(documentHash(pfiContent({ ...pfi, weeklyHours: 31 }))).not.toBe(documentHash(pfiContent(pfi)));
  });

  it("PDFs load, carry their fingerprint in the Subject and print the parties", async () => {
    const content = conventionContent({
      number: 3,
      promoter: pfi.promoter,
      host: pfi.host,
      validFrom: "2027-01-01",
      validTo: "2027-12-31",
      inailPosition: null,
      rcPolicy: null,
      maxInternships: 2,
    });
    const bytes = await renderDocumentPdf(content, "Convenzione n. 3");
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toBe("Convenzione di tirocinio n. 3");
    expect(await readDocumentHash(bytes)).toBe(documentHash(content));
    const addendum = await renderDocumentPdf(
      addendumContent(pfi, {
        sequence: 1,
        previousEndDate: "2027-07-10",
        newEndDate: "2027-10-10",
        addedActivities: "",
        addedCompetences: "",
        reason: "Proroga",
      }),
      "",
    );
    expect((await PDFDocument.load(addendum)).getPageCount()).toBeGreaterThan(0);
    expect(await readDocumentHash(new TextEncoder().encode("%PDF-1.7 not really"))).toBeNull();
  });
});
