import { sql } from "kysely";
import type { Db, Trx } from "~/db/db.server";
import type { OutplacementRuleId } from "~/db/tables/outplacement";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { enqueueMail } from "~/domain/mail/index.server";
import { addDays, todayInItaly } from "~/utils/dates";
import { formatDate } from "~/utils/format";
import { absoluteUrl } from "~/utils/public-url.server";
import { eventInScope, type EventScope } from "./access.server";
import {
  RULE_LABELS,
  computeMilestones,
  milestoneKind,
  milestoneStatus,
  reminderDue,
  DUE_SOON_DAYS,
  type MilestoneInput,
} from "./milestones";
import type { MilestoneEditInput } from "./events-schema";

const SYSTEM: Actor = { userId: null, role: "system", ip: null };
const day = (iso: string) => sql<string>`${iso}::date`;

/** The computation's input from an event row and its workers' dismissal dates. */
export async function milestoneInputOf(trx: Trx | Db, eventId: string): Promise<MilestoneInput> {
  const e = await trx.selectFrom("outplacement_events").selectAll().where("id", "=", eventId).executeTakeFirstOrThrow();
  const dismissals = await trx
    .selectFrom("outplacement_members")
    .select("dismissal_on")
    .distinct()
    .where("event_id", "=", eventId)
    .where("dismissal_on", "is not", null)
    .execute();
  return {
    type: e.type,
    surplusAnnounced: e.surplus_announced,
    surplusFinal: e.surplus_final,
    communicationOn: e.communication_on,
    unionRequestOn: e.union_request_on,
    unionPhaseEndOn: e.union_phase_end_on,
    planReceivedOn: e.plan_received_on,
    firstDismissalOn: e.first_dismissal_on,
    procedureEndOn: e.procedure_end_on,
    agreementOn: e.agreement_on,
    cigsFrom: e.cigs_from,
    cigsTo: e.cigs_to,
    dismissalDates: dismissals.map((d) => d.dismissal_on!).filter(Boolean),
  };
}

/**
 * Brings the stored deadlines in line with the event's dates: new ones are added, the computed date follows the event
 * (the due date too, unless the coordinator changed it), the ones whose trigger is gone are removed unless done.
 * Called in the transaction of every change of the event (and by the cohort import, which brings dismissal dates).
 */
export async function syncMilestones(trx: Trx, eventId: string, today: string = todayInItaly()): Promise<void> {
  const computed = computeMilestones(await milestoneInputOf(trx, eventId), today);
  const stored = await trx
    .selectFrom("outplacement_event_milestones")
    .select(["id", "rule_id", "item", "due_on", "computed_due_on", "done_on", "edited_at"])
    .where("event_id", "=", eventId)
    .where("member_id", "is", null)
    .execute();
  const key = (r: string, i: string) => `${r}|${i}`;
  const byKey = new Map(stored.map((s) => [key(s.rule_id, s.item), s]));
  const seen = new Set<string>();
  for (const m of computed) {
    const k = key(m.ruleId, m.item);
    seen.add(k);
    const s = byKey.get(k);
    if (!s) {
      await trx
        .insertInto("outplacement_event_milestones")
        .values({
          event_id: eventId,
          rule_id: m.ruleId,
          item: m.item,
          starts_on: m.startsOn,
          computed_due_on: m.dueOn,
          due_on: m.dueOn,
          done_on: m.doneOn,
        })
        .execute();
    } else {
      await trx
        .updateTable("outplacement_event_milestones")
        .set({
          starts_on: m.startsOn,
          computed_due_on: m.dueOn,
          due_on: s.edited_at ? s.due_on : m.dueOn,
          // A date of the event marks it done; a done date set by hand stays.
          done_on: m.doneOn ?? (s.edited_at ? s.done_on : null),
          updated_at: new Date(),
        })
        .where("id", "=", s.id)
        .execute();
    }
  }
  const gone = stored.filter((s) => !seen.has(key(s.rule_id, s.item)) && !s.done_on).map((s) => s.id);
  if (gone.length) await trx.deleteFrom("outplacement_event_milestones").where("id", "in", gone).execute();
}

