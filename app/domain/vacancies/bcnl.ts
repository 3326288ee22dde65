import { escapeXml } from "~/documents/xml";
import type { VacancyOutcome } from "~/db/tables/vacancies";
import { italianDateTime } from "~/utils/dates";
import { formatMoney } from "~/utils/format";
import { plural } from "~/utils/plural";
import {
  cliclavoroClosingReason,
  cliclavoroStudyLevel,
  cliclavoroContractType,
  cliclavoroEducation,
  cliclavoroLanguage,
  cliclavoroLanguageLevel,
  cliclavoroLicence,
  cliclavoroWorkingTime,
  type ClicLavoroMessageKind,
} from "./cliclavoro-codes";
import { EQUAL_OPPORTUNITY_NOTICE } from "./discrimination";
import type { PublicVacancy } from "./public-view";
import { requirementLabel } from "./requirement-label";

/**
 * The ClicLavoro «Vacancy» document (ricerca_personale_rev064.xsd, namespace http://servizi.lavoro.gov.it/vacancy):
 * the first sending, an update and the closing are the same document with a different DatiSistema
 * (docs/legal/national-systems.md#bcnl). Elements in the schema's order; lengths cut to the schema's limits.
 * The server loader (bcnl.server.ts) resolves the codes that need tables (CP2011, ATECO, CCNL, Belfiore).
 */
/**
 * The official-code fields of a vacancy and its requirements (level and title of study, mother tongue, licence and
 * patentino codes, professional register, engagement, CO working time, CCNL note), read when the vacancy has them;
 * older rows carry the local codes the mapping functions also accept.
 */
type OfficialRequirement = Partial<{
  studyLevel: number | null;
  studyTitle: string | null;
  nativeSpeaker: boolean;
  licenceCode: string | null;
  patentinoCode: string | null;
  alboCode: string | null;
  educationLevel: string | null;
}>;
type OfficialVacancy = Partial<{ engagement: string; workingTimeCode: string; ccnlNote: string | null }>;

export interface BcnlInput {
  vacancy: Omit<PublicVacancy, "requirements"> &
    OfficialVacancy & { outcome: VacancyOutcome | null; requirements: (PublicVacancy["requirements"][number] & OfficialRequirement)[] };
  employer: {
    taxCode: string;
    name: string;
    /** ATECO 2007/2022 subcategory `dd.dd.dd`, null when the stored code is too general. */
    sector: string | null;
    /** ampiezza 01–05, null when Rosa's band straddles two. */
    ampiezza: string | null;
    address: string;
    comuneBelfiore: string | null;
    phone: string;
    email: string;
  };
  workplaceBelfiore: string | null;
  /** CP2011 6-part code (certain, or chosen by an officer); null: to be chosen. */
  cp2011: string | null;
  /** CO/ClicLavoro CCNL code when the vacancy's CCNL is one; else the stored text goes in the free conditions. */
  ccnlCode: string | null;
  intermediary: { name: string; email: string | null };
}

export interface BcnlMessage {
  kind: ClicLavoroMessageKind;
  /** codiceofferta, 25 digits. */
  code: string;
  previousCode: string | null;
}

/** Something the document cannot go without, said for the officer; `fix` says where it is corrected. */
export interface BcnlGap {
  element: string;
  message: string;
  fix: "cp2011" | "employer" | "vacancy";
}

export const BCNL_LIMITS = { numerolavoratori: 99, descrprofessione: 250, descrizionericerca: 5000, conoscenzeinformatiche: 1000 } as const;

const cut = (s: string, max: number) => {
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : s;
};
const siNo = (b: boolean) => (b ? "SI" : "NO");

