import { todayInItaly } from "~/utils/dates";
import type { Updateable } from "kysely";
import type { Trx } from "~/db/db.server";
import type { VacanciesTable, VacancyOutcome } from "~/db/tables/vacancies";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { canPostVacancies } from "~/domain/employers/index.server";
import { DomainError, FieldsError } from "~/domain/errors";
import { applyTransition, lockRow } from "~/domain/workflow/index.server";
import { cnelProblem, codeEntry, codeProblem, findAteco, findOccupation, resolveComune } from "~/domain/reference/index.server";
import { enqueueSearchSync } from "../../../search/outbox.server";
import { blockingFindings, checkNonDiscrimination, type DiscriminationFinding } from "./discrimination";
import { jobTitleGenders } from "./job-title-genders.server";
import { notifyEmployer } from "./notifications.server";
import type { VacancyScope } from "./policy.server";
import { type RequirementInput, type TransitionInput, type VacancyInput } from "./schema";
import { requirementToRow } from "./requirements";
import { EDITABLE_STATUSES, nextVacancyStatus, VACANCY_STATUS_LABELS, type VacancyEvent } from "./states";

export const VACANCY_INDEX = "vacancies";

/** The texts the non-discrimination check reads, named like the form fields so errors land next to them. */
export function vacancyTexts(
  input: Pick<VacancyInput, "title" | "description" | "tasks" | "shifts"> & { requirements: Pick<RequirementInput, "description">[] },
) {
  return [
    { field: "title", text: input.title },
    { field: "description", text: input.description },
    { field: "tasks", text: input.tasks ?? "" },
    { field: "shifts", text: input.shifts ?? "" },
    ...input.requirements.map((r, i) => ({ field: `requirements.${i}.description`, text: r.description })),
  ];
}

/** Every blocking finding at once, each with the words as typed, next to its field (requirement rows: in the summary). */
function refuseDiscrimination(findings: DiscriminationFinding[], opts: { summaryOnly?: boolean } = {}) {
  const blocking = blockingFindings(findings);
  if (!blocking.length) return;
  const fields: Record<string, string[]> = {};
  for (const f of blocking) {
    // Requirement rows are re-sorted on save: point at the form-level summary for those, naming the row.
    const row = /^requirements\.(\d+)\./.exec(f.field);
    const field = row || opts.summaryOnly ? "_form" : f.field;
    (fields[field] ??= []).push(`${row ? `Requisito ${Number(row[1]) + 1}: ` : ""}«${f.match}»: ${f.message}`);
  }
  throw new FieldsError(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.join(" ")])));
}

/** The non-discrimination check with the ISTAT job-title genders (one-gender titles). */
export const checkVacancyTexts = (texts: ReturnType<typeof vacancyTexts>) => checkNonDiscrimination(texts, jobTitleGenders());

async function resolveCodes(trx: Trx, input: VacancyInput) {
  const occupation = await findOccupation(trx, input.occupation);
  if (!occupation || occupation.level < 4) throw new DomainError("Professione inesistente: sceglila dall'elenco CP2021", "occupation");
  if (input.atecoCode && !(await findAteco(trx, input.atecoCode)))
    throw new DomainError("Codice ATECO inesistente: sceglilo dall'elenco", "atecoCode");
  const comune = await resolveComune(trx, input.comune);
  if (!comune) throw new DomainError("Comune non trovato: scegli il comune dall'elenco, es. «Milano (MI)»", "comune");
  checkNationalCodes(input);
  return { occupationCode: occupation.code, comuneCode: comune.istatCode };
}

/** The codes of the large national lists (CCNL, titles of study), which the page's schema checks only in form. */
export function checkNationalCodes(input: Pick<VacancyInput, "ccnl" | "requirements"> & Partial<Pick<VacancyInput, "ccnlCnel">>) {
  const errors: Record<string, string> = {};
  if (input.ccnl) {
    const problem = codeProblem("ccnl", input.ccnl);
    if (problem === "unknown") errors.ccnl = "CCNL sconosciuto: scrivi il codice o parte del nome e sceglilo dall'elenco (ND se nessuno)";
    if (problem === "ended") errors.ccnl = "Questo CCNL non è più in vigore: scegline uno dall'elenco";
  }
  if (input.ccnlCnel) {
    const problem = cnelProblem(input.ccnlCnel, input.ccnl);
    if (problem) errors.ccnlCnel = problem;
  }
  input.requirements.forEach((r, i) => {
    if (!r.studyTitle) return;
    const title = codeEntry("studyTitles", r.studyTitle);
    if (!title) errors[`requirements.${i}.studyTitle`] = "Titolo di studio sconosciuto: sceglilo dall'elenco";
    else if (r.studyLevel !== null && title.group !== String(r.studyLevel))
      errors[`requirements.${i}.studyTitle`] = "Il titolo scelto non è del livello indicato";
  });
  if (Object.keys(errors).length) throw new FieldsError(errors);
}

