import type { Updateable } from "kysely";
import type { Trx } from "~/db/db.server";
import type { OutplacementEventsTable } from "~/db/tables/outplacement";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { applyTransition, lockRow } from "~/domain/workflow/index.server";
import { listRecords } from "~/domain/l68/index.server";
import { enqueueMail } from "~/domain/mail/index.server";
import { resolveComune } from "~/domain/reference/index.server";
import { todayInItaly } from "~/utils/dates";
import { absoluteUrl } from "~/utils/public-url.server";
import { eventInScope, type EventScope } from "./access.server";
import { EDITABLE_EVENT_STATES, EVENT_STATE_LABELS, EVENT_MOVE_LABELS, nextEventState } from "./events";
import { MOVE_DATE_FIELD, euroToCents, type EventInput, type TransitionInput } from "./events-schema";
import { syncMilestones } from "./milestones.server";

/** A site as stored: the comune resolved to its ISTAT code. */
export interface EventSite {
  label: string | null;
  address: string | null;
  comuneCode: string;
  comune: string;
  province: string;
}

async function resolveSites(trx: Trx, sites: EventInput["sites"]): Promise<EventSite[]> {
  const out: EventSite[] = [];
  for (const [i, s] of sites.entries()) {
    const c = await resolveComune(trx, s.comune);
    if (!c) throw new DomainError("Comune non trovato: sceglilo dall'elenco, ad esempio «Sesto San Giovanni (MI)»", `sites[${i}].comune`);
    out.push({ label: s.label, address: s.address, comuneCode: c.istatCode, comune: c.name, province: c.provinceCode });
  }
  return out;
}

function columns(input: EventInput, sites: EventSite[]): Updateable<OutplacementEventsTable> {
  return {
    type: input.type,
    title: input.title,
    sites: JSON.stringify(sites),
    provinces: [...new Set(sites.map((s) => s.province))].sort(),
    headcount_total: input.headcountTotal,
    surplus_announced: input.surplusAnnounced,
    surplus_final: input.surplusFinal,
    communication_on: input.communicationOn,
    union_request_on: input.unionRequestOn,
    union_phase_end_on: input.unionPhaseEndOn,
    plan_received_on: input.planReceivedOn,
    first_dismissal_on: input.firstDismissalOn,
    procedure_end_on: input.procedureEndOn,
    agreement_on: input.agreementOn,
    cigs_from: input.cigsFrom,
    cigs_to: input.cigsTo,
    agreement_type: input.agreementType,
    agreement_document_ref: input.agreementDocumentRef,
    agreement_outplacement_clauses: input.agreementOutplacementClauses,
    employer_funded: input.employerFunded,
    employer_funded_provider: input.employerFunded ? input.employerFundedProvider : null,
    employer_funded_budget_cents: input.employerFunded && input.employerFundedBudget ? euroToCents(input.employerFundedBudget) : null,
    notes: input.notes,
  };
}

async function checkEmployer(trx: Trx, employerId: string) {
  const e = await trx.selectFrom("employers").select(["id", "status"]).where("id", "=", employerId).executeTakeFirst();
  if (!e) throw new DomainError("Azienda non trovata: sceglila dall'elenco", "employerId");
  if (e.status !== "validated")
    throw new DomainError("L'azienda non è ancora convalidata: convalidala prima di aprire l'evento", "employerId");
}

async function checkCoordinator(trx: Trx, userId: string | null | undefined) {
  if (!userId) return;
  const u = await trx.selectFrom("users").select(["role", "active"]).where("id", "=", userId).executeTakeFirst();
  if (!u || !u.active || (u.role !== "preselection_officer" && u.role !== "placement_officer"))
    throw new DomainError("Il coordinatore deve essere un operatore del Centro per l'Impiego", "coordinatorUserId");
}

/**
 * An officer opens an event (draft), or the employer proposes one from its area (draft «proposto dall'azienda», its
 * own company, no coordinator) for an officer to validate. An event may have no workers yet.
 */
