/**
 * The monthly check-ins page of a cohort member, shared by the officer's and the accredited provider's routes (the
 * provider reaches only the members assigned to them: any other is a 404).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { CheckinSchema } from "~/domain/outplacement/checkins";
import { memberCheckinsPage, recordCheckin } from "~/domain/outplacement/checkins.server";
import { todayInItaly } from "~/utils/dates";
import { parseForm } from "./conform";
import { replyDomainError, replyInvalid } from "./conform.server";
import { redirectWithFlash } from "./flash.server";
import { memberBase, memberGuard, rethrowNotFound, type PlanArea } from "./outplacement-plans.server";
import { actorOf } from "./session.server";

export async function checkinsLoader(area: PlanArea, args: LoaderFunctionArgs) {
  const { user, scope, eventId, memberId } = await memberGuard(area, args);
  const today = todayInItaly();
  try {
    const page = await memberCheckinsPage(getDb(), actorOf(user, args.context), scope, eventId, memberId, today);
    return { ...page, area, today, base: memberBase(area, eventId, memberId) };
  } catch (e) {
    rethrowNotFound(e);
  }
}

export async function checkinsAction(area: PlanArea, args: ActionFunctionArgs) {
  const { user, scope, eventId, memberId } = await memberGuard(area, args);
  const submission = parseForm(await args.request.formData(), CheckinSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    await withTransaction((trx) => recordCheckin(trx, actorOf(user, args.context), scope, { eventId, memberId }, submission.value));
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash(`${memberBase(area, eventId, memberId)}/contatti`, {
    type: "success",
    message: "Contatto mensile registrato.",
  });
}
