/** What the plan, sessions and hours pages show (docs/decisions/outplacement.md «Piano e ore»). */
import type { Db, Trx } from "~/db/db.server";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import type { ActionMode, ServiceCode } from "./actions-states";
import { listConditionalityEvents } from "./conditionality.server";
import { cohortRangeCounts, hoursSummary, type HoursAction, type MinuteRange } from "./hours";
import { getIntake } from "./intake.server";
import { PLAN_COUNTING, type PlanState } from "./plans-states";
import { findScopedEvent, findScopedMember, type MemberScope } from "./plans-scope.server";
import type { Attendance } from "./sessions-labels";

/** The standard ranges, from the register's table of standards (configuration, not code). */
export async function standardRanges(db: Db | Trx): Promise<Record<string, MinuteRange>> {
  const rows = await db.selectFrom("service_standards").select(["code", "min_minutes", "max_minutes"]).execute();
  return Object.fromEntries(rows.map((r) => [r.code, { min_minutes: r.min_minutes, max_minutes: r.max_minutes }]));
}

async function plansOf(db: Db | Trx, memberIds: string[]) {
  if (!memberIds.length) return { plans: [], actions: [], sessions: [] };
  const plans = await db
    .selectFrom("outplacement_plans as p")
    .leftJoin("users as op", "op.id", "p.operator_signed_by")
    .leftJoin("users as up", "up.id", "p.signed_pdf_uploaded_by")
    .leftJoin("occupations as o1", "o1.code", "p.main_goal_cp2021")
    .leftJoin("occupations as o2", "o2.code", "p.alt_goal_cp2021")
    .select([
      "p.id",
      "p.member_id",
      "p.plan_version",
      "p.state",
      "p.main_goal_type",
      "p.main_goal_cp2021",
      "o1.title as main_goal_title",
      "p.main_goal_description",
      "p.alt_goal_type",
      "p.alt_goal_cp2021",
      "o2.title as alt_goal_title",
      "p.alt_goal_description",
      "p.commitments",
      "p.review_on",
      "p.worker_signed_on",
      "p.worker_signature_method",
      "p.signed_pdf_name",
      "p.signed_pdf_sha256",
      "p.signed_pdf_size",
      "p.signed_pdf_uploaded_at",
      "up.full_name as signed_pdf_uploaded_by_name",
      "p.operator_signed_at",
      "op.full_name as operator_name",
      "p.created_at",
      "p.version",
    ])
    .where("p.member_id", "in", memberIds)
    .orderBy("p.plan_version", "desc")
    .execute();
  const planIds = plans.map((p) => p.id);
  const actions = planIds.length
    ? await db.selectFrom("outplacement_plan_actions").selectAll().where("plan_id", "in", planIds).orderBy("position").execute()
    : [];
  const sessions = await db
    .selectFrom("outplacement_sessions as s")
    .innerJoin("outplacement_plan_actions as a", "a.id", "s.action_id")
    .leftJoin("outplacement_group_sessions as g", "g.id", "s.group_session_id")
    .innerJoin("users as u", "u.id", "s.created_by")
    .select([
      "s.id",
      "s.member_id",
      "s.action_id",
      "s.held_on",
      "s.minutes",
      "s.attendance",
      "s.absence_reason",
      "s.note",
      "s.group_session_id",
      "g.topic as group_topic",
      "a.service_code",
      "a.mode",
      "u.full_name as logged_by",
    ])
    .where("s.member_id", "in", memberIds)
    .orderBy("s.held_on", "desc")
    .orderBy("s.created_at", "desc")
    .execute();
  return { plans, actions, sessions };
}

function summaryFor(
  memberId: string,
  data: Awaited<ReturnType<typeof plansOf>>,
  ranges: Record<string, MinuteRange>,
): ReturnType<typeof hoursSummary> {
  const plans = data.plans.filter((p) => p.member_id === memberId && p.state !== "draft");
  const hoursActions: HoursAction[] = data.actions
    .filter((a) => plans.some((p) => p.id === a.plan_id))
    .map((a) => ({
      serviceCode: a.service_code as ServiceCode,
      mode: a.mode as ActionMode,
      plannedMinutes: a.planned_minutes,
      current: PLAN_COUNTING.includes(plans.find((p) => p.id === a.plan_id)!.state as PlanState),
      courseTitle: a.course_title,
      courseTotalMinutes: a.course_total_minutes,
      sessions: data.sessions
        .filter((s) => s.action_id === a.id)
        .map((s) => ({ minutes: s.minutes, attendance: s.attendance as Attendance })),
    }));
  return hoursSummary(hoursActions, ranges);
}

