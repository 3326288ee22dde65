import { sql } from "kysely";
import type { Db, Trx } from "~/db/db.server";
import { listRecords } from "~/domain/l68/index.server";
import { eventInScope, type EventScope } from "./access.server";
import type { EventListFilter } from "./events-schema";
import type { EventSite } from "./events.server";

export const EVENT_PAGE_SIZE = 25;

function filtered(db: Db, scope: EventScope, f: Partial<EventListFilter>) {
  let q = db
    .selectFrom("outplacement_events")
    .innerJoin("employers", "employers.id", "outplacement_events.employer_id")
    .where(eventInScope(scope));
  if (f.stato) q = q.where("outplacement_events.state", "=", f.stato);
  if (f.tipo) q = q.where("outplacement_events.type", "=", f.tipo);
  if (f.provincia) q = q.where(sql<boolean>`${f.provincia}::text = any(outplacement_events.provinces)`);
  if (f.proposte) q = q.where("outplacement_events.proposed_by_employer", "=", true).where("outplacement_events.validated_at", "is", null);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb("outplacement_events.title", "ilike", like), eb("employers.legal_name", "ilike", like)]));
  }
  return q;
}

const memberCount = sql<string>`(select count(*) from outplacement_members m where m.event_id = outplacement_events.id)`;

/** One page of the events in scope with the filters, and the exact number of events they match. */
export async function listEvents(db: Db, scope: EventScope, f: Partial<EventListFilter>, page = 1) {
  const total = await filtered(db, scope, f)
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  const rows = await filtered(db, scope, f)
    .select([
      "outplacement_events.id",
      "outplacement_events.title",
      "outplacement_events.type",
      "outplacement_events.state",
      "outplacement_events.provinces",
      "outplacement_events.surplus_announced",
      "outplacement_events.surplus_final",
      "outplacement_events.proposed_by_employer",
      "outplacement_events.validated_at",
      "outplacement_events.created_at",
      "employers.legal_name",
      memberCount.as("members"),
    ])
    .orderBy("outplacement_events.created_at", "desc")
    .orderBy("outplacement_events.id")
    .limit(EVENT_PAGE_SIZE)
    .offset((page - 1) * EVENT_PAGE_SIZE)
    .execute();
  return { total: Number(total.n), rows: rows.map((r) => ({ ...r, members: Number(r.members) })) };
}

/** Proposals from employers waiting for an officer (the desk's count). */
export async function countEventProposals(db: Db, scope: EventScope): Promise<number> {
  const r = await filtered(db, scope, { proposte: "1" })
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The event in scope, with the names the page shows; null when it does not exist or is out of scope. */
export async function getEvent(db: Db | Trx, scope: EventScope, eventId: string) {
  const row = await db
    .selectFrom("outplacement_events")
    .innerJoin("employers", "employers.id", "outplacement_events.employer_id")
    .leftJoin("users as coordinator", "coordinator.id", "outplacement_events.coordinator_user_id")
    .selectAll("outplacement_events")
    .select(["employers.legal_name", "employers.tax_code", "coordinator.full_name as coordinator_name", memberCount.as("members")])
    .where("outplacement_events.id", "=", eventId)
    .where(eventInScope(scope))
    .executeTakeFirst();
  if (!row) return null;
  return { ...row, sites: row.sites as unknown as EventSite[], members: Number(row.members) };
}
export type EventView = NonNullable<Awaited<ReturnType<typeof getEvent>>>;

/** Validated employers for the event form (the register), by name. */
export function listEventEmployers(db: Db) {
  return db
    .selectFrom("employers")
    .select(["id", "legal_name"])
    .where("status", "=", "validated")
    .orderBy("legal_name")
    .limit(1000)
    .execute();
}

/** The officers who may coordinate an event. */
export function listCoordinators(db: Db) {
  return db
    .selectFrom("users")
    .select(["id", "full_name", "office_province"])
    .where("role", "in", ["preselection_officer", "placement_officer"])
    .where("active", "=", true)
    .orderBy("full_name")
    .limit(500)
    .execute();
}

/** The employer's L. 68 suspension records (to show and link on the event). */
export async function listEmployerSuspensions(db: Db, employerId: string) {
  return (await listRecords(db, { employerId })).filter((r) => r.kind === "sospensione");
}

/**
 * The dismissing employer's events: only what concerns the procedure and totals (no worker, no name, no site breakdown):
 * the anonymised rules apply to anything about the workers.
 */
export async function listEmployerEvents(db: Db, employerId: string) {
  const rows = await db
    .selectFrom("outplacement_events")
    .select([
      "id",
      "title",
      "type",
      "state",
      "proposed_by_employer",
      "validated_at",
      "communication_on",
      "agreement_on",
      "surplus_announced",
      "created_at",
    ])
    .where(eventInScope({ kind: "employer", employerId }))
    .orderBy("created_at", "desc")
    .limit(200)
    .execute();
  return rows;
}
