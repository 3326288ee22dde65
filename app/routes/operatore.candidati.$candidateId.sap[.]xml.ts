import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { sapPersonOfCandidate } from "~/domain/sap/index.server";
import { candidateIdFrom } from "~/web/guards.server";
import { sapDownload } from "~/web/national-exports.server";
import { actorOf, notFound, requirePermission } from "~/web/session.server";

/** The person's SAP active-policy section (Rev009, validated), for the officers who hold the CV database; audited. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "candidates:read");
  const candidateId = candidateIdFrom(params);
  const person = await sapPersonOfCandidate(getDb(), candidateId);
  if (!person) throw notFound("Candidato non trovato");
  return sapDownload(actorOf(user, context), user.officeProvince, { ...person, entityType: "candidate", entityId: candidateId });
}
