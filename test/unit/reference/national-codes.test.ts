import { describe, expect, it } from "vitest";
import {
  ALBI,
  clicLavoroStudyCode,
  CO_CONTRACT_TYPES,
  contractTypeInForce,
  currentContractTypeOptions,
  DRIVING_LICENCES,
  eqfOfStudy,
  ISO_OF_LANGUAGE,
  LANGUAGE_OF_ISO,
  LANGUAGES,
  LICENCE_CODE_OF_CATEGORY,
  niceLabel,
  PATENTINI,
  STUDY_LEVELS,
  WORKING_TIME_CODES,
} from "~/domain/reference";
import {
  ALBO_ROWS,
  CO_CONTRACT_TYPE_ROWS,
  DRIVING_LICENCE_ROWS,
  LANGUAGE_ROWS,
  PATENTINO_ROWS,
  STUDY_LEVEL_ROWS,
} from "~/domain/reference/national-rows";
import { allCodes, codeEntry, codeProblem, currentCodes, LIST_NAMES, readNationalCsv } from "~/domain/reference/national.server";

describe("the client-safe copy of the small national lists", () => {
  it("equals the vendored CSVs row by row (regenerate national-rows.ts when a CSV changes)", () => {
    const rows = (file: string, cols: string[]) => readNationalCsv(file).map((r) => cols.map((c) => r[c] || null));
    expect(CO_CONTRACT_TYPE_ROWS).toEqual(rows("co_tipologie_contrattuali.csv", ["code", "label", "valid_from", "valid_to"]));
    expect(LANGUAGE_ROWS).toEqual(rows("lingue.csv", ["code", "label"]));
    expect(DRIVING_LICENCE_ROWS).toEqual(rows("patenti.csv", ["code", "label"]));
    expect(PATENTINO_ROWS).toEqual(rows("patentini.csv", ["code", "label"]));
    expect(ALBO_ROWS).toEqual(rows("albi.csv", ["code", "label"]));
    expect(STUDY_LEVEL_ROWS).toEqual(rows("titoli_studio_livelli.csv", ["code", "label", "top_code_8"]));
    expect(Object.keys(WORKING_TIME_CODES).sort()).toEqual(
      currentCodes("workingTimes")
        .map((e) => e.code)
        .sort(),
    );
  });

  it("labels read as Italian sentences, acronyms kept", () => {
    expect(CO_CONTRACT_TYPES.get("A.03.09")!.label).toBe("Apprendistato professionalizzante o contratto di mestiere");
    expect(niceLabel("LAVORO O ATTIVITÀ SOCIALMENTE UTILE (LSU - ASU)")).toBe("Lavoro o attività socialmente utile (LSU - ASU)");
    expect(niceLabel("TITOLO CHE NON PERMETTE L'ACCESSO ALL'UNIVERSITA'")).toBe("Titolo che non permette l'accesso all'università");
    expect(niceLabel("SANITA' E ASSISTENZA SOCIALE")).toBe("Sanità e assistenza sociale");
    expect(DRIVING_LICENCES["02"]).toBe("Patente B");
    expect(DRIVING_LICENCES["13"]).toBe("Patente extra UE");
    expect(LANGUAGES["001"]).toBe("Inglese");
    expect(PATENTINI["20"]).toBe("Patente nautica");
    expect(ALBI["0001"]).toBe("Biologo");
    expect(STUDY_LEVELS["12"]).toBe("Titolo di dottore di ricerca");
  });
});

describe("validity of contract types", () => {
  it("offers only the codes in force: the apprenticeship of L. 196/97 (A.03.00) ended, A.03.08–A.03.10 are current", () => {
    const offered = currentContractTypeOptions("2026-12-06").map(([c]) => c);
    expect(offered).not.toContain("A.03.00");
    expect(offered).not.toContain("A.03.02");
    expect(offered).toEqual(expect.arrayContaining(["A.01.00", "A.02.00", "A.03.08", "A.03.09", "A.03.10", "C.01.00", "B.03.00"]));
    expect(contractTypeInForce(CO_CONTRACT_TYPES.get("A.03.00")!, "2012-04-24")).toBe(true);
    expect(contractTypeInForce(CO_CONTRACT_TYPES.get("A.03.00")!, "2012-04-25")).toBe(false);
    // The server loader agrees with the client copy.
    expect(currentCodes("contractTypes", "2026-12-06").map((e) => e.code)).toEqual(offered);
    expect(codeProblem("contractTypes", "A.03.00")).toBe("ended");
    expect(codeProblem("contractTypes", "X.99.99")).toBe("unknown");
  });
});

describe("Rosa's mappings", () => {
  it("ISO 639-1 crosswalk is one-to-one and covers the languages the forms used before", () => {
    expect(Object.keys(LANGUAGE_OF_ISO)).toHaveLength(Object.keys(ISO_OF_LANGUAGE).length);
    for (const code of Object.keys(ISO_OF_LANGUAGE)) expect(LANGUAGES[code]).toBeDefined();
    for (const iso of ["it", "en", "fr", "de", "es", "pt", "ro", "ar", "zh", "ru"])
      expect(LANGUAGE_OF_ISO[iso]).toMatch(/^([0-9]{3}|[A-Z]{3})$/);
  });

  it("every EU licence category falls under one ministerial licence", () => {
    for (const code of Object.values(LICENCE_CODE_OF_CATEGORY)) expect(DRIVING_LICENCES[code]).toBeDefined();
    expect(LICENCE_CODE_OF_CATEGORY.B).toBe("02");
    expect(LICENCE_CODE_OF_CATEGORY.CE).toBe("05");
  });

  it("EQF of a level of study, and of a degree by its title", () => {
    expect(eqfOfStudy(4)).toBe(4);
    expect(eqfOfStudy(7, "71000000")).toBe(6);
    expect(eqfOfStudy(7, "74000000")).toBe(7);
    expect(eqfOfStudy(12)).toBe(8);
    expect(eqfOfStudy(8)).toBeNull();
    expect(eqfOfStudy(null)).toBeNull();
  });

  it("ClicLavoro idtitolostudio follows the column of titoli_studio.csv", () => {
    for (const r of readNationalCsv("titoli_studio.csv"))
      expect(clicLavoroStudyCode(Number(r.livello_studio), r.code) ?? "").toBe(r.cliclavoro_idtitolostudio);
    expect(clicLavoroStudyCode(4)).toBe("40");
    expect(clicLavoroStudyCode(0)).toBeNull();
  });
});

describe("the loader of every national list", () => {
  it("reads every list with codes and labels, ended codes kept", () => {
    for (const name of LIST_NAMES) {
      const all = allCodes(name);
      expect(all.length, name).toBeGreaterThan(0);
      for (const e of all) {
        expect(e.code, name).toBeTruthy();
        expect(e.label, `${name} ${e.code}`).toBeTruthy();
      }
    }
    expect(allCodes("studyTitles")).toHaveLength(1390);
    expect(allCodes("ccnl")).toHaveLength(400);
    expect(codeEntry("studyTitles", "40200000")!.group).toBe("4");
    expect(codeEntry("ateco2007", "47.11.40")!.level).toBe("subcategory");
    expect(codeEntry("citizenships", "000")!.label).toBe("ITALIA");
  });
});
