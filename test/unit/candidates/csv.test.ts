import { describe, expect, it } from "vitest";
import { csvColumnFor, csvDate, CsvFormatError, csvRecords, errorReportCsv, parseCsv, validateCsvRecord } from "~/domain/candidates/csv";
import { SAMPLE_CSV } from "~/domain/candidates/csv-sample";
import { personCodiceFiscaleCheckChar } from "~/utils/tax-codes";

/** The sample's rows with a codice fiscale of their own (the template's are refused as examples). */
const ownTaxCode = (first15: string) => first15 + personCodiceFiscaleCheckChar(first15);

describe("CSV parser", () => {
  it("handles quotes, doubled quotes, separators inside quotes, CRLF, BOM and blank lines", () => {
    expect(parseCsv('\uFEFFa;b;c\r\n"x;y";"di ""Rosa""";\r\n\r\n1;2;3')).toEqual([
      ["a", "b", "c"],
      ["x;y", 'di "Rosa"', ""],
      ["1", "2", "3"],
    ]);
  });

  it("detects the comma separator and multi-line quoted fields", () => {
    expect(parseCsv('a,b\n"riga\nsu due",2\n')).toEqual([
      ["a", "b"],
      ["riga\nsu due", "2"],
    ]);
  });

  it("refuses an unclosed quote, missing or unknown columns, an empty file", () => {
    expect(() => parseCsv('a;b\n"aperta;1')).toThrow(CsvFormatError);
    expect(() => csvRecords("nome;cognome\nA;B")).toThrow(/Mancano le colonne obbligatorie: codice_fiscale/);
    expect(() => csvRecords(SAMPLE_CSV.replace("codice_fiscale;", "codice_fiscale;colore;"))).toThrow(/Colonne sconosciute: colore/);
    expect(() => csvRecords("")).toThrow(/vuoto/);
  });
});

