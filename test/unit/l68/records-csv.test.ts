import { describe, expect, it } from "vitest";
import { type RecordCsvRow, RECORDS_CSV_HEADER, recordsCsv } from "~/domain/l68/records/records-csv";

const base: Omit<RecordCsvRow, "kind" | "details"> = {
  legal_name: "Logistica Emiliana S.p.A.",
  tax_code: "01234567890",
  status: "submitted",
  province_code: "BO",
  starts_on: "2026-04-01",
  ends_on: "2027-03-31",
  decision_note: null,
  documents: 1,
  filed_on: "2026-03-01",
  decided_on: null,
};

/** The CSV as rows of cells (no quoted ";" in these fixtures except where a test says so). */
const parse = (csv: string) =>
  csv
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n")
    .map((line) => line.split(";"));

const cellsOf = (row: RecordCsvRow) => {
  const [header, cells] = parse(recordsCsv([row]));
  return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
};

describe("records CSV (the employer's file records, exportable: docs/architecture.md#service-s)", () => {
  it("has a BOM, a header and one CRLF-terminated row per record", () => {
    const csv = recordsCsv([
      { ...base, kind: "richiesta_numerica", details: { units: 1, qualification: "Magazziniere" } },
      { ...base, kind: "convenzione_art12bis", details: { workers: 2, destinationBody: "Cooperativa Il Ponte" } },
    ]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    const rows = parse(csv);
    expect(rows[0]).toEqual(RECORDS_CSV_HEADER);
    expect(rows).toHaveLength(3);
    expect(recordsCsv([])).toBe(`\uFEFF${RECORDS_CSV_HEADER.join(";")}\r\n`);
  });

  it("an exemption: granted percentage, units exempted, contribution with a decimal comma", () => {
    const row = cellsOf({
      ...base,
      kind: "esonero",
      status: "approved",
      decided_on: "2026-03-10",
      decision_note: "Autorizzato",
      details: {
        percent: 50,
        requestedPercent: 60,
        weekDays: 5,
        reason: "Movimentazione di carichi pesanti",
        contribution: { periods: [{ exemptedUnits: 2 }, { exemptedUnits: 3 }], totalAmount: "24859.14" },
        notes: "",
      },
    });
    expect(row).toMatchObject({
      Pratica: "Esonero parziale (art. 5 c. 3)",
      Stato: "Accolta",
      Percentuale: "50",
      Unità: "3",
      "Contributo stimato (€)": "24859,14",
      Dettagli: "percentuale richiesta 60%, settimana di 5 giorni, condizioni dell'attività: Movimentazione di carichi pesanti",
      "Nota del collocamento mirato": "Autorizzato",
      "Decisa il": "2026-03-10",
    });
  });

  it("an art. 11 convention: the hiring schedule and its total units", () => {
    const row = cellsOf({
      ...base,
      kind: "convenzione_art11",
      details: {
        schedule: [
          { date: "2026-06-01", units: 1 },
          { date: "2026-12-01", units: 2 },
        ],
        notes: "Tirocinio di 3 mesi",
      },
    });
    expect(row).toMatchObject({
      Pratica: "Convenzione art. 11",
      Unità: "3",
      "Programma di assunzioni": "2026-06-01: 1, 2026-12-01: 2",
      Dettagli: "note: Tirocinio di 3 mesi",
      Fine: "2027-03-31",
    });
  });

  it("a referral request, a self-certification and a suspension", () => {
    expect(
      cellsOf({
        ...base,
        kind: "richiesta_nominativa",
        ends_on: null,
        details: { units: 1, qualification: "Addetto vendite", candidateName: "Davide Russo" },
      }),
    ).toMatchObject({
      Unità: "1",
      Dettagli: "qualifica: Addetto vendite, persona indicata: Davide Russo",
      Fine: "",
    });
    expect(
      cellsOf({
        ...base,
        kind: "autocertificazione_60",
        details: { workers60: 30, inailRate: 62.5, positions: 2, weekDays: 6, contribution: { totalAmount: "1000.00" } },
      }),
    ).toMatchObject({
      Unità: "2",
      "Contributo stimato (€)": "1000,00",
      Dettagli: "30 lavoratori con tasso INAIL 62,5 per mille, settimana di 6 giorni",
    });
    expect(cellsOf({ ...base, kind: "sospensione", details: { suspensionType: "cigs", suspendedPercent: 37.5 } })).toMatchObject({
      Percentuale: "37,5",
      Dettagli: "CIGS per crisi, riorganizzazione o ristrutturazione (anche in deroga)",
    });
    expect(cellsOf({ ...base, kind: "sospensione", details: { suspensionType: "licenziamento_collettivo", dismissals: 6 } })).toMatchObject(
      {
        Percentuale: "100",
        Dettagli: "Procedura di licenziamento collettivo (artt. 4 e 24 L. 223/1991), licenziamenti al termine della procedura: 6",
      },
    );
  });

  it("quotes separators and neutralises formulas typed by users", () => {
    const csv = recordsCsv([
      { ...base, kind: "richiesta_numerica", details: { units: 1, qualification: '=HYPERLINK("x")', notes: "a; b" } },
    ]);
    expect(csv).toContain(`"qualifica: =HYPERLINK(""x""), note: a; b"`);
    const injected = recordsCsv([{ ...base, legal_name: "=cmd|' /C calc'!A0", kind: "richiesta_numerica", details: {} }]);
    expect(injected).toContain("'=cmd|' /C calc'!A0");
  });
});
