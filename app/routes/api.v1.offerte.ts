import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { BOARD_PAGE_SIZE, BoardFilterSchema, searchBoard } from "~/domain/vacancies/board.server";
import { apiError, apiJson, auditApiCall, optionalApiClient } from "~/web/api.server";
import { publicBaseUrl } from "~/web/action.server";
import { parseSearchParams } from "~/utils/forms";
import { log } from "~/utils/logger.server";

const ROUTE = "/api/v1/offerte";

/**
 * GET /api/v1/offerte — the vacancies on the public board as JSON, with the board's filters (`/offerte`), paginated,
 * with the exact total. Public; an integrator's token (any scope) counts the call against its own limit, audited.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const client = await optionalApiClient(request);
  const parsed = parseSearchParams(new URL(request.url), BoardFilterSchema);
  if (!parsed.ok) return apiJson({ errors: Object.entries(parsed.errors).map(([field, message]) => ({ field, message })) }, 400);
  let result: Awaited<ReturnType<typeof searchBoard>>;
  try {
    result = await searchBoard(getDb(), parsed.data);
  } catch (e) {
    log().error({ err: e }, "[api] ricerca delle offerte non disponibile");
    return apiError(503, "La ricerca delle offerte non è disponibile in questo momento: riprova tra qualche minuto.", {
      "Retry-After": "60",
    });
  }
  if ("error" in result)
    return apiJson({ errors: Object.entries(result.error ?? {}).map(([field, message]) => ({ field, message })) }, 400);
  const base = publicBaseUrl();
  await auditApiCall(context, client, { scope: client ? "vacancies:read" : null, route: ROUTE, status: 200 });
  return apiJson({
    items: result.hits.map((h) => ({
      id: h.id,
      number: h.number,
      title: h.title,
      occupationTitle: h.occupationTitle,
      comuneName: h.comuneName,
      provinceCode: h.provinceCode,
      contractType: h.contractType,
      workingTime: h.workingTime,
      weeklyHours: h.weeklyHours ?? null,
      employerName: h.employerName ?? null,
      closingDate: h.closingDate,
      positions: h.positions,
      l68Reserved: h.l68Reserved,
      url: `${base}/offerte/${h.id}`,
    })),
    total: result.total,
    page: parsed.data.page,
    pageSize: BOARD_PAGE_SIZE,
    totalPages: result.totalPages,
  });
}
