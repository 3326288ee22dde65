import { sql } from "kysely";
import type { Trx } from "~/db/db.server";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { findOccupation, resolveComune } from "~/domain/reference/index.server";
import { transitionVacancy } from "~/domain/vacancies/index.server";
import { addDays } from "~/utils/dates";
import { enqueueSearchSync } from "../../../search/outbox.server";
import { evaluateInternship, parseInternshipInput } from "./checker";
import { internshipRegionOf } from "./region";
import type { InternshipRequestInput } from "./request-schema";
import { INTERNSHIP_STATE_LABELS, type InternshipEvent } from "./states";
import { lockInternship, runInternshipChecks, transitionInternship, type InternshipActor, type InternshipRow } from "./transition.server";

/** Rosa's contract code of an extracurricular internship in the mandatory communications (UNILAV). */
export const INTERNSHIP_CONTRACT_TYPE = "C.01.00";
/** Days the scouting vacancy stays open for matching and availability requests. */
export const SCOUTING_DAYS = 60;

type RequestActor = Extract<InternshipActor, { kind: "employer" | "officer" }>;

export function auditActor(actor: InternshipActor): Actor {
  if (actor.kind === "system") return { userId: null, role: null, ip: null };
  return { userId: actor.userId, role: actor.kind, ip: actor.ip ?? null };
}

async function unitOf(trx: Trx, comuneText: string) {
  const comune = await resolveComune(trx, comuneText);
  if (!comune) throw new DomainError("Comune non trovato: scegli il comune dall'elenco, es. «Milano (MI)»", "comune");
  const row = await trx
    .selectFrom("comuni")
    .select(["region_name", "province_code"])
    .where("istat_code", "=", comune.istatCode)
    .executeTakeFirstOrThrow();
  return { comuneCode: comune.istatCode, region: internshipRegionOf(row.region_name, row.province_code) };
}

/** A person registered in Rosa, named by tax code and surname (both must match; an erased CV is nobody). */
export async function findNamedTrainee(trx: Trx, taxCode: string, lastName: string, field = "traineeTaxCode") {
  const row = await trx
    .selectFrom("candidates")
    .select(["id"])
    .where("tax_code", "=", taxCode)
    .where(sql<boolean>`lower(last_name) = ${lastName.trim().toLowerCase()}`)
    .where("erased_at", "is", null)
    .executeTakeFirst();
  if (!row)
    throw new DomainError(
      "Nessuna persona iscritta al portale con questo codice fiscale e questo cognome: chiedile di registrarsi, oppure lascia vuoto e il Centro per l'Impiego cercherà il tirocinante",
      field,
    );
  return row.id;
}

export interface TraineeEligibility {
  /** Hired by the host through Rosa with a contract running in the 24 months before the start. */
  priorEmployment: boolean;
  /** Already a trainee of the host (an internship of Rosa that started). */
  previousInternship: boolean;
  /** Italian reasons why the person may not be the trainee; empty when eligible. */
  reasons: string[];
}

const STARTED_STATES = ["active", "suspended", "interrupted", "completed", "attested", "closed_without_attestation"] as const;

/**
 * Whether a person may be this host's trainee, from Rosa's own data (docs/decisions/tirocini.md#eleggibilita): no
 * employment with the host in the 24 months before the start (Rosa's hires), no previous internship with the host.
 */
export async function traineeEligibility(
  trx: Trx,
  input: { employerId: string; candidateId: string; internshipId?: string | null; startDate: string },
): Promise<TraineeEligibility> {
  const since = addDays(input.startDate, -730);
  const hire = await trx
    .selectFrom("hires")
    .select("id")
    .where("employer_id", "=", input.employerId)
    .where("candidate_id", "=", input.candidateId)
    .where("start_date", "<=", input.startDate)
    .where((eb) => eb.or([eb("end_date", "is", null), eb("end_date", ">=", since)]))
    .executeTakeFirst();
  let previous = trx
    .selectFrom("internships")
    .select("id")
    .where("employer_id", "=", input.employerId)
    .where("candidate_id", "=", input.candidateId)
    .where("state", "in", STARTED_STATES);
  if (input.internshipId) previous = previous.where("id", "<>", input.internshipId);
  const internship = await previous.executeTakeFirst();
  const reasons: string[] = [];
  if (hire) reasons.push("La persona ha lavorato per questa azienda negli ultimi 24 mesi (assunzione registrata in Rosa).");
  if (internship) reasons.push("La persona ha già svolto un tirocinio presso questa azienda.");
  return { priorEmployment: !!hire, previousInternship: !!internship, reasons };
}

