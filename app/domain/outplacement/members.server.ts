import type { Db, Trx } from "~/db/db.server";
import type { Actor } from "~/domain/audit/index.server";
import { recordAudit } from "~/domain/audit/index.server";
import { CANDIDATES_INDEX } from "~/domain/candidates/index.server";
import { DomainError, StaleVersionError } from "~/domain/errors";
import { todayInItaly } from "~/utils/dates";
import { enqueueSearchSync } from "../../../search/outbox.server";
import type { NoticeChannel } from "./consents";
import { MEMBER_STATE_LABELS, nextMemberState, type MemberActorKind, type MemberEvent, type MemberState } from "./members";
import { plural } from "~/utils/plural";

/**
 * Who acts on a member: an officer (every member of the events they run), the accredited provider's operator (only
 * the members assigned to them: any other is «not found»), or the system (plans, outcomes, deadlines).
 */
export type MemberScope = { kind: "officer" } | { kind: "provider"; userId: string } | { kind: "system" };

/** The member row, locked for the rest of the transaction; another provider's member, or another event's, is not found. */
export async function lockMember(trx: Trx, scope: MemberScope, memberId: string, opts: { version?: number | null; eventId?: string } = {}) {
  let query = trx
    .selectFrom("outplacement_members")
    .select(["id", "event_id", "candidate_id", "state", "version", "informed_on", "notice_sent_on", "assigned_provider_user_id"])
    .where("id", "=", memberId);
  if (opts.eventId) query = query.where("event_id", "=", opts.eventId);
  if (scope.kind === "provider") query = query.where("assigned_provider_user_id", "=", scope.userId);
  const current = await query.forUpdate().executeTakeFirst();
  if (!current) throw new DomainError("Lavoratore non trovato", "_form", "not_found");
  if (opts.version != null && current.version !== opts.version) throw new StaleVersionError();
  return { ...current, state: current.state as MemberState };
}

async function employerOf(trx: Trx, eventId: string) {
  const e = await trx.selectFrom("outplacement_events").select("employer_id").where("id", "=", eventId).executeTakeFirst();
  return e?.employer_id ?? null;
}

/**
 * Moves a member by the state table (members.ts): row lock, version check, the state history, the audit and the search
 * sync of the linked CV, in the caller's transaction. `set` adds columns the move writes (e.g. informed_on).
 */
export async function transitionMember(
  trx: Trx,
  actor: Actor,
  scope: MemberScope,
  memberId: string,
  input: { event: MemberEvent; version: number | null; note?: string | null; eventId?: string },
  set: { informed_on?: string } = {},
) {
  const current = await lockMember(trx, scope, memberId, { version: input.version, eventId: input.eventId });
  const next = nextMemberState(current.state, input.event, scope.kind as MemberActorKind);
  if (!next)
    throw new DomainError(
      `Operazione non consentita: il lavoratore è nello stato «${MEMBER_STATE_LABELS[current.state]}»`,
      "_form",
      "conflict",
    );
  const version = current.version + 1;
  await trx
    .updateTable("outplacement_members")
    .set({ ...set, state: next, state_note: input.note || null, version, updated_at: new Date() })
    .where("id", "=", memberId)
    .execute();
  await trx
    .insertInto("outplacement_member_history")
    .values({
      member_id: memberId,
      event: input.event,
      from_state: current.state,
      to_state: next,
      note: input.note || null,
      created_by: actor.userId,
    })
    .execute();
  await recordAudit(trx, actor, {
    action: `outplacement.member.${input.event}`,
    entityType: "outplacement_member",
    entityId: memberId,
    employerId: await employerOf(trx, current.event_id),
    details: { from: current.state, to: next, note: input.note || null },
  });
  if (current.candidate_id) await enqueueSearchSync(trx, CANDIDATES_INDEX, [current.candidate_id]);
  return { state: next, version };
}

function notFuture(iso: string, what: string, field: string, now: Date) {
  if (iso > todayInItaly(now)) throw new DomainError(`${what}: la data non può essere nel futuro`, field);
}