/** The stored deadlines of an event, in date order, with their status today. */
export async function listEventMilestones(db: Db | Trx, eventId: string, today: string) {
  const rows = await db
    .selectFrom("outplacement_event_milestones")
    .leftJoin("users", "users.id", "outplacement_event_milestones.edited_by")
    .select([
      "outplacement_event_milestones.id",
      "outplacement_event_milestones.rule_id",
      "outplacement_event_milestones.item",
      "outplacement_event_milestones.starts_on",
      "outplacement_event_milestones.computed_due_on",
      "outplacement_event_milestones.due_on",
      "outplacement_event_milestones.done_on",
      "outplacement_event_milestones.note",
      "outplacement_event_milestones.edited_at",
      "users.full_name as edited_by_name",
    ])
    .where("outplacement_event_milestones.event_id", "=", eventId)
    .where("outplacement_event_milestones.member_id", "is", null)
    .orderBy("outplacement_event_milestones.due_on")
    .orderBy("outplacement_event_milestones.rule_id")
    .execute();
  const computed = computeMilestones(await milestoneInputOf(db, eventId), today);
  return rows.map((r) => {
    const kind = milestoneKind(r.rule_id, r.item);
    const c = computed.find((m) => m.ruleId === r.rule_id && m.item === r.item);
    return {
      ...r,
      kind,
      label: c?.label ?? RULE_LABELS[r.rule_id],
      basis: c?.basis ?? "",
      status: milestoneStatus({ kind, startsOn: r.starts_on, dueOn: r.due_on, doneOn: r.done_on }, today),
    };
  });
}
export type EventMilestoneRow = Awaited<ReturnType<typeof listEventMilestones>>[number];

/**
 * The coordinator changes a deadline's date (with a note: why) or marks it done. Without a coordinator, any officer of
 * the event may. Audited.
 */
export async function editMilestone(trx: Trx, actor: Actor, scope: EventScope, eventId: string, input: MilestoneEditInput) {
  if (scope.kind !== "officer") throw new DomainError("Solo gli operatori possono cambiare le scadenze", "_form", "forbidden");
  const event = await trx
    .selectFrom("outplacement_events")
    .select(["id", "employer_id", "coordinator_user_id"])
    .where("id", "=", eventId)
    .where(eventInScope(scope))
    .forUpdate()
    .executeTakeFirst();
  if (!event) throw new DomainError("Evento non trovato", "_form", "not_found");
  if (event.coordinator_user_id && event.coordinator_user_id !== scope.userId)
    throw new DomainError("Solo il coordinatore dell'evento può cambiare le scadenze", "_form", "forbidden");
  const m = await trx
    .selectFrom("outplacement_event_milestones")
    .select(["id", "rule_id", "item", "due_on", "computed_due_on", "done_on", "note"])
    .where("id", "=", input.milestoneId)
    .where("event_id", "=", eventId)
    .forUpdate()
    .executeTakeFirst();
  if (!m) throw new DomainError("Scadenza non trovata", "_form", "not_found");
  if (input.dueOn !== m.due_on && (!input.note || input.note.length < 5))
    throw new DomainError("Scrivi perché cambi la scadenza (almeno 5 caratteri)", "note");
  await trx
    .updateTable("outplacement_event_milestones")
    .set({
      due_on: input.dueOn,
      done_on: input.doneOn,
      note: input.note ?? m.note,
      edited_by: actor.userId,
      edited_at: new Date(),
      updated_at: new Date(),
      // A new date deserves new reminders.
      ...(input.dueOn !== m.due_on ? { reminded_d7_at: null, reminded_d1_at: null } : {}),
    })
    .where("id", "=", m.id)
    .execute();
  await recordAudit(trx, actor, {
    action: "outplacement_event.milestone_edited",
    entityType: "outplacement_event",
    entityId: eventId,
    employerId: event.employer_id,
    details: { ruleId: m.rule_id, item: m.item, from: m.due_on, to: input.dueOn, doneOn: input.doneOn, note: input.note },
  });
}