function columns(input: VacancyInput, codes: { occupationCode: string; comuneCode: string }, findings: DiscriminationFinding[]) {
  return {
    title: input.title,
    occupation_code: codes.occupationCode,
    ateco_code: input.atecoCode,
    description: input.description,
    tasks: input.tasks ?? "",
    comune_code: codes.comuneCode,
    radius_km: input.radiusKm,
    engagement: input.engagement,
    contract_type: input.engagement === "self_employed" ? null : input.contractType || null,
    ccnl_code: input.ccnl || null,
    ccnl_note: input.ccnlNote,
    ccnl_cnel_code: input.ccnlCnel || null,
    working_time_code: input.workingTime,
    weekly_hours: input.weeklyHours,
    shifts: input.shifts,
    pay_min: input.payMin,
    pay_max: input.payMax,
    pay_period: input.payPeriod || null,
    positions: input.positions,
    start_date: input.startDate,
    closing_date: input.closingDate,
    l68_reserved: input.l68Reserved,
    // Only an art. 1 reserved vacancy describes an available post of the L. 68 file (placement/reserved-match.server.ts).
    ...(input.l68Reserved === "art1" ? {} : { l68_post_id: null }),
    publication_mode: input.publicationMode,
    discrimination_flags: JSON.stringify(findings),
  };
}

async function replaceRequirements(trx: Trx, vacancyId: string, requirements: RequirementInput[]) {
  await trx.deleteFrom("vacancy_requirements").where("vacancy_id", "=", vacancyId).execute();
  if (!requirements.length) return;
  await trx
    .insertInto("vacancy_requirements")
    .values(requirements.map((r) => ({ vacancy_id: vacancyId, ...requirementToRow(r), occupation_code: null })))
    .execute();
}

/** An employer user writes a new vacancy; it starts as a draft. */
export async function createVacancy(trx: Trx, actor: Actor, employerId: string, input: VacancyInput) {
  const findings = checkVacancyTexts(vacancyTexts(input));
  refuseDiscrimination(findings);
  const codes = await resolveCodes(trx, input);
  const row = await trx
    .insertInto("vacancies")
    .values({ ...columns(input, codes, findings), employer_id: employerId, created_by: actor.userId })
    .returning(["id", "number", "version"])
    .executeTakeFirstOrThrow();
  await replaceRequirements(trx, row.id, input.requirements);
  await recordAudit(trx, actor, {
    action: "vacancy.created",
    entityType: "vacancy",
    entityId: row.id,
    employerId,
    details: { title: input.title, requirements: input.requirements.length, warnings: findings.map((f) => f.rule) },
  });
  await enqueueSearchSync(trx, VACANCY_INDEX, [row.id]);
  return { vacancyId: row.id, number: row.number, version: row.version, warnings: findings };
}

/** Locks the row the scope may see, or 404; a different version is a concurrent edit (409). */
export async function lockVacancy(trx: Trx, scope: VacancyScope, vacancyId: string, version: number | null) {
  let query = trx
    .selectFrom("vacancies")
    .select(["id", "employer_id", "status", "version", "title", "number", "closing_date", "description", "tasks", "shifts"])
    .where("id", "=", vacancyId);
  if (scope.kind === "employer") query = query.where("employer_id", "=", scope.employerId);
  return lockRow(query, version, "Offerta non trovata");
}

/** Corrections are possible only while the employer holds the vacancy (draft or sent back). */
export async function updateVacancy(trx: Trx, actor: Actor, scope: VacancyScope, vacancyId: string, version: number, input: VacancyInput) {
  const current = await lockVacancy(trx, scope, vacancyId, version);
  if (!EDITABLE_STATUSES.includes(current.status))
    throw new DomainError(`L'offerta è «${VACANCY_STATUS_LABELS[current.status]}»: non si può più modificare`, "_form", "conflict");
  const findings = checkVacancyTexts(vacancyTexts(input));
  refuseDiscrimination(findings);
  const codes = await resolveCodes(trx, input);
  await trx
    .updateTable("vacancies")
    .set({ ...columns(input, codes, findings), version: version + 1, updated_at: new Date() })
    .where("id", "=", vacancyId)
    .execute();
  await replaceRequirements(trx, vacancyId, input.requirements);
  await recordAudit(trx, actor, {
    action: "vacancy.updated",
    entityType: "vacancy",
    entityId: vacancyId,
    employerId: current.employer_id,
    details: { title: input.title, requirements: input.requirements.length, warnings: findings.map((f) => f.rule) },
  });
  await enqueueSearchSync(trx, VACANCY_INDEX, [vacancyId]);
  return { version: version + 1, warnings: findings };
}

