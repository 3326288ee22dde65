import type { Transaction } from "kysely";
import type { DB } from "~/db/types";
import type { Actor } from "~/domain/audit/commands.server";
import { registerEmployer, reviewEmployer } from "~/domain/employers/commands.server";
import { createUser } from "~/domain/identity/commands.server";
import type { OutcomeType } from "~/domain/outplacement";
import { addDays, todayInItaly } from "~/utils/dates";
import { syncMilestones } from "~/domain/outplacement/index.server";
import { DEMO_PASSWORD, withCheckDigit, type DemoRefs } from "./platform";
import { seedOutplacementCohort } from "./outplacement-cohort";
import { seedOutplacementPlans } from "./outplacement-plans";
import { seedOutplacementFollowup } from "./outplacement-followup";
import { seedCohortRosa, seedEmployerPendingList } from "./outplacement-list";

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
  const event = await seedOutplacementEvent(trx, refs);
  const cohort = await seedOutplacementCohort(trx, event);
  await seedOutplacementPlans(trx, event, cohort);
  await seedOutplacementOutcomes(trx, cohort.memberIds);
  await seedOutplacementFollowup(trx, { ...event, placementOfficerId: refs.placementOfficerId }, cohort);
  await seedEmployerPendingList(trx, event);
  await seedCohortRosa(trx, refs, event.eventId);
}

/**
 * Outcomes of the demo cohort (docs/decisions/outplacement.md#esiti-indicatori-e-vista-aggregata), on the cohort's own
 * dates: the dismissed workers left 30–34 days ago (their t0), so the outcomes start after t0 and before today, the 3-,
 * 6- and 12-month rates are not due yet (the dashboard says so) and no follow-up is overdue. 10 of the 20 dismissed have
 * an outcome: open-ended and fixed-term jobs (one already ended), self-employment, a retirement, one job declared by the
 * worker and not yet verified on the CO. Those placed in a lasting job are «Ricollocato» in the cohort list too.
 */
export async function seedOutplacementOutcomes(trx: Transaction<DB>, memberIds: string[], now: Date = new Date()): Promise<void> {
  const today = todayInItaly(now);
  const dismissed = memberIds.slice(0, 20);
  const members = await trx.selectFrom("outplacement_members").select(["id", "t0_on"]).where("id", "in", dismissed).execute();
  const t0Of = new Map(members.map((m) => [m.id, m.t0_on]));
  type Row = { i: number; type: OutcomeType; start: number; end?: number; state?: "VERIFIED" | "DECLARED" | "ENDED"; contract?: string };
  const rows: Row[] = [
    ...[0, 1, 2, 3].map((i) => ({ i, type: "EMPLOYED_OPEN_ENDED" as const, start: 6 + i * 4, contract: "A.01.00" })),
    ...[4, 5].map((i) => ({ i, type: "EMPLOYED_FIXED_GE6M" as const, start: 10 + i, end: 10 + i + 364, contract: "A.02.00" })),
    { i: 6, type: "EMPLOYED_FIXED_LT6M", start: 3, end: 17, state: "ENDED", contract: "A.02.00" },
    { i: 7, type: "SELF_EMPLOYED", start: 20 },
    { i: 8, type: "RETIRED", start: 1 },
    { i: 9, type: "EMPLOYED_OPEN_ENDED", start: 24, state: "DECLARED", contract: "A.01.00" },
  ];
  const employers = [
    "Meccanica Brianza S.r.l.",
    "Elettroforniture Monza S.p.A.",
    "Logistica Nord Milano S.r.l.",
    "Carpenterie Sestesi S.n.c.",
  ];
  for (const r of rows) {
    const id = dismissed[r.i];
    const t0 = t0Of.get(id);
    if (!id || !t0) continue;
    // Never after yesterday: an outcome is recorded once it has happened.
    const on = (days: number) => {
      const day = addDays(t0, days);
      return day < today ? day : addDays(today, -1);
    };
    const start = on(r.start);
    const state = r.state ?? "VERIFIED";
    await trx
      .insertInto("outplacement_outcomes")
      .values({
        member_id: id,
        type: r.type,
        state,
        start_on: start,
        end_on: r.end === undefined ? null : r.end <= r.start + 30 ? on(r.end) : addDays(t0, r.end),
        contract_type: r.contract ?? null,
        co_code: state === "DECLARED" ? null : `CO-2026-${String(4100 + r.i)}`,
        weekly_hours: r.contract ? 40 : null,
        employer_name: r.contract ? employers[r.i % employers.length] : null,
        source: state === "DECLARED" ? "SELF_DECLARED" : "CO_VERIFIED",
        verified_on: state === "DECLARED" ? null : start,
      })
      .execute();
    // A verified job or self-employment places the worker («Ricollocato»); a retirement is an exit.
    if (state === "VERIFIED") {
      await trx
        .updateTable("outplacement_members")
        .set((eb) => ({ state: r.type === "RETIRED" ? "exited_retired" : "placed", version: eb("version", "+", 1) }))
        .where("id", "=", id)
        .execute();
    }
  }
}
