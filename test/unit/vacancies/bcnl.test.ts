import { describe, expect, it } from "vitest";
import { validateNationalXml } from "~/documents/xsd.server";
import { bcnlGaps, buildBcnlVacancy, type BcnlInput, type BcnlMessage } from "~/domain/vacancies/bcnl";
import { italianDateTime } from "~/utils/dates";
import { nextBcnlMessage, xsdProblemToItalian, type BcnlMessageRow } from "~/domain/vacancies/bcnl.server";
import { publicVacancy } from "./fixtures";

function input(overrides: Partial<BcnlInput["vacancy"]> = {}, rest: Partial<BcnlInput> = {}): BcnlInput {
  return {
    vacancy: { ...publicVacancy(overrides), outcome: null },
    employer: {
      taxCode: "01234567897",
      name: "Panificio Lombardo S.r.l.",
      sector: "10.71.10",
      ampiezza: null,
      address: "Via Padova 120",
      comuneBelfiore: "F205",
      phone: "02 555 1234",
      email: "azienda@rosa.demo",
    },
    workplaceBelfiore: "I577",
    cp2011: "6.5.1.2.1.0",
    ccnlCode: null,
    intermediary: { name: "Centro per l'Impiego", email: null },
    ...rest,
  };
}
const invio: BcnlMessage = { kind: "invio", code: "1000026211000000001042000", previousCode: null };

