import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import type { Actor } from "~/domain/audit/index.server";
import { getEventHours, getMemberPlanPage } from "~/domain/outplacement/plans-queries.server";
import { PlanSchema, SessionSchema, GroupSessionSchema } from "~/domain/outplacement/plans-schema";
import type { MemberScope } from "~/domain/outplacement/plans-scope.server";
import { savePlanDraft, signPlan } from "~/domain/outplacement/plans.server";
import { logGroupSession, logSession } from "~/domain/outplacement/sessions.server";
import * as planRoute from "~/routes/operatore.ricollocazione.$eventId_.lavoratori.$memberId_.piano._index";
import * as providerPlanRoute from "~/routes/ente.ricollocazione.$eventId.lavoratori.$memberId.piano._index";
import * as pdfRoute from "~/routes/operatore.ricollocazione.$eventId_.lavoratori.$memberId_.piano.$planId.pdf";
import { todayInItaly } from "~/utils/dates";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { insertOutplacementEvent } from "../support/factories-outplacement";
import { insertCohortMember } from "../support/factories-outplacement-plans";
import { callRoute, formErrorsOf } from "../support/routes";

const OFFICER: MemberScope = { kind: "officer" };
let officer: Actor;
let officerCookie: string;
let providerId: string;
let providerCookie: string;
let employerId: string;
let eventId: string;

const planInput = (hours4E = "18", overrides: Record<string, unknown> = {}) =>
  PlanSchema.parse({
    mainGoalType: "employee",
    mainGoalOccupation: "7.2.1.1.0",
    mainGoalDescription: "Operatore su macchine utensili in un'azienda della provincia",
    actions: [
      { serviceCode: "4E", mode: "individual", location: "employer_premises", plannedHours: hours4E },
      { serviceCode: "4E", mode: "group", location: "employer_premises", plannedHours: "26" },
    ],
    ...overrides,
  });

/** The worker's signature (today unless told) on a draft, as the officer. */
const sign = (memberId: string, planId: string, version: number, workerSignedOn = todayInItaly()) =>
  withTransaction((trx) => signPlan(trx, officer, OFFICER, { eventId, memberId, planId }, { workerSignedOn, version }));

/** One individual session held today on `actionId`, logged by the officer. */
const logOne = (memberId: string, actionId: string, hours: string, attendance: "present" | "absent_unjustified") =>
  withTransaction((trx) =>
    logSession(trx, officer, OFFICER, eventId, memberId, SessionSchema.parse({ actionId, heldOn: todayInItaly(), hours, attendance })),
  );

/** A 4E group session held today, logged by the officer. */
const logGroup = (input: { hours: string; location: string; topic: string; attendees: Record<string, string>[] }) =>
  withTransaction((trx) =>
    logGroupSession(trx, officer, OFFICER, eventId, GroupSessionSchema.parse({ heldOn: todayInItaly(), serviceCode: "4E", ...input })),
  );

async function draftAndSign(memberId: string, hours4E = "18", version = 0) {
  const draft = await withTransaction((trx) => savePlanDraft(trx, officer, OFFICER, eventId, memberId, { ...planInput(hours4E), version }));
  await sign(memberId, draft.planId, draft.version);
  return draft.planId;
}

async function actionOf(memberId: string, mode: "individual" | "group") {
  return getDb()
    .selectFrom("outplacement_plan_actions as a")
    .innerJoin("outplacement_plans as p", "p.id", "a.plan_id")
    .select("a.id")
    .where("p.member_id", "=", memberId)
    .where("p.state", "in", ["signed", "in_progress"])
    .where("a.mode", "=", mode)
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  employerId = (await createEmployer()).id;
  const officerId = (await createUserWithRole("preselection_officer")).id;
  officer = { userId: officerId, role: "preselection_officer", ip: null };
  officerCookie = await cookieFor(officerId);
  providerId = (await createUserWithRole("outplacement_provider")).id;
  providerCookie = await cookieFor(providerId);
  eventId = (await insertOutplacementEvent(employerId, { state: "agreement_signed" })).id;
});

