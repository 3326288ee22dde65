import type { Transaction } from "kysely";
import type { DB } from "~/db/types";
import type { Actor } from "~/domain/audit/commands.server";
import { registerEmployer, reviewEmployer } from "~/domain/employers/commands.server";
import { createUser } from "~/domain/identity/commands.server";
import { syncMilestones } from "~/domain/outplacement/index.server";
import { DEMO_PASSWORD, withCheckDigit, type DemoRefs } from "./platform";

const SYSTEM: Actor = { userId: null, role: "system", ip: null };

/** What the later outplacement seeds (cohort, plans, outcomes) build on. */
export interface OutplacementRefs {
  /** Officine Meccaniche Lombarde S.p.A., Sesto San Giovanni (MI), with a site in Vimercate (MB). */
  employerId: string;
  employerUserId: string;
  /** The L. 223 collective dismissal in the union phase, coordinated by the preselection officer. */
  eventId: string;
  coordinatorId: string;
  /** Demo accounts of the two outplacement roles. */
  providerUserId: string;
  unionUserId: string;
}

/** The Lombard manufacturer, the two new roles' accounts and the collective dismissal in progress. */
export async function seedOutplacementEvent(trx: Transaction<DB>, refs: DemoRefs): Promise<OutplacementRefs> {
  const manufacturer = await registerEmployer(trx, SYSTEM, {
    legalName: "Officine Meccaniche Lombarde S.p.A.",
    taxCode: withCheckDigit("0723456789"),
    vatNumber: withCheckDigit("0723456789"),
    atecoCode: "28",
    headcountBand: "250+",
    legalAddress: "Viale Italia 210",
    legalComune: "Sesto San Giovanni (MI)",
    pec: undefined,
    contactName: "Roberto Colombo",
    contactEmail: "officine@rosa.demo",
    contactPhone: "02 555 0777",
    sites: [{ label: "Reparto assemblaggio", address: "Via Milano 40", comune: "Vimercate (MB)" }],
    password: DEMO_PASSWORD,
    confirmPassword: DEMO_PASSWORD,
    privacy: "on",
    fullName: "Roberto Colombo",
    email: "officine@rosa.demo",
  });
  const officer: Actor = { userId: refs.preselectionOfficerId, role: "preselection_officer", ip: null };
  await reviewEmployer(trx, officer, { employerId: manufacturer.employerId, decision: "validate", reason: "", version: 1 });

  const providerUserId = await createUser(trx, SYSTEM, {
    email: "ente@rosa.demo",
    full_name: "Elena Formenti",
    role: "outplacement_provider",
    organisation: "Lavoro & Futuro Soc. Coop. (ente accreditato)",
    password: DEMO_PASSWORD,
    office_province: "MI",
  });
  const unionUserId = await createUser(trx, SYSTEM, {
    email: "sindacato@rosa.demo",
    full_name: "Giorgio Brambilla",
    role: "union_representative",
    organisation: "FIOM-CGIL Milano",
    password: DEMO_PASSWORD,
    office_province: "MI",
  });

  const event = await trx
    .insertInto("outplacement_events")
    .values({
      type: "collective_dismissal_l223",
      employer_id: manufacturer.employerId,
      title: "Riduzione di personale 2026 — stabilimento di Sesto San Giovanni",
      sites: JSON.stringify([
        { label: "Stabilimento", address: "Viale Italia 210", comuneCode: "015209", comune: "Sesto San Giovanni", province: "MI" },
        { label: "Reparto assemblaggio", address: "Via Milano 40", comuneCode: "108050", comune: "Vimercate", province: "MB" },
      ]),
      provinces: ["MB", "MI"],
      headcount_total: 310,
      surplus_announced: 40,
      communication_on: "2026-11-16",
      union_request_on: "2026-11-20",
      state: "union_phase",
      coordinator_user_id: refs.preselectionOfficerId,
      created_by: refs.preselectionOfficerId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx.insertInto("outplacement_event_unions").values({ event_id: event.id, user_id: unionUserId }).execute();
  await syncMilestones(trx, event.id);
  return {
    employerId: manufacturer.employerId,
    employerUserId: manufacturer.userId,
    eventId: event.id,
    coordinatorId: refs.preselectionOfficerId,
    providerUserId,
    unionUserId,
  };
}

/**
 * Ricollocazione demo: the event first, then (each helper its own exported function, in this order) the cohort of
 * workers, their plans and sessions, their outcomes.
 */
export async function seedOutplacement(trx: Transaction<DB>, refs: DemoRefs): Promise<void> {
  await seedOutplacementEvent(trx, refs);
}
