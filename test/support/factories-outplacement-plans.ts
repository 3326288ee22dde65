import { getDb } from "~/db/db.server";
import { insertOutplacementEvent } from "./factories-outplacement";

let counter = 0;

/** A cohort member of `eventId`, assigned to `providerId` if given; on NASpI unless told otherwise. */
export async function insertCohortMember(
  eventId: string,
  opts: { providerId?: string | null; naspi?: boolean; situation?: "dismissed" | "cigs_zero_hours"; lastName?: string } = {},
) {
  counter++;
  const cf = `RSSMRA80A01F${counter.toString(36).toUpperCase().padStart(4, "0")}`;
  return getDb()
    .insertInto("outplacement_members")
    .values({
      event_id: eventId,
      codice_fiscale: cf,
      first_name: "Mario",
      last_name: opts.lastName ?? `Rossi${counter}`,
      situation: opts.situation ?? "dismissed",
      naspi: opts.naspi ?? true,
      qualification: "Operaio metalmeccanico",
      cp2021_code: "7.2.1.1.0",
      assigned_provider_user_id: opts.providerId ?? null,
    })
    .returning(["id"])
    .executeTakeFirstOrThrow();
}

/** A signed plan (version 1) with a 4E individual action of 18 h and a 4E group action of 26 h. */
export async function insertSignedPlan(memberId: string, userId: string) {
  const db = getDb();
  const plan = await db
    .insertInto("outplacement_plans")
    .values({
      member_id: memberId,
      plan_version: 1,
      state: "signed",
      main_goal_type: "employee",
      main_goal_description: "Addetto alla manutenzione in un'azienda meccanica della provincia",
      worker_signed_on: "2026-11-20",
      worker_signature_method: "paper",
      operator_signed_by: userId,
      operator_signed_at: new Date(),
      created_by: userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const actions = await db
    .insertInto("outplacement_plan_actions")
    .values([
      { plan_id: plan.id, position: 1, service_code: "4E", mode: "individual", location: "employer_premises", planned_minutes: 1080 },
      { plan_id: plan.id, position: 2, service_code: "4E", mode: "group", location: "employer_premises", planned_minutes: 1560 },
    ])
    .returning(["id", "mode"])
    .executeTakeFirstOrThrow();
  return { planId: plan.id, actionId: actions.id };
}

/**
 * Real rows for the matrix: an event of the matrix's own employer with a member assigned to the matrix's provider
 * and a signed plan (`outplacementPlan`: eventId, memberId, planId).
 */
export async function insertOutplacementPlanRows(employerId: string, providerId: string) {
  const event = await insertOutplacementEvent(employerId, { state: "agreement_signed" });
  const member = await insertCohortMember(event.id, { providerId });
  const { planId } = await insertSignedPlan(member.id, providerId);
  return { outplacementPlan: { eventId: event.id, memberId: member.id, planId } };
}
