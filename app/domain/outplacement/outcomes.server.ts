/**
 * Outcomes of cohort members: recording one (with its CO data and source), moving it along the state table
 * (verified on the CO, not confirmed, ended), the outcome a hire through a rosa closes automatically, and the
 * follow-ups at 3/6/12 months (docs/decisions/outplacement.md#esiti-indicatori-e-vista-aggregata).
 */
import type { Db, Trx } from "~/db/db.server";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError, StaleVersionError } from "~/domain/errors";
import { todayInItaly } from "~/utils/dates";
import { followupCheckpoints } from "./followups";
import { nextOutcomeState, OUTCOME_STATE_LABELS, outcomeTypeForHire, referenceDate, type OutcomeState, type OutcomeType } from "./outcomes";
import type { FollowupInput, OutcomeMoveInput, RecordOutcomeInput } from "./outcomes-schema";
import { plural } from "~/utils/plural";

/** The member, locked, in the event named by the URL (another event's member is a 404). */
async function lockMember(trx: Trx, eventId: string, memberId: string) {
  const m = await trx
    .selectFrom("outplacement_members")
    .select(["id", "event_id", "candidate_id"])
    .where("id", "=", memberId)
    .where("event_id", "=", eventId)
    .forUpdate()
    .executeTakeFirst();
  if (!m) throw new DomainError("Lavoratore non trovato", "_form", "not_found");
  return m;
}

export async function recordOutcome(
  trx: Trx,
  actor: Actor,
  eventId: string,
  memberId: string,
  input: RecordOutcomeInput,
  now = new Date(),
) {
  const member = await lockMember(trx, eventId, memberId);
  if (input.startOn > todayInItaly(now) && input.source === "CO_VERIFIED")
    throw new DomainError("Un esito verificato sulla CO non può iniziare nel futuro", "startOn");
  const verified = input.source === "CO_VERIFIED";
  const row = await trx
    .insertInto("outplacement_outcomes")
    .values({
      member_id: member.id,
      type: input.type,
      state: verified ? "VERIFIED" : "DECLARED",
      start_on: input.startOn,
      end_on: input.endOn ?? null,
      contract_type: input.contractType ?? null,
      engagement: input.engagement,
      co_code: input.coCode ?? null,
      weekly_hours: input.weeklyHours ?? null,
      cp_code: input.cpCode ?? null,
      employer_name: input.employerName,
      employer_tax_code: input.employerTaxCode ?? null,
      source: input.source,
      verified_on: verified ? todayInItaly(now) : null,
      created_by: actor.userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: "outplacement.outcome_recorded",
    entityType: "outplacement_member",
    entityId: member.id,
    details: { eventId, outcomeId: row.id, type: input.type, source: input.source, startOn: input.startOn, endOn: input.endOn ?? null },
  });
  return row.id;
}

/** DECLARED → VERIFIED | REJECTED | ENDED; VERIFIED → ENDED. Row lock and version check, audit. */
export async function moveOutcome(trx: Trx, actor: Actor, eventId: string, memberId: string, input: OutcomeMoveInput) {
  await lockMember(trx, eventId, memberId);
  const o = await trx
    .selectFrom("outplacement_outcomes")
    .select(["id", "state", "version", "start_on", "end_on", "co_code"])
    .where("id", "=", input.outcomeId)
    .where("member_id", "=", memberId)
    .forUpdate()
    .executeTakeFirst();
  if (!o) throw new DomainError("Esito non trovato", "_form", "not_found");
  if (o.version !== input.version) throw new StaleVersionError();
  const to = nextOutcomeState(o.state as OutcomeState, input.event);
  if (!to)
    throw new DomainError(`Operazione non consentita: l'esito è «${OUTCOME_STATE_LABELS[o.state as OutcomeState]}»`, "_form", "conflict");
  if (input.event === "verify" && !input.coCode && !o.co_code)
    throw new DomainError("Indica il codice della comunicazione obbligatoria che conferma l'esito", "coCode");
  if (input.event === "end" && input.on < o.start_on) throw new DomainError("La fine non può precedere l'inizio dell'esito", "on");
  await trx
    .updateTable("outplacement_outcomes")
    .set({
      state: to,
      version: o.version + 1,
      updated_at: new Date(),
      ...(input.event === "verify" ? { verified_on: input.on, co_code: input.coCode ?? o.co_code } : {}),
      ...(input.event === "end" ? { end_on: input.on } : {}),
    })
    .where("id", "=", o.id)
    .execute();
  await recordAudit(trx, actor, {
    action: `outplacement.outcome_${input.event}`,
    entityType: "outplacement_member",
    entityId: memberId,
    details: { eventId, outcomeId: o.id, from: o.state, to, on: input.on },
  });
  return { state: to, version: o.version + 1 };
}

/**
 * Called by the hire (shortlists) in its transaction: a hire of a cohort worker closes the worker's outcome as
 * EMPLOYED_* by contract type and duration (REHIRED_SAME_EMPLOYER when the dismissing employer hires), source EMPLOYER.
 * Does nothing for candidates not in an open cohort, or for contracts that are not a job (traineeship).
 */
