import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import type { Actor } from "~/domain/audit/index.server";
import { listMissingCheckins, listSteeringMeetings, recordSteeringMeeting } from "~/domain/outplacement/index.server";
import { CheckinSchema, SteeringMeetingSchema } from "~/domain/outplacement";
import { PlanSchema, SessionSchema } from "~/domain/outplacement/plans-schema";
import type { MemberScope } from "~/domain/outplacement/plans-scope.server";
import { savePlanDraft, signPlan } from "~/domain/outplacement/plans.server";
import { logSession } from "~/domain/outplacement/sessions.server";
import { recordCheckin } from "~/domain/outplacement/checkins.server";
import * as planRoute from "~/routes/operatore.ricollocazione.$eventId_.lavoratori.$memberId_.piano._index";
import * as checkinRoute from "~/routes/operatore.ricollocazione.$eventId_.lavoratori.$memberId_.contatti";
import * as providerCheckinRoute from "~/routes/ente.ricollocazione.$eventId.lavoratori.$memberId.contatti";
import * as committeeRoute from "~/routes/operatore.ricollocazione.$eventId_.comitato";
import * as suspensionRoute from "~/routes/operatore.ricollocazione.$eventId_.sospensione-l68";
import { addDays, todayInItaly } from "~/utils/dates";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { insertOutplacementEvent } from "../support/factories-outplacement";
import { insertCohortMember } from "../support/factories-outplacement-plans";
import { TINY_PDF } from "../support/factories-l68";
import { callRoute, formErrorsOf } from "../support/routes";

const OFFICER: MemberScope = { kind: "officer" };
let officer: Actor;
let officerId: string;
let officerCookie: string;
let providerCookie: string;
let employerId: string;
let eventId: string;
const today = todayInItaly();

function upload(
  path: string,
  cookie: string,
  fields: Record<string, string>,
  file: { bytes: Uint8Array; name: string } | null,
  field = "firmato",
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set(field, new File([new Uint8Array(file.bytes)], file.name, { type: "application/pdf" }));
  return new Request(`http://localhost${path}`, { method: "POST", headers: { Cookie: cookie }, body: form });
}

const planInput = (extra: Record<string, unknown>[] = []) =>
  PlanSchema.parse({
    mainGoalType: "employee",
    mainGoalOccupation: "7.2.1.1.0",
    mainGoalDescription: "Operatore su macchine utensili in un'azienda della provincia",
    actions: [{ serviceCode: "4E", mode: "individual", location: "employer_premises", plannedHours: "18" }, ...extra],
  });

const memberState = async (id: string) =>
  (await getDb().selectFrom("outplacement_members").select("state").where("id", "=", id).executeTakeFirstOrThrow()).state;

beforeAll(async () => {
  employerId = (await createEmployer()).id;
  officerId = (await createUserWithRole("preselection_officer")).id;
  officer = { userId: officerId, role: "preselection_officer", ip: null };
  officerCookie = await cookieFor(officerId);
  providerCookie = await cookieFor((await createUserWithRole("outplacement_provider")).id);
  eventId = (await insertOutplacementEvent(employerId, { state: "agreement_signed", coordinatorUserId: officerId })).id;
});

