import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { decodeTaxCode } from "~/domain/unilav";
import { memberIdFrom, requireCohortOfficer } from "~/web/cohort-guards.server";
import { sapDownload } from "~/web/national-exports.server";
import { actorOf, notFound } from "~/web/session.server";

/** A worker's SAP active-policy section (activation pact A02, internships C06), validated against Rev009; audited. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, eventId } = await requireCohortOfficer(request, params);
  const memberId = memberIdFrom(params);
  const m = await getDb()
    .selectFrom("outplacement_members")
    .select(["codice_fiscale", "birth_date"])
    .where("id", "=", memberId)
    .where("event_id", "=", eventId)
    .executeTakeFirst();
  if (!m) throw notFound("Lavoratore non trovato");
  return sapDownload(actorOf(user, context), user.officeProvince, {
    taxCode: m.codice_fiscale,
    birthDate: m.birth_date ?? decodeTaxCode(m.codice_fiscale)?.birthDate ?? null,
    entityType: "outplacement_event",
    entityId: eventId,
  });
}
