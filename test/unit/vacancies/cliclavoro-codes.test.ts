import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "~/documents/csv.server";
import {
  cliclavoroAmpiezza,
  cliclavoroClosingReason,
  cliclavoroContractType,
  cliclavoroEducation,
  cliclavoroLanguage,
  cliclavoroLanguageLevel,
  cliclavoroLicence,
  cliclavoroWorkingTime,
  codiceOfferta,
  ministerialRegion,
} from "~/domain/vacancies/cliclavoro-codes";

const codes = (file: string) =>
  parseCsv(readFileSync(`server/reference-data/national/${file}`, "utf8"))
    .slice(1)
    .map((r) => r[0]!);

describe("CO contract types → ClicLavoro A00–A06", () => {
  it("maps the usual ones", () => {
    expect(cliclavoroContractType("A.01.00")).toBe("A00");
    expect(cliclavoroContractType("A.02.00")).toBe("A01");
    expect(cliclavoroContractType("A.02.01")).toBe("A01");
    for (const c of ["A.03.08", "A.03.09", "A.03.10", "A.03.00"]) expect(cliclavoroContractType(c)).toBe("A02");
    expect(cliclavoroContractType("A.03.04")).toBe("A01");
    expect(cliclavoroContractType("C.01.00")).toBe("A03");
    expect(cliclavoroContractType("B.03.00")).toBe("A06");
    expect(cliclavoroContractType("B.02.00")).toBe("A04");
    expect(cliclavoroContractType("G.03.00")).toBe("A05");
    expect(cliclavoroContractType("N.02.00")).toBe("A01");
    expect(cliclavoroContractType("AUTONOMO")).toBe("A05");
    expect(cliclavoroContractType("X")).toBeNull();
  });

  it("gives every CO code of the official table a ClicLavoro code of the official table", () => {
    const cliclavoro = new Set(codes("cliclavoro_tipologia_contratto.csv"));
    for (const co of codes("co_tipologie_contrattuali.csv")) expect(cliclavoro.has(cliclavoroContractType(co)!), co).toBe(true);
  });
});

describe("the other ClicLavoro code lists", () => {
  it("working time: FT/PT from Rosa's values and the CO tipo orario", () => {
    expect(cliclavoroWorkingTime("full_time")).toBe("FT");
    expect(cliclavoroWorkingTime("part_time")).toBe("PT");
    expect(["F", "P", "V", "M"].map(cliclavoroWorkingTime)).toEqual(["FT", "PT", "PT", "PT"]);
    expect(cliclavoroWorkingTime("N")).toBeNull();
  });

  it("languages: ministerial codes, also from the older ISO codes; levels A1–C2 only", () => {
    const official = new Set(codes("lingue.csv"));
    for (const iso of ["en", "de", "it", "fr", "es", "pt", "ro", "ar", "zh", "ru"])
      expect(official.has(cliclavoroLanguage(iso)!), iso).toBe(true);
    expect(cliclavoroLanguage("en")).toBe("001");
    expect(cliclavoroLanguage("SPA")).toBe("SPA");
    expect(cliclavoroLanguage("xx")).toBeNull();
    expect(cliclavoroLanguageLevel("C2")).toBe("C2");
    expect(cliclavoroLanguageLevel("04")).toBeNull();
  });

  it("titles of study: two digits, by MyPortal's rule on the 8-digit titles", () => {
    expect(cliclavoroEducation("40000000")).toBe("40");
    expect(cliclavoroEducation("81000000")).toBe("81");
    expect(cliclavoroEducation("83000000")).toBe("83");
    expect(cliclavoroEducation("72010000")).toBe("70");
    expect(cliclavoroEducation("00000000")).toBeNull();
    expect(cliclavoroEducation("upper_secondary")).toBe("40");
    expect(cliclavoroEducation("none")).toBeNull();
    // Agrees with the derived column of the vendored table.
    const rows = parseCsv(readFileSync("server/reference-data/national/titoli_studio.csv", "utf8"));
    const at = rows[0]!.indexOf("cliclavoro_idtitolostudio");
    for (const r of rows.slice(1)) expect(cliclavoroEducation(r[0]!) ?? "", r[0]).toBe(r[at]);
  });

  it("licences: driving licences 01–13, patentini 07–21 apart, forklift and CQC nowhere", () => {
    expect(cliclavoroLicence("B")).toEqual({ element: "idpatenteguida", code: "02" });
    expect(cliclavoroLicence("CE")).toEqual({ element: "idpatenteguida", code: "03" });
    expect(cliclavoroLicence("02")).toEqual({ element: "idpatenteguida", code: "02" });
    expect(cliclavoroLicence("09")).toEqual({ element: "idpatentino", code: "09" });
    expect(cliclavoroLicence("Muletto")).toBeNull();
    expect(cliclavoroLicence("CQC")).toBeNull();
  });

  it("headcount: only the bands that fall in one ClicLavoro band", () => {
    expect(cliclavoroAmpiezza("250+")).toBe("05");
    expect(cliclavoroAmpiezza("51-249")).toBe("04");
    expect(cliclavoroAmpiezza("15-35")).toBeNull();
  });

  it("closing reason: 03 only for a withdrawn vacancy", () => {
    expect(cliclavoroClosingReason("cancelled")).toBe("03");
    expect(cliclavoroClosingReason("filled")).toBeNull();
  });
});

describe("codiceofferta", () => {
  it("is 25 digits: region, 000, year, 2, 1, type, number and revision", () => {
    const code = codiceOfferta({ region: "10", year: 2026, kind: "invio", number: 1042, revision: 0 });
    expect(code).toBe("1000026211000000001042000");
    expect(code).toHaveLength(25);
    expect(codiceOfferta({ region: "13", year: 2027, kind: "chiusura", number: 7, revision: 2 })).toBe("1300027212000000000007002");
    expect(() => codiceOfferta({ region: "1", year: 2026, kind: "invio", number: 1, revision: 0 })).toThrow();
  });

  it("takes the ministerial region of the workplace (Trentino-Alto Adige by province)", () => {
    expect(ministerialRegion("Lombardia", "MI")).toBe("10");
    expect(ministerialRegion("Piemonte", "TO")).toBe("13");
    expect(ministerialRegion("Trentino-Alto Adige/Südtirol", "TN")).toBe("18");
    expect(ministerialRegion("Trentino-Alto Adige/Südtirol", "BZ")).toBe("03");
    expect(ministerialRegion("Valle d'Aosta/Vallée d'Aoste", "AO")).toBe("20");
    expect(ministerialRegion("Friuli-Venezia Giulia", "UD")).toBe("07");
    expect(ministerialRegion("Emilia-Romagna", "BO")).toBe("06");
  });
});
