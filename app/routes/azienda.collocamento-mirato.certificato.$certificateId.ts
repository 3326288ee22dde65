import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~/db/db.server";
import { certificatePdfResponse } from "~/domain/l68/file/index.server";
import { notFound } from "~/web/session.server";
import { requireL68Employer } from "~/web/guards.server";

const ParamsSchema = z.object({ certificateId: z.uuid() });

/** The PDF of an issued certificate; only the employer's own (404 otherwise). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireL68Employer(request);
  const parsed = ParamsSchema.safeParse(params);
  const response = parsed.success ? await certificatePdfResponse(getDb(), user.employerId, parsed.data.certificateId) : null;
  if (!response) throw notFound("Certificazione non trovata");
  return response;
}
