/**
 * The UNILAV of a hire recorded in Rosa (docs/legal/national-systems.md#unilav-xml): what Rosa knows (the person's CV
 * record, the employer's registration, the hire) fills the draft; what it does not is asked on the hire form or completed
 * later, and listed «da completare» until then. The officer also records the CO actually filed (its code, date and what
 * it says) and the reconciliation lists the hires without one or with differences.
 */
import { sql } from "kysely";
import type { Db, Trx } from "~/db/db.server";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { cvStudyOf, unilavEducationLevelOf, type CvStudy } from "~/domain/candidates";
import { cnelLabel, codeEntry, codeOptionLabel } from "~/domain/reference/index.server";
import { ND_WITH_CNEL } from "./hire-schema";
import {
  checkUnilav,
  decodeTaxCode,
  exportUnilav,
  NEW_COMMUNICATION_CODE,
  type UnilavDraft,
  type UnilavExport,
} from "~/domain/unilav/index.server";
import { groupBy } from "~/utils/collections";
import { italianDateTime } from "~/utils/dates";

export interface HireUnilavScope {
  /** Only this employer's hires (the employer's area). */
  employerId?: string;
}

function hireRows(db: Db | Trx, scope: HireUnilavScope) {
  let q = db
    .selectFrom("hires as h")
    .innerJoin("candidates as c", "c.id", "h.candidate_id")
    .innerJoin("employers as e", "e.id", "h.employer_id")
    .innerJoin("vacancies as v", "v.id", "h.vacancy_id")
    .leftJoin("comuni as wc", "wc.istat_code", "h.work_comune_code")
    .leftJoin("comuni as lc", "lc.istat_code", "e.legal_comune_code")
    .leftJoin("comuni as dc", (j) => j.on("dc.istat_code", "=", sql<string>`coalesce(h.worker_comune_code, c.domicile_comune_code)`))
    .select([
      "h.id",
      "h.candidate_id",
      "h.version",
      "h.vacancy_id",
      "v.number as vacancy_number",
      "v.title as vacancy_title",
      "v.l68_reserved",
      "h.employer_id",
      "e.legal_name",
      "e.tax_code as employer_tax_code",
      "e.legal_address",
      "e.ateco_code",
      "lc.belfiore as legal_belfiore",
      "h.employer_legal_cap",
      "h.employer_ateco2007",
      "wc.belfiore as work_belfiore",
      "wc.name as work_comune_name",
      "wc.istat_code as work_istat",
      "h.work_address",
      "h.work_cap",
      "h.pat_inail",
      "h.pension_body_code",
      "c.tax_code",
      "c.first_name",
      "c.last_name",
      "c.birth_date",
      "h.worker_citizenship",
      "dc.belfiore as domicile_belfiore",
      "dc.name as domicile_comune_name",
      "h.worker_address",
      "c.domicile_address",
      "h.worker_cap",
      "h.worker_education_level",
      // The CV's titles of study: the level of education when the hire did not record one.
      sql<
        CvStudy[]
      >`(select coalesce(json_agg(json_build_object('studyLevel', ce.study_level, 'studyTitleCode', ce.study_title_code)), '[]'::json)
        from candidate_education ce where ce.candidate_id = c.id)`.as("cv_education"),
      "h.contract_type",
      "h.start_date",
      "h.end_date",
      "h.training_end_date",
      "h.working_time_code",
      "h.weekly_hours",
      "h.ccnl_code",
      "h.ccnl_cnel_code",
      "h.contract_level",
      "h.qualification_code",
      "h.gross_annual_pay",
      "h.l68_reserved_post",
      "h.l68_nulla_osta_on",
      "h.l68_act_number",
      "h.co_code",
      "h.co_filed_on",
      "h.co_start_date",
      "h.co_end_date",
      "h.co_contract_type",
      "h.recorded_at",
    ]);
  if (scope.employerId) q = q.where("h.employer_id", "=", scope.employerId);
  return q;
}
export type HireUnilavRow = Awaited<ReturnType<ReturnType<typeof hireRows>["executeTakeFirstOrThrow"]>>;

/** The employer's ATECO as ATECO 2007 dd.dd.dd when its registration already has a subcategory of that table. */
const ateco2007Of = (code: string) => (/^\d{2}\.\d{2}\.\d{2}$/.test(code) && codeEntry("unilavAteco2007", code) ? code : null);

/** Does the hire fill a post reserved by L. 68/99 (the hire says so; older hires follow the vacancy)? */
export const isReservedHire = (h: Pick<HireUnilavRow, "l68_reserved" | "l68_reserved_post">) =>
  h.l68_reserved !== "no" && h.l68_reserved_post !== false;