async function requireEligible(
  trx: Trx,
  employerId: string,
  candidateId: string,
  internshipId: string | null,
  startDate: string,
  field: string,
) {
  const eligibility = await traineeEligibility(trx, { employerId, candidateId, internshipId, startDate });
  if (eligibility.reasons.length)
    throw new DomainError(`Non può essere il tirocinante: ${eligibility.reasons.join(" ")}`, field, "conflict");
  return eligibility;
}

async function addTimelineStart(trx: Trx, internshipId: string, actor: InternshipActor, note: string | null) {
  await trx
    .insertInto("internship_transitions")
    .values({
      internship_id: internshipId,
      event: "request",
      from_state: "requested",
      to_state: "requested",
      actor_kind: actor.kind,
      actor_user_id: actor.kind === "system" ? null : actor.userId,
      note,
    })
    .execute();
}

/**
 * The regional minimum monthly indemnity (euro cents) for a plain request in `region` on `date`: the pre-filled value
 * of a request opened from a gap proposal (the employer confirms or raises it).
 */
export function minimumIndemnityCents(region: string, date: string, weeklyHours: number): number {
  const parsed = parseInternshipInput({
    date,
    region,
    host: { employeesPermanent: 10 },
    plannedMonths: 6,
    weeklyHours,
    dailyHours: Math.min(8, weeklyHours),
    monthlyIndemnity: 0,
  });
  if (!parsed.ok) return 50000;
  return Math.round(Number(evaluateInternship(parsed.input).minMonthlyIndemnity) * 100);
}

/**
 * An internship request from the employer's form (source 'direct', or 'screening' when it answers its «Vuoi ospitare un
 * tirocinio?» service request) or from an officer on its behalf. Saved as `requested` even when the checker finds
 * violations: the result is stored and shown, nothing typed is lost. A trainee named in the form is checked for
 * eligibility and chosen at once (no scouting).
 */
export async function createInternshipRequest(
  trx: Trx,
  actor: RequestActor,
  employerId: string,
  input: InternshipRequestInput,
  today: string,
): Promise<InternshipRow> {
  if (actor.kind === "employer" && actor.employerId !== employerId) throw new DomainError("Azienda non trovata", "_form", "not_found");
  if (actor.kind === "officer") {
    // On the employer's behalf: only for a company the CPI has validated.
    const employer = await trx.selectFrom("employers").select("status").where("id", "=", employerId).executeTakeFirst();
    if (!employer) throw new DomainError("Azienda non trovata", "_form", "not_found");
    if (employer.status !== "validated")
      throw new DomainError("L'azienda non è convalidata: convalidala prima di richiedere un tirocinio per suo conto", "_form", "conflict");
  }
  const occupation = await findOccupation(trx, input.occupation);
  if (!occupation || occupation.level < 4) throw new DomainError("Professione inesistente: sceglila dall'elenco CP2021", "occupation");
  const unit = await unitOf(trx, input.comune);
  let source: "direct" | "screening" | "officer" = actor.kind === "officer" ? "officer" : "direct";
  if (input.serviceRequestId) {
    const request = await trx
      .selectFrom("service_requests")
      .select(["id", "status"])
      .where("id", "=", input.serviceRequestId)
      .where("employer_id", "=", employerId)
      .where("service_code", "=", "R")
      .executeTakeFirst();
    if (!request) throw new DomainError("Richiesta di tirocinio non trovata tra quelle della tua azienda", "_form", "not_found");
    source = "screening";
  }
  const traineeId =
    input.traineeTaxCode && input.traineeLastName ? await findNamedTrainee(trx, input.traineeTaxCode, input.traineeLastName) : null;
  if (traineeId) await requireEligible(trx, employerId, traineeId, null, input.startDate ?? today, "traineeTaxCode");
  const row = await trx
    .insertInto("internships")
    .values({
      employer_id: employerId,
      source,
      service_request_id: input.serviceRequestId,
      comune_code: unit.comuneCode,
      region: unit.region,
      title: input.title,
      occupation_code: occupation.code,
      activities: input.activities,
      objectives: input.objectives ?? "",
      weekly_hours: input.weeklyHours,
      daily_hours: input.dailyHours,
      planned_months: input.plannedMonths,
      start_date: input.startDate,
      monthly_indemnity_cents: Math.round(input.monthlyIndemnity * 100),
      meal_vouchers: input.mealVouchers,
      employees_permanent: input.employeesPermanent,
      employees_fixed_term_counting: input.employeesFixedTermCounting,
      other_active_trainees: input.otherActiveTrainees,
      dismissals_last_12_months: input.dismissalsLast12Months,
      cig_same_tasks: input.cigSameTasks,
      host_tutor_name: input.hostTutorName,
      host_tutor_email: input.hostTutorEmail,
      host_tutor_role: input.hostTutorRole,
      host_tutor_trainees: input.hostTutorTrainees,
      officer_id: actor.kind === "officer" ? actor.userId : null,
      created_by: actor.userId,
    })
    .returning(["id"])
    .executeTakeFirstOrThrow();
  await addTimelineStart(
    trx,
    row.id,
    actor,
    actor.kind === "officer" ? "Richiesta inserita dal Centro per l'Impiego per conto dell'azienda" : null,
  );
  await recordAudit(trx, auditActor(actor), {
    action: "internship.create",
    entityType: "internship",
    entityId: row.id,
    employerId,
    details: { source, serviceRequestId: input.serviceRequestId, namedTrainee: !!traineeId },
  });
  if (traineeId)
    await transitionInternship(trx, { internshipId: row.id, event: "choose_candidate", actor, patch: { candidate_id: traineeId } });
  return (await runInternshipChecks(trx, row.id, today)).internship;
}