export async function closeOutcomeOnHire(trx: Trx, actor: Actor, hireId: string) {
  const hire = await trx
    .selectFrom("hires")
    .innerJoin("employers", "employers.id", "hires.employer_id")
    .select([
      "hires.id",
      "hires.candidate_id",
      "hires.employer_id",
      "hires.contract_type",
      "hires.engagement",
      "hires.start_date",
      "hires.end_date",
      "hires.weekly_hours",
      "hires.qualification_code",
      "employers.legal_name",
      "employers.tax_code",
    ])
    .where("hires.id", "=", hireId)
    .executeTakeFirstOrThrow();
  const members = await trx
    .selectFrom("outplacement_members as m")
    .innerJoin("outplacement_events as e", "e.id", "m.event_id")
    .select(["m.id", "m.event_id", "e.employer_id"])
    .where("m.candidate_id", "=", hire.candidate_id)
    .where("e.state", "not in", ["cancelled", "closed"])
    .where("m.state", "not in", ["closed"])
    .forUpdate()
    .execute();
  const created: string[] = [];
  for (const m of members) {
    const type = outcomeTypeForHire({
      contractType: hire.contract_type,
      engagement: hire.engagement,
      startOn: hire.start_date,
      endOn: hire.end_date,
      sameEmployer: m.employer_id === hire.employer_id,
    });
    if (!type) continue;
    const taxCode = /^(\d{11}|[A-Z0-9]{16})$/.test(hire.tax_code ?? "") ? hire.tax_code : null;
    const row = await trx
      .insertInto("outplacement_outcomes")
      .values({
        member_id: m.id,
        type,
        state: "DECLARED",
        start_on: hire.start_date,
        end_on: hire.end_date,
        contract_type: hire.contract_type && /^[A-Z]\.\d{2}\.\d{2}$/.test(hire.contract_type) ? hire.contract_type : null,
        engagement: hire.engagement,
        weekly_hours: hire.weekly_hours,
        cp_code: hire.qualification_code && /^\d[\d.]{0,19}$/.test(hire.qualification_code) ? hire.qualification_code : null,
        employer_name: hire.legal_name,
        employer_tax_code: taxCode,
        source: "EMPLOYER",
        hire_id: hire.id,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "outplacement.outcome_from_hire",
      entityType: "outplacement_member",
      entityId: m.id,
      details: { eventId: m.event_id, outcomeId: row.id, hireId: hire.id, type },
    });
    created.push(row.id);
  }
  return created;
}

export async function recordFollowup(trx: Trx, actor: Actor, eventId: string, memberId: string, input: FollowupInput, now = new Date()) {
  await lockMember(trx, eventId, memberId);
  const t0 = await memberT0(trx, memberId);
  if (!t0)
    throw new DomainError("Il lavoratore non ha ancora la data di riferimento (t0): le verifiche partono da quella", "_form", "conflict");
  const checkpoint = followupCheckpoints(t0, {}, todayInItaly(now)).find((c) => c.months === input.months)!;
  if (input.doneOn > todayInItaly(now)) throw new DomainError("La verifica non può essere fatta nel futuro", "doneOn");
  const exists = await trx
    .selectFrom("outplacement_followups")
    .select("id")
    .where("member_id", "=", memberId)
    .where("months", "=", input.months)
    .executeTakeFirst();
  if (exists) throw new DomainError(`La verifica a ${plural(input.months, "mese", "mesi")} è già registrata`, "months", "conflict");
  await trx
    .insertInto("outplacement_followups")
    .values({
      member_id: memberId,
      months: input.months,
      due_on: checkpoint.dueOn,
      done_on: input.doneOn,
      channel: input.channel,
      employed: input.employed,
      satisfaction: input.satisfaction ?? null,
      done_by: actor.userId,
    })
    .execute();
  await recordAudit(trx, actor, {
    action: "outplacement.followup_recorded",
    entityType: "outplacement_member",
    entityId: memberId,
    details: { eventId, months: input.months, doneOn: input.doneOn, employed: input.employed },
  });
}

/** t0 of a member (§6.1), from the member's own dates and the event's agreement. */
export async function memberT0(db: Db | Trx, memberId: string): Promise<string | null> {
  const m = await db
    .selectFrom("outplacement_members as m")
    .innerJoin("outplacement_events as e", "e.id", "m.event_id")
    .select(["m.t0_on", "m.situation", "m.dismissal_on", "m.cigs_from", "e.agreement_on"])
    .where("m.id", "=", memberId)
    .executeTakeFirst();
  if (!m) return null;
  return referenceDate({
    t0On: m.t0_on,
    situation: m.situation,
    dismissalOn: m.dismissal_on,
    cigsFrom: m.cigs_from,
    agreementOn: m.agreement_on,
  });
}

export type { OutcomeType };
