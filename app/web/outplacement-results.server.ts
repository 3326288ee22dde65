/**
 * Guards of the outcome pages: the officer's (dashboard, outcomes, follow-ups: every officer who runs outplacement
 * events), the dismissing employer's and the union representative's aggregated views (only their own or linked
 * events; any other event is a 404 that says nothing about whether it exists).
 */
import { z } from "zod";
import { getDb } from "~/db/db.server";
import { DomainError } from "~/domain/errors";
import { pdfDownload } from "~/documents/pdf.server";
import { recordAudit } from "~/domain/audit/index.server";
import {
  aggregatedEventView,
  aggregatedReportPdf,
  eventForViewer,
  eventHeading,
  eventsForViewer,
  type AggregateViewer,
} from "~/domain/outplacement/index.server";
import { todayInItaly } from "~/utils/dates";
import { actorOf, forbidden, notFound, requirePermission } from "./session.server";

const uuid = z.uuid();

export function uuidParam(params: Record<string, string | undefined>, name: string, message: string): string {
  const parsed = uuid.safeParse(params[name]);
  if (!parsed.success) throw notFound(message);
  return parsed.data;
}

/** An officer who runs outplacement events, on an existing event. */
export async function requireOutcomeOfficer(request: Request, params: Record<string, string | undefined>) {
  const user = await requirePermission(request, "outplacement:manage");
  const eventId = uuidParam(params, "eventId", "Procedura non trovata");
  const event = await eventHeading(getDb(), eventId);
  if (!event) throw notFound("Procedura non trovata");
  return { user, event };
}

/** The employer's users (any role in the company, consultants for the company they act for) or a linked union representative. */
export async function requireAggregateViewer(request: Request, kind: AggregateViewer["kind"], params: Record<string, string | undefined>) {
  const user = await requirePermission(request, kind === "employer" ? "outplacement:own" : "outplacement:aggregates");
  const viewer: AggregateViewer = kind === "employer" ? { kind, id: user.employerId ?? "" } : { kind, id: user.id };
  if (!viewer.id) throw forbidden();
  if (!params.eventId) return { user, viewer, event: null };
  const eventId = uuidParam(params, "eventId", "Procedura non trovata");
  try {
    return { user, viewer, event: await eventForViewer(getDb(), viewer, eventId) };
  } catch (e) {
    if (e instanceof DomainError && e.kind === "not_found") throw notFound(e.message);
    throw e;
  }
}

/** The aggregated view's loader for the employer's and the union's page; every access is in the audit log. */
export async function aggregatedPage(
  kind: AggregateViewer["kind"],
  args: { request: Request; params: Record<string, string | undefined>; context: unknown },
) {
  const { user, event } = await requireAggregateViewer(args.request, kind, args.params);
  if (!event) throw notFound("Procedura non trovata");
  const db = getDb();
  const view = await aggregatedEventView(db, event.id, todayInItaly());
  await recordAudit(db, actorOf(user, args.context), {
    action: "outplacement.aggregate_view",
    entityType: "outplacement_event",
    entityId: event.id,
    details: { viewer: kind, kind: view.kind },
  });
  return { event, view };
}

export async function aggregatedPdf(
  kind: AggregateViewer["kind"],
  args: { request: Request; params: Record<string, string | undefined>; context: unknown },
) {
  const { user, event } = await requireAggregateViewer(args.request, kind, args.params);
  if (!event) throw notFound("Procedura non trovata");
  const db = getDb();
  const today = todayInItaly();
  const view = await aggregatedEventView(db, event.id, today);
  const bytes = await aggregatedReportPdf(event, view);
  await recordAudit(db, actorOf(user, args.context), {
    action: "outplacement.aggregate_pdf",
    entityType: "outplacement_event",
    entityId: event.id,
    details: { viewer: kind, kind: view.kind },
  });
  return pdfDownload(bytes, `ricollocazione-rapporto-${today}.pdf`);
}

/** The events the employer's users (own) or the union representative (linked) may see. */
export async function aggregatedEvents(kind: AggregateViewer["kind"], request: Request) {
  const { viewer } = await requireAggregateViewer(request, kind, {});
  return eventsForViewer(getDb(), viewer);
}
