/**
 * HTTP side of editing an internship request (officer and employer, `…/tirocini/:internshipId/modifica`) and of the
 * officer's request on an employer's behalf (`/operatore/tirocini/nuovo`).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { InternshipRequestSchema } from "~/domain/internships";
import { requestEditView, updateInternshipRequest } from "~/domain/internships/index.server";
import { todayInItaly } from "~/utils/dates";
import { parseForm } from "./conform";
import { replyDomainError, replyFormError, replyInvalid } from "./conform.server";
import { redirectWithFlash } from "./flash.server";
import { idParam, internshipActor, internshipBase, type InternshipArea } from "./internship-documents.server";
import { notFound } from "./session.server";

const VersionSchema = z.object({ version: z.coerce.number().int().min(0) });

export async function requestEditLoader(area: InternshipArea, { request, params, context }: LoaderFunctionArgs) {
  const { actor } = await internshipActor(area, request, context);
  const id = idParam(params, "internshipId", "Tirocinio non trovato");
  const view = await requestEditView(getDb(), actor as never, id);
  if (!view) throw notFound("Tirocinio non trovato");
  return { ...view, base: internshipBase(area, id), area };
}

/** Saves the request form; back to the case page with the checker's answer, or the form again with the Italian errors. */
export async function requestEditAction(area: InternshipArea, { request, params, context }: ActionFunctionArgs) {
  const { actor } = await internshipActor(area, request, context);
  const id = idParam(params, "internshipId", "Tirocinio non trovato");
  const form = await request.formData();
  const version = VersionSchema.safeParse({ version: form.get("version") });
  if (!version.success) return replyFormError("Versione mancante: ricarica la pagina e riprova.", 400);
  const submission = parseForm(form, InternshipRequestSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  let allowed: boolean;
  let voided: number;
  try {
    const r = await withTransaction((trx) =>
      updateInternshipRequest(trx, actor as never, id, { ...submission.value, version: version.data.version }, todayInItaly()),
    );
    allowed = r.record.allowed;
    voided = r.voidedSignatures;
  } catch (e) {
    return replyDomainError(e, submission);
  }
  const signatures = voided ? " Le firme raccolte non valgono più: il progetto va firmato di nuovo." : "";
  return redirectWithFlash(internshipBase(area, id), {
    type: allowed ? "success" : "warning",
    message: allowed
      ? `Richiesta modificata: i controlli delle regole sono superati.${signatures}`
      : `Richiesta modificata, ma non rispetta ancora tutte le regole: leggi i controlli qui sotto.${signatures}`,
  });
}
