/**
 * The aggregated, anonymised view of an event for the dismissing employer and the union representatives
 * (docs/decisions/outplacement.md#esiti-indicatori-e-vista-aggregata): who may see which event, and the view itself.
 * Nothing here returns a row per worker.
 */
import type { Db } from "~/db/db.server";
import { DomainError } from "~/domain/errors";
import { aggregatedView, type AggregatedView } from "./aggregate";
import { loadKpiMembers } from "./kpi.server";

export interface AggregateViewer {
  kind: "employer" | "union";
  /** The employer the user acts for (employer users), or the union representative's user id. */
  id: string;
}

/** The event's public heading, if the viewer may see it; otherwise a not_found (never says whether the event exists). */
export async function eventForViewer(db: Db, viewer: AggregateViewer, eventId: string) {
  let q = db
    .selectFrom("outplacement_events as e")
    .innerJoin("employers", "employers.id", "e.employer_id")
    .select(["e.id", "e.title", "e.type", "e.state", "employers.legal_name"])
    .where("e.id", "=", eventId);
  q = viewer.kind === "employer" ? q.where("e.employer_id", "=", viewer.id) : q.where("e.id", "in", unionEvents(db, viewer.id));
  const event = await q.executeTakeFirst();
  if (!event) throw new DomainError("Procedura non trovata", "_form", "not_found");
  return event;
}

function unionEvents(db: Db, userId: string) {
  return db.selectFrom("outplacement_event_unions").select("event_id").where("user_id", "=", userId);
}

/** The events the viewer may see, newest first (headings only). */
export async function eventsForViewer(db: Db, viewer: AggregateViewer) {
  let q = db
    .selectFrom("outplacement_events as e")
    .innerJoin("employers", "employers.id", "e.employer_id")
    .select(["e.id", "e.title", "e.type", "e.state", "employers.legal_name"])
    .orderBy("e.created_at", "desc");
  q = viewer.kind === "employer" ? q.where("e.employer_id", "=", viewer.id) : q.where("e.id", "in", unionEvents(db, viewer.id));
  return q.execute();
}

export async function aggregatedEventView(db: Db, eventId: string, asOf: string): Promise<AggregatedView> {
  return aggregatedView(await loadKpiMembers(db, eventId), asOf);
}
