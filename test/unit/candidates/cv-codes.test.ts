import { describe, expect, it } from "vitest";
import {
  CERTIFICATE_CODE_GROUPS,
  certificateCodeOf,
  certificateFromCsv,
  certificateText,
  CV_LICENCE_CATEGORIES,
  cvLanguageCode,
  cvLicenceCodeOfCategory,
  cvLicenceFromCsv,
  cvLicenceLabel,
  LICENCE_CERTIFICATES,
} from "~/domain/candidates/cv-codes";
import { DRIVING_LICENCES, ISO_OF_LANGUAGE, LANGUAGES } from "~/domain/reference";

describe("the CV's national codes", () => {
  it("a language: the ministerial code in any case, or an ISO 639-1 code through its one-to-one pair", () => {
    expect(cvLanguageCode("001")).toBe("001");
    expect(cvLanguageCode(" spa ")).toBe("SPA");
    expect(cvLanguageCode("wu")).toBe("WU");
    expect(cvLanguageCode("en")).toBe("001");
    expect(cvLanguageCode("IT")).toBe("003");
    // No pair: returned as typed for the schema to refuse.
    expect(cvLanguageCode("tl")).toBe("TL");
    for (const [code, iso] of Object.entries(ISO_OF_LANGUAGE)) {
      expect(cvLanguageCode(iso), iso).toBe(code);
      expect(LANGUAGES[code], code).toBeTruthy();
    }
  });

  it("every EU category of the CV falls under one ministerial licence", () => {
    for (const category of CV_LICENCE_CATEGORIES) expect(DRIVING_LICENCES[cvLicenceCodeOfCategory(category)!], category).toBeTruthy();
    expect(cvLicenceCodeOfCategory("B1")).toBe("02");
    expect(cvLicenceCodeOfCategory("CE")).toBe("05");
    expect(cvLicenceCodeOfCategory("CQC_MERCI")).toBeUndefined();
  });

  it("a CSV licence: code with optional category, an EU category alone, or CQC/CAP as a certificate", () => {
    expect(cvLicenceFromCsv("02")).toEqual({ code: "02", category: "" });
    expect(cvLicenceFromCsv("2")).toEqual({ code: "02", category: "" });
    expect(cvLicenceFromCsv("03:ce")).toEqual({ code: "03", category: "CE" });
    expect(cvLicenceFromCsv("c1e")).toEqual({ code: "05", category: "C1E" });
    expect(cvLicenceFromCsv("cqc merci")).toEqual({ certificate: LICENCE_CERTIFICATES.CQC_MERCI });
    expect(cvLicenceFromCsv("KA")).toEqual({ certificate: "CAP KA (certificato di abilitazione professionale)" });
    expect(cvLicenceFromCsv("Z")).toEqual({ code: "", category: "Z" });
  });

  it("labels in Italian: the category only when it says more than the letter", () => {
    expect(cvLicenceLabel("02", "B")).toBe("Patente B");
    expect(cvLicenceLabel("02", null)).toBe("Patente B");
    expect(cvLicenceLabel("03", "C1")).toBe("Patente C (C1)");
    expect(cvLicenceLabel("05", "CE")).toBe("Patente E (CE)");
    expect(cvLicenceLabel("13")).toBe("Patente extra UE");
  });

  it("a certificate's official paper: «patentino:07» or «albo:0001», listed codes only", () => {
    expect(certificateCodeOf("patentino:07")).toEqual({ patentinoCode: "07", alboCode: null });
    expect(certificateCodeOf(" Albo : 1 ")).toEqual({ patentinoCode: null, alboCode: "0001" });
    expect(certificateCodeOf("patentino:99")).toBeNull();
    expect(certificateCodeOf("albo:biologo")).toBeNull();
    expect(certificateCodeOf("07")).toBeNull();
    const values = CERTIFICATE_CODE_GROUPS.flatMap((g) => g.options.map(([v]) => v));
    expect(values).toContain("patentino:07");
    expect(values).toContain("albo:0001");
    for (const v of values) expect(certificateCodeOf(v), v).not.toBeNull();
  });

  it("a certificate reads as the person's words with the official label, once when they are the same", () => {
    expect(certificateText({ name: "HACCP" })).toBe("HACCP");
    expect(certificateText({ name: "Caldaie", patentino_code: "07" })).toMatch(/^Caldaie \(Abilitazione: Impianti termici/);
    expect(certificateText({ name: "Biologo", albo_code: "0001" })).toBe("Iscrizione all'albo: Biologo");
  });

  it("a CSV certificate: free text, the code alone, or text with the code in brackets; words with a colon stay text", () => {
    expect(certificateFromCsv("HACCP")).toEqual({ name: "HACCP", official: "" });
    expect(certificateFromCsv("patentino:7")).toEqual({ name: "", official: "patentino:07" });
    expect(certificateFromCsv("Conduzione caldaie (patentino:07)")).toEqual({ name: "Conduzione caldaie", official: "patentino:07" });
    expect(certificateFromCsv("ALBO:0001")).toEqual({ name: "", official: "albo:0001" });
    expect(certificateFromCsv("Iscrizione albo: infermieri")).toEqual({ name: "Iscrizione albo: infermieri", official: "" });
  });
});
