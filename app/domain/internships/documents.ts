/**
 * The content of the internship documents Rosa generates — convenzione, progetto formativo individuale (PFI) and its
 * addendum — as a list of blocks (docs/decisions/tirocini.md#convenzioni-pfi-firme-e-co). Pure: the same content is
 * drawn as a PDF (documents-pdf.server.ts) and hashed (SHA-256 of its JSON) to freeze what the parties sign; it holds
 * no date of printing and no state, so the hash changes only when what is signed changes.
 */
import { formatDate, formatMoney } from "~/utils/format";
import { plural } from "~/utils/plural";

export type DocBlock =
  | { kind: "heading"; text: string; level: 1 | 2 | 3 }
  | { kind: "text"; text: string; bold?: boolean }
  | { kind: "keyValue"; rows: [string, string][] }
  | { kind: "signatures"; parties: string[] };

export interface DocumentContent {
  /** The document's title (also the PDF's title). */
  title: string;
  blocks: DocBlock[];
}

export interface PromoterData {
  name: string;
  taxCode: string;
  office: string | null;
  kind: string | null;
}

export interface HostData {
  name: string;
  taxCode: string;
  address: string;
  atecoCode: string | null;
  representative: string | null;
}

export interface ConventionData {
  number: number;
  promoter: PromoterData;
  host: HostData;
  validFrom: string | null;
  validTo: string | null;
  inailPosition: string | null;
  rcPolicy: string | null;
  maxInternships: number | null;
}

export interface PfiData {
  number: number;
  convention: { number: number; validFrom: string | null; validTo: string | null } | null;
  promoter: PromoterData;
  promoterTutor: { name: string; email: string | null } | null;
  host: HostData;
  hostTutor: { name: string | null; role: string | null; email: string | null };
  site: { address: string | null; comuneName: string | null };
  trainee: { firstName: string; lastName: string; taxCode: string; birthDate: string; domicile: string | null } | null;
  traineeCategory: string | null;
  internshipType: string | null;
  title: string;
  occupationCode: string;
  occupationTitle: string | null;
  eqfLevel: number | null;
  atecoCode: string | null;
  activities: string;
  objectives: string;
  competences: string;
  weeklyHours: number;
  dailyHours: number;
  plannedMonths: number;
  startDate: string | null;
  endDate: string | null;
  monthlyIndemnityCents: number;
  mealVouchers: boolean;
  inailPosition: string | null;
  rcPolicy: string | null;
}

export interface AddendumData {
  sequence: number;
  previousEndDate: string | null;
  /** The new end of an extension; null for a change that keeps the dates. */
  newEndDate: string | null;
  /** The PFI items a change sets: label, value before, value after. */
  changes?: [string, string, string][];
  addedActivities: string;
  addedCompetences: string;
  reason: string;
}

const dash = (v: string | null | undefined) => (v && v.trim() ? v : "—");
const date = (iso: string | null | undefined) => (iso ? formatDate(iso) : "da definire");
const decimal = (n: number) => String(Number(n.toFixed(2))).replace(".", ",");
const euro = (cents: number) => formatMoney(cents / 100);

function promoterRows(p: PromoterData): [string, string][] {
  return [
    ["Denominazione", p.name],
    ["Codice fiscale", p.taxCode],
    ["Ufficio", dash(p.office)],
  ];
}

function hostRows(h: HostData): [string, string][] {
  return [
    ["Ragione sociale", h.name],
    ["Codice fiscale", h.taxCode],
    ["Sede legale", h.address],
    ["Attività (ATECO)", dash(h.atecoCode)],
    ["Legale rappresentante", dash(h.representative)],
  ];
}