/**
 * A rosa's skills-gap proposal «tirocinio» the employer accepted: a request pre-filled from the vacancy (profile,
 * place, hours, the regional minimum indemnity) with the gap as the activities to learn and, when the proposal names a
 * person of the rosa, that person as the trainee if eligible. Once per proposal: a second acceptance returns the same.
 */
export async function openInternshipFromGapProposal(trx: Trx, actor: Actor, proposalId: string, today: string): Promise<string | null> {
  const proposal = await trx
    .selectFrom("gap_proposals as g")
    .innerJoin("shortlists as s", "s.id", "g.shortlist_id")
    .innerJoin("vacancies as v", "v.id", "s.vacancy_id")
    .innerJoin("comuni as c", "c.istat_code", "v.comune_code")
    .select([
      "g.id",
      "g.kind",
      "g.outcome",
      "g.gap",
      "g.description",
      "g.shortlist_candidate_id",
      "s.employer_id",
      "v.title",
      "v.occupation_code",
      "v.ateco_code",
      "v.comune_code",
      "v.weekly_hours",
      "v.tasks",
      "v.description as vacancy_description",
      "c.region_name",
      "c.province_code",
    ])
    .where("g.id", "=", proposalId)
    .executeTakeFirst();
  if (!proposal || proposal.kind !== "internship" || proposal.outcome !== "accepted") return null;
  const existing = await trx.selectFrom("internships").select("id").where("gap_proposal_id", "=", proposalId).executeTakeFirst();
  if (existing) return existing.id;
  const region = internshipRegionOf(proposal.region_name, proposal.province_code);
  const weeklyHours = Math.min(Number(proposal.weekly_hours ?? 40), 40);
  const row = await trx
    .insertInto("internships")
    .values({
      employer_id: proposal.employer_id,
      source: "gap_proposal",
      gap_proposal_id: proposal.id,
      comune_code: proposal.comune_code,
      region,
      title: `Tirocinio: ${proposal.title}`.slice(0, 200),
      occupation_code: proposal.occupation_code,
      ateco_code: proposal.ateco_code,
      activities: [proposal.tasks || proposal.vacancy_description, `Competenza da acquisire: ${proposal.gap}. ${proposal.description}`]
        .filter(Boolean)
        .join("\n\n")
        .slice(0, 8000),
      objectives: `Colmare il divario di competenze: ${proposal.gap}`.slice(0, 8000),
      weekly_hours: weeklyHours,
      daily_hours: Math.min(8, weeklyHours),
      planned_months: 6,
      monthly_indemnity_cents: minimumIndemnityCents(region, today, weeklyHours),
      created_by: actor.userId,
    })
    .returning(["id"])
    .executeTakeFirstOrThrow();
  const system: InternshipActor = actor.userId ? { kind: "officer", userId: actor.userId, ip: actor.ip } : { kind: "system" };
  await addTimelineStart(trx, row.id, system, `Dalla proposta «tirocinio» accettata dall'azienda: ${proposal.gap}`.slice(0, 2000));
  await recordAudit(trx, actor, {
    action: "internship.create",
    entityType: "internship",
    entityId: row.id,
    employerId: proposal.employer_id,
    details: { source: "gap_proposal", gapProposalId: proposal.id },
  });
  if (proposal.shortlist_candidate_id && system.kind === "officer") {
    const person = await trx
      .selectFrom("shortlist_candidates")
      .select(["id", "candidate_id"])
      .where("id", "=", proposal.shortlist_candidate_id)
      .executeTakeFirstOrThrow();
    const eligibility = await traineeEligibility(trx, {
      employerId: proposal.employer_id,
      candidateId: person.candidate_id,
      startDate: today,
    });
    if (!eligibility.reasons.length)
      await transitionInternship(trx, {
        internshipId: row.id,
        event: "choose_candidate",
        actor: system,
        patch: { candidate_id: person.candidate_id, shortlist_candidate_id: person.id },
        note: "Persona della rosa indicata nella proposta",
      });
  }
  await runInternshipChecks(trx, row.id, today);
  return row.id;
}

