import { formatMoney } from "~/utils/format";
import { plural } from "~/utils/plural";
import { clicLavoroStudyCode } from "~/domain/reference";
import { EQUAL_OPPORTUNITY_NOTICE } from "./discrimination";
import type { PublicVacancy } from "./public-view";
import { requirementLabel } from "./requirement-label";

/**
 * Export of a vacancy in the ClicLavoro / BCNL "standard vacancy" shape
 * (cliclavoro/ricerca_personale.xsd as reconstructed in
 * docs/legal/national-systems.md#bcnl). Only elements we have a value for are
 * written; lengths are cut to the limits of the standard.
 */
export interface BcnlInput {
  vacancy: PublicVacancy & { outcome: string | null };
  employer: {
    taxCode: string;
    name: string;
    atecoCode: string;
    headcountBand: string;
    address: string;
    comuneBelfiore: string | null;
    phone: string;
    email: string;
  };
  workplaceBelfiore: string | null;
  intermediary: { name: string; taxCode: string | null; email: string | null };
}

type XmlNode = string | number | XmlTree | XmlNode[] | null | undefined;
interface XmlTree {
  [element: string]: XmlNode;
}

export const BCNL_LIMITS = { numerolavoratori: 99, descrprofessione: 250, descrizionericerca: 5000, conoscenzeinformatiche: 1000 } as const;

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const siNo = (b: boolean) => (b ? "SI" : "NO");

export function buildBcnlVacancy(input: BcnlInput): XmlTree {
  const v = input.vacancy;
  const must = (kind: string) => v.requirements.filter((r) => r.kind === kind);
  const experience = must("experience");
  const others = [...must("certificate"), ...must("skill")].map(
    (r) => `${requirementLabel(r)}${r.priority === "nice" ? " (preferibile)" : ""}`,
  );
  const conditions = [
    v.weeklyHours ? plural(v.weeklyHours, "ora settimanale", "ore settimanali") : null,
    v.shifts ? `Turni: ${v.shifts}` : null,
    v.payMin !== null || v.payMax !== null
      ? `Retribuzione ${[v.payMin, v.payMax]
          .filter((x): x is number => x !== null)
          .map(formatMoney)
          .join("–")} ${v.payPeriod === "hour" ? "all'ora" : v.payPeriod === "year" ? "all'anno" : "al mese"}`
      : null,
    v.startDate ? `Inizio previsto: ${v.startDate}` : null,
  ].filter(Boolean);
  return {
    Vacancy: {
      DatiSistema: {
        codiceofferta: `ROSA-${v.number}`,
        codiceoffertaintermediario: String(v.number),
        codicefiscaleintermediario: input.intermediary.taxCode,
        denominazioneintermediario: input.intermediary.name,
        email: input.intermediary.email,
        visibilita: siNo(v.publicationMode === "public"),
        motivochiusura: v.outcome,
      },
      DatoreLavoro: {
        DatiAnagrafici: {
          codicefiscale: input.employer.taxCode,
          denominazione: input.employer.name,
          settore: input.employer.atecoCode,
          ampiezza: input.employer.headcountBand,
        },
        DatiContatto: {
          indirizzo: input.employer.address,
          idcomune: input.employer.comuneBelfiore,
          telefono: input.employer.phone,
          email: input.employer.email,
        },
      },
      Richiesta: {
        ProfiloRichiesto: {
          numerolavoratori: Math.min(v.positions, BCNL_LIMITS.numerolavoratori),
          idprofessione: v.occupationCode,
          descrprofessione: cut(v.title, BCNL_LIMITS.descrprofessione),
          descrizionericerca: cut(
            [v.description, v.tasks, EQUAL_OPPORTUNITY_NOTICE].filter(Boolean).join("\n\n"),
            BCNL_LIMITS.descrizionericerca,
          ),
          esperienzarichiesta: siNo(experience.length > 0),
          descrizioneesperienza: experience.length ? experience.map((r) => requirementLabel(r)).join("; ") : null,
        },
        IstruzioneFormazione: {
          titolostudio: must("education").map((r) => ({
            idtitolostudio: clicLavoroStudyCode(r.studyLevel, r.studyTitle),
            descrizionestudio: requirementLabel(r),
          })),
          lingua: must("language").map((r) => ({
            idlingua: r.languageCode,
            idlivelloletto: r.cefrLevel,
            idlivelloscritto: r.cefrLevel,
            idlivelloparlato: r.cefrLevel,
          })),
          idpatenteguida: must("licence").map((r) => r.licenceCode),
          ulteriorirequisiti: others.length ? others.join("; ") : null,
        },
        CondizioniOfferte: {
          idtipologiacontratto: v.contractType,
          idmodalitalavoro: v.workingTime === "full_time" ? "FT" : "PT",
          idccnl: v.ccnl,
          retribuzioneannualorda: v.payPeriod === "year" ? (v.payMax ?? v.payMin) : null,
          idcomune: input.workplaceBelfiore,
          ulterioricondizioni: conditions.length ? conditions.join("; ") : null,
        },
        DurataRichiesta: {
          datapubblicazione: v.publishedAt ? v.publishedAt.slice(0, 10) : null,
          datascadenza: v.closingDate,
        },
      },
      AltreInformazioni: siNo(v.l68Reserved !== "no"),
    },
  };
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function render(name: string, node: XmlNode, indent: string): string {
  if (node === null || node === undefined) return "";
  if (Array.isArray(node)) return node.map((n) => render(name, n, indent)).join("");
  if (typeof node === "object") {
    const inner = Object.entries(node)
      .map(([k, child]) => render(k, child, indent + "  "))
      .join("");
    return inner ? `${indent}<${name}>\n${inner}${indent}</${name}>\n` : "";
  }
  return `${indent}<${name}>${escapeXml(String(node))}</${name}>\n`;
}

export function toXml(tree: XmlTree): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${Object.entries(tree)
    .map(([k, v]) => render(k, v, ""))
    .join("")}`;
}
