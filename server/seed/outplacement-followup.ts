import { createHash } from "node:crypto";
import type { Transaction } from "kysely";
import type { DB } from "~/db/types";
import type { Actor } from "~/domain/audit/commands.server";
import { PdfWriter } from "~/documents/pdf.server";
import { RECORD_FORM_SCHEMAS } from "~/domain/l68";
import { fileRecord } from "~/domain/l68/records/index.server";
import { CheckinSchema, SteeringMeetingSchema, l68SuspensionDefaults, type CheckinInput } from "~/domain/outplacement";
import type { OutplacementEventType } from "~/db/tables/outplacement";
import {
  linkL68Record,
  listEventMilestones,
  recordCheckin,
  recordSteeringMeeting,
  uploadSignedPlan,
} from "~/domain/outplacement/index.server";
import { PlanSchema, SessionSchema } from "~/domain/outplacement/plans-schema";
import type { MemberScope } from "~/domain/outplacement/plans-scope.server";
import { savePlanDraft, signPlan } from "~/domain/outplacement/plans.server";
import { logSession } from "~/domain/outplacement/sessions.server";
import { addDays, todayInItaly } from "~/utils/dates";
import type { CohortRefs } from "./outplacement-cohort";

const OFFICER: MemberScope = { kind: "officer" };

