import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~/db/db.server";
import { exportHireUnilav } from "~/web/api-exports.server";
import { apiError, apiJson, auditApiCall, requireApiScope } from "~/web/api.server";

const ROUTE = "/api/v1/esportazioni/unilav/{hireId}";

/**
 * GET /api/v1/esportazioni/unilav/{hireId} — the UNILAV of a hire recorded in Rosa (the reconstructed structure,
 * validated), for authorised systems (scope `exports:unilav`); 422 with what is missing while incomplete. The worker's
 * personal data go out: every call is audited with the person.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const client = await requireApiScope(request, context, "exports:unilav", ROUTE);
  const id = z.uuid().safeParse(params.hireId);
  const outcome = id.success ? await exportHireUnilav(getDb(), id.data) : null;
  if (!outcome || outcome.kind === "not_found") {
    await auditApiCall(context, client, { scope: "exports:unilav", route: ROUTE, status: 404 });
    return apiError(404, outcome?.message ?? "Assunzione non trovata");
  }
  if (outcome.kind === "invalid") {
    await auditApiCall(context, client, { scope: "exports:unilav", route: ROUTE, status: 422, entityType: "hire", entityId: id.data! });
    return apiJson({ error: outcome.message, problems: outcome.problems }, 422);
  }
  const { personId, employerId, xml, vacancyNumber } = outcome.value;
  await auditApiCall(context, client, {
    scope: "exports:unilav",
    route: ROUTE,
    status: 200,
    entityType: "candidate",
    entityId: personId,
    employerId,
    personId,
  });
  return new Response(xml, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Disposition": `attachment; filename="unilav-offerta-${vacancyNumber}.xml"`,
    },
  });
}
