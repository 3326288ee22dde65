import { z } from "zod";
import { escapeXml, xmlElement } from "~/documents/xml";
import { codiceFiscaleCheckChar } from "~/utils/tax-codes";

/**
 * SAP/SIU active-policy events (section 6 `politiche_attive_lst` of the SAP transmission, schema Rev009): which of
 * Rosa's services is which SAP «tipo attività», the `identificativo_politica` and the document. The mapping, the rules and
 * their sources are in docs/legal/national-systems.md#sap. Pure and client-safe.
 */

export type SapMappingStatus = "mapped" | "employer_service" | "unconfirmed";

export interface SapMapping {
  /** Rosa's service (register standard code, or the outplacement step). */
  rosaCode: string;
  rosaLabel: string;
  /** The SAP «tipo attività»; null when it is not a person's policy or no source confirms the code. */
  sap: string | null;
  status: SapMappingStatus;
  /** Where the code comes from, or why there is none. */
  source: string;
}

const SIL_PROPERTIES = "SIL-ER messages_it_IT.properties (arlav-er/sil, EUPL-1.2), in sap_tipo_attivita_parziale.csv";
const EMPLOYER = "Servizio al datore di lavoro: non è una politica attiva della persona (la SAP è della persona)";
const NO_SOURCE =
  "Nessuna fonte conservata dà il codice SAP di questo servizio (la tabella nazionale «Tipo attività» non è stata trovata): non esportato";

/**
 * Every service of the register and of the outplacement plans, with its SAP code where a source gives it. Codes are
 * never guessed: a service without a confirmed code is listed as «non confermato» and left out of the export.
 */
export const SAP_MAPPINGS: readonly SapMapping[] = [
  {
    rosaCode: "PATTO",
    rosaLabel: "Patto di servizio / di attivazione (ricollocazione)",
    sap: "A02",
    status: "mapped",
    source: SIL_PROPERTIES,
  },
  {
    rosaCode: "TIROCINIO",
    rosaLabel: "Tirocinio extracurricolare avviato (LEP R, tipologia C.01.00)",
    sap: "C06",
    status: "mapped",
    source: SIL_PROPERTIES,
  },
  {
    rosaCode: "R",
    rosaLabel: "Attivazione dei tirocini (servizio all'azienda)",
    sap: null,
    status: "employer_service",
    source: `${EMPLOYER}; il tirocinio della persona è esportato come C06`,
  },
  {
    rosaCode: "R-SVANT",
    rosaLabel: "Attivazione dei tirocini, persone svantaggiate (servizio all'azienda)",
    sap: null,
    status: "employer_service",
    source: `${EMPLOYER}; il tirocinio della persona è esportato come C06`,
  },
  {
    rosaCode: "2Cc",
    rosaLabel: "Tirocinio: promozione e tutoraggio (piano di ricollocazione)",
    sap: null,
    status: "employer_service",
    source: "Il tirocinio è esportato una volta sola, dalla sua scheda (C06)",
  },
  { rosaCode: "4A", rosaLabel: "Promozione e prima informazione", sap: null, status: "employer_service", source: EMPLOYER },
  { rosaCode: "4B", rosaLabel: "Consulenza sui fabbisogni", sap: null, status: "employer_service", source: EMPLOYER },
  {
    rosaCode: "4C",
    rosaLabel: "Incontro domanda offerta (rosa di candidati)",
    sap: null,
    status: "unconfirmed",
    source: `${EMPLOYER}. Il registro riporta B03 senza fonte: non usato`,
  },
  {
    rosaCode: "4D-VERIFICA",
    rosaLabel: "Verifica delle competenze dei candidati",
    sap: null,
    status: "employer_service",
    source: EMPLOYER,
  },
  { rosaCode: "4D-SELEZIONE", rosaLabel: "Supporto alla selezione", sap: null, status: "employer_service", source: EMPLOYER },
  { rosaCode: "S", rosaLabel: "Collocamento mirato (servizio all'azienda)", sap: null, status: "employer_service", source: EMPLOYER },
  { rosaCode: "4E", rosaLabel: "Ricollocazione: accompagnamento", sap: null, status: "unconfirmed", source: NO_SOURCE },
  { rosaCode: "2Ba", rosaLabel: "Consulenza professionale / orientamento", sap: null, status: "unconfirmed", source: NO_SOURCE },
  { rosaCode: "2Bb", rosaLabel: "Bilancio di competenze", sap: null, status: "unconfirmed", source: NO_SOURCE },
  { rosaCode: "2Ca", rosaLabel: "Coaching", sap: null, status: "unconfirmed", source: NO_SOURCE },
  { rosaCode: "2Cd", rosaLabel: "Laboratorio", sap: null, status: "unconfirmed", source: NO_SOURCE },
  { rosaCode: "2Ce", rosaLabel: "Inserimento lavorativo", sap: null, status: "unconfirmed", source: NO_SOURCE },
  { rosaCode: "2D", rosaLabel: "Consulenza per l'avvio di attività autonoma", sap: null, status: "unconfirmed", source: NO_SOURCE },
  {
    rosaCode: "FORM",
    rosaLabel: "Formazione (piano di ricollocazione)",
    sap: null,
    status: "unconfirmed",
    source:
      "Le fonti danno C02 (formazione di base), C05 (per una qualifica) e C07 (mirata all'inserimento): il piano non dice quale, quindi non esportato",
  },
];