/** Everything of one member's plan page; the look is audited (individual data). */
export async function getMemberPlanPage(db: Db, actor: Actor, scope: MemberScope, eventId: string, memberId: string) {
  const member = await findScopedMember(db, scope, eventId, memberId);
  const [intake, data, ranges, conditionality] = await Promise.all([
    getIntake(db, memberId),
    plansOf(db, [memberId]),
    standardRanges(db),
    listConditionalityEvents(db, memberId),
  ]);
  const plans = data.plans.map((p) => ({ ...p, actions: data.actions.filter((a) => a.plan_id === p.id) }));
  await recordAudit(db, actor, {
    action: "outplacement.plan_viewed",
    entityType: "outplacement_member",
    entityId: memberId,
    employerId: member.employer_id,
    details: { event: eventId },
  });
  return {
    member,
    intake,
    plans,
    draft: plans.find((p) => p.state === "draft") ?? null,
    current: plans.find((p) => PLAN_COUNTING.includes(p.state as PlanState)) ?? null,
    closed: plans.some((p) => p.state === "closed"),
    sessions: data.sessions,
    hours: summaryFor(memberId, data, ranges),
    conditionality,
  };
}

/** One plan version with what its PDF prints. */
export async function getPlanForPdf(db: Db, actor: Actor, scope: MemberScope, eventId: string, memberId: string, planId: string) {
  const page = await getMemberPlanPage(db, actor, scope, eventId, memberId);
  const plan = page.plans.find((p) => p.id === planId);
  if (!plan) return null;
  const provider = page.member.assigned_provider_user_id
    ? await db
        .selectFrom("users")
        .select(["full_name", "organisation"])
        .where("id", "=", page.member.assigned_provider_user_id)
        .executeTakeFirst()
    : null;
  await recordAudit(db, actor, {
    action: "outplacement.plan_printed",
    entityType: "outplacement_plan",
    entityId: planId,
    employerId: page.member.employer_id,
    details: { member: memberId, planVersion: plan.plan_version },
  });
  return { member: page.member, intake: page.intake, plan, provider: provider ?? null };
}

/** The event's members this scope sees, with their current plan state and hours against the ranges, and the cohort counts. */
export async function getEventHours(db: Db, actor: Actor, scope: MemberScope, eventId: string) {
  const event = await findScopedEvent(db, scope, eventId);
  let query = db
    .selectFrom("outplacement_members")
    .select(["id", "first_name", "last_name", "site", "naspi", "situation"])
    .where("event_id", "=", eventId)
    .orderBy("last_name")
    .orderBy("first_name");
  if (scope.kind === "provider") query = query.where("assigned_provider_user_id", "=", scope.userId);
  const members = await query.execute();
  const [data, ranges] = await Promise.all([
    plansOf(
      db,
      members.map((m) => m.id),
    ),
    standardRanges(db),
  ]);
  const rows = members.map((m) => {
    const plans = data.plans.filter((p) => p.member_id === m.id);
    const current = plans.find((p) => PLAN_COUNTING.includes(p.state as PlanState)) ?? null;
    const openGroup = current
      ? data.actions.filter(
          (a) => a.plan_id === current.id && a.mode === "group" && ["planned", "scheduled", "in_progress"].includes(a.state),
        )
      : [];
    return {
      ...m,
      planState: (current?.state ?? plans[0]?.state ?? null) as PlanState | null,
      planVersion: current?.plan_version ?? plans[0]?.plan_version ?? null,
      groupCodes: [...new Set(openGroup.map((a) => a.service_code as ServiceCode))],
      hours: summaryFor(m.id, data, ranges),
    };
  });
  await recordAudit(db, actor, {
    action: "outplacement.hours_viewed",
    entityType: "outplacement_event",
    entityId: eventId,
    employerId: event.employer_id,
    details: { members: rows.length },
  });
  return { event, rows, counts: cohortRangeCounts(rows.map((r) => r.hours)), ranges };
}

/** The event's group sessions (newest first) with how many attended; a provider sees those they logged. */
export async function listGroupSessions(db: Db, scope: MemberScope, eventId: string) {
  await findScopedEvent(db, scope, eventId);
  let query = db
    .selectFrom("outplacement_group_sessions as g")
    .innerJoin("users as u", "u.id", "g.created_by")
    .select((eb) => [
      "g.id",
      "g.held_on",
      "g.minutes",
      "g.service_code",
      "g.topic",
      "g.location",
      "u.full_name as logged_by",
      eb
        .selectFrom("outplacement_sessions as s")
        .select((e) => e.fn.countAll<string>().as("n"))
        .whereRef("s.group_session_id", "=", "g.id")
        .as("attendees"),
      eb
        .selectFrom("outplacement_sessions as s")
        .select((e) => e.fn.countAll<string>().as("n"))
        .whereRef("s.group_session_id", "=", "g.id")
        .where("s.attendance", "=", "present")
        .as("present"),
    ])
    .where("g.event_id", "=", eventId)
    .orderBy("g.held_on", "desc")
    .orderBy("g.created_at", "desc");
  if (scope.kind === "provider") query = query.where("g.created_by", "=", scope.userId);
  const rows = await query.limit(200).execute();
  return rows.map((r) => ({ ...r, attendees: Number(r.attendees ?? 0), present: Number(r.present ?? 0) }));
}