describe("signed plan upload", () => {
  it("signs a draft with the PDF (hash, who, when), moves the member to «In percorso» and freezes the version", async () => {
    const member = await insertCohortMember(eventId);
    await getDb().updateTable("outplacement_members").set({ state: "informed" }).where("id", "=", member.id).execute();
    const draft = await withTransaction((trx) => savePlanDraft(trx, officer, OFFICER, eventId, member.id, planInput()));
    const path = `/operatore/ricollocazione/${eventId}/lavoratori/${member.id}/piano`;
    const params = { eventId, memberId: member.id };
    const fields = { intent: "upload", planId: draft.planId, version: String(draft.version), workerSignedOn: today };

    const notPdf = await callRoute(
      planRoute.action,
      upload(path, officerCookie, fields, { bytes: new TextEncoder().encode("ciao"), name: "piano.pdf" }),
      params,
    );
    expect(notPdf.status).toBe(400);
    expect(formErrorsOf(notPdf.body).firmato).toBe("Il file non è un PDF: carica il piano firmato in formato PDF");
    const noFile = await callRoute(planRoute.action, upload(path, officerCookie, fields, null), params);
    expect(noFile.status).toBe(400);
    expect(formErrorsOf(noFile.body).firmato).toBe("Scegli un file da caricare");

    const ok = await callRoute(
      planRoute.action,
      upload(path, officerCookie, fields, { bytes: TINY_PDF, name: "piano firmato.pdf" }),
      params,
    );
    expect(ok.status).toBe(302);
    const plan = await getDb().selectFrom("outplacement_plans").selectAll().where("id", "=", draft.planId).executeTakeFirstOrThrow();
    expect(plan.state).toBe("signed");
    expect(plan.worker_signature_method).toBe("uploaded_pdf");
    expect(plan.signed_pdf_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(plan.signed_pdf_uploaded_by).toBe(officerId);
    expect(plan.signed_pdf_size).toBe(TINY_PDF.length);
    expect(await memberState(member.id)).toBe("active");
    const history = await getDb()
      .selectFrom("outplacement_member_history")
      .select(["event", "to_state"])
      .where("member_id", "=", member.id)
      .orderBy("created_at")
      .execute();
    expect(history.map((h) => h.event)).toEqual(["start_intake", "draft_plan", "sign_plan"]);

    const again = await callRoute(
      planRoute.action,
      upload(path, officerCookie, { ...fields, version: String(plan.version) }, { bytes: TINY_PDF, name: "altro.pdf" }),
      params,
    );
    expect(again.status).toBe(409);
    expect(formErrorsOf(again.body)._form).toContain("non si modifica più");
    const audit = await getDb()
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", draft.planId)
      .where("action", "=", "outplacement.plan_signed")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("attaches the PDF to a version signed on paper, once", async () => {
    const member = await insertCohortMember(eventId);
    const draft = await withTransaction((trx) => savePlanDraft(trx, officer, OFFICER, eventId, member.id, planInput()));
    const signed = await withTransaction((trx) =>
      signPlan(
        trx,
        officer,
        OFFICER,
        { eventId, memberId: member.id, planId: draft.planId },
        { workerSignedOn: today, version: draft.version },
      ),
    );
    const path = `/operatore/ricollocazione/${eventId}/lavoratori/${member.id}/piano`;
    const ok = await callRoute(
      planRoute.action,
      upload(
        path,
        officerCookie,
        { intent: "upload", planId: draft.planId, version: String(signed.version) },
        { bytes: TINY_PDF, name: "scan.pdf" },
      ),
      { eventId, memberId: member.id },
    );
    expect(ok.status).toBe(302);
    const plan = await getDb().selectFrom("outplacement_plans").selectAll().where("id", "=", draft.planId).executeTakeFirstOrThrow();
    expect(plan.signed_pdf_name).toBe("scan.pdf");
    expect(plan.worker_signature_method).toBe("paper");
  });
});

describe("training absence bands", () => {
  async function courseFor(opts: Parameters<typeof insertCohortMember>[1]) {
    const member = await insertCohortMember(eventId, opts);
    const draft = await withTransaction((trx) =>
      savePlanDraft(
        trx,
        officer,
        OFFICER,
        eventId,
        member.id,
        planInput([
          {
            serviceCode: "FORM",
            mode: "group",
            location: "provider",
            plannedHours: "40",
            courseTitle: "Saldatura",
            courseTotalHours: "40",
          },
        ]),
      ),
    );
    await withTransaction((trx) =>
      signPlan(
        trx,
        officer,
        OFFICER,
        { eventId, memberId: member.id, planId: draft.planId },
        { workerSignedOn: today, version: draft.version },
      ),
    );
    const course = await getDb()
      .selectFrom("outplacement_plan_actions")
      .select("id")
      .where("plan_id", "=", draft.planId)
      .where("service_code", "=", "FORM")
      .executeTakeFirstOrThrow();
    return { memberId: member.id, actionId: course.id };
  }
  const absent = (memberId: string, actionId: string, day: number, hours = "5") =>
    withTransaction((trx) =>
      logSession(
        trx,
        officer,
        OFFICER,
        eventId,
        memberId,
        SessionSchema.parse({ actionId, heldOn: addDays(today, day), hours, attendance: "absent_unjustified", absenceReason: "" }),
      ),
    );
  const bands = (memberId: string) =>
    getDb()
      .selectFrom("outplacement_conditionality_events")
      .select(["training_band", "absence_pct", "proposed_sanction", "decision", "benefit"])
      .where("member_id", "=", memberId)
      .where("training_band", "is not", null)
      .orderBy("training_band")
      .execute();

  it("a CIGS worker gets one proposal per band reached, from the attendance recorded, to be decided by an officer", async () => {
    const { memberId, actionId } = await courseFor({ situation: "cigs_zero_hours", naspi: false });
    await absent(memberId, actionId, -9); // 5 of 40 h: 12.5 %
    expect(await bands(memberId)).toEqual([]);
    await absent(memberId, actionId, -8); // 10 h: 25 %
    expect(await bands(memberId)).toEqual([
      {
        training_band: 1,
        absence_pct: "25.0",
        proposed_sanction: "Decurtazione di un terzo di una mensilità dell'integrazione salariale",
        decision: "pending",
        benefit: "cigs",
      },
    ]);
    await absent(memberId, actionId, -7); // 15 h: 37.5 %, still band 1: nothing new
    expect(await bands(memberId)).toHaveLength(1);
    await absent(memberId, actionId, -6, "10"); // 25 h: 62.5 %
    expect((await bands(memberId)).map((b) => b.training_band)).toEqual([1, 2]);
  });

  it("no proposal for a worker who is not on CIGS (the DM bands are for CIGS)", async () => {
    const { memberId, actionId } = await courseFor({ situation: "dismissed", naspi: true });
    await absent(memberId, actionId, -9, "10");
    await absent(memberId, actionId, -8, "10"); // 20 of 40 h: 50 %
    expect(await bands(memberId)).toEqual([]);
  });
});

describe("monthly check-ins", () => {
  it("records a check-in through the page; the worker leaves the list of those to call this month", async () => {
    const member = await insertCohortMember(eventId, { lastName: "Daccapo" });
    await getDb().updateTable("outplacement_members").set({ state: "active" }).where("id", "=", member.id).execute();
    const scope = { kind: "officer" as const, userId: officerId, province: "MI" };
    expect((await listMissingCheckins(getDb(), officer, scope, today, eventId)).map((m) => m.id)).toContain(member.id);

    const path = `/operatore/ricollocazione/${eventId}/lavoratori/${member.id}/contatti`;
    const params = { eventId, memberId: member.id };
    const base = {
      contactedOn: today,
      channel: "phone",
      outcome: "searching",
      summary: "Ha inviato tre candidature",
      nextStep: "Colloquio",
    };
    const future = await callRoute(
      checkinRoute.action,
      request(path, { cookie: officerCookie, form: { ...base, contactedOn: addDays(today, 2) } }),
      params,
    );
    expect(future.status).toBe(400);
    expect(formErrorsOf(future.body).contactedOn).toBe("La data del contatto non può essere futura");
    const empty = await callRoute(checkinRoute.action, request(path, { cookie: officerCookie, form: { contactedOn: today } }), params);
    expect(empty.status).toBe(400);
    expect(formErrorsOf(empty.body).summary).toBe("Scrivi in breve com'è andato il mese");

    const ok = await callRoute(checkinRoute.action, request(path, { cookie: officerCookie, form: base }), params);
    expect(ok.status).toBe(302);
    expect((await listMissingCheckins(getDb(), officer, scope, today, eventId)).map((m) => m.id)).not.toContain(member.id);
    const page = await callRoute(checkinRoute.loader, request(path, { cookie: officerCookie }), params);
    expect((page.body as { checkins: unknown[]; due: boolean }).checkins).toHaveLength(1);
    expect((page.body as { due: boolean }).due).toBe(false);
  });

  it("a provider reaches only the workers assigned to them", async () => {
    const member = await insertCohortMember(eventId);
    const outcome = await callRoute(
      providerCheckinRoute.loader,
      request(`/ente/ricollocazione/${eventId}/lavoratori/${member.id}/contatti`, { cookie: providerCookie }),
      { eventId, memberId: member.id },
    );
    expect(outcome.status).toBe(404);
  });

  it("refuses a worker who is not in the path", async () => {
    const member = await insertCohortMember(eventId);
    await expect(
      withTransaction((trx) =>
        recordCheckin(
          trx,
          officer,
          OFFICER,
          { eventId, memberId: member.id },
          CheckinSchema.parse({ contactedOn: today, channel: "phone", outcome: "searching", summary: "Tutto bene", nextStep: "Nulla" }),
        ),
      ),
    ).rejects.toThrow("Il lavoratore non è in percorso");
  });
});

describe("steering committee", () => {
  it("refuses minutes naming a worker of the cohort, records aggregate ones, shows them to the linked union only", async () => {
    await insertCohortMember(eventId, { lastName: "Bianchini" });
    const path = `/operatore/ricollocazione/${eventId}/comitato`;
    const form = { heldOn: today, unions: "FIOM-CGIL", minutes: "Mario Bianchini ha rifiutato l'offerta di Vimercate", decisions: "" };
    const refused = await callRoute(committeeRoute.action, request(path, { cookie: officerCookie, form }), { eventId });
    expect(refused.status).toBe(400);
    expect(formErrorsOf(refused.body).minutes).toBe(
      "Il testo contiene il nome di un lavoratore: i sindacati leggono il verbale, togli i dati personali dei lavoratori",
    );
    const ok = await callRoute(
      committeeRoute.action,
      request(path, { cookie: officerCookie, form: { ...form, minutes: "Un lavoratore ha rifiutato un'offerta a 60 km: non congrua." } }),
      { eventId },
    );
    expect(ok.status).toBe(302);
    const union = await createUserWithRole("union_representative");
    expect(await listSteeringMeetings(getDb(), { kind: "union", userId: union.id }, eventId)).toEqual([]);
    await getDb().insertInto("outplacement_event_unions").values({ event_id: eventId, user_id: union.id }).execute();
    const seen = await listSteeringMeetings(getDb(), { kind: "union", userId: union.id }, eventId);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.participants).toEqual({ unions: "FIOM-CGIL" });
  });

  it("only officers record meetings; a future date is refused", async () => {
    const input = SteeringMeetingSchema.parse({ heldOn: addDays(today, 3), agency: "CPI", minutes: "Riunione di avvio del comitato" });
    await expect(
      withTransaction((trx) => recordSteeringMeeting(trx, officer, { kind: "union", userId: officerId }, eventId, input)),
    ).rejects.toThrow("Solo un operatore");
    await expect(
      withTransaction((trx) => recordSteeringMeeting(trx, officer, { kind: "officer", userId: officerId, province: "MI" }, eventId, input)),
    ).rejects.toThrow("La data della riunione non può essere futura");
  });
});

describe("L. 68 suspension from the event", () => {
  it("a placement officer files the record with the window and it is linked to the event; others may not", async () => {
    const placement = await createUserWithRole("placement_officer");
    const placementCookie = await cookieFor(placement.id);
    const event = await insertOutplacementEvent(employerId, { state: "agreement_signed" });
    const path = `/operatore/ricollocazione/${event.id}/sospensione-l68`;
    const fields = {
      kind: "sospensione",
      provinceCode: "MI",
      startsOn: "2026-11-02",
      endsOn: "2027-06-30",
      suspensionType: "licenziamento_collettivo",
      notes: "",
      receivedVia: "pec",
      eventVersion: String(event.version),
    };
    const denied = await callRoute(suspensionRoute.loader, request(path, { cookie: officerCookie }), { eventId: event.id });
    expect(denied.status).toBe(403);
    const page = await callRoute(suspensionRoute.loader, request(path, { cookie: placementCookie }), { eventId: event.id });
    expect(page.status).toBe(200);

    const noDoc = await callRoute(suspensionRoute.action, upload(path, placementCookie, fields, null, "documento"), { eventId: event.id });
    expect(noDoc.status).toBe(400);
    expect(formErrorsOf(noDoc.body).documento).toBe("Scegli un file da caricare");

    const ok = await callRoute(
      suspensionRoute.action,
      upload(path, placementCookie, fields, { bytes: TINY_PDF, name: "comunicazione.pdf" }, "documento"),
      { eventId: event.id },
    );
    expect(ok.status).toBe(302);
    const row = await getDb()
      .selectFrom("outplacement_events as e")
      .innerJoin("l68_records as r", "r.id", "e.l68_record_id")
      .select(["r.kind", "r.starts_on", "r.ends_on", "r.employer_id"])
      .where("e.id", "=", event.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ kind: "sospensione", starts_on: "2026-11-02", ends_on: "2027-06-30", employer_id: employerId });
  });
});