async function demoPdf(title: string, lines: string[]) {
  const pdf = await PdfWriter.create({ title });
  pdf.heading(title, 2, 12);
  for (const line of lines) pdf.text(line, { size: 11, gap: 4 });
  const bytes = await pdf.space(24).text("Documento dimostrativo generato da Rosa.", { size: 9 }).save();
  return { bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/**
 * What follows the plan in the demo cohort (docs/decisions/outplacement.md «Firma, contatti mensili, assenze, comitato»):
 * the first worker's plan has its signed PDF; a worker on CIGS has a training course in a revised plan and enough
 * unjustified absences for the first band (a proposal to confirm); monthly check-ins (last month for all the workers in
 * the path, this month for some: the others are on the list to call); two steering committee meetings; the L. 68
 * suspension of the manufacturer filed from the event when its window is computed.
 */
export async function seedOutplacementFollowup(
  trx: Transaction<DB>,
  refs: { eventId: string; coordinatorId: string; providerUserId: string; placementOfficerId: string },
  cohort: CohortRefs,
  now: Date = new Date(),
) {
  const today = todayInItaly(now);
  const officer: Actor = { userId: refs.coordinatorId, role: "preselection_officer", ip: null };

  // 1. The signed PDF of the first worker's plan in force.
  const first = cohort.memberIds[0]!;
  const plan = await trx
    .selectFrom("outplacement_plans")
    .select(["id", "version", "plan_version"])
    .where("member_id", "=", first)
    .where("state", "in", ["signed", "in_progress"])
    .executeTakeFirst();
  if (plan) {
    const pdf = await demoPdf(`Progetto di reinserimento — versione ${plan.plan_version} (firmato)`, [
      "Scansione del progetto firmato dal lavoratore e dall'operatore.",
    ]);
    await uploadSignedPlan(
      trx,
      officer,
      OFFICER,
      { eventId: refs.eventId, memberId: first, planId: plan.id },
      { version: plan.version, workerSignedOn: null, pdf: { filename: "progetto-firmato.pdf", ...pdf } },
      now,
    );
  }

  // 2. A worker on CIGS (zero hours, informed if any) with a course: 12 of 40 hours missed without justification = 30 %, band 1.
  const onCigs = await trx
    .selectFrom("outplacement_members as m")
    .select("m.id")
    .where("m.event_id", "=", refs.eventId)
    .where("m.situation", "=", "cigs_zero_hours")
    .where((eb) => eb.not(eb.exists(eb.selectFrom("outplacement_plans as p").select("p.id").whereRef("p.member_id", "=", "m.id"))))
    .orderBy((eb) => eb.case().when("m.state", "=", "informed").then(0).else(1).end())
    .orderBy("m.codice_fiscale")
    .executeTakeFirst();
  const cigs = onCigs?.id;
  if (cigs) {
    const draft = await savePlanDraft(
      trx,
      officer,
      OFFICER,
      refs.eventId,
      cigs,
      PlanSchema.parse({
        mainGoalType: "employee",
        mainGoalOccupation: "7.2.1.1.0",
        mainGoalDescription: "Conduttore di macchine a controllo numerico, dopo il corso di programmazione CNC",
        altGoalType: "",
        altGoalOccupation: "",
        altGoalDescription: "",
        commitments: "Frequenza del corso di programmazione CNC previsto dall'accordo di CIGS (art. 25-ter D.Lgs. 148/2015).",
        reviewOn: addDays(today, 90),
        actions: [
          { serviceCode: "4E", mode: "individual", location: "employer_premises", plannedHours: "16" },
          {
            serviceCode: "FORM",
            mode: "group",
            location: "provider",
            plannedHours: "40",
            courseTitle: "Programmazione di macchine CNC",
            courseTotalHours: "40",
          },
        ],
        version: "0",
      }),
    );
    await trx
      .updateTable("outplacement_plans")
      .set({ created_at: new Date(now.getTime() - 30 * 86_400_000) })
      .where("id", "=", draft.planId)
      .execute();
    await signPlan(
      trx,
      officer,
      OFFICER,
      { eventId: refs.eventId, memberId: cigs, planId: draft.planId },
      { workerSignedOn: addDays(today, -28), version: draft.version },
      now,
    );
    const course = await trx
      .selectFrom("outplacement_plan_actions")
      .select("id")
      .where("plan_id", "=", draft.planId)
      .where("service_code", "=", "FORM")
      .executeTakeFirstOrThrow();
    const days: ["present" | "absent_unjustified", number][] = [
      ["present", -21],
      ["present", -19],
      ["absent_unjustified", -17],
      ["present", -14],
      ["absent_unjustified", -12],
      ["absent_unjustified", -10],
    ];
    for (const [attendance, d] of days)
      await logSession(
        trx,
        officer,
        OFFICER,
        refs.eventId,
        cigs,
        SessionSchema.parse({ actionId: course.id, heldOn: addDays(today, d), hours: "4", attendance, absenceReason: "" }),
      );
  }

  // 3. Monthly check-ins: last month for every worker in the path, this month for every other one.
  const inPath = await trx
    .selectFrom("outplacement_members")
    .select(["id"])
    .where("event_id", "=", refs.eventId)
    .where("state", "in", ["plan_draft", "active", "in_training"])
    .orderBy("codice_fiscale")
    .execute();
  const lastMonth = addDays(`${today.slice(0, 7)}-01`, -12);
  const outcomes: CheckinInput["outcome"][] = ["searching", "interviews", "obstacles", "searching"];
  for (const [i, m] of inPath.entries()) {
    const when = i % 2 === 0 ? [lastMonth, today] : [lastMonth];
    for (const contactedOn of when)
      await recordCheckin(
        trx,
        officer,
        OFFICER,
        { eventId: refs.eventId, memberId: m.id },
        CheckinSchema.parse({
          contactedOn,
          channel: i % 3 === 0 ? "in_person" : "phone",
          outcome: outcomes[i % outcomes.length],
          summary:
            i % 4 === 2
              ? "Difficoltà a raggiungere le aziende fuori provincia senza auto; valutiamo il trasporto pubblico."
              : "Ha inviato candidature per posizioni di manutentore e operatore CNC; nessuna risposta negativa per ora.",
          applicationsSent: String(3 + (i % 5)),
          interviews: String(i % 3),
          nextStep: "Preparare il colloquio con l'agenzia per il lavoro di Monza",
          nextStepOn: "",
        }),
        now,
      );
  }

  // 4. The steering committee: the first meeting after the agreement, a recent one with a decision.
  for (const [d, minutes, decisions] of [
    [
      -40,
      "Presentati il calendario degli incontri informativi e il piano dei servizi: 22 lavoratori informati su 40, 8 assegnati all'ente accreditato.",
      "",
    ],
    [
      -5,
      "Stato dei percorsi: 11 progetti firmati, ore individuali in linea con lo standard per metà dei lavoratori. L'azienda segnala 3 posizioni di manutentore nello stabilimento di Vimercate.",
      "Le offerte a più di 50 km dalla residenza non sono considerate congrue ai fini della condizionalità per questa procedura.",
    ],
  ] as const)
    await recordSteeringMeeting(
      trx,
      { ...officer },
      { kind: "officer", userId: refs.coordinatorId, province: null },
      refs.eventId,
      SteeringMeetingSchema.parse({
        heldOn: addDays(today, d),
        agency: "Agenzia del Lavoro, CPI di Sesto San Giovanni (coordinatrice dell'evento)",
        employer: "Officine Meccaniche Lombarde S.p.A., direzione del personale",
        unions: "FIOM-CGIL, FIM-CISL, UILM-UIL (RSU dello stabilimento)",
        providers: "Ente accreditato per i servizi al lavoro, responsabile del progetto",
        institutions: "",
        minutes,
        decisions,
      }),
      now,
    );

  // 5. The L. 68 suspension filed from the event by the placement officer: the computed window when there is one; in the
  //    union phase (no end of the procedure yet) from the opening communication, without an end.
  const event = await trx
    .selectFrom("outplacement_events")
    .select(["id", "type", "title", "sites", "provinces", "employer_id", "version", "communication_on"])
    .where("id", "=", refs.eventId)
    .executeTakeFirstOrThrow();
  const window = (await listEventMilestones(trx, event.id, today)).find((m) => m.rule_id === "L68-SUSP");
  const defaults = l68SuspensionDefaults(
    {
      type: event.type as OutplacementEventType,
      title: event.title,
      provinces: [(event.sites as { province?: string }[])[0]?.province, ...event.provinces].filter((p): p is string => !!p),
      legalProvince: null,
      communicationOn: event.communication_on,
    },
    window ? { starts_on: window.starts_on, due_on: window.due_on } : null,
  );
  if (defaults && defaults.suspensionType === "licenziamento_collettivo") {
    const placement: Actor = { userId: refs.placementOfficerId, role: "placement_officer", ip: null };
    const record = RECORD_FORM_SCHEMAS.sospensione.parse({ ...defaults });
    const pdf = await demoPdf("Comunicazione di avvio della procedura di licenziamento collettivo", [
      `Procedura: ${event.title}`,
      "Richiesta di sospensione degli obblighi di assunzione (art. 3 c. 5 L. 68/1999).",
    ]);
    const recordId = await fileRecord(
      trx,
      placement,
      event.employer_id,
      {
        ...record,
        details: { ...record.details, receivedVia: "pec", enteredByOffice: true, outplacementEventId: event.id },
      } as typeof record,
      { filename: "comunicazione-avvio.pdf", ...pdf },
      today,
    );
    await linkL68Record(
      trx,
      placement,
      { kind: "officer", userId: refs.placementOfficerId, province: null },
      event.id,
      event.version,
      recordId,
    );
  }
}
