import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~/db/db.server";
import { needsPdfResponse } from "~/domain/services/needs-pdf.server";
import { getNeedsAssessment } from "~/domain/services/queries.server";
import { notFound, requirePermission } from "~/web/session.server";

/** The 4B document for the employer, downloaded by the officer to hand over. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "services:deliver");
  const id = z.uuid().safeParse(params.assessmentId);
  const a = id.success ? await getNeedsAssessment(getDb(), id.data, {}) : null;
  if (!a) throw notFound("Consulenza non trovata");
  return needsPdfResponse(a);
}
