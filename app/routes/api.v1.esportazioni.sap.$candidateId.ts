import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~/db/db.server";
import { exportPersonSap } from "~/web/api-exports.server";
import { apiError, apiJson, auditApiCall, requireApiScope } from "~/web/api.server";

const ROUTE = "/api/v1/esportazioni/sap/{candidateId}";

/**
 * GET /api/v1/esportazioni/sap/{candidateId} — the SAP active-policy section of a person, for authorised systems
 * (scope `exports:sap`). Audited with the person.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const client = await requireApiScope(request, context, "exports:sap", ROUTE);
  const id = z.uuid().safeParse(params.candidateId);
  if (!id.success) return apiError(404, "Persona non trovata");
  const outcome = await exportPersonSap(getDb(), id.data);
  const status = outcome.kind === "ok" ? 200 : outcome.kind === "not_found" ? 404 : 422;
  await auditApiCall(context, client, {
    scope: "exports:sap",
    route: ROUTE,
    status,
    entityType: "candidate",
    entityId: id.data,
    personId: id.data,
  });
  if (outcome.kind === "not_found") return apiError(404, outcome.message);
  if (outcome.kind === "invalid") return apiJson({ error: outcome.message, problems: outcome.problems }, 422);
  return new Response(outcome.value.xml, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "no-store" } });
}