/** The convention between the CPI (promoter) and the host (rules §3.1: parties, obligations, insurance, duration, withdrawal). */
export function conventionContent(c: ConventionData): DocumentContent {
  const title = `Convenzione di tirocinio n. ${c.number}`;
  return {
    title,
    blocks: [
      { kind: "heading", text: title, level: 1 },
      {
        kind: "text",
        text:
          "Convenzione per l'attivazione di tirocini extracurricolari ai sensi dell'Accordo Stato-Regioni del 25 maggio 2017 " +
          "(Linee guida in materia di tirocini formativi e di orientamento) e della disciplina regionale in vigore.",
      },
      { kind: "heading", text: "Soggetto promotore", level: 2 },
      { kind: "keyValue", rows: promoterRows(c.promoter) },
      { kind: "heading", text: "Soggetto ospitante", level: 2 },
      { kind: "keyValue", rows: hostRows(c.host) },
      { kind: "heading", text: "Art. 1 — Oggetto", level: 2 },
      {
        kind: "text",
        text:
          "Il soggetto ospitante si impegna ad accogliere presso le proprie unità operative tirocinanti su proposta del soggetto " +
          "promotore. Per ogni tirocinante è predisposto un progetto formativo individuale, firmato dal soggetto promotore, dal " +
          "soggetto ospitante e dal tirocinante, che costituisce parte integrante della presente convenzione." +
          (c.maxInternships ? ` La convenzione copre al massimo ${plural(c.maxInternships, "tirocinio", "tirocini")}.` : ""),
      },
      { kind: "heading", text: "Art. 2 — Obblighi del soggetto promotore", level: 2 },
      {
        kind: "text",
        text:
          "Il soggetto promotore verifica i requisiti del tirocinante e del soggetto ospitante, predispone il progetto formativo " +
          "con il tutor del soggetto ospitante, nomina il proprio tutor, monitora l'andamento del tirocinio, raccoglie nel dossier " +
          "individuale le evidenze delle attività svolte e rilascia l'attestazione finale.",
      },
      { kind: "heading", text: "Art. 3 — Obblighi del soggetto ospitante", level: 2 },
      {
        kind: "text",
        text:
          "Il soggetto ospitante nomina un tutor tra i propri lavoratori (al massimo tre tirocinanti per tutor), effettua la " +
          "comunicazione obbligatoria UNILAV prima dell'avvio e in caso di proroga o cessazione anticipata, corrisponde " +
          "mensilmente l'indennità di partecipazione prevista dal progetto formativo, applica al tirocinante la disciplina in " +
          "materia di salute e sicurezza (D.Lgs. 81/2008) e rispetta gli orari del progetto formativo. Il soggetto ospitante " +
          "dichiara di non aver effettuato licenziamenti per mansioni equivalenti nei dodici mesi precedenti e di non avere " +
          "in corso sospensioni dal lavoro per le stesse attività nell'unità operativa interessata.",
      },
      { kind: "heading", text: "Art. 4 — Assicurazioni", level: 2 },
      {
        kind: "keyValue",
        rows: [
          ["Posizione INAIL", dash(c.inailPosition)],
          ["Polizza di responsabilità civile", dash(c.rcPolicy)],
        ],
      },
      {
        kind: "text",
        text:
          "Il tirocinante è assicurato contro gli infortuni sul lavoro presso l'INAIL e per la responsabilità civile verso terzi, " +
          "anche per le attività svolte fuori dall'azienda previste dal progetto formativo.",
      },
      { kind: "heading", text: "Art. 5 — Durata e recesso", level: 2 },
      {
        kind: "text",
        text:
          `La presente convenzione è valida dal ${date(c.validFrom)} al ${date(c.validTo)}. Ciascuna parte può recedere con ` +
          "comunicazione scritta in caso di grave inadempienza dell'altra parte; i tirocini in corso proseguono fino alla loro " +
          "conclusione salvo interruzione.",
      },
      { kind: "heading", text: "Firme", level: 2 },
      { kind: "signatures", parties: ["Per il soggetto promotore", "Per il soggetto ospitante"] },
    ],
  };
}

const RIGHTS_AND_DUTIES =
  "Il tirocinante svolge le attività previste dal progetto, rispetta le norme di salute e sicurezza, gli orari e i " +
  "regolamenti aziendali, mantiene la riservatezza sui dati e le informazioni di cui viene a conoscenza e comunica ai tutor " +
  "un'eventuale interruzione. Il tutor del soggetto ospitante affianca il tirocinante, ne cura l'inserimento, firma il " +
  "registro delle presenze e collabora alla valutazione finale. Il tutor del soggetto promotore monitora il tirocinio, " +
  "raccoglie le evidenze nel dossier individuale e predispone l'attestazione finale, rilasciata solo se il tirocinante ha " +
  "frequentato almeno il 70% della durata prevista. Il tirocinio non costituisce rapporto di lavoro.";