/** Deadlines not done, overdue or due within 7 days, of the events in scope (the overdue list and the desk count). */
export function dueMilestonesQuery(db: Db, scope: EventScope, today: string) {
  return db
    .selectFrom("outplacement_event_milestones")
    .innerJoin("outplacement_events", "outplacement_events.id", "outplacement_event_milestones.event_id")
    .where(eventInScope(scope))
    .where("outplacement_event_milestones.member_id", "is", null)
    .where("outplacement_event_milestones.done_on", "is", null)
    .where("outplacement_events.state", "not in", ["closed", "cancelled"])
    .where("outplacement_event_milestones.rule_id", "not in", ["L223-WINDOW", "L223-PRECEDENCE", "L68-SUSP"])
    .where("outplacement_event_milestones.item", "!=", "notice_180")
    .where("outplacement_event_milestones.due_on", "<=", day(addDays(today, DUE_SOON_DAYS)));
}

export async function countDueMilestones(db: Db, scope: EventScope, today: string): Promise<number> {
  const r = await dueMilestonesQuery(db, scope, today)
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listDueMilestones(db: Db, scope: EventScope, today: string) {
  const rows = await dueMilestonesQuery(db, scope, today)
    .innerJoin("employers", "employers.id", "outplacement_events.employer_id")
    .select([
      "outplacement_event_milestones.id",
      "outplacement_event_milestones.rule_id",
      "outplacement_event_milestones.item",
      "outplacement_event_milestones.due_on",
      "outplacement_events.id as event_id",
      "outplacement_events.title",
      "employers.legal_name",
    ])
    .orderBy("outplacement_event_milestones.due_on")
    .limit(500)
    .execute();
  return rows.map((r) => ({ ...r, overdue: r.due_on < today }));
}

/**
 * Reminders 7 days and 1 day before each deadline not done (windows included: their end), by e-mail to the event's
 * coordinator (the officers' desk shows them too). At most once each: the reminded_* columns record it. Safe to run
 * as often as wanted.
 */
export async function runOutplacementReminders(db: Db, now: Date = new Date()): Promise<number> {
  const today = todayInItaly(now);
  const rows = await db
    .selectFrom("outplacement_event_milestones")
    .innerJoin("outplacement_events", "outplacement_events.id", "outplacement_event_milestones.event_id")
    .innerJoin("users", "users.id", "outplacement_events.coordinator_user_id")
    .select([
      "outplacement_event_milestones.id",
      "outplacement_event_milestones.rule_id",
      "outplacement_event_milestones.item",
      "outplacement_event_milestones.due_on",
      "outplacement_event_milestones.reminded_d7_at",
      "outplacement_event_milestones.reminded_d1_at",
      "outplacement_events.id as event_id",
      "outplacement_events.employer_id",
      "outplacement_events.title",
      "users.email",
    ])
    .where("outplacement_event_milestones.done_on", "is", null)
    .where("outplacement_event_milestones.member_id", "is", null)
    .where("outplacement_events.state", "not in", ["closed", "cancelled"])
    .where("outplacement_event_milestones.due_on", ">=", day(today))
    .where("outplacement_event_milestones.due_on", "<=", day(addDays(today, 7)))
    .execute();
  let sent = 0;
  for (const r of rows) {
    const which = reminderDue({ kind: milestoneKind(r.rule_id, r.item), dueOn: r.due_on, doneOn: null }, today);
    if (!which) continue;
    const column = which === 7 ? "reminded_d7_at" : "reminded_d1_at";
    if (r[column]) continue;
    await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable("outplacement_event_milestones")
        .set({ [column]: now })
        .where("id", "=", r.id)
        .where(column, "is", null)
        .returning("id")
        .executeTakeFirst();
      if (!claimed) return;
      const label = RULE_LABELS[r.rule_id as OutplacementRuleId];
      await enqueueMail(trx, {
        to: r.email,
        subject: `Rosa: scadenza «${label}» il ${formatDate(r.due_on)}`,
        body: `Evento di ricollocazione «${r.title}»: la scadenza «${label}» cade il ${formatDate(r.due_on)} (${which === 1 ? "domani o oggi" : "entro una settimana"}).\n\nApri l'evento: ${absoluteUrl(`/operatore/ricollocazione/${r.event_id}`)}`,
      });
      await recordAudit(trx, SYSTEM, {
        action: "outplacement_event.reminder_sent",
        entityType: "outplacement_event",
        entityId: r.event_id,
        employerId: r.employer_id,
        details: { ruleId: r.rule_id, item: r.item, dueOn: r.due_on, daysBefore: which },
      });
      sent++;
    });
  }
  return sent;
}