/** The worker's level of education: the one the hire recorded, else the CV's highest ministerial title (2 digits). */
export const workerEducationLevelOf = (h: Pick<HireUnilavRow, "worker_education_level" | "cv_education">) =>
  h.worker_education_level ?? unilavEducationLevelOf(h.cv_education);

/** The UNILAV draft of a hire: Rosa's data plus what the hire recorded; nulls are «da completare». */
export function hireUnilavDraft(h: HireUnilavRow, now = new Date()): UnilavDraft {
  const decoded = decodeTaxCode(h.tax_code, h.birth_date);
  const weekly = Number(h.weekly_hours);
  const reserved = isReservedHire(h);
  return {
    communicationCode: NEW_COMMUNICATION_CODE,
    sentAt: italianDateTime(now),
    employer: {
      taxCode: h.employer_tax_code,
      name: h.legal_name,
      legalSeat: { comune: h.legal_belfiore, cap: h.employer_legal_cap, address: h.legal_address, email: null, phone: null },
      workSeat: { comune: h.work_belfiore, cap: h.work_cap, address: h.work_address, email: null, phone: null },
      ateco2007: h.employer_ateco2007 ?? ateco2007Of(h.ateco_code),
      // Rosa's employers are private employers (public administrations do not register here).
      publicAdministration: false,
    },
    worker: {
      taxCode: h.tax_code,
      lastName: h.last_name,
      firstName: h.first_name,
      citizenship: h.worker_citizenship,
      sex: decoded?.sex ?? null,
      birthComune: decoded?.birthComune ?? null,
      birthDate: h.birth_date ?? decoded?.birthDate ?? null,
      domicile: { comune: h.domicile_belfiore, cap: h.worker_cap, address: h.worker_address ?? h.domicile_address },
      educationLevel: workerEducationLevelOf(h),
    },
    contract: {
      startDate: h.start_date,
      endDate: h.end_date,
      trainingEndDate: h.training_end_date,
      pensionBody: h.pension_body_code,
      contractType: h.contract_type,
      ccnl: h.ccnl_code,
      level: h.contract_level,
      l68: reserved ? { nullaOstaOn: h.l68_nulla_osta_on, actNumber: h.l68_act_number } : null,
      workingTime: h.working_time_code,
      // The CO takes whole hours: 37.5 → 38.
      weeklyHours: h.working_time_code && h.working_time_code !== "F" && weekly > 0 ? Math.round(weekly) : null,
      qualification: h.qualification_code,
      annualPay: h.gross_annual_pay === null ? null : Math.round(Number(h.gross_annual_pay)),
      patInail: h.pat_inail,
      compulsoryHire: reserved,
    },
    internship: null,
  };
}

/** The ISTAT province number of the seat of work (SIL-ER's IdProvincia): 015146 → 15. */
const provinceNumber = (istat: string | null) => (istat ? Number(istat.slice(0, 3)) : 0);

/** One hire's UNILAV: the document when complete and valid, otherwise what is missing. Null when not in scope. */
export async function hireUnilav(db: Db, hireId: string, scope: HireUnilavScope = {}, now = new Date()) {
  const h = await hireRows(db, scope).where("h.id", "=", hireId).executeTakeFirst();
  if (!h) return null;
  const result: UnilavExport = await exportUnilav(hireUnilavDraft(h, now), provinceNumber(h.work_istat));
  return { hire: h, result };
}

/** The UNILAV of several hires (a batch): the complete ones as records, the others with what they miss. */
export async function hiresUnilav(db: Db, scope: HireUnilavScope & { hireIds?: string[] } = {}, now = new Date()) {
  let q = hireRows(db, scope);
  if (scope.hireIds) {
    if (!scope.hireIds.length) return [];
    q = q.where("h.id", "in", scope.hireIds);
  }
  const rows = await q.orderBy("h.start_date").orderBy("h.recorded_at").execute();
  const out = [];
  for (const h of rows) out.push({ hire: h, result: await exportUnilav(hireUnilavDraft(h, now), provinceNumber(h.work_istat)) });
  return out;
}

/**
 * What each hire's UNILAV lacks, for lists (the table and pattern checks only: the XSD runs on export, where a
 * document is offered). Empty array: complete.
 */
export async function hiresUnilavMissing(db: Db, scope: HireUnilavScope & { hireIds: string[] }) {
  if (!scope.hireIds.length) return new Map<string, string[]>();
  const rows = await hireRows(db, scope).where("h.id", "in", scope.hireIds).execute();
  return new Map(rows.map((h) => [h.id, checkUnilav(hireUnilavDraft(h)).missing as string[]]));
}