describe("reinsertion plan versions", () => {
  it("a draft does not count; the signed version does; a signed revision supersedes it and keeps its delivered hours", async () => {
    const member = await insertCohortMember(eventId);
    const draft = await withTransaction((trx) => savePlanDraft(trx, officer, OFFICER, eventId, member.id, planInput()));
    let page = await getMemberPlanPage(getDb(), officer, OFFICER, eventId, member.id);
    expect(page.draft?.plan_version).toBe(1);
    expect(page.hours.lines).toEqual([]);

    await sign(member.id, draft.planId, draft.version);
    const individual = await actionOf(member.id, "individual");
    await logOne(member.id, individual.id, "2", "present");
    page = await getMemberPlanPage(getDb(), officer, OFFICER, eventId, member.id);
    expect(page.current?.state).toBe("in_progress");
    expect(page.hours.fourE.individual).toMatchObject({ plannedMinutes: 1080, deliveredMinutes: 120, status: "below" });

    // Revision: version 2 as a draft; version 1 still counts until version 2 is signed.
    const revision = await withTransaction((trx) => savePlanDraft(trx, officer, OFFICER, eventId, member.id, planInput("20")));
    expect(revision.planVersion).toBe(2);
    page = await getMemberPlanPage(getDb(), officer, OFFICER, eventId, member.id);
    expect(page.current?.plan_version).toBe(1);
    expect(page.hours.fourE.individual?.plannedMinutes).toBe(1080);
    await sign(member.id, revision.planId, revision.version);
    page = await getMemberPlanPage(getDb(), officer, OFFICER, eventId, member.id);
    expect(page.plans.map((p) => [p.plan_version, p.state])).toEqual([
      [2, "signed"],
      [1, "superseded"],
    ]);
    expect(page.hours.fourE.individual).toMatchObject({ plannedMinutes: 1200, deliveredMinutes: 120 });
    const audit = await getDb().selectFrom("audit_log").select("action").where("entity_id", "=", revision.planId).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["outplacement.plan_drafted", "outplacement.plan_signed"]));
  });

  it("refuses a stale version, a second signature and a signature dated in the future", async () => {
    const member = await insertCohortMember(eventId);
    const draft = await withTransaction((trx) => savePlanDraft(trx, officer, OFFICER, eventId, member.id, planInput()));
    await expect(
      withTransaction((trx) => savePlanDraft(trx, officer, OFFICER, eventId, member.id, { ...planInput(), version: draft.version + 5 })),
    ).rejects.toMatchObject({ kind: "conflict" });
    await expect(sign(member.id, draft.planId, draft.version, "2999-01-01")).rejects.toMatchObject({ field: "workerSignedOn" });
    await sign(member.id, draft.planId, draft.version);
    await expect(sign(member.id, draft.planId, null as never)).rejects.toMatchObject({ kind: "conflict" });
  });
});

describe("sessions", () => {
  it("writes the register row with the real hours and modality, and a session needs a signed plan", async () => {
    const member = await insertCohortMember(eventId);
    const draft = await withTransaction((trx) => savePlanDraft(trx, officer, OFFICER, eventId, member.id, planInput()));
    const draftAction = await getDb()
      .selectFrom("outplacement_plan_actions")
      .select("id")
      .where("plan_id", "=", draft.planId)
      .executeTakeFirstOrThrow();
    await expect(logOne(member.id, draftAction.id, "2", "present")).rejects.toMatchObject({ field: "actionId" });
    await sign(member.id, draft.planId, draft.version);
    const { sessionId } = await logOne(member.id, draftAction.id, "1,5", "present");
    const row = await getDb()
      .selectFrom("service_deliveries")
      .select(["standard_code", "minutes", "modality", "employer_id"])
      .where("outplacement_session_id", "=", sessionId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ standard_code: "4E-IND", minutes: 90, modality: "company", employer_id: employerId });
  });

  it("an unjustified absence opens a conditionality event for a NASpI member, not for one without benefits", async () => {
    for (const naspi of [true, false]) {
      const member = await insertCohortMember(eventId, { naspi });
      await draftAndSign(member.id);
      const action = await actionOf(member.id, "individual");
      const r = await logOne(member.id, action.id, "2", "absent_unjustified");
      const events = await getDb()
        .selectFrom("outplacement_conditionality_events")
        .selectAll()
        .where("member_id", "=", member.id)
        .execute();
      expect(events.length).toBe(naspi ? 1 : 0);
      if (naspi) expect(events[0]).toMatchObject({ kind: "no_show", benefit: "naspi", decision: "pending", session_id: r.sessionId });
      const register = await getDb()
        .selectFrom("service_deliveries")
        .select("id")
        .where("outplacement_session_id", "=", r.sessionId)
        .execute();
      expect(register).toEqual([]);
    }
  });

  it("a group session creates a session on each attendee's group action and one 4E-GRUPPO register row", async () => {
    const a = await insertCohortMember(eventId, { lastName: "Gruppo A" });
    const b = await insertCohortMember(eventId, { lastName: "Gruppo B", situation: "cigs_zero_hours", naspi: false });
    await draftAndSign(a.id);
    await draftAndSign(b.id);
    const r = await logGroup({
      hours: "3",
      location: "remote",
      topic: "Ricerca attiva del lavoro",
      attendees: [
        { memberId: a.id, selected: "on", attendance: "present" },
        { memberId: b.id, selected: "on", attendance: "absent_unjustified" },
      ],
    });
    expect(r).toMatchObject({ present: 1, attendees: 2, conditionality: 1 });
    const sessions = await getDb()
      .selectFrom("outplacement_sessions")
      .select(["member_id", "attendance"])
      .where("group_session_id", "=", r.groupSessionId)
      .execute();
    expect(sessions).toHaveLength(2);
    const register = await getDb()
      .selectFrom("service_deliveries")
      .select(["standard_code", "minutes", "modality"])
      .where("outplacement_group_session_id", "=", r.groupSessionId)
      .execute();
    expect(register).toEqual([{ standard_code: "4E-GRUPPO", minutes: 180, modality: "remote" }]);
    const cigs = await getDb()
      .selectFrom("outplacement_conditionality_events")
      .select("benefit")
      .where("member_id", "=", b.id)
      .executeTakeFirstOrThrow();
    expect(cigs.benefit).toBe("cigs");
    const hours = await getEventHours(getDb(), officer, OFFICER, eventId);
    expect(hours.rows.find((row) => row.id === a.id)?.hours.fourE.group).toMatchObject({ deliveredMinutes: 180, status: "below" });
  });

  it("refuses a group session when an attendee has no open group action in a signed plan, naming them", async () => {
    const c = await insertCohortMember(eventId, { lastName: "Senzapiano" });
    await expect(
      logGroup({
        hours: "2",
        location: "cpi",
        topic: "Colloquio di gruppo",
        attendees: [{ memberId: c.id, selected: "on", attendance: "present" }],
      }),
    ).rejects.toThrow(/Senzapiano/);
  });
});

