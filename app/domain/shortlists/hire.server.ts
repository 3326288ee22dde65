import { cnelLabel, cnelProblem, codeEntry, currentCodes, isCurrent, sentenceCase } from "~/domain/reference/index.server";
import type { Db } from "~/db/db.server";
import { contractTypeLabel } from "~/domain/reference";
import { listHires } from "./queries.server";
import { hiresUnilavMissing } from "./hire-unilav.server";
import { makeHireSchema, makeHireUnilavSchema, type HireCodeChecks } from "./hire-schema";

/** «a termine»: the CO contract types that need an end date (tempo determinato, tirocinio). */
export function isFixedTermContract(code: string) {
  const e = codeEntry("contractTypes", code);
  return !!e && (/\bTEMPO DETERMINATO\b/.test(e.label) || code === "C.01.00");
}

const currentOnly = (list: "contractTypes" | "ccnl" | "qualifications", unknown: string, ended: string) => (code: string) => {
  const e = codeEntry(list, code);
  if (!e) return unknown;
  return isCurrent(e) ? null : ended;
};

const CHECKS: Required<HireCodeChecks> = {
  contractType: currentOnly(
    "contractTypes",
    "Tipo di contratto sconosciuto: sceglilo dall'elenco",
    "Questo tipo di contratto non è più in vigore: scegline uno dall'elenco",
  ),
  ccnl: currentOnly(
    "ccnl",
    "CCNL sconosciuto: scrivi il codice o parte del nome e sceglilo dall'elenco (ND se nessuno)",
    "Questo CCNL non è più in vigore: scegline uno dall'elenco",
  ),
  qualification: currentOnly(
    "qualifications",
    "Qualifica sconosciuta: scrivi parte del nome e sceglila dall'elenco (CP2011)",
    "Questa qualifica non è più in vigore",
  ),
  isFixedTerm: isFixedTermContract,
  citizenship: (c) => (codeEntry("citizenships", c) ? null : "Cittadinanza sconosciuta: scegli dall'elenco"),
  educationLevel: (c) => (codeEntry("unilavEducationLevels", c) ? null : "Titolo di studio sconosciuto: scegli dall'elenco"),
  ateco2007: (c) => (codeEntry("unilavAteco2007", c) ? null : "Codice ATECO 2007 sconosciuto: indica una sottocategoria (es. 10.71.10)"),
  ccnlCnel: (c) => cnelProblem(c),
};

/** The hire form's schema with the checks of the national code lists (all errors at once). */
export const ServerHireSchema = makeHireSchema(CHECKS);
/** Completing the UNILAV fields of a recorded hire, with the same checks. */
export const ServerHireUnilavSchema = makeHireUnilavSchema(CHECKS);

/** The choices of the UNILAV fields: citizenships (Italy first) and the 2-digit levels of education. */
export function unilavFieldOptions() {
  const citizenships = currentCodes("citizenships").map((e) => [e.code, sentenceCase(e.label)] as [string, string]);
  return {
    citizenships: [...citizenships.filter(([c]) => c === "000"), ...citizenships.filter(([c]) => c !== "000")],
    educationLevels: currentCodes("unilavEducationLevels").map((e) => {
      const label = sentenceCase(e.label);
      return [e.code, label.length > 90 ? `${label.slice(0, 88)}…` : label] as [string, string];
    }),
  };
}
export type UnilavFieldOptions = ReturnType<typeof unilavFieldOptions>;

/**
 * The choices of the hire form: only the CO contract types in force today, and which of them are fixed-term
 * (the page's schema, `hireSchemaFor`, asks for their end date before sending the form).
 */
export function hireFormOptions() {
  const current = currentCodes("contractTypes");
  return {
    contractTypes: current.map((e) => [e.code, `${sentenceCase(e.label)} (${e.code})`] as [string, string]),
    fixedTermCodes: current.filter((e) => isFixedTermContract(e.code)).map((e) => e.code),
    unilav: unilavFieldOptions(),
  };
}
export type HireFormOptions = ReturnType<typeof hireFormOptions>;

/** Hires recorded before the codes were official may be through an agency or self-employment (no CO tipologia). */
const engagementPrefix = (engagement: "direct" | "agency" | "self_employed" | undefined, contract: string | null) =>
  engagement === "self_employed"
    ? "Lavoro autonomo"
    : engagement === "agency"
      ? contract
        ? `Somministrazione tramite agenzia — ${contract}`
        : "Somministrazione tramite agenzia"
      : contract;

/** Labels for a stored hire (ended codes too: an old hire keeps its label). */
export function hireLabels(h: {
  contract_type: string | null;
  engagement?: "direct" | "agency" | "self_employed";
  ccnl_code: string | null;
  ccnl_cnel_code?: string | null;
  qualification_code: string | null;
}) {
  const label = (list: "contractTypes" | "ccnl" | "qualifications", code: string | null) => {
    if (!code) return null;
    const e = codeEntry(list, code);
    if (e) return `${sentenceCase(e.label)} (${code})`;
    return list === "contractTypes" ? (contractTypeLabel(code) ?? code) : code;
  };
  return {
    contractType: engagementPrefix(h.engagement, label("contractTypes", h.contract_type)),
    ccnl: label("ccnl", h.ccnl_code),
    ccnlCnel: h.ccnl_cnel_code ? cnelLabel(h.ccnl_cnel_code) : null,
    qualification: label("qualifications", h.qualification_code),
  };
}

/** The hires of a vacancy ready for the page (labels of the codes resolved here, on the server). */
export async function hiresForPage(db: Db, where: { vacancyId: string; employerId?: string }) {
  const rows = await listHires(db, where);
  const unilav = await hiresUnilavMissing(db, { employerId: where.employerId, hireIds: rows.map((h) => h.id) });
  return rows.map((h) => ({ ...h, labels: hireLabels(h), unilavMissing: unilav.get(h.id) ?? [] }));
}