export type CoStatus = "missing" | "differs" | "matches";

/** The filed CO against the hire: no CO, different dates or contract type, or the same. */
export function coStatusOf(
  h: Pick<HireUnilavRow, "co_code" | "co_start_date" | "co_end_date" | "co_contract_type" | "start_date" | "end_date" | "contract_type">,
) {
  if (!h.co_code) return { status: "missing" as CoStatus, differences: [] as string[] };
  const differences: string[] = [];
  if (h.co_start_date !== h.start_date) differences.push("data di inizio");
  if ((h.co_end_date ?? null) !== (h.end_date ?? null)) differences.push("data di fine");
  if (h.co_contract_type !== h.contract_type) differences.push("tipologia contrattuale");
  return { status: (differences.length ? "differs" : "matches") as CoStatus, differences };
}

/** The reconciliation list: every hire with its CO status, and exact counts per status. */
export async function coReconciliation(db: Db, filter: { status?: CoStatus } = {}) {
  const rows = await hireRows(db, {}).orderBy("h.start_date", "desc").orderBy("h.recorded_at", "desc").execute();
  const all = rows.map((h) => ({ ...h, co: coStatusOf(h) }));
  const counts = { total: all.length, missing: 0, differs: 0, matches: 0 };
  for (const r of all) counts[r.co.status]++;
  return { counts, rows: filter.status ? all.filter((r) => r.co.status === filter.status) : all };
}

export interface FiledCoInput {
  hireId: string;
  version: number;
  coCode: string;
  filedOn: string;
  startDate: string;
  endDate: string | null;
  contractType: string;
}

/** Records (or corrects) the CO actually filed for a hire; row lock and version check, audited. */
export async function recordFiledCo(trx: Trx, actor: Actor, input: FiledCoInput, now = new Date()) {
  const hire = await trx
    .selectFrom("hires")
    .select(["id", "version", "employer_id", "vacancy_id", "start_date", "co_code"])
    .where("id", "=", input.hireId)
    .forUpdate()
    .executeTakeFirst();
  if (!hire) throw new DomainError("Assunzione non trovata", "_form", "not_found");
  if (hire.version !== input.version)
    throw new DomainError("L'assunzione è stata modificata nel frattempo: ricarica la pagina", "_form", "conflict");
  if (input.filedOn > now.toISOString().slice(0, 10)) throw new DomainError("La data di invio non può essere futura", "filedOn");
  if (input.endDate && input.endDate < input.startDate) throw new DomainError("La data di fine non può precedere l'inizio", "endDate");
  if (!codeEntry("contractTypes", input.contractType))
    throw new DomainError("Tipologia contrattuale sconosciuta: usa il codice CO (es. A.02.00)", "contractType");
  const taken = await trx
    .selectFrom("hires")
    .select("id")
    .where("co_code", "=", input.coCode)
    .where("id", "!=", hire.id)
    .executeTakeFirst();
  if (taken) throw new DomainError("Questo codice di comunicazione è già registrato su un'altra assunzione", "coCode", "conflict");
  await trx
    .updateTable("hires")
    .set({
      co_code: input.coCode,
      co_filed_on: input.filedOn,
      co_start_date: input.startDate,
      co_end_date: input.endDate,
      co_contract_type: input.contractType,
      co_recorded_by: actor.userId,
      co_recorded_at: now,
      version: hire.version + 1,
    })
    .where("id", "=", hire.id)
    .execute();
  await recordAudit(trx, actor, {
    action: hire.co_code ? "hire.co_corrected" : "hire.co_recorded",
    entityType: "vacancy",
    entityId: hire.vacancy_id,
    employerId: hire.employer_id,
    details: { hireId: hire.id, coCode: input.coCode, filedOn: input.filedOn },
  });
}

export interface HireUnilavFields {
  ccnlCnel: string | null;
  workerCitizenship: string | null;
  workerAddress: string | null;
  workerCap: string | null;
  workerEducationLevel: string | null;
  employerAteco2007: string | null;
  employerLegalCap: string | null;
  workAddress: string | null;
  workCap: string | null;
  patInail: string | null;
  pensionBodyCode: string | null;
  trainingEndDate: string | null;
  l68NullaOstaOn: string | null;
  l68ActNumber: string | null;
}