/** The text of every element with this local name, in document order. */
const values = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name.replace(".", "\\.")}>([^<]*)</`, "g"))].map((m) => m[1]);

describe("ClicLavoro vacancy document", () => {
  it("validates against ricerca_personale_rev064.xsd, with namespace, order and dateTime", async () => {
    const xml = buildBcnlVacancy(input(), invio);
    expect(await validateNationalXml("cliclavoroVacancy", xml)).toEqual({ valid: true });
    expect(xml).toContain('<Vacancy xmlns="http://servizi.lavoro.gov.it/vacancy">');
    const order = ["<DatoreLavoro>", "<Richiesta>", "<AltreInformazioni>", "<DatiSistema>"].map((t) => xml.indexOf(t));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(values(xml, "datapubblicazione")).toEqual(["2026-11-20T10:00:00"]);
    expect(values(xml, "datascadenza")).toEqual(["2026-12-20"]);
    expect(values(xml, "codiceofferta")).toEqual(["1000026211000000001042000"]);
    expect(values(xml, "tipoofferta")).toEqual(["01"]);
    expect(values(xml, "N.O.")).toEqual(["NO"]);
  });

  it("writes the ClicLavoro codes: contract, working time, title of study, languages, licences, CP2011, CCNL", () => {
    const xml = buildBcnlVacancy(input({}, { ccnlCode: "176" }), invio);
    expect(values(xml, "idtipologiacontratto")).toEqual(["A01"]);
    expect(values(xml, "idmodalitalavoro")).toEqual(["FT"]);
    expect(values(xml, "idtitolostudio")).toEqual(["30"]);
    expect(values(xml, "idlingua")).toEqual(["001"]);
    expect(values(xml, "idlivelloletto")).toEqual(["A2"]);
    expect(values(xml, "idlivelloscritto")).toEqual(["A2"]);
    expect(values(xml, "idlivelloparlato")).toEqual(["A2"]);
    expect(values(xml, "idpatenteguida")).toEqual(["02"]);
    expect(values(xml, "idprofessione")).toEqual(["6.5.1.2.1.0"]);
    expect(values(xml, "settore")).toEqual(["10.71.10"]);
    expect(values(xml, "telefono")).toEqual(["025551234"]);
    // The CO code of the CCNL as idccnl; the vacancy's note on it (the level) travels as text.
    expect(values(xml, "idccnl")).toEqual(["176"]);
    expect(values(xml, "ulterioricondizioni")[0]).toContain("CCNL: livello A3");
  });

  it("sends a CCNL that is not a CO code as text, never as idccnl", () => {
    const xml = buildBcnlVacancy(input({ ccnl: "Alimentari artigianato", ccnlNote: null }), invio);
    expect(values(xml, "idccnl")).toEqual([]);
    expect(values(xml, "ulterioricondizioni")[0]).toContain("CCNL: Alimentari artigianato");
  });

  it("puts licences without a national code (forklift, CQC) in the free requirements, never as a driving licence", async () => {
    const base = publicVacancy();
    const requirements = [
      ...base.requirements.filter((r) => r.kind !== "licence"),
      { ...base.requirements[0]!, position: 9, kind: "licence" as const, years: null, licenceCategory: "Muletto" },
      { ...base.requirements[0]!, position: 10, kind: "licence" as const, years: null, licenceCategory: "C" },
    ];
    const xml = buildBcnlVacancy(input({ requirements }), invio);
    expect(values(xml, "idpatenteguida")).toEqual(["03"]);
    expect(values(xml, "ulteriorirequisiti")[0]).toContain("Muletto");
    expect(await validateNationalXml("cliclavoroVacancy", xml)).toEqual({ valid: true });
  });

  it("reads the official-code fields when the vacancy has them (level of study, mother tongue, patentini, registers, engagement)", async () => {
    const base = publicVacancy();
    const r0 = { ...base.requirements[0]!, years: null };
    const requirements = [
      { ...r0, position: 1, kind: "education" as const, educationLevel: null, studyLevel: 9, studyTitle: null },
      { ...r0, position: 2, kind: "language" as const, languageCode: "005", cefrLevel: "C2", nativeSpeaker: true },
      { ...r0, position: 3, kind: "licence" as const, licenceCode: "04", licenceCategory: "D" },
      { ...r0, position: 4, kind: "certificate" as const, patentinoCode: "09", description: "Impianti elevatori" },
      { ...r0, position: 5, kind: "certificate" as const, alboCode: "0012", description: "Albo" },
    ];
    const xml = buildBcnlVacancy(
      input({
        requirements,
        contractType: null as unknown as string,
        engagement: "self_employed",
        workingTimeCode: "V",
        ccnlNote: "livello 3",
      } as never),
      invio,
    );
    expect(values(xml, "idtitolostudio")).toEqual(["81"]);
    expect(values(xml, "idlingua")).toEqual(["005"]);
    expect(values(xml, "idlivelloletto")).toEqual([]);
    expect(values(xml, "idpatenteguida")).toEqual(["04"]);
    expect(values(xml, "idpatentino")).toEqual(["09"]);
    expect(values(xml, "idalbo")).toEqual(["0012"]);
    expect(values(xml, "idtipologiacontratto")).toEqual(["A05"]);
    expect(values(xml, "idmodalitalavoro")).toEqual(["PT"]);
    expect(values(xml, "ulterioricondizioni")[0]).toContain("CCNL: livello 3");
    expect(await validateNationalXml("cliclavoroVacancy", xml)).toEqual({ valid: true });
  });

  it("writes the closing and the update messages, valid too", async () => {
    const closing = buildBcnlVacancy(input({ status: "closed" }, {}), {
      kind: "chiusura",
      code: "1000026212000000001042001",
      previousCode: invio.code,
    });
    expect(values(closing, "tipoofferta")).toEqual(["02"]);
    expect(values(closing, "codiceoffertaprecedente")).toEqual([invio.code]);
    expect(await validateNationalXml("cliclavoroVacancy", closing)).toEqual({ valid: true });
    const cancelled = { ...input(), vacancy: { ...input().vacancy, outcome: "cancelled" as const } };
    expect(values(buildBcnlVacancy(cancelled, { kind: "chiusura", code: "1".repeat(25), previousCode: null }), "motivochiusura")).toEqual([
      "03",
    ]);
    const update = buildBcnlVacancy(input(), { kind: "aggiornamento", code: "1000026211000000001042001", previousCode: invio.code });
    expect(values(update, "tipoofferta")).toEqual(["01"]);
    expect(await validateNationalXml("cliclavoroVacancy", update)).toEqual({ valid: true });
  });

  it("keeps within the schema's limits and escapes text", async () => {
    const xml = buildBcnlVacancy(
      input({
        title: "x".repeat(400),
        description: "Pane & <focacce> ".repeat(500),
        positions: 150,
        payPeriod: "year",
        payMin: 24000,
        payMax: 28001,
      }),
      invio,
    );
    expect(values(xml, "numerolavoratori")).toEqual(["99"]);
    expect(values(xml, "retribuzioneannualorda")).toEqual(["26000"]);
    expect(xml).toContain("Pane &amp; &lt;focacce&gt;");
    expect(await validateNationalXml("cliclavoroVacancy", xml)).toEqual({ valid: true });
  });

  it("marks anonymous vacancies as not visible", () => {
    expect(values(buildBcnlVacancy(input({ publicationMode: "anonymous" }), invio), "visibilita")).toEqual(["NO"]);
    expect(values(buildBcnlVacancy(input(), invio), "visibilita")).toEqual(["SI"]);
  });

  it("names, in Italian, what a document cannot go without", () => {
    const gaps = bcnlGaps(input({}, { cp2011: null, employer: { ...input().employer, sector: null } }));
    expect(gaps.map((g) => [g.element, g.fix])).toEqual([
      ["idprofessione", "cp2011"],
      ["settore", "employer"],
    ]);
    expect(gaps[0]!.message).toContain("CP2011");
    expect(bcnlGaps(input())).toEqual([]);
  });

  it("turns libxml2's messages into the form's words", () => {
    const pattern = xsdProblemToItalian(
      "Element '{http://servizi.lavoro.gov.it/vacancy}settore': [facet 'pattern'] The value '10' is not accepted by the pattern '\\d{2}\\.\\d{2}\\.\\d{2}'.",
    );
    expect(pattern).toEqual({
      element: "settore",
      message: "Il dato «settore ATECO dell'azienda» («10») non è accettato da ClicLavoro.",
      fix: "employer",
    });
    const missing = xsdProblemToItalian(
      "Element '{http://servizi.lavoro.gov.it/vacancy}ProfiloRichiesto': Missing child element(s). Expected is ( {http://servizi.lavoro.gov.it/vacancy}idprofessione ).",
    );
    expect(missing.message).toBe("Manca il dato «qualifica CP2011», obbligatorio per ClicLavoro.");
    expect(missing.fix).toBe("cp2011");
  });

  it("gives local Italian time for the publication dateTime, summer and winter", () => {
    expect(italianDateTime("2026-07-01T08:30:00.000Z")).toBe("2026-07-01T10:30:00");
    expect(italianDateTime("2026-01-01T08:30:00.000Z")).toBe("2026-01-01T09:30:00");
  });
});

describe("which ClicLavoro message a vacancy gets", () => {
  const v = { status: "published" as const, number: 1042, published_at: new Date("2026-11-20T09:00:00Z") };
  const row = (revision: number, kind: BcnlMessageRow["kind"], code: string, hash = "a"): BcnlMessageRow => ({
    revision,
    kind,
    code,
    previous_code: null,
    content_hash: hash,
    created_at: new Date(),
  });

  it("first an «invio», the same again while nothing changes, then an «aggiornamento» pointing at it", () => {
    const first = nextBcnlMessage(v, "10", "a", []);
    expect(first).toEqual({ kind: "invio", code: "1000026211000000001042000", previousCode: null, revision: 0, isNew: true });
    const sent = [row(0, "invio", "1000026211000000001042000")];
    expect(nextBcnlMessage(v, "10", "a", sent)).toMatchObject({ code: "1000026211000000001042000", isNew: false });
    expect(nextBcnlMessage(v, "10", "b", sent)).toEqual({
      kind: "aggiornamento",
      code: "1000026211000000001042001",
      previousCode: "1000026211000000001042000",
      revision: 1,
      isNew: true,
    });
  });

  it("a closed vacancy gets a «chiusura» after what was sent, and nothing if it was never sent", () => {
    const closed = { ...v, status: "closed" as const };
    expect(nextBcnlMessage(closed, "10", "a", [row(0, "invio", "1000026211000000001042000")])).toMatchObject({
      kind: "chiusura",
      code: "1000026212000000001042001",
      previousCode: "1000026211000000001042000",
    });
    expect(nextBcnlMessage(closed, "10", "a", [])).toHaveProperty("refused");
  });
});
