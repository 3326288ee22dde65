import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~/db/db.server";
import { requirementLabel } from "~/domain/vacancies";
import { toPublicVacancy } from "~/domain/vacancies/public-view";
import { getPublicVacancy } from "~/domain/vacancies/queries.server";
import { apiError, apiJson, auditApiCall, optionalApiClient } from "~/web/api.server";
import { publicBaseUrl } from "~/web/action.server";

const ROUTE = "/api/v1/offerte/{vacancyId}";

/** GET /api/v1/offerte/{vacancyId} — one vacancy of the public board as JSON (what its public page shows). Public. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const client = await optionalApiClient(request);
  const id = z.uuid().safeParse(params.vacancyId);
  const row = id.success ? await getPublicVacancy(getDb(), id.data) : null;
  if (!row) return apiError(404, "Offerta non trovata tra quelle pubblicate");
  const v = toPublicVacancy(row);
  await auditApiCall(context, client, {
    scope: client ? "vacancies:read" : null,
    route: ROUTE,
    status: 200,
    entityType: "vacancy",
    entityId: v.id,
  });
  return apiJson({
    id: v.id,
    number: v.number,
    title: v.title,
    description: v.description,
    tasks: v.tasks,
    occupationCode: v.occupationCode,
    occupationTitle: v.occupationTitle,
    comuneCode: v.comuneCode,
    comuneName: v.comuneName,
    provinceCode: v.provinceCode,
    contractType: v.contractType,
    ccnl: v.ccnl,
    ccnlCnel: v.ccnlCnel,
    workingTime: v.workingTime,
    weeklyHours: v.weeklyHours,
    shifts: v.shifts,
    payMin: v.payMin,
    payMax: v.payMax,
    payPeriod: v.payPeriod,
    positions: v.positions,
    startDate: v.startDate,
    closingDate: v.closingDate,
    publishedAt: v.publishedAt,
    l68Reserved: v.l68Reserved,
    employerName: v.employerName,
    requirements: v.requirements.map((r) => ({ kind: r.kind, priority: r.priority, label: requirementLabel(r) })),
    url: `${publicBaseUrl()}/offerte/${v.id}`,
  });
}