/** Distinct uuids, at most `max`: a bulk action names members of the page. */
function memberIdsOf(ids: string[], max = 1000): string[] {
  const unique = [...new Set(ids)];
  if (!unique.length) throw new DomainError("Seleziona almeno un lavoratore", "memberIds");
  if (unique.length > max) throw new DomainError(`Al massimo ${plural(max, "lavoratore", "lavoratori")} per volta`, "memberIds");
  return unique;
}

/**
 * Records that the art. 14 information notice (with the invitation to the information session) was sent to these
 * members of the event, on `sentOn` by `channel`; an imported member becomes contacted. Returns how many.
 */
export async function markNoticeSent(
  trx: Trx,
  actor: Actor,
  eventId: string,
  input: { memberIds: string[]; sentOn: string; channel: NoticeChannel },
  now: Date = new Date(),
) {
  notFuture(input.sentOn, "Data di invio dell'informativa", "sentOn", now);
  const ids = memberIdsOf(input.memberIds);
  let count = 0;
  for (const id of ids) {
    const m = await lockMember(trx, { kind: "officer" }, id, { eventId });
    await trx
      .updateTable("outplacement_members")
      .set({ notice_sent_on: input.sentOn, notice_channel: input.channel, notice_recorded_by: actor.userId, updated_at: new Date() })
      .where("id", "=", id)
      .execute();
    if (m.state === "imported") await transitionMember(trx, actor, { kind: "officer" }, id, { event: "notify", version: null, eventId });
    else
      await recordAudit(trx, actor, {
        action: "outplacement.member.notice_recorded",
        entityType: "outplacement_member",
        entityId: id,
        details: { sentOn: input.sentOn, channel: input.channel },
      });
    count++;
  }
  return count;
}

/**
 * The collective information session: who attended becomes informed (informed_on = the first session attended);
 * members further along only get the attendance. Returns the session id and how many became informed.
 */
export async function recordInfoSession(
  trx: Trx,
  actor: Actor,
  eventId: string,
  input: { heldOn: string; place: string; memberIds: string[] },
  now: Date = new Date(),
) {
  notFuture(input.heldOn, "Data della sessione informativa", "heldOn", now);
  const ids = memberIdsOf(input.memberIds);
  const session = await trx
    .insertInto("outplacement_info_sessions")
    .values({ event_id: eventId, held_on: input.heldOn, place: input.place, created_by: actor.userId })
    .returning("id")
    .executeTakeFirstOrThrow();
  let informed = 0;
  for (const id of ids) {
    const m = await lockMember(trx, { kind: "officer" }, id, { eventId });
    await trx.insertInto("outplacement_info_session_attendance").values({ session_id: session.id, member_id: id }).execute();
    const informedOn = m.informed_on && m.informed_on < input.heldOn ? m.informed_on : input.heldOn;
    if (nextMemberState(m.state, "inform", "officer")) {
      await transitionMember(trx, actor, { kind: "officer" }, id, { event: "inform", version: null, eventId }, { informed_on: informedOn });
      informed++;
    } else await trx.updateTable("outplacement_members").set({ informed_on: informedOn }).where("id", "=", id).execute();
  }
  await recordAudit(trx, actor, {
    action: "outplacement.info_session_recorded",
    entityType: "outplacement_info_session",
    entityId: session.id,
    employerId: await employerOf(trx, eventId),
    details: { eventId, heldOn: input.heldOn, attendees: ids.length, informed },
  });
  return { sessionId: session.id, informed };
}

export const CONTACT_CHANNELS = ["telefono", "email", "sms", "pec", "lettera", "di_persona"] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** One attempt to reach a member (the 3rd failed one makes the member due for «non raggiungibile»). */
export async function recordContactAttempt(
  trx: Trx,
  actor: Actor,
  scope: MemberScope,
  memberId: string,
  input: { attemptedOn: string; channel: ContactChannel; reached: boolean; note: string | null },
  now: Date = new Date(),
) {
  notFuture(input.attemptedOn, "Data del tentativo di contatto", "attemptedOn", now);
  await lockMember(trx, scope, memberId);
  await trx
    .insertInto("outplacement_contact_attempts")
    .values({
      member_id: memberId,
      attempted_on: input.attemptedOn,
      channel: input.channel,
      reached: input.reached,
      note: input.note,
      created_by: actor.userId,
    })
    .execute();
  await recordAudit(trx, actor, {
    action: "outplacement.member.contact_attempt",
    entityType: "outplacement_member",
    entityId: memberId,
    details: { attemptedOn: input.attemptedOn, channel: input.channel, reached: input.reached },
  });
}