describe("CSV rows", () => {
  const records = csvRecords(
    SAMPLE_CSV.replace("MRTFNC01S41F205N", ownTaxCode("VRDGLI01S41F205")).replace("BRBTMS75R20D969A", ownTaxCode("BNCLCU75R20D969")),
  );

  it("the documented sample is valid, and maps lists, yes/no and dates", () => {
    expect(records.map((r) => r.line)).toEqual([2, 3]);
    const first = validateCsvRecord(records[0]);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.input).toMatchObject({
      birthDate: "2001-11-01",
      shifts: true,
      ownVehicle: false,
      consent: true,
      licences: [{ code: "02", category: null }],
    });
    expect(first.input.languages).toEqual([
      { code: "001", level: "B1" },
      { code: "SPA", level: "A2" },
    ]);
    expect(first.input.preferences.map((p) => [p.occupation, p.source])).toEqual([
      ["5.1.2.2.0", "work"],
      ["4.3.1.2.0", "training"],
    ]);
    expect(first.input.itSkills).toEqual([{ skill: "Excel", level: "intermediate" }]);
    const second = validateCsvRecord(records[1]);
    expect(second.ok && second.input.licences).toEqual([
      { code: "02", category: null },
      { code: "03", category: "C" },
      { code: "05", category: "CE" },
    ]);
    expect(second.ok && second.input.certificates.map((c) => c.name)).toContain("CQC merci");
    expect(second.ok && second.input.certificates.at(-1)).toEqual({
      name: "Conduzione caldaie",
      expiresOn: undefined,
      patentinoCode: "07",
      alboCode: null,
    });
    const unlisted = validateCsvRecord({ ...records[1], values: { ...records[1].values, certificati: "HACCP|albo:9999" } });
    expect(!unlisted.ok && unlisted.errors.map((e) => [e.column, e.message])).toEqual([
      ["certificati", "Scegli il patentino o l'albo dall'elenco ministeriale"],
    ]);
  });

  it("accepts the values of files written before the national codes, converted: ISO languages, EU categories, CQC and CAP", () => {
    const old = validateCsvRecord({
      ...records[1],
      values: {
        ...records[1].values,
        madrelingua: "ro|IT",
        lingue: "en:B1|wu:A2",
        patenti: "B|c|CE|CQC_MERCI|kb",
        certificati: "Carrellista",
      },
    });
    expect(old.ok).toBe(true);
    if (!old.ok) return;
    expect(old.input.motherTongues).toEqual([{ code: "RUM" }, { code: "003" }]);
    expect(old.input.languages).toEqual([
      { code: "001", level: "B1" },
      { code: "WU", level: "A2" },
    ]);
    expect(old.input.licences).toEqual([
      { code: "02", category: "B" },
      { code: "03", category: "C" },
      { code: "05", category: "CE" },
    ]);
    expect(old.input.certificates.map((c) => c.name)).toEqual([
      "Carrellista",
      "CQC merci (carta di qualificazione del conducente)",
      "CAP KB (certificato di abilitazione professionale)",
    ]);
    const unknown = validateCsvRecord({ ...records[1], values: { ...records[1].values, madrelingua: "tl", lingue: "" } });
    expect(!unknown.ok && unknown.errors.map((e) => [e.column, e.message])).toEqual([["madrelingua", "Scegli la madrelingua dall'elenco"]]);
  });

  it("reports every problem of a bad row with the CSV column to fix", () => {
    const bad = {
      ...records[0],
      values: {
        ...records[0].values,
        codice_fiscale: "RSSMRA85M01F205X",
        livello_eqf: "9",
        propensione_1_fonte: "hobby",
        patenti: "Z",
        lingue: "en:D1",
      },
    };
    const result = validateCsvRecord(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byColumn = Object.fromEntries(result.errors.map((e) => [e.column, e.message]));
    expect(byColumn.codice_fiscale).toMatch(/carattere di controllo/);
    expect(byColumn.livello_eqf).toMatch(/EQF/);
    expect(byColumn.propensione_1_fonte).toMatch(/provenienza|propensione/i);
    expect(byColumn.patenti).toMatch(/Categoria non riconosciuta/);
    expect(byColumn.lingue).toMatch(/livello/i);
    expect(result.errors.every((e) => e.line === 2)).toBe(true);
  });

  it("maps form paths back to columns and dates from Italian format", () => {
    expect(csvColumnFor("preferences.2.lastJobYear")).toBe("propensione_3_ultimo_anno");
    expect(csvColumnFor("education.0.studyLevel")).toBe("livello_studio");
    expect(csvColumnFor("education.0.studyTitle")).toBe("codice_titolo_studio");
    expect(csvColumnFor("taxCode")).toBe("codice_fiscale");
    expect(csvDate("1/2/1990")).toBe("1990-02-01");
    expect(csvDate("1990-02-01")).toBe("1990-02-01");
  });

  it("writes a quoted error report that spreadsheets cannot execute", () => {
    const out = errorReportCsv([{ line: 3, taxCode: "X", column: "nome", message: '=HYPERLINK("x")' }]);
    expect(out).toContain('"3";"X";"nome";"\'=HYPERLINK(""x"")"');
    expect(out.startsWith("\uFEFF")).toBe(true);
  });

  it("«forse» in a yes/no column is an error, not «no»; empty is «no»", () => {
    const values = {
      ...records[0].values,
      turni: "forse",
      weekend: "",
      mezzo_proprio: "NO",
      disponibile_trasferimento: "Sì",
      consenso_visibilita: "boh",
    };
    const result = validateCsvRecord({ ...records[0], values });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.column, e.message])).toEqual([
      ["turni", "Valore «forse» non valido: scrivi «sì» oppure «no» (vuoto vale «no»)"],
      ["consenso_visibilita", "Valore «boh» non valido: scrivi «sì» oppure «no» (vuoto vale «no»)"],
    ]);
    const fine = validateCsvRecord({ ...records[0], values: { ...values, turni: "no", consenso_visibilita: "" } });
    expect(
      fine.ok && [fine.input.shifts, fine.input.weekends, fine.input.ownVehicle, fine.input.willingToRelocate, fine.input.consent],
    ).toEqual([false, false, false, true, false]);
  });

  it("reports yes/no and schema problems of one row together", () => {
    const result = validateCsvRecord({ ...records[0], values: { ...records[0].values, turni: "forse", livello_eqf: "9", patenti: "Z" } });
    expect(!result.ok && result.errors.map((e) => e.column).sort()).toEqual(["livello_eqf", "patenti", "turni"]);
  });

  it("takes the ministerial level and title; an older file's livello_eqf is converted as the stored CVs were", () => {
    const study = (values: Record<string, string>) => {
      const r = validateCsvRecord({
        ...records[0],
        values: { ...records[0].values, livello_studio: "", codice_titolo_studio: "", ...values },
      });
      return r.ok ? r.input.education[0] : r.errors.map((e) => `${e.column}: ${e.message}`);
    };
    expect(study({ livello_studio: "7", codice_titolo_studio: "74000000" })).toMatchObject({ studyLevel: 7, studyTitle: "74000000" });
    expect(study({ livello_eqf: "4" })).toMatchObject({ studyLevel: 4, studyTitle: null });
    expect(study({ livello_eqf: "6", titolo_studio: "Laurea in economia" })).toMatchObject({ studyLevel: 7, studyTitle: "71000000" });
    expect(study({ livello_eqf: "7", titolo_studio: "Master di II livello in HR" })).toMatchObject({ studyLevel: 10, studyTitle: null });
    expect(study({ livello_eqf: "1", titolo_studio: "Licenza elementare" })).toMatchObject({ studyLevel: 1 });
    // Both given: the level counts, and the EQF must agree with it (EQF 2 is the licenza media).
    expect(study({ livello_studio: "2", livello_eqf: "2" })).toMatchObject({ studyLevel: 2 });
    expect(study({ livello_studio: "4", livello_eqf: "6" })).toEqual([
      "livello_eqf: Il livello EQF 6 non corrisponde al livello di studio 4 (EQF 4): correggi uno dei due o lascia vuoto livello_eqf",
    ]);
    expect(study({ livello_eqf: "0" })).toEqual(["livello_eqf: Livello EQF «0» non valido: da 1 a 8 (oppure usa livello_studio)"]);
    expect(study({})).toEqual(["livello_studio: Scegli il livello del titolo di studio"]);
    expect(study({ livello_studio: "4", codice_titolo_studio: "4020" })).toEqual([
      "codice_titolo_studio: Scegli il titolo di studio dall'elenco ministeriale (codice di 8 cifre)",
    ]);
  });

  it("a file needs livello_studio or, written for the older template, livello_eqf", () => {
    const [head, ...rest] = SAMPLE_CSV.split("\r\n");
    const without = (columns: string[]) =>
      [
        head
          .split(";")
          .filter((c) => !columns.includes(c))
          .join(";"),
        ...rest,
      ].join("\r\n");
    expect(() => csvRecords(without(["livello_studio", "livello_eqf"]))).toThrow(
      /Mancano le colonne obbligatorie: livello_studio \(o livello_eqf\)/,
    );
    expect(() => csvRecords(SAMPLE_CSV)).not.toThrow();
  });

  it("refuses the template's example rows with a clear message, whatever else they hold", () => {
    for (const record of csvRecords(SAMPLE_CSV)) {
      const result = validateCsvRecord(record);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.errors).toEqual([
        expect.objectContaining({ column: "codice_fiscale", message: expect.stringMatching(/^Riga di esempio del modello: cancellala/) }),
      ]);
    }
  });
});

