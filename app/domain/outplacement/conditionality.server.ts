/**
 * Conditionality events (docs/decisions/outplacement.md «Piano e ore»): an unjustified absence of a member on NASpI or
 * CIGS opens one, to be assessed by an officer. Rosa records; it never applies or proposes a sanction by itself.
 */
import type { Db, Trx } from "~/db/db.server";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError, StaleVersionError } from "~/domain/errors";
import { todayInItaly } from "~/utils/dates";
import type { Benefit, ConditionalityKind } from "./conditionality-labels";
import type { ConditionalityDecisionInput } from "./plans-schema";
import { findScopedMember, type MemberScope } from "./plans-scope.server";
import { TRAINING_BAND_SANCTIONS, absencePercent, bandToPropose, trainingBand } from "./training-bands";

/** Workers on CIGS: the 25/50/80 % training absence bands apply to them (art. 25-ter D.Lgs. 148/2015). */
export const onCigs = (member: { situation: string; cigs_from: string | null }) =>
  member.situation === "cigs_zero_hours" || member.situation === "cigs_partial" || !!member.cigs_from;

/**
 * After an unjustified absence from a course: the unjustified share of the course's total hours, from the attendance
 * already recorded; when it reaches a band not proposed yet (25 %, 50 %, above 80 %) and the worker is on CIGS, a
 * conditionality event is opened with the band's sanction as a proposal, for an officer to confirm or dismiss.
 */
export async function proposeTrainingBand(
  trx: Trx,
  actor: Actor,
  member: { id: string; employer_id: string; situation: string; cigs_from: string | null },
  action: { id: string; service_code: string; course_total_minutes: number | null },
  occurredOn: string,
): Promise<string | null> {
  if (action.service_code !== "FORM" || !onCigs(member)) return null;
  const absent = await trx
    .selectFrom("outplacement_sessions")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("minutes"), eb.lit(0)).as("minutes"))
    .where("action_id", "=", action.id)
    .where("attendance", "=", "absent_unjustified")
    .executeTakeFirstOrThrow();
  const minutes = Number(absent.minutes);
  const proposed = await trx
    .selectFrom("outplacement_conditionality_events")
    .select("training_band")
    .where("action_id", "=", action.id)
    .where("training_band", "is not", null)
    .execute();
  const band = bandToPropose(
    trainingBand(minutes, action.course_total_minutes),
    proposed.map((p) => p.training_band!),
  );
  if (!band) return null;
  const pct = absencePercent(minutes, action.course_total_minutes);
  const row = await trx
    .insertInto("outplacement_conditionality_events")
    .values({
      member_id: member.id,
      kind: "training_absence",
      benefit: "cigs",
      occurred_on: occurredOn,
      action_id: action.id,
      training_band: band,
      absence_pct: pct === null ? null : String(pct),
      proposed_sanction: TRAINING_BAND_SANCTIONS[band],
      created_by: actor.userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: "outplacement.training_band_proposed",
    entityType: "outplacement_conditionality",
    entityId: row.id,
    employerId: member.employer_id,
    details: { member: member.id, action: action.id, band, absencePct: pct },
  });
  return row.id;
}

export async function openConditionalityEvent(
  trx: Trx,
  actor: Actor,
  input: { memberId: string; employerId: string; sessionId: string | null; kind: ConditionalityKind; benefit: Benefit; occurredOn: string },
) {
  const row = await trx
    .insertInto("outplacement_conditionality_events")
    .values({
      member_id: input.memberId,
      session_id: input.sessionId,
      kind: input.kind,
      benefit: input.benefit,
      occurred_on: input.occurredOn,
      created_by: actor.userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: "outplacement.conditionality_opened",
    entityType: "outplacement_conditionality",
    entityId: row.id,
    employerId: input.employerId,
    details: { member: input.memberId, kind: input.kind, benefit: input.benefit, occurredOn: input.occurredOn },
  });
  return row.id;
}

export async function listConditionalityEvents(db: Db | Trx, memberId: string) {
  return db
    .selectFrom("outplacement_conditionality_events as c")
    .leftJoin("users as u", "u.id", "c.decided_by")
    .select([
      "c.id",
      "c.kind",
      "c.benefit",
      "c.occurred_on",
      "c.justification",
      "c.proposed_sanction",
      "c.decision",
      "c.decision_note",
      "c.decided_on",
      "c.training_band",
      "c.absence_pct",
      "c.version",
      "u.full_name as decided_by_name",
    ])
    .where("c.member_id", "=", memberId)
    .orderBy("c.occurred_on", "desc")
    .execute();
}

/** An officer records the justification, the proposed sanction and the decision (officers only: the provider reports). */
export async function decideConditionality(
  trx: Trx,
  actor: Actor,
  scope: MemberScope,
  ref: { eventId: string; memberId: string },
  input: ConditionalityDecisionInput,
) {
  if (scope.kind !== "officer")
    throw new DomainError("Solo un operatore del Centro per l'Impiego valuta gli eventi di condizionalità", "_form", "forbidden");
  const member = await findScopedMember(trx, scope, ref.eventId, ref.memberId, true);
  const current = await trx
    .selectFrom("outplacement_conditionality_events")
    .select(["id", "version", "decision"])
    .where("id", "=", input.eventId)
    .where("member_id", "=", ref.memberId)
    .forUpdate()
    .executeTakeFirst();
  if (!current) throw new DomainError("Evento di condizionalità non trovato", "_form", "not_found");
  if (current.version !== input.version) throw new StaleVersionError();
  const decided = input.decision === "dismissed" || input.decision === "sanctioned";
  await trx
    .updateTable("outplacement_conditionality_events")
    .set({
      justification: input.justification,
      proposed_sanction: input.proposedSanction,
      decision: input.decision,
      decision_note: input.decisionNote,
      decided_by: decided ? actor.userId : null,
      decided_on: decided ? todayInItaly() : null,
      version: current.version + 1,
    })
    .where("id", "=", current.id)
    .execute();
  await recordAudit(trx, actor, {
    action: "outplacement.conditionality_decided",
    entityType: "outplacement_conditionality",
    entityId: current.id,
    employerId: member.employer_id,
    details: { member: ref.memberId, from: current.decision, to: input.decision },
  });
  return { version: current.version + 1 };
}
