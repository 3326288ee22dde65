import type { Transaction } from "kysely";
import type { DB } from "~/db/types";
import type { Actor } from "~/domain/audit/commands.server";
import { saveIntake } from "~/domain/outplacement/intake.server";
import { GroupSessionSchema, IntakeSchema, PlanSchema, SessionSchema } from "~/domain/outplacement/plans-schema";
import type { MemberScope } from "~/domain/outplacement/plans-scope.server";
import { savePlanDraft, signPlan } from "~/domain/outplacement/plans.server";
import { logGroupSession, logSession } from "~/domain/outplacement/sessions.server";
import { addDays, todayInItaly } from "~/utils/dates";
import type { CohortRefs } from "./outplacement-cohort";

const OFFICER: MemberScope = { kind: "officer" };

const GOALS = [
  ["7.2.1.1.0", "Conduttore di macchine utensili a controllo numerico in un'azienda meccanica della Brianza"],
  ["6.2.3.1.1", "Manutentore meccanico in un'azienda di impianti dell'area milanese"],
  ["4.3.2.1.0", "Addetto alla logistica e alla gestione del magazzino"],
] as const;

/**
 * Reinsertion plans of the demo cohort (docs/decisions/outplacement.md «Piano e ore»): intake and signed plans for
 * part of the workers (the provider's ones and a few more), individual sessions with hours below, within and above the
 * 4E range, one group session with an unjustified absence (a conditionality event to assess), and one plan still a draft.
 */
export async function seedOutplacementPlans(
  trx: Transaction<DB>,
  refs: { eventId: string; coordinatorId: string; providerUserId: string },
  cohort: CohortRefs,
  now: Date = new Date(),
) {
  const today = todayInItaly(now);
  const officer: Actor = { userId: refs.coordinatorId, role: "preselection_officer", ip: null };
  const members = [...cohort.assignedIds, ...cohort.informedIds.filter((id) => !cohort.assignedIds.includes(id)).slice(0, 4)];
  const signed: string[] = [];
  for (const [i, memberId] of members.entries()) {
    await saveIntake(
      trx,
      officer,
      OFFICER,
      refs.eventId,
      memberId,
      IntakeSchema.parse({
        competences: "Lettura del disegno tecnico, tornio e fresa CNC, patente B, muletto",
        motivations: i % 3 === 2 ? "Vorrebbe aprire un'officina di riparazioni" : "Cerca un lavoro dipendente stabile vicino a casa",
        mobilityKm: String(20 + (i % 4) * 10),
        mobilityMinutes: "45",
        weeklyHours: "40",
        careConstraints: i % 4 === 1 ? "Accompagna i figli a scuola la mattina" : "",
        selfEmploymentInterest: i % 3 === 2 ? "on" : undefined,
        assessmentStartedOn: addDays(today, -55),
        assessmentEndedOn: addDays(today, -45),
        assessmentNotes: "Dossier del bilancio di competenze consegnato al lavoratore",
        version: "0",
      }),
    );
    const [code, description] = GOALS[i % GOALS.length]!;
    const selfEmployed = i % 3 === 2;
    const draft = await savePlanDraft(
      trx,
      officer,
      OFFICER,
      refs.eventId,
      memberId,
      PlanSchema.parse({
        mainGoalType: selfEmployed ? "self_employed" : "employee",
        mainGoalOccupation: selfEmployed ? "" : code,
        mainGoalDescription: selfEmployed ? "Avvio di un'officina di riparazioni meccaniche come lavoratore autonomo" : description,
        altGoalType: selfEmployed ? "employee" : "",
        altGoalOccupation: selfEmployed ? code : "",
        altGoalDescription: selfEmployed ? description : "",
        commitments: "Il lavoratore partecipa agli incontri e cerca attivamente lavoro; l'ente lo accompagna e segnala le offerte.",
        reviewOn: addDays(today, 80),
        actions: [
          { serviceCode: "4E", mode: "individual", location: "employer_premises", plannedHours: "18" },
          { serviceCode: "4E", mode: "group", location: "employer_premises", plannedHours: "26" },
          selfEmployed
            ? { serviceCode: "2D", mode: "individual", location: "provider", plannedHours: "12" }
            : { serviceCode: "2Ca", mode: "individual", location: "provider", plannedHours: "12" },
        ],
        version: "0",
      }),
    );
    if (i === members.length - 1) break; // the last one keeps a draft to sign
    await trx
      .updateTable("outplacement_plans")
      .set({ created_at: new Date(now.getTime() - 45 * 86_400_000) })
      .where("id", "=", draft.planId)
      .execute();
    await signPlan(
      trx,
      officer,
      OFFICER,
      { eventId: refs.eventId, memberId, planId: draft.planId },
      { workerSignedOn: addDays(today, -40), version: draft.version },
      now,
    );
    signed.push(memberId);
    const individual = await trx
      .selectFrom("outplacement_plan_actions")
      .select("id")
      .where("plan_id", "=", draft.planId)
      .where("position", "=", 1)
      .executeTakeFirstOrThrow();
    // Hours: the first workers nearly done (within or above the range), then fewer and fewer.
    const sessions = [10, 9, 8, 6, 4, 3, 2, 1, 1, 1, 0][i] ?? 0;
    for (let s = 0; s < sessions; s++)
      await logSession(
        trx,
        officer,
        OFFICER,
        refs.eventId,
        memberId,
        SessionSchema.parse({
          actionId: individual.id,
          heldOn: addDays(today, -35 + s * 3),
          hours: i === 0 ? "2,5" : "2",
          attendance: s === 1 && i === 2 ? "absent_justified" : "present",
          absenceReason: s === 1 && i === 2 ? "Malattia o infortunio" : "",
        }),
      );
  }
  const group = signed.slice(0, 8);
  // The absent one receives NASpI or CIGS: the absence opens a conditionality event for the officer to assess.
  const withBenefit = signed.length
    ? await trx
        .selectFrom("outplacement_members")
        .select("id")
        .where("id", "in", signed)
        .where((eb) => eb.or([eb("naspi", "=", true), eb("situation", "in", ["cigs_zero_hours", "cigs_partial"])]))
        .execute()
    : [];
  const absent = withBenefit.at(-1)?.id ?? group.at(-1);
  if (absent && !group.includes(absent)) group.push(absent);
  if (group.length)
    await logGroupSession(
      trx,
      officer,
      OFFICER,
      refs.eventId,
      GroupSessionSchema.parse({
        heldOn: addDays(today, -7),
        hours: "3",
        serviceCode: "4E",
        location: "employer_premises",
        topic: "Il mercato del lavoro metalmeccanico in Lombardia e la ricerca attiva",
        attendees: group.map((memberId) => ({
          memberId,
          selected: "on",
          attendance: memberId === absent ? "absent_unjustified" : "present",
        })),
      }),
    );
  return { signed };
}
