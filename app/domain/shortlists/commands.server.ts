import { todayInItaly } from "~/utils/dates";
import { absoluteUrl } from "~/utils/public-url.server";
import { plural } from "~/utils/plural";
import type { Updateable } from "kysely";
import type { Trx } from "~/db/db.server";
import type { FeedbackReason, HireRequestChannel, ShortlistCandidateState } from "~/db/tables/shortlists";
import type { Actor } from "~/domain/audit/index.server";
import { recordAudit } from "~/domain/audit/index.server";
import { DEFAULT_FULL_TIME_HOURS, recordReservedHire } from "~/domain/l68/index.server";
import { openInternshipFromGapProposal } from "~/domain/internships/index.server";
import { closeOutcomeOnHire } from "~/domain/outplacement/index.server";
import { resolveComune } from "~/domain/reference/index.server";
import { DomainError, StaleVersionError } from "~/domain/errors";
import { enqueueMail } from "~/domain/mail/index.server";
import type { MatchResult } from "~/domain/matching/index.server";
import { RANK_ORDER, RANK_ORDER_LESS_PRESENTED } from "~/domain/matching";
import { transitionVacancy } from "~/domain/vacancies/index.server";
import { notifyEmployer } from "~/domain/vacancies/index.server";
import { enqueueSearchSync } from "../../../search/outbox.server";
import { recordPresentationDelivery, recordSelectionDelivery, type SpentTime } from "./deliveries.server";
import { durationCheck, standardPrefill } from "~/domain/services";
import type { ShortlistScope } from "./policy.server";
import { actorKind } from "./policy.server";
import { claimAvailabilityLink, sendAvailabilityLink } from "./availability-links.server";
import { REASON_LABELS } from "./schema";
import { unilavColumns, type HireUnilavFields } from "./hire-unilav.server";
import type { Shortlists } from "~/db/schema.generated";
import {
  candidateMove,
  nextCandidateState,
  OPEN_STATES,
  SHORTLIST_CLOSED,
  shortlistMove,
  type ShortlistEvent,
  type ShortlistStatusEvent,
} from "./states";

const DAY = 86_400_000;

/** A hire as the form gives it (codes already checked against the national lists). */
export interface HireInput {
  rowId: string;
  version: number;
  contractType: string;
  startDate: string;
  endDate: string | null;
  workingTime: "F" | "P" | "V" | "M";
  weeklyHours: number | null;
  ccnl: string;
  contractLevel: string;
  qualification: string;
  grossPay: number | null;
  workComune: string;
  l68Reserved: boolean;
  requestChannel: HireRequestChannel | null;
}
/** A hire with the UNILAV fields the form may add (docs/legal/national-systems.md#unilav-xml). */
export type HireWithUnilavInput = HireInput & Partial<HireUnilavFields>;

/** The search behind a shortlist, as stored: enough to see later why these people were chosen. */
export function searchSnapshot(match: MatchResult, relaxed: string[]) {
  return {
    conditions: match.plan.conditions,
    mustHaves: match.plan.mustHaves.map((m) => ({ id: m.requirement.id, filter: m.filter })),
    relaxed,
    manual: match.plan.manual.map((r) => r.id),
    nice: match.plan.nice.map((n) => ({ id: n.requirement.id, points: n.points, filter: n.filter })),
    tiers: match.plan.tiers,
    sort: match.options.preferLessPresented ? RANK_ORDER_LESS_PRESENTED : RANK_ORDER,
    filter: match.plan.resultFilter(),
    total: match.total,
    relaxation: match.relaxation,
    options: match.options,
  };
}