/** The accredited providers' operators an officer may assign (active accounts), by name. */
export function listProviderUsers(db: Db) {
  return db
    .selectFrom("users")
    .select(["id", "full_name", "organisation"])
    .where("role", "=", "outplacement_provider")
    .where("active", "=", true)
    .orderBy("full_name")
    .execute();
}

/** Assigns these members of the event to a provider's operator (or removes the assignment with null). */
export async function assignProvider(
  trx: Trx,
  actor: Actor,
  eventId: string,
  input: { memberIds: string[]; providerUserId: string | null },
) {
  const ids = memberIdsOf(input.memberIds);
  if (input.providerUserId) {
    const provider = await trx
      .selectFrom("users")
      .select("id")
      .where("id", "=", input.providerUserId)
      .where("role", "=", "outplacement_provider")
      .where("active", "=", true)
      .executeTakeFirst();
    if (!provider) throw new DomainError("Scegli un operatore di un ente accreditato", "providerUserId");
  }
  for (const id of ids) {
    await lockMember(trx, { kind: "officer" }, id, { eventId });
    await trx
      .updateTable("outplacement_members")
      .set({ assigned_provider_user_id: input.providerUserId, updated_at: new Date() })
      .where("id", "=", id)
      .execute();
  }
  await recordAudit(trx, actor, {
    action: "outplacement.members_assigned",
    entityType: "outplacement_event",
    entityId: eventId,
    employerId: await employerOf(trx, eventId),
    details: { members: ids, providerUserId: input.providerUserId },
  });
  return ids.length;
}

/** Changes the «ricollocazione» priority window of a member; the linked CV's search document follows. */
export async function setPriorityWindow(
  trx: Trx,
  actor: Actor,
  memberId: string,
  input: { from: string; to: string; version: number; eventId: string },
) {
  if (input.to < input.from) throw new DomainError("La fine della priorità precede l'inizio", "priorityTo");
  const m = await lockMember(trx, { kind: "officer" }, memberId, { version: input.version, eventId: input.eventId });
  await trx
    .updateTable("outplacement_members")
    .set({ priority_from: input.from, priority_to: input.to, version: m.version + 1, updated_at: new Date() })
    .where("id", "=", memberId)
    .execute();
  await recordAudit(trx, actor, {
    action: "outplacement.member.priority_changed",
    entityType: "outplacement_member",
    entityId: memberId,
    details: { from: input.from, to: input.to },
  });
  if (m.candidate_id) await enqueueSearchSync(trx, CANDIDATES_INDEX, [m.candidate_id]);
}

/** Links a member to the CV with the member's codice fiscale (created after the import); the search document follows. */
export async function linkMemberCandidate(trx: Trx, actor: Actor, memberId: string, eventId: string) {
  const m = await lockMember(trx, { kind: "officer" }, memberId, { eventId });
  if (m.candidate_id) return m.candidate_id;
  const row = await trx
    .selectFrom("outplacement_members as m")
    .innerJoin("candidates as c", "c.tax_code", "m.codice_fiscale")
    .select("c.id")
    .where("m.id", "=", memberId)
    .where("c.erased_at", "is", null)
    .executeTakeFirst();
  if (!row) throw new DomainError("Nessun CV in Rosa con il codice fiscale del lavoratore: crealo prima", "_form", "conflict");
  await trx.updateTable("outplacement_members").set({ candidate_id: row.id, updated_at: new Date() }).where("id", "=", memberId).execute();
  await recordAudit(trx, actor, {
    action: "outplacement.member.candidate_linked",
    entityType: "outplacement_member",
    entityId: memberId,
    details: { candidateId: row.id },
  });
  await enqueueSearchSync(trx, CANDIDATES_INDEX, [row.id]);
  return row.id;
}