/** The PFI (rules §3.2, Allegato 1 of the Accordo): parties, descriptive elements, specifics, rights and duties. */
export function pfiContent(p: PfiData): DocumentContent {
  const title = `Progetto formativo individuale n. ${p.number}`;
  const trainee = p.trainee;
  return {
    title,
    blocks: [
      { kind: "heading", text: title, level: 1 },
      {
        kind: "text",
        text: p.convention
          ? `Allegato alla convenzione di tirocinio n. ${p.convention.number} (valida dal ${date(p.convention.validFrom)} al ${date(p.convention.validTo)}).`
          : "Convenzione di tirocinio: da stipulare.",
      },
      { kind: "heading", text: "1. Anagrafica", level: 2 },
      { kind: "heading", text: "Tirocinante", level: 3 },
      {
        kind: "keyValue",
        rows: trainee
          ? [
              ["Nome e cognome", `${trainee.firstName} ${trainee.lastName}`],
              ["Codice fiscale", trainee.taxCode],
              ["Data di nascita", formatDate(trainee.birthDate)],
              ["Domicilio", dash(trainee.domicile)],
              ["Categoria (CO)", dash(p.traineeCategory)],
            ]
          : [["Nome e cognome", "da individuare"]],
      },
      { kind: "heading", text: "Soggetto promotore", level: 3 },
      { kind: "keyValue", rows: promoterRows(p.promoter) },
      {
        kind: "keyValue",
        rows: [
          [
            "Tutor del soggetto promotore",
            p.promoterTutor ? [p.promoterTutor.name, p.promoterTutor.email].filter(Boolean).join(", ") : "—",
          ],
        ],
      },
      { kind: "heading", text: "Soggetto ospitante", level: 3 },
      { kind: "keyValue", rows: hostRows(p.host) },
      {
        kind: "keyValue",
        rows: [
          [
            "Tutor del soggetto ospitante",
            [p.hostTutor.name, p.hostTutor.role, p.hostTutor.email].filter((v) => v && v.trim()).join(", ") || "—",
          ],
        ],
      },
      { kind: "heading", text: "2. Elementi descrittivi", level: 2 },
      {
        kind: "keyValue",
        rows: [
          ["Tipologia di tirocinio (CO)", dash(p.internshipType)],
          ["Settore (ATECO)", dash(p.atecoCode ?? p.host.atecoCode)],
          ["Profilo professionale (CP ISTAT)", p.occupationTitle ? `${p.occupationCode} ${p.occupationTitle}` : p.occupationCode],
          ["Posizione INAIL", dash(p.inailPosition)],
          ["Polizza di responsabilità civile", dash(p.rcPolicy)],
          ["Durata", plural(p.plannedMonths, "mese", "mesi")],
          ["Periodo", `dal ${date(p.startDate)} al ${date(p.endDate)}`],
          ["Sede prevalente", [p.site.address, p.site.comuneName].filter(Boolean).join(", ") || "—"],
          ["Orario", `${decimal(p.dailyHours)} ore al giorno, ${decimal(p.weeklyHours)} ore a settimana`],
          [
            "Indennità di partecipazione",
            `${euro(p.monthlyIndemnityCents)} lordi al mese${p.mealVouchers ? ", oltre a buoni pasto o mensa" : ""}`,
          ],
        ],
      },
      { kind: "heading", text: "3. Specifiche del progetto", level: 2 },
      {
        kind: "keyValue",
        rows: [
          ["Titolo", p.title],
          ["Livello EQF delle competenze", p.eqfLevel ? String(p.eqfLevel) : "—"],
        ],
      },
      { kind: "heading", text: "Attività", level: 3 },
      { kind: "text", text: dash(p.activities) },
      { kind: "heading", text: "Obiettivi formativi", level: 3 },
      { kind: "text", text: dash(p.objectives) },
      { kind: "heading", text: "Competenze da acquisire", level: 3 },
      { kind: "text", text: dash(p.competences) },
      { kind: "heading", text: "4. Diritti e doveri", level: 2 },
      { kind: "text", text: RIGHTS_AND_DUTIES },
      { kind: "heading", text: "Firme", level: 2 },
      { kind: "signatures", parties: ["Il soggetto promotore", "Il soggetto ospitante", "Il tirocinante (o chi ne esercita la tutela)"] },
    ],
  };
}

/** The PFI addendum for an extension or a change (proroga/variazione): signed again by the three parties. */
export function addendumContent(p: PfiData, a: AddendumData): DocumentContent {
  const title = `Integrazione n. ${a.sequence} al progetto formativo individuale n. ${p.number}`;
  return {
    title,
    blocks: [
      { kind: "heading", text: title, level: 1 },
      {
        kind: "keyValue",
        rows: [
          ["Tirocinante", p.trainee ? `${p.trainee.firstName} ${p.trainee.lastName} (${p.trainee.taxCode})` : "—"],
          ["Soggetto ospitante", `${p.host.name} (${p.host.taxCode})`],
          ["Soggetto promotore", `${p.promoter.name} (${p.promoter.taxCode})`],
          ...(a.newEndDate
            ? ([
                ["Data di fine precedente", date(a.previousEndDate)],
                ["Nuova data di fine", date(a.newEndDate)],
              ] as [string, string][])
            : []),
        ],
      },
      ...(a.changes?.length
        ? ([
            { kind: "heading", text: "Modifiche al progetto", level: 2 },
            { kind: "keyValue", rows: a.changes.map(([label, from, to]) => [label, `da «${from}» a «${to}»`] as [string, string]) },
          ] as DocBlock[])
        : []),
      { kind: "heading", text: "Motivo", level: 2 },
      { kind: "text", text: dash(a.reason) },
      { kind: "heading", text: "Attività aggiunte", level: 2 },
      { kind: "text", text: dash(a.addedActivities) },
      { kind: "heading", text: "Competenze aggiunte", level: 2 },
      { kind: "text", text: dash(a.addedCompetences) },
      {
        kind: "text",
        text: a.newEndDate
          ? "Restano ferme tutte le altre previsioni del progetto formativo individuale. La proroga è comunicata con UNILAV."
          : "Restano ferme tutte le altre previsioni del progetto formativo individuale.",
      },
      { kind: "heading", text: "Firme", level: 2 },
      { kind: "signatures", parties: ["Il soggetto promotore", "Il soggetto ospitante", "Il tirocinante"] },
    ],
  };
}

/** All the text of a document, for searching it (tests) and for the printable page. */
export function documentText(content: DocumentContent): string {
  return content.blocks
    .map((b) =>
      b.kind === "keyValue" ? b.rows.map(([k, v]) => `${k}: ${v}`).join("\n") : b.kind === "signatures" ? b.parties.join("\n") : b.text,
    )
    .join("\n");
}
