import { describe, expect, it } from "vitest";
import { buildBcnlVacancy, toXml, type BcnlInput } from "~/domain/vacancies/bcnl";
import { publicVacancy } from "./fixtures";

/**
 * The ClicLavoro/BCNL vacancy fields as listed in docs/legal/national-systems.md#bcnl
 * (copied here on purpose: the test checks the builder against the list, not against itself).
 */
const FIELD_LIST: Record<string, string[]> = {
  "Vacancy/DatiSistema": [
    "codiceofferta",
    "codiceoffertaintermediario",
    "codiceoffertaprecedente",
    "codicefiscaleintermediario",
    "intermediario",
    "denominazioneintermediario",
    "indirizzo",
    "idcomune",
    "cap",
    "telefono",
    "fax",
    "email",
    "visibilita",
    "motivochiusura",
    "tipoofferta",
  ],
  "Vacancy/DatoreLavoro/DatiAnagrafici": ["codicefiscale", "denominazione", "settore", "ampiezza", "web"],
  "Vacancy/DatoreLavoro/DatiContatto": ["indirizzo", "idcomune", "cap", "telefono", "fax", "email"],
  "Vacancy/Richiesta/ProfiloRichiesto": [
    "numerolavoratori",
    "idprofessione",
    "descrprofessione",
    "descrizionericerca",
    "esperienzarichiesta",
    "descrizioneesperienza",
  ],
  "Vacancy/Richiesta/IstruzioneFormazione": [
    "titolostudio",
    "lingua",
    "conoscenzeinformatiche",
    "altrecapacita",
    "idalbo",
    "idpatenteguida",
    "idpatentino",
    "idmezzitrasporto",
    "trasferte",
    "ulteriorirequisiti",
  ],
  "Vacancy/Richiesta/IstruzioneFormazione/titolostudio": ["idtitolostudio", "descrizionestudio"],
  "Vacancy/Richiesta/IstruzioneFormazione/lingua": ["idlingua", "idlivelloletto", "idlivelloscritto", "idlivelloparlato"],
  "Vacancy/Richiesta/CondizioniOfferte": [
    "idtipologiacontratto",
    "idmodalitalavoro",
    "idccnl",
    "idlivellocontrattuale",
    "retribuzioneannualorda",
    "durata",
    "idcomune",
    "ulterioricondizioni",
  ],
  "Vacancy/Richiesta/DurataRichiesta": ["datapubblicazione", "datascadenza"],
  Vacancy: ["DatiSistema", "DatoreLavoro", "Richiesta", "AltreInformazioni"],
  "Vacancy/DatoreLavoro": ["DatiAnagrafici", "DatiContatto"],
  "Vacancy/Richiesta": ["ProfiloRichiesto", "IstruzioneFormazione", "CondizioniOfferte", "DurataRichiesta"],
};
const REQUIRED = [
  "Vacancy/DatiSistema/codiceofferta",
  "Vacancy/DatoreLavoro/DatiAnagrafici/codicefiscale",
  "Vacancy/DatoreLavoro/DatiAnagrafici/denominazione",
  "Vacancy/Richiesta/ProfiloRichiesto/numerolavoratori",
  "Vacancy/Richiesta/ProfiloRichiesto/idprofessione",
  "Vacancy/Richiesta/ProfiloRichiesto/descrprofessione",
  "Vacancy/Richiesta/ProfiloRichiesto/descrizionericerca",
  "Vacancy/Richiesta/CondizioniOfferte/idtipologiacontratto",
  "Vacancy/Richiesta/CondizioniOfferte/idcomune",
  "Vacancy/Richiesta/DurataRichiesta/datapubblicazione",
  "Vacancy/Richiesta/DurataRichiesta/datascadenza",
];

function input(overrides: Partial<BcnlInput["vacancy"]> = {}): BcnlInput {
  return {
    vacancy: { ...publicVacancy(overrides), outcome: null },
    employer: {
      taxCode: "01234567897",
      name: "Panificio Lombardo S.r.l.",
      atecoCode: "10",
      headcountBand: "15-35",
      address: "Via Padova 120",
      comuneBelfiore: "F205",
      phone: "02 555",
      email: "azienda@rosa.demo",
    },
    workplaceBelfiore: "I577",
    intermediary: { name: "Centro per l'Impiego", taxCode: null, email: null },
  };
}

/** Every element path with a text value, e.g. "Vacancy/Richiesta/ProfiloRichiesto/idprofessione". */
function leafPaths(xml: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([A-Za-z]+)>([^<]*)(<\/\2>)?/g)) {
    const [, closing, name, text, selfClose] = m;
    if (closing) stack.pop();
    else if (selfClose) {
      const path = [...stack, name].join("/");
      out.set(path, [...(out.get(path) ?? []), text]);
    } else stack.push(name);
  }
  return out;
}

describe("BCNL vacancy export", () => {
  const xml = toXml(buildBcnlVacancy(input()));
  const leaves = leafPaths(xml);

  it("uses only elements of the field list, each under its parent", () => {
    for (const path of leaves.keys()) {
      const parts = path.split("/");
      for (let i = 1; i < parts.length; i++) {
        const parent = parts.slice(0, i).join("/");
        if (parent === "Vacancy" && parts[i] === "AltreInformazioni") continue;
        expect(FIELD_LIST[parent], `unknown parent ${parent}`).toBeDefined();
        expect(FIELD_LIST[parent], path).toContain(parts[i]);
      }
    }
  });

  it("fills the fields a vacancy cannot go without", () => {
    for (const path of REQUIRED) expect(leaves.get(path)?.[0], path).toBeTruthy();
    expect(leaves.get("Vacancy/Richiesta/ProfiloRichiesto/idprofessione")).toEqual(["6.5.1.2.1"]);
    expect(leaves.get("Vacancy/Richiesta/CondizioniOfferte/idcomune")).toEqual(["I577"]);
    expect(leaves.get("Vacancy/DatiSistema/visibilita")).toEqual(["SI"]);
    expect(leaves.get("Vacancy/Richiesta/ProfiloRichiesto/esperienzarichiesta")).toEqual(["SI"]);
    expect(leaves.get("Vacancy/Richiesta/IstruzioneFormazione/idpatenteguida")).toEqual(["02"]);
    expect(leaves.get("Vacancy/Richiesta/IstruzioneFormazione/lingua/idlingua")).toEqual(["001"]);
    expect(leaves.get("Vacancy/AltreInformazioni")).toEqual(["NO"]);
  });

  it("respects the limits of the standard", () => {
    const long = toXml(buildBcnlVacancy(input({ title: "x".repeat(400), description: "y".repeat(6000), positions: 99 })));
    const l = leafPaths(long);
    expect(l.get("Vacancy/Richiesta/ProfiloRichiesto/descrprofessione")![0].length).toBeLessThanOrEqual(250);
    expect(l.get("Vacancy/Richiesta/ProfiloRichiesto/descrizionericerca")![0].length).toBeLessThanOrEqual(5000);
    expect(Number(l.get("Vacancy/Richiesta/ProfiloRichiesto/numerolavoratori")![0])).toBeLessThanOrEqual(99);
  });

  it("marks anonymous vacancies as not visible and escapes text", () => {
    const anon = leafPaths(toXml(buildBcnlVacancy(input({ publicationMode: "anonymous", description: "Pane & <focacce>" }))));
    expect(anon.get("Vacancy/DatiSistema/visibilita")).toEqual(["NO"]);
    expect(anon.get("Vacancy/Richiesta/ProfiloRichiesto/descrizionericerca")![0]).toContain("Pane &amp; &lt;focacce&gt;");
  });
});