export async function createEvent(trx: Trx, actor: Actor, scope: EventScope, input: EventInput): Promise<string> {
  let employerId: string;
  if (scope.kind === "officer") {
    if (!input.employerId) throw new DomainError("Scegli l'azienda dall'elenco", "employerId");
    employerId = input.employerId;
    await checkEmployer(trx, employerId);
    await checkCoordinator(trx, input.coordinatorUserId);
  } else if (scope.kind === "employer") {
    employerId = scope.employerId;
  } else throw new DomainError("Non puoi registrare eventi di ricollocazione", "_form", "forbidden");
  const sites = await resolveSites(trx, input.sites);
  const proposed = scope.kind === "employer";
  const row = await trx
    .insertInto("outplacement_events")
    .values({
      ...columns(input, sites),
      type: input.type,
      title: input.title,
      employer_id: employerId,
      state: "draft",
      proposed_by_employer: proposed,
      coordinator_user_id: scope.kind === "officer" ? (input.coordinatorUserId ?? scope.userId) : null,
      created_by: actor.userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await syncMilestones(trx, row.id);
  await recordAudit(trx, actor, {
    action: proposed ? "outplacement_event.proposed" : "outplacement_event.created",
    entityType: "outplacement_event",
    entityId: row.id,
    employerId,
    details: { type: input.type, title: input.title, provinces: [...new Set(sites.map((s) => s.province))] },
  });
  return row.id;
}

/** Locks the event in the scope and checks the version the person saw (null: the system, no check). */
export async function lockEvent(trx: Trx, scope: EventScope, eventId: string, version: number | null) {
  const query = trx.selectFrom("outplacement_events").selectAll().where("id", "=", eventId).where(eventInScope(scope));
  return lockRow(query, version, "Evento non trovato");
}

/** An officer corrects the event (dates, agreement, sites…) while it is not closed; the calendar follows. */
export async function updateEvent(trx: Trx, actor: Actor, scope: EventScope, eventId: string, version: number, input: EventInput) {
  if (scope.kind !== "officer") throw new DomainError("Solo gli operatori possono modificare l'evento", "_form", "forbidden");
  const current = await lockEvent(trx, scope, eventId, version);
  if (!EDITABLE_EVENT_STATES.includes(current.state))
    throw new DomainError(`L'evento è «${EVENT_STATE_LABELS[current.state]}»: non si può più modificare`, "_form", "conflict");
  if (input.employerId && input.employerId !== current.employer_id) await checkEmployer(trx, input.employerId);
  await checkCoordinator(trx, input.coordinatorUserId);
  const sites = await resolveSites(trx, input.sites);
  await trx
    .updateTable("outplacement_events")
    .set({
      ...columns(input, sites),
      employer_id: input.employerId ?? current.employer_id,
      coordinator_user_id: input.coordinatorUserId ?? current.coordinator_user_id,
      version: current.version + 1,
      updated_at: new Date(),
    })
    .where("id", "=", eventId)
    .execute();
  await syncMilestones(trx, eventId);
  await recordAudit(trx, actor, {
    action: "outplacement_event.updated",
    entityType: "outplacement_event",
    entityId: eventId,
    employerId: input.employerId ?? current.employer_id,
    details: { type: input.type, title: input.title },
  });
  return { version: current.version + 1 };
}

/** An officer takes over an employer's proposal: validated, coordinated by them (still a draft). */
export async function validateProposal(trx: Trx, actor: Actor, scope: EventScope, eventId: string, version: number) {
  if (scope.kind !== "officer") throw new DomainError("Solo gli operatori convalidano le proposte", "_form", "forbidden");
  const current = await lockEvent(trx, scope, eventId, version);
  if (!current.proposed_by_employer || current.validated_at)
    throw new DomainError("Questo evento non è una proposta da convalidare", "_form", "conflict");
  await trx
    .updateTable("outplacement_events")
    .set({
      validated_by: actor.userId,
      validated_at: new Date(),
      coordinator_user_id: current.coordinator_user_id ?? scope.userId,
      version: current.version + 1,
      updated_at: new Date(),
    })
    .where("id", "=", eventId)
    .execute();
  await recordAudit(trx, actor, {
    action: "outplacement_event.validated",
    entityType: "outplacement_event",
    entityId: eventId,
    employerId: current.employer_id,
  });
  await notifyEmployer(
    trx,
    current.employer_id,
    `Il Centro per l'Impiego ha preso in carico l'evento «${current.title}» che hai proposto.`,
  );
  return { version: current.version + 1 };
}

async function notifyEmployer(trx: Trx, employerId: string, text: string) {
  const e = await trx.selectFrom("employers").select("contact_email").where("id", "=", employerId).executeTakeFirstOrThrow();
  await enqueueMail(trx, {
    to: e.contact_email,
    subject: "Rosa: ricollocazione dei lavoratori",
    body: `${text}\n\nL'andamento, in forma aggregata, è nell'area Ricollocazione di Rosa: ${absoluteUrl("/azienda/ricollocazione")}`,
  });
}

/**
 * Moves the event (§4.1): a regular move of the table, with the date it records (the communication, the agreement…), or
 * the officer's manual change to any state with a note. Row lock in the scope, version check, audit and the employer's
 * notice (mail outbox) in the caller's transaction. Timers never move an event.
 */
export async function transitionEvent(
  trx: Trx,
  actor: Actor,
  scope: EventScope,
  eventId: string,
  input: TransitionInput,
  now: Date = new Date(),
) {
  if (scope.kind !== "officer") throw new DomainError("Solo gli operatori cambiano lo stato dell'evento", "_form", "forbidden");
  const current = await lockEvent(trx, scope, eventId, input.version);
  const today = todayInItaly(now);
  let next;
  const set: Updateable<OutplacementEventsTable> = {};
  if (input.move === "set_state") {
    next = input.to!;
    if (next === current.state) throw new DomainError("L'evento è già in questo stato", "to");
  } else {
    next = nextEventState(current.state, input.move, current.type);
    if (!next)
      throw new DomainError(
        `Operazione non consentita: l'evento è nello stato «${EVENT_STATE_LABELS[current.state]}» («${EVENT_MOVE_LABELS[input.move]}» non si applica)`,
        "_form",
        "conflict",
      );
    const dateField = MOVE_DATE_FIELD[input.move];
    if (dateField) {
      const column = (
        {
          communicationOn: "communication_on",
          unionPhaseEndOn: "union_phase_end_on",
          planReceivedOn: "plan_received_on",
          agreementOn: "agreement_on",
          procedureEndOn: "procedure_end_on",
        } as const
      )[dateField.field];
      const value = input.date ?? current[column] ?? (input.move === "announce" ? null : today);
      if (!value) throw new DomainError(`Indica la ${dateField.label.toLowerCase()}`, "date");
      if (value > today) throw new DomainError("La data non può essere nel futuro", "date");
      set[column] = value;
    }
    if (input.move === "sign_agreement") {
      set.agreement_type =
        input.agreementType ??
        current.agreement_type ??
        (current.state === "admin_phase"
          ? "sede_amministrativa"
          : current.state === "plan_exam"
            ? "piano_l234"
            : current.type === "cigs_transition_22ter"
              ? "accordo_22ter"
              : current.type === "cigs_relocation_24bis"
                ? "accordo_24bis"
                : current.type === "collective_dismissal_l223"
                  ? "esame_congiunto"
                  : "altro");
      // The agreement ends the L. 223 procedure.
      if (current.type === "collective_dismissal_l223" && !current.procedure_end_on) set.procedure_end_on = set.agreement_on;
    }
    if (input.move === "activate_cohort") {
      const members = await trx
        .selectFrom("outplacement_members")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("event_id", "=", eventId)
        .executeTakeFirstOrThrow();
      if (Number(members.n) === 0)
        throw new DomainError("Carica prima l'elenco dei lavoratori: l'evento non ha ancora nessun lavoratore", "_form", "conflict");
    }
  }
  Object.assign(set, { state: next, state_note: input.note, state_changed_at: now });
  await applyTransition(trx, {
    table: "outplacement_events",
    row: current,
    patch: set,
    now,
    audit: {
      actor,
      entry: {
        action: input.move === "set_state" ? "outplacement_event.state_set" : `outplacement_event.${input.move}`,
        entityType: "outplacement_event",
        employerId: current.employer_id,
        details: { from: current.state, to: next, note: input.note, date: input.date },
      },
    },
  });
  await syncMilestones(trx, eventId, today);
  await notifyEmployer(trx, current.employer_id, `L'evento «${current.title}» è passato allo stato «${EVENT_STATE_LABELS[next]}».`);
  return { state: next, version: current.version + 1 };
}

/** Links (or unlinks, null) the employer's L. 68 suspension record to the event. */
export async function linkL68Record(trx: Trx, actor: Actor, scope: EventScope, eventId: string, version: number, recordId: string | null) {
  if (scope.kind !== "officer") throw new DomainError("Solo gli operatori collegano le pratiche L. 68/99", "_form", "forbidden");
  const current = await lockEvent(trx, scope, eventId, version);
  if (recordId) {
    const rec = (await listRecords(trx, { employerId: current.employer_id })).find((r) => r.id === recordId);
    if (!rec || rec.kind !== "sospensione") throw new DomainError("Scegli una pratica di sospensione dell'azienda", "recordId");
  }
  await trx
    .updateTable("outplacement_events")
    .set({ l68_record_id: recordId, version: current.version + 1, updated_at: new Date() })
    .where("id", "=", eventId)
    .execute();
  await recordAudit(trx, actor, {
    action: recordId ? "outplacement_event.l68_linked" : "outplacement_event.l68_unlinked",
    entityType: "outplacement_event",
    entityId: eventId,
    employerId: current.employer_id,
    details: { recordId },
  });
  return { version: current.version + 1 };
}