/** The hire columns of the UNILAV fields (also used when the hire is recorded). */
export const unilavColumns = (f: Partial<HireUnilavFields>) => ({
  ccnl_cnel_code: f.ccnlCnel ?? null,
  worker_citizenship: f.workerCitizenship ?? null,
  worker_address: f.workerAddress ?? null,
  worker_cap: f.workerCap ?? null,
  worker_education_level: f.workerEducationLevel ?? null,
  employer_ateco2007: f.employerAteco2007 ?? null,
  employer_legal_cap: f.employerLegalCap ?? null,
  work_address: f.workAddress ?? null,
  work_cap: f.workCap ?? null,
  pat_inail: f.patInail ?? null,
  pension_body_code: f.pensionBodyCode ?? null,
  training_end_date: f.trainingEndDate ?? null,
  l68_nulla_osta_on: f.l68NullaOstaOn ?? null,
  l68_act_number: f.l68ActNumber ?? null,
});

/** Completes the UNILAV fields of a hire recorded before (or with gaps); an empty field leaves the stored value. */
export async function completeHireUnilav(
  trx: Trx,
  actor: Actor,
  scope: HireUnilavScope,
  input: Partial<HireUnilavFields> & { hireId: string; version: number },
) {
  let q = trx.selectFrom("hires").select(["id", "version", "employer_id", "vacancy_id", "ccnl_code"]).where("id", "=", input.hireId);
  if (scope.employerId) q = q.where("employer_id", "=", scope.employerId);
  const hire = await q.forUpdate().executeTakeFirst();
  if (!hire) throw new DomainError("Assunzione non trovata", "_form", "not_found");
  if (hire.version !== input.version)
    throw new DomainError("L'assunzione è stata modificata nel frattempo: ricarica la pagina", "_form", "conflict");
  if (input.ccnlCnel && hire.ccnl_code === "ND") throw new DomainError(ND_WITH_CNEL, "ccnlCnel");
  const set = Object.fromEntries(Object.entries(unilavColumns(input)).filter(([, v]) => v !== null));
  await trx
    .updateTable("hires")
    .set({ ...set, version: hire.version + 1 })
    .where("id", "=", hire.id)
    .execute();
  await recordAudit(trx, actor, {
    action: "hire.unilav_completed",
    entityType: "vacancy",
    entityId: hire.vacancy_id,
    employerId: hire.employer_id,
    details: { hireId: hire.id, fields: Object.keys(set) },
  });
}

/** The UNILAV level of education (2 digits) of each CV: its highest ministerial title of study; none when the CV has none. */
export async function cvUnilavEducationLevels(db: Db | Trx, candidateIds: string[]): Promise<Map<string, string | null>> {
  if (!candidateIds.length) return new Map();
  const rows = await db
    .selectFrom("candidate_education")
    .select(["candidate_id", "study_level", "study_title_code"])
    .where("candidate_id", "in", candidateIds)
    .execute();
  const byCandidate = groupBy(rows, (r) => r.candidate_id);
  return new Map([...new Set(candidateIds)].map((id) => [id, unilavEducationLevelOf((byCandidate.get(id) ?? []).map(cvStudyOf))]));
}

/** What the UNILAV fields of a new hire can start from: the same employer's last hire (employer-level data) and the person. */
export async function hireUnilavDefaults(db: Db, vacancyId: string) {
  const last = await db
    .selectFrom("hires as h")
    .innerJoin("vacancies as v", "v.employer_id", "h.employer_id")
    .select(["h.employer_legal_cap", "h.employer_ateco2007", "h.pat_inail", "h.pension_body_code", "h.work_address", "h.work_cap"])
    .where("v.id", "=", vacancyId)
    .orderBy("h.recorded_at", "desc")
    .executeTakeFirst();
  const employer = await db
    .selectFrom("vacancies as v")
    .innerJoin("employers as e", "e.id", "v.employer_id")
    .select(["e.ateco_code", "v.ccnl_code", "v.ccnl_cnel_code"])
    .where("v.id", "=", vacancyId)
    .executeTakeFirstOrThrow();
  // The vacancy's CCNL (CO code and CNEL code) is where the hire starts from.
  const ccnl = codeEntry("ccnl", employer.ccnl_code);
  return {
    employerLegalCap: last?.employer_legal_cap ?? "",
    employerAteco2007: last?.employer_ateco2007 ?? ateco2007Of(employer.ateco_code) ?? "",
    patInail: last?.pat_inail ?? "",
    pensionBodyCode: last?.pension_body_code ?? "",
    workAddress: last?.work_address ?? "",
    workCap: last?.work_cap ?? "",
    ccnl: ccnl ? codeOptionLabel(ccnl) : "",
    ccnlCnel: employer.ccnl_cnel_code ? (cnelLabel(employer.ccnl_cnel_code) ?? "") : "",
  };
}