export async function createShortlist(
  trx: Trx,
  actor: Actor,
  input: {
    vacancyId: string;
    employerId: string;
    vacancyStatus: string;
    title: string;
    candidateIds: string[];
    relaxed: string[];
    match: MatchResult;
  },
) {
  const byId = new Map(input.match.hits.map((h, i) => [h.id, { hit: h, rank: input.match.offset + i + 1 }]));
  const missing = input.candidateIds.filter((id) => !byId.has(id));
  if (missing.length)
    throw new DomainError("Alcuni candidati scelti non sono più tra i risultati: rifai la ricerca e riprova.", "candidateIds", "conflict");
  const shortlist = await trx
    .insertInto("shortlists")
    .values({
      vacancy_id: input.vacancyId,
      employer_id: input.employerId,
      title: input.title,
      search_snapshot: JSON.stringify(searchSnapshot(input.match, input.relaxed)),
      results_snapshot: JSON.stringify(
        input.match.hits.map((h, i) => ({
          rank: input.match.offset + i + 1,
          id: h.id,
          name: h.fullName,
          comune: h.comuneName,
          score: h.explanation.score,
          explanation: h.explanation,
        })),
      ),
      index_uid: input.match.indexUid,
      settings_version: input.match.settingsVersion,
      created_by: actor.userId!,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("shortlist_candidates")
    .values(
      input.candidateIds.map((id) => {
        const { hit, rank } = byId.get(id)!;
        return {
          shortlist_id: shortlist.id,
          candidate_id: id,
          rank,
          score: hit.explanation.score,
          explanation: JSON.stringify(hit.explanation),
        };
      }),
    )
    .execute();
  await recordAudit(trx, actor, {
    action: "shortlist.create",
    entityType: "shortlist",
    entityId: shortlist.id,
    employerId: input.employerId,
    details: { vacancyId: input.vacancyId, candidates: input.candidateIds, relaxed: input.relaxed, total: input.match.total },
  });
  if (input.vacancyStatus === "validated" || input.vacancyStatus === "published") {
    await transitionVacancy(trx, actor, { kind: "officer" }, input.vacancyId, {
      event: "start_preselection",
      version: null,
      reason: "",
      outcome: "",
      channel: "",
    });
  }
  return shortlist.id;
}

async function lockRow(trx: Trx, rowId: string, scope: ShortlistScope) {
  let query = trx
    .selectFrom("shortlist_candidates as sc")
    .innerJoin("shortlists as s", "s.id", "sc.shortlist_id")
    .innerJoin("candidates as c", "c.id", "sc.candidate_id")
    .select([
      "sc.id",
      "sc.state",
      "sc.version",
      "sc.shortlist_id",
      "sc.candidate_id",
      "sc.availability_deadline",
      "s.employer_id",
      "s.vacancy_id",
      "s.status as shortlist_status",
      "s.title as shortlist_title",
      "c.email",
      "c.phone",
      "c.first_name",
      "c.last_name",
      "c.user_id",
    ])
    .where("sc.id", "=", rowId);
  if (scope.kind === "employer") query = query.where("s.employer_id", "=", scope.employerId).where("sc.presented_at", "is not", null);
  if (scope.kind === "candidate") query = query.where("c.user_id", "=", scope.userId);
  if (scope.kind === "link") query = query.where("c.id", "=", scope.candidateId);
  const row = await query.forUpdate("sc").executeTakeFirst();
  if (!row) throw new DomainError("Candidato non trovato in questa rosa", "_form", "not_found");
  return row;
}

/**
 * Moves one person along the transition table, if this actor may; versioned
 * (two officers on the same rosa: the second is refused, nothing lost),
 * recorded in the shortlist's own history and in the audit log.
 */
export async function moveCandidate(
  trx: Trx,
  actor: Actor,
  scope: ShortlistScope,
  input: { rowId: string; event: ShortlistEvent; version: number | null; note?: string | null; set?: Record<string, unknown> },
  now: Date = new Date(),
) {
  const row = await lockRow(trx, input.rowId, scope);
  if (input.version !== null && row.version !== input.version) throw new StaleVersionError();
  const to = candidateMove(row.state, input.event, actorKind(scope));
  await trx
    .updateTable("shortlist_candidates")
    .set({
      ...(input.set ?? {}),
      state: to,
      version: row.version + 1,
      updated_at: now,
      ...(to === "presented" ? { presented_at: now } : {}),
    })
    .where("id", "=", row.id)
    .execute();
  // The index keeps each person's last presentation: matching can favour the less presented.
  if (to === "presented") await enqueueSearchSync(trx, "candidates", [row.candidate_id]);
  await trx
    .insertInto("shortlist_transitions")
    .values({
      shortlist_candidate_id: row.id,
      event: input.event,
      from_state: row.state,
      to_state: to,
      actor_kind: actorKind(scope),
      actor_user_id: actor.userId,
      note: input.note ?? null,
    })
    .execute();
  await recordAudit(trx, actor, {
    action: `shortlist.candidate.${input.event}`,
    entityType: "shortlist_candidate",
    entityId: row.id,
    employerId: row.employer_id,
    details: { shortlistId: row.shortlist_id, candidateId: row.candidate_id, from: row.state, to, note: input.note ?? null },
  });
  if (to === "selected" || to === "hired") await recordSelectionDelivery(trx, row.shortlist_id, now);
  return { ...row, from: row.state, to, version: row.version + 1 };
}

/**
 * Asks the person for availability: deadline set, and a one-click signed link sent by e-mail (or
 * SMS when there is only a phone); a person with an account also finds the request in their area.
 */
export async function startContact(
  trx: Trx,
  actor: Actor,
  scope: ShortlistScope,
  input: { rowId: string; version: number | null; deadlineDays: number },
  now = new Date(),
) {
  const deadline = new Date(now.getTime() + input.deadlineDays * DAY);
  const row = await moveCandidate(
    trx,
    actor,
    scope,
    { rowId: input.rowId, event: "start_contact", version: input.version, set: { availability_deadline: deadline } },
    now,
  );
  const channel = await sendAvailabilityLink(trx, actor, row, deadline);
  return { ...row, channel };
}

/**
 * «Avvia il contatto» for many people at once, in one transaction. Idempotent: people already
 * contacted (a double submit, a second officer) are skipped and counted, not refused.
 */
export async function startContactMany(
  trx: Trx,
  actor: Actor,
  scope: ShortlistScope,
  input: { shortlistId: string; rowIds: string[]; deadlineDays: number },
  now = new Date(),
) {
  const s = await lockShortlist(trx, input.shortlistId, null);
  if (s.status === "closed") throw new DomainError(SHORTLIST_CLOSED, "_form", "conflict");
  const rows = await trx
    .selectFrom("shortlist_candidates")
    .select(["id", "state"])
    .where("shortlist_id", "=", input.shortlistId)
    .where("id", "in", input.rowIds)
    .orderBy("rank")
    .forUpdate()
    .execute();
  if (rows.length !== new Set(input.rowIds).size)
    throw new DomainError("Alcuni candidati scelti non sono in questa rosa: ricarica la pagina.", "rowIds", "not_found");
  const summary = { contacted: 0, skipped: 0, email: 0, sms: 0, none: 0 };
  for (const r of rows) {
    if (!nextCandidateState(r.state, "start_contact", actorKind(scope))) {
      summary.skipped++;
      continue;
    }
    const { channel } = await startContact(trx, actor, scope, { rowId: r.id, version: null, deadlineDays: input.deadlineDays }, now);
    summary.contacted++;
    summary[channel ?? "none"]++;
  }
  await recordAudit(trx, actor, {
    action: "shortlist.contact_many",
    entityType: "shortlist",
    entityId: input.shortlistId,
    employerId: s.employer_id,
    details: summary,
  });
  return summary;
}

/** The person answers through the signed link, without login (docs/decisions/0010-signed-availability-links.md). */
export async function answerAvailabilityLink(
  trx: Trx,
  input: { token: string; response: "confirmed" | "declined"; shareContacts: boolean; ip: string | null },
  now = new Date(),
) {
  const claimed = await claimAvailabilityLink(trx, input.token, input.response, now);
  const actor: Actor = { userId: claimed.user_id, role: "candidate", ip: input.ip };
  await moveCandidate(
    trx,
    actor,
    { kind: "link", candidateId: claimed.candidate_id },
    {
      rowId: claimed.id,
      event: input.response === "confirmed" ? "candidate_confirm" : "candidate_decline",
      version: null,
      note: "Risposta dal collegamento ricevuto",
      set: {
        candidate_response: input.response,
        candidate_responded_at: now,
        contact_consent: input.response === "confirmed" && input.shareContacts,
      },
    },
    now,
  );
  return input.response;
}

const OUTCOME_EVENT: Partial<Record<string, ShortlistEvent>> = {
  available: "mark_available",
  not_available: "mark_not_available",
  not_interested: "mark_not_interested",
  wrong_contact: "mark_unreachable",
};

export async function recordContactAttempt(
  trx: Trx,
  actor: Actor,
  scope: ShortlistScope,
  input: {
    rowId: string;
    version: number;
    channel: "phone" | "email" | "sms" | "in_person" | "portal";
    attemptedAt: Date;
    outcome: string;
    note: string | null;
    shareContacts: boolean;
  },
  now = new Date(),
) {
  if (input.attemptedAt.getTime() > now.getTime() + 5 * 60_000)
    throw new DomainError("Il contatto non può essere nel futuro", "attemptedAt");
  const row = await lockRow(trx, input.rowId, scope);
  if (row.version !== input.version) throw new StaleVersionError();
  if (row.state !== "contacting") throw new DomainError("Avvia prima il contatto con il candidato", "_form", "conflict");
  await trx
    .insertInto("contact_attempts")
    .values({
      shortlist_candidate_id: row.id,
      channel: input.channel,
      attempted_at: input.attemptedAt,
      outcome: input.outcome as "available",
      note: input.note,
      recorded_by: actor.userId!,
    })
    .execute();
  const event = OUTCOME_EVENT[input.outcome];
  if (!event) {
    await trx
      .updateTable("shortlist_candidates")
      .set({ version: row.version + 1, updated_at: now })
      .where("id", "=", row.id)
      .execute();
    await recordAudit(trx, actor, {
      action: "shortlist.candidate.contact_attempt",
      entityType: "shortlist_candidate",
      entityId: row.id,
      employerId: row.employer_id,
      details: { channel: input.channel, outcome: input.outcome },
    });
    return;
  }
  const set =
    event === "mark_available"
      ? { candidate_response: "confirmed", candidate_responded_at: input.attemptedAt, contact_consent: input.shareContacts }
      : {};
  await moveCandidate(
    trx,
    actor,
    scope,
    { rowId: row.id, event, version: row.version, note: `${input.channel}: ${input.outcome}${input.note ? ` — ${input.note}` : ""}`, set },
    now,
  );
}

/** The candidate answers in their own account, before the deadline. */
export async function respondToAvailability(
  trx: Trx,
  actor: Actor,
  scope: ShortlistScope,
  input: { rowId: string; response: "confirmed" | "declined"; shareContacts: boolean },
  now = new Date(),
) {
  const row = await lockRow(trx, input.rowId, scope);
  if (row.state !== "contacting") throw new DomainError("Questa richiesta non attende più una risposta", "_form", "conflict");
  if (row.availability_deadline && row.availability_deadline.getTime() < now.getTime())
    throw new DomainError("La scadenza per rispondere è passata: contatta il tuo Centro per l'Impiego", "_form", "conflict");
  await moveCandidate(
    trx,
    actor,
    scope,
    {
      rowId: row.id,
      event: input.response === "confirmed" ? "candidate_confirm" : "candidate_decline",
      version: null,
      set: {
        candidate_response: input.response,
        candidate_responded_at: now,
        contact_consent: input.response === "confirmed" && input.shareContacts,
      },
    },
    now,
  );
}

/** No answer by the deadline = not available (run lazily before reading or presenting a rosa). */
export async function expireAvailability(trx: Trx, now = new Date(), shortlistId?: string) {
  let query = trx
    .selectFrom("shortlist_candidates")
    .select("id")
    .where("state", "=", "contacting")
    .where("availability_deadline", "<", now);
  if (shortlistId) query = query.where("shortlist_id", "=", shortlistId);
  const rows = await query.execute();
  const system: Actor = { userId: null, role: "system", ip: null };
  for (const r of rows)
    await moveCandidate(
      trx,
      system,
      { kind: "system" },
      { rowId: r.id, event: "deadline_expired", version: null, note: "Nessuna risposta entro la scadenza" },
      now,
    );
  return rows.length;
}

async function lockShortlist(trx: Trx, shortlistId: string, version: number | null) {
  const s = await trx.selectFrom("shortlists").selectAll().where("id", "=", shortlistId).forUpdate().executeTakeFirst();
  if (!s) throw new DomainError("Rosa non trovata", "_form", "not_found");
  if (version !== null && s.version !== version) throw new StaleVersionError();
  return s;
}

/**
 * Moves a rosa along SHORTLIST_STATUS_TRANSITIONS (states.ts): row lock, version check (null when the
 * caller already holds the lock), audit in the same transaction.
 */
async function transitionShortlist(
  trx: Trx,
  actor: Actor,
  input: {
    shortlistId: string;
    event: ShortlistStatusEvent;
    version: number | null;
    set?: Updateable<Shortlists>;
    details?: Record<string, unknown>;
  },
  now: Date,
) {
  const s = await lockShortlist(trx, input.shortlistId, input.version);
  const to = shortlistMove(s.status, input.event);
  await trx
    .updateTable("shortlists")
    .set({ ...input.set, status: to, version: s.version + 1, updated_at: now })
    .where("id", "=", s.id)
    .execute();
  await recordAudit(trx, actor, {
    action: `shortlist.${input.event}`,
    entityType: "shortlist",
    entityId: s.id,
    employerId: s.employer_id,
    details: { from: s.status, to, ...input.details },
  });
  return { status: to, version: s.version + 1 };
}

/** Presents every confirmed person; the employer is notified and sees them in its area. */
export async function presentShortlist(
  trx: Trx,
  actor: Actor,
  scope: ShortlistScope,
  input: { shortlistId: string; version: number; spent?: SpentTime },
  now = new Date(),
) {
  const s = await lockShortlist(trx, input.shortlistId, input.version);
  const standard = await trx
    .selectFrom("service_standards")
    .select(["code", "min_minutes", "max_minutes"])
    .where("code", "=", "4C")
    .executeTakeFirst();
  const spent: SpentTime = input.spent ?? { ...standardPrefill(standard, "4C"), justification: null };
  const check = standard ? durationCheck(standard, spent.minutes) : { ok: true, message: null };
  if (!check.ok && (!spent.justification || spent.justification.length < 10)) throw new DomainError(check.message!, "justification");
  shortlistMove(s.status, "present");
  await expireAvailability(trx, now, s.id);
  const ready = await trx
    .selectFrom("shortlist_candidates")
    .select("id")
    .where("shortlist_id", "=", s.id)
    .where("state", "=", "available")
    .execute();
  if (!ready.length)
    throw new DomainError("Nessun candidato ha confermato la disponibilità: non c'è nessuno da presentare.", "_form", "conflict");
  for (const r of ready) await moveCandidate(trx, actor, scope, { rowId: r.id, event: "present", version: null }, now);
  await transitionShortlist(
    trx,
    actor,
    {
      shortlistId: s.id,
      event: "present",
      version: s.version,
      set: { presented_at: s.presented_at ?? now, presented_by: actor.userId },
      details: { presented: ready.length },
    },
    now,
  );
  // The service delivery register (docs/architecture.md#service-4c): presenting a rosa is the 4C/Q output.
  if (actor.userId) {
    const all = await trx
      .selectFrom("shortlist_candidates")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("shortlist_id", "=", s.id)
      .where("presented_at", "is not", null)
      .executeTakeFirstOrThrow();
    await recordPresentationDelivery(trx, s, actor.userId, Number(all.n), spent, now);
  }
  await notifyEmployer(trx, s.employer_id, {
    title: "Nuova rosa di candidati",
    body: `Il Centro per l'Impiego ti ha presentato ${plural(ready.length, "candidato", "candidati")} (${s.title}). Indica per ciascuno il tuo riscontro.`,
    link: `/azienda/rose/${s.id}`,
  });
  return ready.length;
}

const DECISION_EVENT = { interview: "schedule_interview", selected: "select", not_selected: "reject" } as const;

export async function giveFeedback(
  trx: Trx,
  actor: Actor,
  scope: ShortlistScope,
  input: {
    rowId: string;
    version: number;
    decision: "interview" | "selected" | "not_selected";
    reason: FeedbackReason | null;
    missingSkills: string | null;
    reasonText: string | null;
    comment: string | null;
    share: boolean;
    /** Only with «interview»: a date the employer fixed (in the future), or the CPI arranges it. */
    interview?: { arrangedBy: "employer"; at: Date } | { arrangedBy: "cpi" } | null;
  },
  now = new Date(),
) {
  if (input.decision === "not_selected" && !input.reason)
    throw new DomainError("Indica il motivo per cui non è stato selezionato", "reason");
  const interview = input.decision === "interview" ? input.interview : null;
  if (input.decision === "interview" && !interview)
    throw new DomainError("Indica la data e l'ora del colloquio oppure chiedi al Centro per l'Impiego di fissarlo", "interviewArrangement");
  if (interview?.arrangedBy === "employer" && interview.at.getTime() <= now.getTime())
    throw new DomainError("La data del colloquio è già passata: indica una data e un'ora future", "interviewAt");
  const row = await moveCandidate(
    trx,
    actor,
    scope,
    {
      rowId: input.rowId,
      event: DECISION_EVENT[input.decision],
      version: input.version,
      note: input.reason ? REASON_LABELS[input.reason] : null,
      set: input.reason ? { outcome_reason: input.reason } : {},
    },
    now,
  );
  await trx
    .insertInto("employer_feedback")
    .values({
      shortlist_candidate_id: row.id,
      decision: input.decision,
      reason: input.reason,
      missing_skills: input.missingSkills,
      reason_text: input.reasonText,
      comment: input.comment,
      share_with_candidate: input.share,
      interview_at: interview?.arrangedBy === "employer" ? interview.at : null,
      interview_arranged_by: interview?.arrangedBy ?? null,
      given_by: actor.userId,
      given_at: now,
    })
    .execute();
  if (input.decision === "not_selected" && input.share && row.email) {
    await enqueueMail(trx, {
      to: row.email,
      subject: "Rosa: esito della selezione",
      body: `Buongiorno ${row.first_name},\nl'azienda non ti ha selezionato per l'offerta. Motivo: ${REASON_LABELS[input.reason!]}${input.reason === "skills_lacking" && input.missingSkills ? ` (${input.missingSkills})` : ""}. Il tuo Centro per l'Impiego può proporti un percorso per colmare le carenze.`,
    });
  }
}

/**
 * Records a hire with the UNILAV fields; when every position is filled the
 * vacancy closes, the shortlists close and everybody still in the running is
 * told they were not selected.
 */
export async function recordHire(trx: Trx, actor: Actor, scope: ShortlistScope, input: HireWithUnilavInput, now = new Date()) {
  // An officer records a hire only on the employer's behalf, saying how the employer asked (docs/decisions/0019-hire-with-unilav-fields.md).
  const recordedAs = scope.kind === "officer" ? "officer" : "employer";
  if (recordedAs === "officer" && !input.requestChannel)
    throw new DomainError("Indica come l'azienda ha chiesto di registrare l'assunzione", "requestChannel");
  const comune = await resolveComune(trx, input.workComune);
  if (!comune) throw new DomainError("Comune della sede di lavoro sconosciuto: scegli dall'elenco (es. «Milano (MI)»)", "workComune");
  const pre = await lockRow(trx, input.rowId, scope);
  const vacancy = await trx
    .selectFrom("vacancies")
    .select(["id", "positions", "status", "employer_id"])
    .where("id", "=", pre.vacancy_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (vacancy.status === "closed") throw new DomainError("L'offerta è già chiusa", "_form", "conflict");
  const { n } = await trx
    .selectFrom("hires")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("vacancy_id", "=", vacancy.id)
    .executeTakeFirstOrThrow();
  const filled = Number(n);
  if (filled >= vacancy.positions) throw new DomainError("Tutte le posizioni dell'offerta sono già coperte", "_form", "conflict");
  const row = await moveCandidate(trx, actor, scope, { rowId: input.rowId, event: "hire", version: input.version }, now);
  await trx
    .insertInto("hires")
    .values({
      shortlist_candidate_id: row.id,
      vacancy_id: vacancy.id,
      employer_id: vacancy.employer_id,
      candidate_id: row.candidate_id,
      contract_type: input.contractType,
      start_date: input.startDate,
      end_date: input.endDate,
      weekly_hours: input.weeklyHours ?? DEFAULT_FULL_TIME_HOURS,
      working_time_code: input.workingTime,
      ccnl_code: input.ccnl,
      contract_level: input.contractLevel,
      qualification_code: input.qualification,
      gross_annual_pay: input.grossPay,
      work_comune_code: comune.istatCode,
      l68_reserved_post: input.l68Reserved,
      recorded_as: recordedAs,
      request_channel: recordedAs === "officer" ? input.requestChannel : null,
      recorded_by: actor.userId!,
      ...unilavColumns(input),
    })
    .returning("id")
    .executeTakeFirstOrThrow()
    .then(async (hire) => {
      // A cohort worker in outplacement hired through a rosa: the outcome closes in the same transaction.
      await closeOutcomeOnHire(trx, actor, hire.id);
      return recordReservedHire(trx, actor, hire.id, now);
    });
  await trx
    .insertInto("employer_feedback")
    .values({ shortlist_candidate_id: row.id, decision: "hired", given_by: actor.userId, given_at: now })
    .execute();
  await recordAudit(trx, actor, {
    action: "hire.record",
    entityType: "vacancy",
    entityId: vacancy.id,
    employerId: vacancy.employer_id,
    details: {
      candidateId: row.candidate_id,
      contractType: input.contractType,
      startDate: input.startDate,
      endDate: input.endDate,
      workingTime: input.workingTime,
      weeklyHours: input.weeklyHours,
      recordedAs,
      requestChannel: recordedAs === "officer" ? input.requestChannel : null,
      filled: filled + 1,
      positions: vacancy.positions,
    },
  });
  const allFilled = filled + 1 >= vacancy.positions;
  if (allFilled) await closeVacancyFilled(trx, actor, vacancy.id, now);
  return { filled: filled + 1, positions: vacancy.positions, closed: allFilled };
}

async function closeVacancyFilled(trx: Trx, actor: Actor, vacancyId: string, now: Date) {
  await transitionVacancy(
    trx,
    actor,
    { kind: "officer" },
    vacancyId,
    { event: "close", version: null, reason: "", outcome: "filled", channel: "rosa" },
    now,
  );
  const others = await trx
    .selectFrom("shortlist_candidates as sc")
    .innerJoin("shortlists as s", "s.id", "sc.shortlist_id")
    .select("sc.id")
    .where("s.vacancy_id", "=", vacancyId)
    .where("sc.state", "in", OPEN_STATES as ShortlistCandidateState[])
    .execute();
  const system: Actor = { userId: actor.userId, role: "system", ip: actor.ip };
  for (const o of others) {
    const moved = await moveCandidate(
      trx,
      system,
      { kind: "system" },
      { rowId: o.id, event: "reject", version: null, note: REASON_LABELS.position_filled, set: { outcome_reason: "position_filled" } },
      now,
    );
    if (moved.email && moved.from !== "proposed")
      await enqueueMail(trx, {
        to: moved.email,
        subject: "Rosa: posizione coperta",
        body: `Buongiorno ${moved.first_name},\nle posizioni dell'offerta per cui eri stato proposto sono state coperte: questa volta non sei stato selezionato. Grazie per la disponibilità.`,
      });
  }
  const open = await trx
    .selectFrom("shortlists")
    .select("id")
    .where("vacancy_id", "=", vacancyId)
    .where("status", "<>", "closed")
    .orderBy("id")
    .forUpdate()
    .execute();
  for (const s of open)
    await transitionShortlist(trx, system, { shortlistId: s.id, event: "close", version: null, set: { closed_at: now } }, now);
}

export async function addGapProposal(
  trx: Trx,
  actor: Actor,
  input: {
    shortlistId: string;
    rowId: string | null;
    gap: string;
    kind: "training" | "internship" | "relax_requirement";
    description: string;
  },
) {
  const s = await lockShortlist(trx, input.shortlistId, null);
  if (input.rowId) {
    const r = await trx
      .selectFrom("shortlist_candidates")
      .select("id")
      .where("id", "=", input.rowId)
      .where("shortlist_id", "=", s.id)
      .executeTakeFirst();
    if (!r) throw new DomainError("Candidato non trovato in questa rosa", "rowId", "not_found");
  }
  const p = await trx
    .insertInto("gap_proposals")
    .values({
      shortlist_id: s.id,
      shortlist_candidate_id: input.rowId,
      gap: input.gap,
      kind: input.kind,
      description: input.description,
      created_by: actor.userId!,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: "gap_proposal.create",
    entityType: "gap_proposal",
    entityId: p.id,
    employerId: s.employer_id,
    details: { kind: input.kind, gap: input.gap },
  });
}

export async function setGapOutcome(
  trx: Trx,
  actor: Actor,
  input: { shortlistId: string; proposalId: string; outcome: "proposed" | "accepted" | "declined" | "done" },
) {
  const p = await trx
    .updateTable("gap_proposals")
    .set({ outcome: input.outcome, updated_at: new Date() })
    .where("id", "=", input.proposalId)
    .where("shortlist_id", "=", input.shortlistId)
    .returning(["id", "kind"])
    .executeTakeFirst();
  if (!p) throw new DomainError("Proposta non trovata", "_form", "not_found");
  // An accepted «tirocinio» opens an internship request (docs/decisions/tirocini.md#da-dove-nasce-una-richiesta).
  if (p.kind === "internship" && input.outcome === "accepted") await openInternshipFromGapProposal(trx, actor, p.id, todayInItaly());
  await recordAudit(trx, actor, {
    action: "gap_proposal.outcome",
    entityType: "gap_proposal",
    entityId: p.id,
    details: { outcome: input.outcome },
  });
}

/**
 * Reminders when presented people get no feedback within N days, an alert to
 * the officer after 2N; one row per sent item keeps it idempotent.
 */
export async function sendFeedbackReminders(trx: Trx, days: number, now = new Date()) {
  const waiting = await trx
    .selectFrom("shortlists as s")
    .innerJoin("users as u", "u.id", "s.created_by")
    .select(["s.id", "s.employer_id", "s.title", "s.presented_at", "u.email as officer_email"])
    .where("s.status", "=", "presented")
    .where("s.presented_at", "<", new Date(now.getTime() - days * DAY))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("shortlist_candidates as sc")
          .select("sc.id")
          .whereRef("sc.shortlist_id", "=", "s.id")
          .where("sc.state", "=", "presented"),
      ),
    )
    .execute();
  let sent = 0;
  for (const s of waiting) {
    const reminder = await trx
      .insertInto("shortlist_feedback_reminders")
      .values({ shortlist_id: s.id, kind: "employer_reminder" })
      .onConflict((oc) => oc.doNothing())
      .returning("kind")
      .executeTakeFirst();
    if (reminder) {
      sent++;
      await notifyEmployer(trx, s.employer_id, {
        title: "Riscontro sulla rosa di candidati",
        body: `Non abbiamo ancora il tuo riscontro sui candidati presentati (${s.title}). Indica per ciascuno se vuoi fare un colloquio o perché non è adatto.`,
        link: `/azienda/rose/${s.id}`,
      });
    }
    if (s.presented_at && s.presented_at.getTime() < now.getTime() - 2 * days * DAY) {
      const alert = await trx
        .insertInto("shortlist_feedback_reminders")
        .values({ shortlist_id: s.id, kind: "officer_alert" })
        .onConflict((oc) => oc.doNothing())
        .returning("kind")
        .executeTakeFirst();
      if (alert) {
        sent++;
        await enqueueMail(trx, {
          to: s.officer_email,
          subject: "Rosa: nessun riscontro dall'azienda",
          body: `L'azienda non ha dato riscontro sulla rosa «${s.title}» entro ${2 * days} giorni: contattala. La rosa: ${absoluteUrl(`/operatore/rose/${s.id}`)}`,
        });
      }
    }
  }
  return sent;
}