describe("CSV line numbers", () => {
  // The sample with own codici fiscali, split into its header and two data lines (CRLF, BOM in front).
  const [header, good, other] = SAMPLE_CSV.replace("MRTFNC01S41F205N", ownTaxCode("VRDGLI01S41F205"))
    .replace("BRBTMS75R20D969A", ownTaxCode("BNCLCU75R20D969"))
    .trimEnd()
    .split("\r\n");
  const bad = other.replace(/;3;;;CFP Genova;/, ";13;;;CFP Genova;"); // livello_studio 13: refused
  const errorLines = (text: string) =>
    csvRecords(text).flatMap((r) => {
      const result = validateCsvRecord(r);
      return result.ok ? [] : result.errors.map((e) => e.line);
    });

  it("a bad row after a blank line is reported on its own line of the file", () => {
    // 1 header, 2 good row, 3 blank, 4 bad row
    expect(csvRecords([header, good, "", bad].join("\r\n")).map((r) => r.line)).toEqual([2, 4]);
    expect(errorLines([header, good, "", bad].join("\r\n"))).toEqual([4]);
    // blank lines made of separators or spaces count as lines too
    expect(errorLines([header, "", ";;", good, "  ", bad].join("\n"))).toEqual([6]);
  });

  it("a bad row after a cell written on several lines is reported on its own line of the file", () => {
    const multiLine = good.replace("Corso gestione magazzino 2024", '"Corso gestione magazzino\r\n2024,\r\nsecondo modulo"');
    // 1 header, 2–4 the row with a three-line note, 5 bad row
    expect(csvRecords([header, multiLine, bad].join("\r\n")).map((r) => r.line)).toEqual([2, 5]);
    expect(errorLines([header, multiLine, bad].join("\r\n"))).toEqual([5]);
  });

  it("an unclosed quote names the line where the cell opens", () => {
    expect(() => csvRecords([header, good, "", bad.replace(";Qualifica", ';"Qualifica'), good].join("\n"))).toThrow(/riga 4/);
  });
});