describe("who reaches a plan", () => {
  it("the provider works only on members assigned to them; another member is a 404", async () => {
    const mine = await insertCohortMember(eventId, { providerId });
    const notMine = await insertCohortMember(eventId);
    const ok = await callRoute(
      providerPlanRoute.loader,
      request(`/ente/ricollocazione/${eventId}/lavoratori/${mine.id}/piano`, { cookie: providerCookie }),
      {
        eventId,
        memberId: mine.id,
      },
    );
    expect(ok.status).toBe(200);
    const denied = await callRoute(
      providerPlanRoute.loader,
      request(`/ente/ricollocazione/${eventId}/lavoratori/${notMine.id}/piano`, { cookie: providerCookie }),
      { eventId, memberId: notMine.id },
    );
    expect(denied.status).toBe(404);
    const provider: MemberScope = { kind: "provider", userId: providerId };
    await expect(
      withTransaction((trx) =>
        savePlanDraft(trx, { userId: providerId, role: "outplacement_provider", ip: null }, provider, eventId, notMine.id, planInput()),
      ),
    ).rejects.toMatchObject({ kind: "not_found" });
    const drafted = await withTransaction((trx) =>
      savePlanDraft(trx, { userId: providerId, role: "outplacement_provider", ip: null }, provider, eventId, mine.id, planInput()),
    );
    expect(drafted.planVersion).toBe(1);
  });

  it("an employer and a union representative get 403 on the officer's pages", async () => {
    const member = await insertCohortMember(eventId);
    for (const cookie of [
      await cookieFor((await createUserWithRole("employer", { employerId })).id),
      await cookieFor((await createUserWithRole("union_representative")).id),
    ]) {
      const r = await callRoute(
        planRoute.loader,
        request(`/operatore/ricollocazione/${eventId}/lavoratori/${member.id}/piano`, { cookie }),
        {
          eventId,
          memberId: member.id,
        },
      );
      expect(r.status).toBe(403);
    }
  });

  it("the form keeps what was typed and answers in Italian; the PDF downloads and is audited", async () => {
    const member = await insertCohortMember(eventId);
    const bad = await callRoute(
      planRoute.action,
      request(`/operatore/ricollocazione/${eventId}/lavoratori/${member.id}/piano`, {
        cookie: officerCookie,
        form: {
          intent: "plan",
          mainGoalType: "employee",
          mainGoalDescription: "Corto",
          "actions[0].serviceCode": "2Ca",
          "actions[0].mode": "group",
          "actions[0].location": "cpi",
          "actions[0].plannedHours": "dieci",
          version: "0",
        },
      }),
      { eventId, memberId: member.id },
    );
    expect(bad.status).toBe(400);
    const errors = formErrorsOf(bad.body);
    expect(errors.mainGoalDescription).toMatch(/obiettivo principale/);
    expect(errors["actions.0.plannedHours"]).toMatch(/in ore/);
    expect(JSON.stringify(bad.body)).toContain("dieci");
    const planId = await draftAndSign(member.id);
    const pdf = await callRoute(
      pdfRoute.loader,
      request(`/operatore/ricollocazione/${eventId}/lavoratori/${member.id}/piano/${planId}/pdf`, { cookie: officerCookie }),
      {
        eventId,
        memberId: member.id,
        planId,
      },
    );
    expect(pdf.status).toBe(200);
    const printed = await getDb()
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", planId)
      .where("action", "=", "outplacement.plan_printed")
      .execute();
    expect(printed).toHaveLength(1);
  });
});
