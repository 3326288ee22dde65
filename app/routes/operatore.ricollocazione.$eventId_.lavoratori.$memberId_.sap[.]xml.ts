import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { sapPersonOfCohortMember } from "~/domain/sap/index.server";
import { memberIdFrom, requireCohortOfficer } from "~/web/cohort-guards.server";
import { sapDownload } from "~/web/national-exports.server";
import { actorOf, notFound } from "~/web/session.server";

/** A worker's SAP active-policy section (activation pact A02, internships C06), validated against Rev009; audited. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, eventId } = await requireCohortOfficer(request, params);
  const person = await sapPersonOfCohortMember(getDb(), eventId, memberIdFrom(params));
  if (!person) throw notFound("Lavoratore non trovato");
  return sapDownload(actorOf(user, context), user.officeProvince, { ...person, entityType: "outplacement_event", entityId: eventId });
}
