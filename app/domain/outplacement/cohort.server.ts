import { sql } from "kysely";
import type { Db } from "~/db/db.server";
import type { Actor } from "~/domain/audit/index.server";
import { recordAudit } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { todayInItaly } from "~/utils/dates";
import { MEMBER_STATES, unreachableDue, type MemberState } from "./members";
import type { MemberScope } from "./members.server";
import { eventInScope, type EventScope } from "./access.server";

export const COHORT_PAGE_SIZE = 50;

export interface CohortFilters {
  state?: MemberState | null;
  site?: string | null;
  /** Only members due to be marked unreachable (the officer's task list). */
  unreachableTask?: boolean;
  page?: number;
}

/** The member columns every list shows (no contacts, no birth date: the member page has them, audited). */
function baseQuery(db: Db) {
  return db
    .selectFrom("outplacement_members as m")
    .leftJoin("users as p", "p.id", "m.assigned_provider_user_id")
    .select([
      "m.id",
      "m.event_id",
      "m.first_name",
      "m.last_name",
      "m.codice_fiscale",
      "m.site",
      "m.qualification",
      "m.state",
      "m.notice_sent_on",
      "m.notice_channel",
      "m.informed_on",
      "m.candidate_id",
      "m.priority_to",
      "m.missing_from_import_id",
      "p.full_name as provider_name",
      "p.organisation as provider_organisation",
      (eb) =>
        eb
          .selectFrom("outplacement_contact_attempts as a")
          .select((e) => e.fn.countAll<string>().as("n"))
          .whereRef("a.member_id", "=", "m.id")
          .where("a.reached", "=", false)
          .as("failed_attempts"),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>["execute"]>>[number];

function shape(r: Row, today: string) {
  const failedAttempts = Number(r.failed_attempts ?? 0);
  const state = r.state as MemberState;
  return { ...r, state, failedAttempts, unreachableDue: unreachableDue({ state, failedAttempts, noticeSentOn: r.notice_sent_on }, today) };
}

/**
 * One page of the event's cohort with exact counts: by state and by site over the whole cohort, and the total of the
 * filter. Viewing the list is audited (names and codici fiscali are personal data).
 */
export async function listCohort(db: Db, actor: Actor, eventId: string, filters: CohortFilters, now: Date = new Date()) {
  const today = todayInItaly(now);
  const page = Math.max(1, Math.min(filters.page ?? 1, 1000));
  let q = baseQuery(db).where("m.event_id", "=", eventId);
  if (filters.state) q = q.where("m.state", "=", filters.state);
  if (filters.site) q = q.where("m.site", "=", filters.site);
  if (filters.unreachableTask) {
    q = q.where("m.state", "=", "contacted").where((eb) =>
      eb.or([
        eb("m.notice_sent_on", "<=", sql<string>`(${today}::date - 14)`),
        eb(
          eb
            .selectFrom("outplacement_contact_attempts as a")
            .select((e) => e.fn.countAll().as("n"))
            .whereRef("a.member_id", "=", "m.id")
            .where("a.reached", "=", false),
          ">=",
          3,
        ),
      ]),
    );
  }
  const [rows, total, byState, bySite] = await Promise.all([
    q
      .orderBy("m.last_name")
      .orderBy("m.first_name")
      .orderBy("m.id")
      .limit(COHORT_PAGE_SIZE)
      .offset((page - 1) * COHORT_PAGE_SIZE)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("outplacement_members")
      .select(["state", (eb) => eb.fn.countAll<string>().as("n")])
      .where("event_id", "=", eventId)
      .groupBy("state")
      .execute(),
    db
      .selectFrom("outplacement_members")
      .select(["site", (eb) => eb.fn.countAll<string>().as("n")])
      .where("event_id", "=", eventId)
      .groupBy("site")
      .orderBy("site")
      .execute(),
  ]);
  const stateCounts = Object.fromEntries(MEMBER_STATES.map((s) => [s, 0])) as Record<MemberState, number>;
  for (const r of byState) stateCounts[r.state as MemberState] = Number(r.n);
  const shaped = rows.map((r) => shape(r, today));
  await recordAudit(db, actor, {
    action: "outplacement.cohort_listed",
    entityType: "outplacement_event",
    entityId: eventId,
    details: {
      filters: { state: filters.state ?? null, site: filters.site ?? null, unreachableTask: !!filters.unreachableTask },
      page,
      shown: shaped.length,
    },
  });
  return {
    rows: shaped,
    total: Number(total.n),
    page,
    pageCount: Math.max(1, Math.ceil(Number(total.n) / COHORT_PAGE_SIZE)),
    stateCounts,
    siteCounts: bySite.map((r) => ({ site: r.site ?? "", count: Number(r.n) })),
    cohortTotal: Object.values(stateCounts).reduce((a, b) => a + b, 0),
  };
}

/** The members assigned to a provider's operator, across events: only theirs. The view is audited. */
export async function providerMembers(db: Db, actor: Actor, providerUserId: string, now: Date = new Date()) {
  const today = todayInItaly(now);
  const rows = await baseQuery(db)
    .innerJoin("outplacement_events as e", "e.id", "m.event_id")
    .innerJoin("employers as emp", "emp.id", "e.employer_id")
    .select(["e.title as event_title", "emp.legal_name as employer_name"])
    .where("m.assigned_provider_user_id", "=", providerUserId)
    .orderBy("e.title")
    .orderBy("m.last_name")
    .orderBy("m.first_name")
    .execute();
  await recordAudit(db, actor, {
    action: "outplacement.assigned_members_listed",
    entityType: "user",
    entityId: providerUserId,
    details: { members: rows.map((r) => r.id) },
  });
  return rows.map((r) => ({ ...shape(r, today), eventTitle: r.event_title, employerName: r.employer_name }));
}

/**
 * Everything the member page shows, for an officer or the assigned provider (another provider's member is not found).
 * The view is audited with who looked.
 */
export async function getMemberView(db: Db, actor: Actor, scope: MemberScope, memberId: string, eventId?: string) {
  let q = db
    .selectFrom("outplacement_members as m")
    .innerJoin("outplacement_events as e", "e.id", "m.event_id")
    .leftJoin("users as p", "p.id", "m.assigned_provider_user_id")
    .leftJoin("comuni as c", "c.istat_code", "m.residence_comune_code")
    .selectAll("m")
    .select([
      "e.title as event_title",
      "e.employer_id",
      "p.full_name as provider_name",
      "p.organisation as provider_organisation",
      "c.name as residence_comune",
    ])
    .where("m.id", "=", memberId);
  if (eventId) q = q.where("m.event_id", "=", eventId);
  if (scope.kind === "provider") q = q.where("m.assigned_provider_user_id", "=", scope.userId);
  const member = await q.executeTakeFirst();
  if (!member) throw new DomainError("Lavoratore non trovato", "_form", "not_found");
  const [history, attempts, consents, sessions] = await Promise.all([
    db
      .selectFrom("outplacement_member_history as h")
      .leftJoin("users as u", "u.id", "h.created_by")
      .select(["h.id", "h.event", "h.from_state", "h.to_state", "h.note", "h.created_at", "u.full_name as by_name"])
      .where("h.member_id", "=", memberId)
      .orderBy("h.created_at", "desc")
      .execute(),
    db
      .selectFrom("outplacement_contact_attempts")
      .select(["id", "attempted_on", "channel", "reached", "note"])
      .where("member_id", "=", memberId)
      .orderBy("attempted_on", "desc")
      .execute(),
    db
      .selectFrom("outplacement_consents")
      .select(["id", "kind", "given_on", "revoked_on", "channel", "text_version"])
      .where("member_id", "=", memberId)
      .orderBy("given_on", "desc")
      .execute(),
    db
      .selectFrom("outplacement_info_session_attendance as a")
      .innerJoin("outplacement_info_sessions as s", "s.id", "a.session_id")
      .select(["s.id", "s.held_on", "s.place"])
      .where("a.member_id", "=", memberId)
      .orderBy("s.held_on")
      .execute(),
  ]);
  await recordAudit(db, actor, {
    action: "outplacement.member.viewed",
    entityType: "outplacement_member",
    entityId: memberId,
    employerId: member.employer_id,
    details: { scope: scope.kind },
  });
  const failedAttempts = attempts.filter((a) => !a.reached).length;
  const state = member.state as MemberState;
  return {
    member: { ...member, state },
    history,
    attempts,
    consents,
    sessions,
    unreachableDue: unreachableDue({ state, failedAttempts, noticeSentOn: member.notice_sent_on }, todayInItaly()),
  };
}

/** The distinct sites of the cohort (for the filter). */
export async function cohortSites(db: Db, eventId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("outplacement_members")
    .select("site")
    .distinct()
    .where("event_id", "=", eventId)
    .orderBy("site")
    .execute();
  return rows.map((r) => r.site ?? "").filter(Boolean);
}

/** The event heading the cohort pages; an unknown event, or one outside the officer's scope, is not found. */
export async function cohortEvent(db: Db, eventId: string, scope: EventScope = { kind: "system" }) {
  const e = await db
    .selectFrom("outplacement_events")
    .innerJoin("employers as emp", "emp.id", "outplacement_events.employer_id")
    .select([
      "outplacement_events.id",
      "outplacement_events.title",
      "outplacement_events.state",
      "outplacement_events.sites",
      "emp.legal_name as employer_name",
    ])
    .where("outplacement_events.id", "=", eventId)
    .where(eventInScope(scope))
    .executeTakeFirst();
  if (!e) throw new DomainError("Evento di ricollocazione non trovato", "_form", "not_found");
  return e;
}