/** The required values the document would miss, in the form's words (checked before the schema). */
export function bcnlGaps(input: BcnlInput): BcnlGap[] {
  const gaps: BcnlGap[] = [];
  const v = input.vacancy;
  if (!input.cp2011)
    gaps.push({
      element: "idprofessione",
      message: `La professione «${v.occupationTitle}» (CP2021 ${v.occupationCode}) non ha un codice CP2011 certo: scegli la qualifica CP2011 da inviare.`,
      fix: "cp2011",
    });
  if (!input.employer.sector)
    gaps.push({
      element: "settore",
      message:
        "Il settore ATECO dell'azienda non è abbastanza dettagliato: ClicLavoro vuole la sottocategoria (6 cifre, per esempio 10.71.10). Correggi i dati dell'azienda.",
      fix: "employer",
    });
  if (!input.employer.comuneBelfiore)
    gaps.push({
      element: "DatiContatto/idcomune",
      message: "Il comune della sede dell'azienda non ha un codice catastale.",
      fix: "employer",
    });
  if (!input.workplaceBelfiore)
    gaps.push({
      element: "CondizioniOfferte/idcomune",
      message: "Il comune del luogo di lavoro non ha un codice catastale.",
      fix: "vacancy",
    });
  if (!cliclavoroContractType(v.contractType, v.engagement))
    gaps.push({
      element: "idtipologiacontratto",
      message: `Il tipo di contratto ${v.contractType ?? ""} non ha un corrispondente tra i tipi di ClicLavoro.`,
      fix: "vacancy",
    });
  if (!v.publishedAt) gaps.push({ element: "datapubblicazione", message: "L'offerta non è mai stata pubblicata.", fix: "vacancy" });
  return gaps;
}

/** One element: a name and a text, children, or nothing (an absent value or an element with no children is left out). */
type Node = [name: string, value: string | number | null | undefined | Node[], keepEmpty?: boolean];

