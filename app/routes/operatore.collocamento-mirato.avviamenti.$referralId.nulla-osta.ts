import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/commands.server";
import { nullaOstaResponse } from "~/domain/placement/index.server";
import { actorOf, notFound } from "~/web/session.server";
import { requirePlacementOfficer } from "~/web/guards.server";

const ParamsSchema = z.object({ referralId: z.uuid() });

/** The nulla osta PDF, for the placement officers of the person's province (404 otherwise); audited. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, province } = await requirePlacementOfficer(request);
  const p = ParamsSchema.safeParse(params);
  const response = p.success ? await nullaOstaResponse(getDb(), { province }, p.data.referralId) : null;
  if (!response) throw notFound("Nulla osta non trovato");
  await recordAudit(getDb(), actorOf(user, context), {
    action: "l68.nulla_osta_downloaded",
    entityType: "l68_referral",
    entityId: p.data!.referralId,
  });
  return response;
}