export const sapMappingOf = (rosaCode: string) => SAP_MAPPINGS.find((m) => m.rosaCode === rosaCode) ?? null;

/** The codice fiscale check-character algorithm (codiceFiscaleCheckChar) over any string of digits and capital letters. */
export function fiscalCheckCharacter(s: string): string {
  const text = s.toUpperCase();
  if (!/^[0-9A-Z]+$/.test(text)) throw new Error("Only digits and capital letters");
  return codiceFiscaleCheckChar(text);
}

/**
 * `identificativo_politica` (11 characters): the sender (2, soggetti abilitati table), 8 hexadecimal digits of the
 * sender's sequence, and the check character computed over codice ente promotore (11) + tipo attività (3) + data
 * proposta as aaaammgg (8).
 */
export function policyIdentifier(sender: string, sequence: number, enteCode: string, activity: string, proposedOn: string): string {
  if (!/^\d{2}$/.test(sender)) throw new Error("Sender: 2 digits");
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 0xffffffff) throw new Error("Sequence out of range");
  const hex = sequence.toString(16).toUpperCase().padStart(8, "0");
  return `${sender}${hex}${fiscalCheckCharacter(`${enteCode}${activity.padEnd(3, " ").slice(0, 3)}${proposedOn.replace(/-/g, "")}`)}`;
}

/** The event codes (sap_eventi_politica_attiva.csv) Rosa sends, and which date the event fixes. */
export const SAP_EVENTS = {
  started: { code: "02", date: "start" },
  abandoned: { code: "05", date: "end" },
  ended: { code: "10", date: "end" },
} as const;
export type SapEvent = keyof typeof SAP_EVENTS;

/**
 * `titolo_progetto` (1–2 characters) is required; the national table was not found. «05» is the value of the guide's
 * validated example (04 = Garanzia Giovani, national policies): to be confirmed with the region before going live.
 */
export const SAP_PROJECT_TITLE = "05";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const SapPolicySchema = z.object({
  activity: z.string().regex(/^[A-Z]\d{2}$/),
  title: z.string().max(100).nullable(),
  proposedOn: day,
  startOn: day,
  endOn: day,
  description: z.string().min(1).max(250),
  enteCode: z.string().regex(/^[A-Z][0-9]{3}[A-Z][0-9]{6}$/),
  identifier: z.string().regex(/^[0-9]{2}[0-9A-Fa-f]{8}[A-Za-z]$/),
  event: z.enum(Object.keys(SAP_EVENTS) as [SapEvent, ...SapEvent[]]),
  durationMonths: z.number().int().min(1).nullable(),
});
export type SapPolicy = z.infer<typeof SapPolicySchema>;

export const SapDocumentSchema = z.object({
  updatedOn: day,
  enteCode: z.string().regex(/^[A-Z][0-9]{3}[A-Z][0-9]{6}$/, "Codice dell'ente (CPI) non valido: formato A000A000000"),
  birthDate: day,
  policies: z.array(SapPolicySchema),
});
export type SapDocument = z.infer<typeof SapDocumentSchema>;

/** The date the event fixes must equal `data_evento`. */
const eventDate = (p: SapPolicy) => (SAP_EVENTS[p.event].date === "start" ? p.startOn : p.endOn);

/** The SAP transmission with the active-policy section only (root `lavoratore`, no namespace; tipovariazione 02 = aggiornamento). */
export function sapXml(doc: SapDocument): string {
  const d = SapDocumentSchema.parse(doc);
  const policies = d.policies
    .map(
      (p) =>
        `    <politiche_attive>
      <tipo_attivita>${p.activity}</tipo_attivita>
${xmlElement("titolo_denominazione", p.title ? p.title.slice(0, 100) : null, "      ")}      <data_proposta>${p.proposedOn}</data_proposta>
      <data>${p.startOn}</data>
      <data_fine>${p.endOn}</data_fine>
${xmlElement("durata", p.durationMonths ? String(p.durationMonths) : null, "      ")}      <descrizione>${escapeXml(p.description)}</descrizione>
      <titolo_progetto>${SAP_PROJECT_TITLE}</titolo_progetto>
      <codice_ente_promotore>${p.enteCode}</codice_ente_promotore>
      <identificativo_politica>${p.identifier}</identificativo_politica>
      <ultimo_evento><evento>${SAP_EVENTS[p.event].code}</evento><data_evento>${eventDate(p)}</data_evento></ultimo_evento>
    </politiche_attive>
`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<lavoratore>
  <datiinvio>
    <dataultimoagg>${d.updatedOn}</dataultimoagg>
    <codiceentetit>${d.enteCode}</codiceentetit>
    <tipovariazione>02</tipovariazione>
    <datadinascita>${d.birthDate}</datadinascita>
  </datiinvio>
${d.policies.length ? `  <politiche_attive_lst>\n${policies}  </politiche_attive_lst>\n` : ""}</lavoratore>
`;
}
