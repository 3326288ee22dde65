import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/commands.server";
import { nullaOstaResponse } from "~/domain/placement/index.server";
import { actorOf, notFound } from "~/web/session.server";
import { requireL68Employer } from "~/web/guards.server";

const ParamsSchema = z.object({ referralId: z.uuid() });

/** The nulla osta PDF of one of the employer's own referrals (another employer's is a 404); audited. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireL68Employer(request);
  const p = ParamsSchema.safeParse(params);
  const response = p.success ? await nullaOstaResponse(getDb(), { employerId: user.employerId }, p.data.referralId) : null;
  if (!response) throw notFound("Nulla osta non trovato");
  await recordAudit(getDb(), actorOf(user, context), {
    action: "l68.nulla_osta_downloaded",
    entityType: "l68_referral",
    entityId: p.data!.referralId,
    employerId: user.employerId,
  });
  return response;
}
