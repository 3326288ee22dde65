import { describe, expect, it } from "vitest";
import {
  eqfOfCvStudy,
  highestEqf,
  highestStudy,
  highestStudyLevel,
  studyLine,
  studyOfEqf,
  titleBelongsToLevel,
  unilavEducationLevelOf,
} from "~/domain/candidates/education";
import { allCodes } from "~/domain/reference/index.server";

describe("EQF of the old CV rows → ministerial level of study", () => {
  it.each([
    [1, "Licenza elementare", 1, null],
    [1, "Licenza media", 2, null],
    [1, "", 2, null],
    [2, "Licenza media", 2, null],
    [2, "Obbligo formativo assolto", 2, null],
    [3, "Qualifica professionale regionale", 3, null],
    [4, "Diploma di ragioneria", 4, null],
    [4, "Diploma di maturità (titolo estero riconosciuto)", 4, null],
    [5, "Diploma ITS Academy", 5, null],
    [6, "Laurea triennale", 7, "71000000"],
    [6, "Laurea in economia aziendale", 7, "71000000"],
    [6, "Diploma universitario in servizio sociale", 6, null],
    [7, "Laurea magistrale", 7, "74000000"],
    [7, "Laurea in giurisprudenza (vecchio ordinamento)", 7, "72000000"],
    [7, "Laurea magistrale a ciclo unico in farmacia", 7, "73000000"],
    [7, "Master di I livello in marketing", 9, null],
    [7, "Master universitario di II livello", 10, null],
    [7, "Master di secondo livello", 10, null],
    [8, "Dottorato di ricerca", 12, null],
    [8, "Diploma di specializzazione in pediatria", 11, null],
  ])("EQF %i «%s» → level %i, title %s", (eqf, text, level, title) => {
    expect(studyOfEqf(eqf, text)).toEqual({ studyLevel: level, studyTitleCode: title });
  });

  it("keeps the EQF of every row, except EQF 2, which no ministerial title has (licenza media, EQF 1)", () => {
    const texts = [
      "",
      "Licenza elementare",
      "Diploma universitario",
      "Master di II livello",
      "Laurea vecchio ordinamento",
      "Specializzazione",
    ];
    for (let eqf = 1; eqf <= 8; eqf++)
      for (const text of texts) expect(eqfOfCvStudy(studyOfEqf(eqf, text)!), `${eqf} ${text}`).toBe(eqf === 2 ? 1 : eqf);
  });

  it("knows no other value: it gives nothing rather than guess", () => {
    for (const eqf of [0, 9, -1, 2.5]) expect(studyOfEqf(eqf, "Laurea")).toBeNull();
  });

  it("every title it gives is in the ministerial table, of the level it gives", () => {
    const titles = new Map(allCodes("studyTitles").map((e) => [e.code, e.group]));
    for (let eqf = 1; eqf <= 8; eqf++)
      for (const text of ["", "Laurea vecchio ordinamento", "ciclo unico"]) {
        const s = studyOfEqf(eqf, text)!;
        if (s.studyTitleCode) expect(titles.get(s.studyTitleCode)).toBe(String(s.studyLevel));
      }
  });

  it("the first digits of each title tell its level (the rule the database checks)", () => {
    for (const e of allCodes("studyTitles")) expect(titleBelongsToLevel(e.code, Number(e.group)), e.code).toBe(true);
    expect(titleBelongsToLevel("40200000", 7)).toBe(false);
    expect(titleBelongsToLevel("82000000", 10)).toBe(true);
  });
});

describe("a CV's titles", () => {
  const cv = [
    { studyLevel: 2, studyTitleCode: null },
    { studyLevel: 7, studyTitleCode: "71000000" },
    { studyLevel: 4, studyTitleCode: "40200000" },
  ];

  it("highest EQF (matching), highest ministerial level (search), the UNILAV level of education", () => {
    expect(highestEqf(cv)).toBe(6);
    expect(highestStudyLevel(cv)).toBe(7);
    expect(highestStudy(cv)).toEqual(cv[1]);
    expect(unilavEducationLevelOf(cv)).toBe("70");
    expect(unilavEducationLevelOf([{ studyLevel: 2, studyTitleCode: null }])).toBe("20");
    expect(unilavEducationLevelOf([{ studyLevel: 10, studyTitleCode: null }])).toBe("80");
    expect(unilavEducationLevelOf([{ studyLevel: 0, studyTitleCode: null }])).toBeNull();
    expect([highestEqf([]), highestStudyLevel([]), unilavEducationLevelOf([])]).toEqual([0, -1, null]);
    // Post-laurea generico has no EQF: it does not lower the others.
    expect(highestEqf([{ studyLevel: 8, studyTitleCode: null }, ...cv])).toBe(6);
  });

  it("shows the person's words with the official level and the EQF", () => {
    expect(studyLine({ title: "Diploma di ragioneria", studyLevel: 4, studyTitleCode: null })).toBe(
      "Diploma di ragioneria (Diploma di istruzione secondaria superiore che permette l'accesso all'università, EQF 4)",
    );
    expect(
      studyLine({ title: "Laurea in economia", studyLevel: 7, studyTitleCode: "71000000", studyTitleLabel: "Laurea di primo livello" }),
    ).toBe("Laurea in economia (Laurea di primo livello, EQF 6)");
  });
});
