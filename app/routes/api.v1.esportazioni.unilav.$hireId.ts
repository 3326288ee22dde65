import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~/db/db.server";
import { exportHireUnilav } from "~/web/api-exports.server";
import { apiError, apiJson, auditApiCall, requireApiScope } from "~/web/api.server";

const ROUTE = "/api/v1/esportazioni/unilav/{hireId}";

/**
 * GET /api/v1/esportazioni/unilav/{hireId} — the UNILAV data of a hire recorded in Rosa, for authorised systems
 * (scope `exports:unilav`). The worker's personal data go out: every call is audited with the person.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const client = await requireApiScope(request, context, "exports:unilav", ROUTE);
  const id = z.uuid().safeParse(params.hireId);
  const outcome = id.success ? await exportHireUnilav(getDb(), id.data) : null;
  if (!outcome || outcome.kind !== "ok") {
    await auditApiCall(context, client, { scope: "exports:unilav", route: ROUTE, status: 404 });
    return apiError(404, outcome?.message ?? "Assunzione non trovata");
  }
  const { hireId, personId, employerId, unilav } = outcome.value;
  await auditApiCall(context, client, {
    scope: "exports:unilav",
    route: ROUTE,
    status: 200,
    entityType: "candidate",
    entityId: personId,
    employerId,
    personId,
  });
  return apiJson({ hireId, unilav });
}
