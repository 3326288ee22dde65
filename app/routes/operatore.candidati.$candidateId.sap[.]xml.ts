import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { candidateIdFrom } from "~/web/guards.server";
import { sapDownload } from "~/web/national-exports.server";
import { actorOf, notFound, requirePermission } from "~/web/session.server";

/** The person's SAP active-policy section (Rev009, validated), for the officers who hold the CV database; audited. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "candidates:read");
  const candidateId = candidateIdFrom(params);
  const c = await getDb()
    .selectFrom("candidates")
    .select(["tax_code", "birth_date"])
    .where("id", "=", candidateId)
    .where("erased_at", "is", null)
    .executeTakeFirst();
  if (!c) throw notFound("Candidato non trovato");
  return sapDownload(actorOf(user, context), user.officeProvince, {
    taxCode: c.tax_code,
    birthDate: c.birth_date,
    entityType: "candidate",
    entityId: candidateId,
  });
}