export function buildBcnlVacancy(input: BcnlInput, message: BcnlMessage): string {
  const v = input.vacancy;
  const must = (kind: string) => v.requirements.filter((r) => r.kind === kind);
  const experience = must("experience");
  const unmapped: string[] = [];

  const titles: Node[] = [];
  for (const r of must("education")) {
    const code =
      cliclavoroEducation(r.studyTitle ?? null) ?? cliclavoroStudyLevel(r.studyLevel) ?? cliclavoroEducation(r.educationLevel ?? null);
    const text = requirementLabel(r) || null;
    if (code)
      titles.push([
        "titolostudio",
        [
          ["idtitolostudio", code],
          ["descrizionestudio", text ? cut(text, 100) : null],
        ],
      ]);
    else if (r.studyLevel !== 0 && r.educationLevel !== "none") unmapped.push(requirementLabel(r));
  }
  const languages: Node[] = [];
  for (const r of must("language")) {
    const code = cliclavoroLanguage(r.languageCode);
    // A mother tongue goes without levels (as MyPortal sends it).
    const level = r.nativeSpeaker ? null : cliclavoroLanguageLevel(r.cefrLevel);
    if (code)
      languages.push([
        "Lingua",
        [
          ["idlingua", code],
          ["idlivelloletto", level],
          ["idlivelloscritto", level],
          ["idlivelloparlato", level],
        ],
      ]);
    else unmapped.push(requirementLabel(r));
  }
  const driving: Node[] = [];
  const patentini: Node[] = [];
  const albi: Node[] = [];
  for (const r of [...must("licence"), ...must("certificate")]) {
    const licence = cliclavoroLicence(r.licenceCode ?? r.patentinoCode ?? r.licenceCategory);
    if (licence?.element === "idpatenteguida") driving.push(["idpatenteguida", licence.code]);
    else if (licence) patentini.push(["idpatentino", licence.code]);
    else if (r.alboCode && !albi.length) albi.push(["idalbo", r.alboCode]);
    else unmapped.push(requirementLabel(r));
  }
  const others = must("skill").map((r) => requirementLabel(r));
  const requirementsText = [...unmapped, ...others].filter(Boolean).join("; ");

  const pay =
    v.payMin !== null || v.payMax !== null
      ? `Retribuzione ${[v.payMin, v.payMax]
          .filter((x): x is number => x !== null)
          .map(formatMoney)
          .join("–")} ${v.payPeriod === "hour" ? "all'ora" : v.payPeriod === "year" ? "all'anno" : "al mese"}`
      : null;
  const conditions = [
    v.weeklyHours ? plural(v.weeklyHours, "ora settimanale", "ore settimanali") : null,
    v.shifts ? `Turni: ${v.shifts}` : null,
    pay,
    v.ccnlNote ? `CCNL: ${v.ccnlNote}` : v.ccnl && !input.ccnlCode ? `CCNL: ${v.ccnl}` : null,
    v.startDate ? `Inizio previsto: ${v.startDate}` : null,
  ].filter(Boolean);
  const yearly = v.payPeriod === "year" && (v.payMin !== null || v.payMax !== null) ? averageOf(v.payMin, v.payMax) : null;
  const phone = input.employer.phone.replace(/[\s./-]/g, "");

  const tree: Node = [
    "Vacancy",
    [
      [
        "DatoreLavoro",
        [
          [
            "DatiAnagrafici",
            [
              ["codicefiscale", input.employer.taxCode],
              ["denominazione", cut(input.employer.name, 100)],
              ["settore", input.employer.sector],
              ["ampiezza", input.employer.ampiezza],
            ],
          ],
          [
            "DatiContatto",
            [
              ["indirizzo", input.employer.address ? cut(input.employer.address, 100) : null],
              ["idcomune", input.employer.comuneBelfiore],
              ["telefono", phone && phone.length <= 15 ? phone : null],
              ["email", input.employer.email],
            ],
          ],
        ],
      ],
      [
        "Richiesta",
        [
          [
            "ProfiloRichiesto",
            [
              ["numerolavoratori", Math.min(Math.max(v.positions, 1), BCNL_LIMITS.numerolavoratori)],
              ["idprofessione", input.cp2011],
              ["descrprofessione", cut(v.title, BCNL_LIMITS.descrprofessione)],
              [
                "descrizionericerca",
                cut([v.description, v.tasks, EQUAL_OPPORTUNITY_NOTICE].filter(Boolean).join("\n\n"), BCNL_LIMITS.descrizionericerca),
              ],
              ["esperienzarichiesta", siNo(experience.length > 0)],
              ["descrizioneesperienza", experience.length ? cut(experience.map((r) => requirementLabel(r)).join("; "), 2000) : null],
            ],
          ],
          [
            "IstruzioneFormazione",
            [
              ...titles,
              ...albi,
              ...languages,
              ...driving,
              ...patentini,
              ["ulteriorirequisiti", requirementsText ? cut(requirementsText, 1000) : null],
            ],
            true,
          ],
          [
            "CondizioniOfferte",
            [
              ["idcomune", input.workplaceBelfiore],
              ["idtipologiacontratto", cliclavoroContractType(v.contractType, v.engagement)],
              ["idccnl", input.ccnlCode],
              ["idmodalitalavoro", cliclavoroWorkingTime(v.workingTimeCode ?? v.workingTime)],
              ["retribuzioneannualorda", yearly],
              ["ulterioricondizioni", conditions.length ? cut(conditions.join("; "), 1000) : null],
            ],
          ],
          [
            "DurataRichiesta",
            [
              ["datapubblicazione", v.publishedAt ? italianDateTime(v.publishedAt) : null],
              ["datascadenza", v.closingDate],
            ],
          ],
        ],
      ],
      ["AltreInformazioni", [["N.O.", siNo(v.l68Reserved !== "no")]]],
      [
        "DatiSistema",
        [
          ["denominazioneintermediario", cut(input.intermediary.name, 200)],
          ["email", input.intermediary.email],
          ["visibilita", siNo(v.publicationMode === "public")],
          ["tipoofferta", message.kind === "chiusura" ? "02" : "01"],
          ["motivochiusura", message.kind === "chiusura" ? cliclavoroClosingReason(v.outcome) : null],
          ["codiceofferta", message.code],
          ["codiceoffertaprecedente", message.previousCode],
          ["codiceoffertaintermediario", String(v.number)],
        ],
      ],
    ],
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(tree, "", true)}`;
}

/** The middle of the pay band, whole euros (what MyPortal sends). */
function averageOf(min: number | null, max: number | null) {
  const values = [min, max].filter((x): x is number => x !== null);
  const mean = Math.floor(values.reduce((a, b) => a + b, 0) / values.length);
  return String(mean).length <= 9 ? mean : null;
}

function render([name, value, keepEmpty]: Node, indent: string, root = false): string {
  if (value === null || value === undefined || value === "") return "";
  const open = root ? `${name} xmlns="http://servizi.lavoro.gov.it/vacancy"` : name;
  if (Array.isArray(value)) {
    const inner = value.map((child) => render(child, `${indent}  `)).join("");
    if (!inner) return keepEmpty ? `${indent}<${open}/>\n` : "";
    return `${indent}<${open}>\n${inner}${indent}</${name}>\n`;
  }
  return `${indent}<${open}>${escapeXml(String(value))}</${name}>\n`;
}
