import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~/db/db.server";
import { exportVacancyClicLavoro } from "~/web/api-exports.server";
import { apiError, apiJson, auditApiCall, requireApiScope } from "~/web/api.server";

const ROUTE = "/api/v1/esportazioni/cliclavoro/{vacancyId}";

/**
 * GET /api/v1/esportazioni/cliclavoro/{vacancyId} — the ClicLavoro XML of a published vacancy, for authorised
 * systems (scope `exports:cliclavoro`). Validated against the official XSD before it leaves: 422 with the problems
 * when it does not validate.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const client = await requireApiScope(request, context, "exports:cliclavoro", ROUTE);
  const id = z.uuid().safeParse(params.vacancyId);
  const outcome = id.success ? await exportVacancyClicLavoro(getDb(), id.data) : null;
  if (!outcome || outcome.kind === "not_found") {
    await auditApiCall(context, client, { scope: "exports:cliclavoro", route: ROUTE, status: 404 });
    return apiError(404, outcome?.message ?? "Offerta non trovata tra quelle pubblicate");
  }
  const entity = { entityType: "vacancy", entityId: id.data! };
  if (outcome.kind === "invalid") {
    await auditApiCall(context, client, { scope: "exports:cliclavoro", route: ROUTE, status: 422, ...entity });
    return apiJson({ error: outcome.message, problems: outcome.problems }, 422);
  }
  await auditApiCall(context, client, { scope: "exports:cliclavoro", route: ROUTE, status: 200, ...entity });
  return new Response(outcome.value.xml, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Disposition": `attachment; filename="offerta-${outcome.value.number}-cliclavoro.xml"`,
    },
  });
}