type Locked = Awaited<ReturnType<typeof lockVacancy>>;

/** Preconditions beyond the transition table, each with the message the user sees. */
async function checkPreconditions(trx: Trx, current: Locked, event: VacancyEvent, today: string) {
  if (event === "submit") {
    const employer = await trx.selectFrom("employers").select("status").where("id", "=", current.employer_id).executeTakeFirstOrThrow();
    if (!canPostVacancies(employer.status))
      throw new DomainError(
        "L'azienda non è ancora convalidata dal Centro per l'Impiego: potrai inviare l'offerta dopo la convalida",
        "_form",
        "conflict",
      );
    const requirements = await trx.selectFrom("vacancy_requirements").select("description").where("vacancy_id", "=", current.id).execute();
    // The transition form has no text fields: every problem goes to its summary.
    refuseDiscrimination(checkVacancyTexts(vacancyTexts({ ...current, requirements })), { summaryOnly: true });
  }
  if (["submit", "validate", "publish"].includes(event) && current.closing_date <= today)
    throw new DomainError("La data di scadenza è passata: correggi la scadenza prima di procedere", "_form", "conflict");
}

const NOTICES: Partial<Record<VacancyEvent, (v: { title: string; number: number }, reason: string) => { title: string; body: string }>> = {
  return: (v, reason) => ({
    title: `offerta n. ${v.number} da correggere`,
    body: `Il Centro per l'Impiego ha rimandato l'offerta «${v.title}» con questa richiesta:\n\n${reason}\n\nCorreggila e inviala di nuovo.`,
  }),
  validate: (v) => ({
    title: `offerta n. ${v.number} convalidata`,
    body: `L'offerta «${v.title}» è stata convalidata dal Centro per l'Impiego.`,
  }),
  publish: (v) => ({ title: `offerta n. ${v.number} pubblicata`, body: `L'offerta «${v.title}» è pubblicata e raccoglie candidature.` }),
  start_preselection: (v) => ({
    title: `offerta n. ${v.number} in preselezione`,
    body: `Gli operatori hanno avviato la preselezione dei candidati per l'offerta «${v.title}».`,
  }),
  expire: (v) => ({
    title: `offerta n. ${v.number} scaduta`,
    body: `L'offerta «${v.title}» ha raggiunto la data di scadenza ed è stata chiusa. Indica l'esito della ricerca nell'area azienda.`,
  }),
};

/**
 * Moves a vacancy along the transition table, if this actor may; audited,
 * versioned, re-indexed, and the employer is told about officers' decisions.
 */
export async function transitionVacancy(
  trx: Trx,
  actor: Actor,
  scope: VacancyScope,
  vacancyId: string,
  input: Pick<TransitionInput, "reason" | "outcome" | "channel"> & { event: VacancyEvent; version: number | null },
  now: Date = new Date(),
) {
  const current = await lockVacancy(trx, scope, vacancyId, input.version);
  const next = nextVacancyStatus(current.status, input.event, scope.kind);
  if (!next)
    throw new DomainError(
      `Operazione non consentita: l'offerta è nello stato «${VACANCY_STATUS_LABELS[current.status]}»`,
      "_form",
      "conflict",
    );
  await checkPreconditions(trx, current, input.event, todayInItaly(now));
  const outcome: VacancyOutcome | null = input.event === "cancel" ? "cancelled" : input.event === "close" ? input.outcome || null : null;
  const set: Updateable<VacanciesTable> = { status: next, status_reason: input.reason || null };
  if (input.event === "submit") set.submitted_at = now;
  if (input.event === "validate") Object.assign(set, { validated_at: now, validated_by: actor.userId });
  if (input.event === "publish") set.published_at = now;
  if (next === "closed")
    Object.assign(set, { closed_at: now, outcome, outcome_channel: input.channel || null, closed_by_expiry: input.event === "expire" });
  await applyTransition(trx, {
    table: "vacancies",
    row: current,
    patch: set,
    now,
    audit: {
      actor,
      entry: {
        action: `vacancy.${input.event}`,
        entityType: "vacancy",
        employerId: current.employer_id,
        details: { from: current.status, to: next, reason: input.reason || null, outcome, channel: input.channel || null },
      },
    },
  });
  await enqueueSearchSync(trx, VACANCY_INDEX, [vacancyId]);
  const notice = NOTICES[input.event];
  if (notice && scope.kind !== "employer") {
    await notifyEmployer(trx, current.employer_id, { ...notice(current, input.reason), link: `/azienda/offerte/${vacancyId}` });
  }
  return { status: next, version: current.version + 1 };
}