/**
 * The officer starts the search: the request becomes a vacancy of kind 'internship' (internal, in preselection, CO
 * type C.01.00) so the matching page, rosa building and availability requests work unchanged. Back from
 * candidate_chosen (the person withdrew) the open vacancy is reused, or a new one opened.
 */
export async function startInternshipScouting(
  trx: Trx,
  actor: Extract<InternshipActor, { kind: "officer" }>,
  internshipId: string,
  version: number | null,
  today: string,
): Promise<InternshipRow> {
  const current = await lockInternship(trx, actor, internshipId, version);
  let vacancyId = current.vacancy_id;
  if (vacancyId) {
    const v = await trx.selectFrom("vacancies").select("status").where("id", "=", vacancyId).executeTakeFirst();
    if (!v || v.status === "closed") vacancyId = null;
  }
  if (!vacancyId && current.state !== "requested" && current.state !== "candidate_chosen") vacancyId = null;
  if (!vacancyId) {
    const weekly = Math.min(48, Math.round(Number(current.weekly_hours) * 10) / 10);
    const now = new Date();
    const v = await trx
      .insertInto("vacancies")
      .values({
        employer_id: current.employer_id,
        kind: "internship",
        status: "in_preselection",
        title: current.title.slice(0, 120),
        occupation_code: current.occupation_code,
        ateco_code: current.ateco_code,
        description: `Tirocinio extracurricolare (richiesta n. ${current.number}). ${current.activities}`.slice(0, 5000),
        tasks: current.objectives.slice(0, 3000),
        comune_code: current.comune_code,
        contract_type: INTERNSHIP_CONTRACT_TYPE,
        working_time_code: weekly >= 36 ? "F" : "P",
        weekly_hours: weekly,
        positions: 1,
        closing_date: addDays(today, SCOUTING_DAYS),
        publication_mode: "internal",
        discrimination_flags: "[]",
        submitted_at: now,
        validated_at: now,
        validated_by: actor.userId,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    vacancyId = v.id;
    await enqueueSearchSync(trx, "vacancies", [vacancyId]);
  }
  return transitionInternship(trx, {
    internshipId,
    event: "start_scouting",
    actor,
    expectedVersion: version,
    patch: { vacancy_id: vacancyId, officer_id: current.officer_id ?? actor.userId },
  });
}

/** Rosa rows whose person confirmed availability (or went further): only they can be chosen as the trainee. */
export const CHOOSABLE_ROW_STATES = ["available", "presented", "interview", "selected"] as const;

/**
 * The trainee is chosen: a person of the internship's rosa who confirmed availability, or one named by tax code and
 * surname. Refused when Rosa knows the person may not be this host's trainee; the checks run again with the person.
 */
export async function chooseInternshipTrainee(
  trx: Trx,
  actor: RequestActor,
  internshipId: string,
  input: { version: number | null; shortlistCandidateId: string | null; traineeTaxCode: string | null; traineeLastName: string | null },
  today: string,
): Promise<InternshipRow> {
  const current = await lockInternship(trx, actor, internshipId, input.version);
  let candidateId: string;
  let rowId: string | null = null;
  if (input.shortlistCandidateId) {
    if (!current.vacancy_id) throw new DomainError("Questa richiesta non ha ancora una rosa", "shortlistCandidateId", "conflict");
    const row = await trx
      .selectFrom("shortlist_candidates as sc")
      .innerJoin("shortlists as s", "s.id", "sc.shortlist_id")
      .select(["sc.id", "sc.candidate_id", "sc.state"])
      .where("sc.id", "=", input.shortlistCandidateId)
      .where("s.vacancy_id", "=", current.vacancy_id)
      .executeTakeFirst();
    if (!row) throw new DomainError("Persona non trovata nella rosa di questo tirocinio", "shortlistCandidateId", "not_found");
    if (!(CHOOSABLE_ROW_STATES as readonly string[]).includes(row.state))
      throw new DomainError("La persona non ha ancora confermato la disponibilità", "shortlistCandidateId", "conflict");
    candidateId = row.candidate_id;
    rowId = row.id;
  } else {
    candidateId = await findNamedTrainee(trx, input.traineeTaxCode!, input.traineeLastName ?? "");
  }
  await requireEligible(
    trx,
    current.employer_id,
    candidateId,
    current.id,
    current.start_date ?? today,
    rowId ? "shortlistCandidateId" : "traineeTaxCode",
  );
  await transitionInternship(trx, {
    internshipId,
    event: "choose_candidate",
    actor,
    expectedVersion: input.version,
    patch: { candidate_id: candidateId, shortlist_candidate_id: rowId },
  });
  if (current.vacancy_id) await closeScoutingVacancy(trx, actor, current.vacancy_id, "choose_candidate");
  return (await runInternshipChecks(trx, internshipId, today)).internship;
}

/** The scouting vacancy closes with the internship's search: filled when the trainee is chosen, cancelled otherwise. */
async function closeScoutingVacancy(trx: Trx, actor: InternshipActor, vacancyId: string, event: InternshipEvent) {
  const v = await trx.selectFrom("vacancies").select(["status", "kind"]).where("id", "=", vacancyId).executeTakeFirst();
  if (!v || v.kind !== "internship" || v.status === "closed") return;
  await transitionVacancy(trx, auditActor(actor), { kind: "officer" }, vacancyId, {
    event: event === "choose_candidate" ? "close" : "cancel",
    version: null,
    outcome: event === "choose_candidate" ? "filled" : "",
    channel: event === "choose_candidate" ? "rosa" : "",
    reason: event === "choose_candidate" ? "Tirocinante scelto" : "Tirocinio annullato o respinto",
  });
}

/** Moves without data of their own: the case page's plain buttons (the others have their own commands and forms). */
export const PLAIN_EVENTS: readonly InternshipEvent[] = ["open_drafting", "cancel", "reject"];

export async function moveInternship(
  trx: Trx,
  actor: InternshipActor,
  input: { internshipId: string; event: InternshipEvent; version: number | null; note: string | null },
): Promise<InternshipRow> {
  if (!PLAIN_EVENTS.includes(input.event)) throw new DomainError("Operazione non disponibile da qui", "_form", "invalid");
  if (input.event === "reject" && !input.note) throw new DomainError("Indica il motivo per cui respingi la richiesta", "note");
  const row = await transitionInternship(trx, { ...input, actor, expectedVersion: input.version });
  if ((input.event === "cancel" || input.event === "reject") && row.vacancy_id)
    await closeScoutingVacancy(trx, actor, row.vacancy_id, input.event);
  return row;
}

/** The label of a state for messages outside the client-safe module. */
export const stateLabel = (state: InternshipRow["state"]) => INTERNSHIP_STATE_LABELS[state];
