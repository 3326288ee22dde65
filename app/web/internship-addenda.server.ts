/**
 * HTTP side of the PFI addenda (officer and employer, `…/tirocini/:internshipId/integrazioni`): list, propose an
 * extension or a change, sign (upload of the signed PDF), withdraw, and the addendum's PDF.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { recordAudit } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { AddendumChangeSchema, AddendumExtensionSchema, ADDENDUM_STATES } from "~/domain/internships/index.server";
import {
  addendumForPdf,
  listAddenda,
  proposeChange,
  proposeExtension,
  renderDocumentPdf,
  signAddendum,
  withdrawAddendum,
} from "~/domain/internships/index.server";
import { pdfDownload } from "~/documents/pdf.server";
import { todayInItaly } from "~/utils/dates";
import { parseForm } from "./conform";
import { replyDomainError, replyFormError, replyInvalid } from "./conform.server";
import { redirectWithFlash } from "./flash.server";
import {
  documentsPanelData,
  idParam,
  internshipActor,
  internshipBase,
  readSignatureUpload,
  type InternshipArea,
} from "./internship-documents.server";
import { actorOf, notFound } from "./session.server";

export async function addendaLoader(area: InternshipArea, { request, params, context }: LoaderFunctionArgs) {
  const { actor } = await internshipActor(area, request, context);
  const id = idParam(params, "internshipId", "Tirocinio non trovato");
  const panel = await documentsPanelData(getDb(), actor, id);
  const i = panel.internship;
  return {
    area,
    base: internshipBase(area, id),
    internship: { id: i.id, number: i.number, title: i.title, state: i.state, version: i.version, endDate: i.end_date },
    canPropose: ADDENDUM_STATES.includes(i.state),
    canExtend: i.state === "active",
    addenda: await listAddenda(getDb(), id),
  };
}

const IntentSchema = z.object({ intent: z.enum(["extension", "change", "withdraw"]) });
const WithdrawSchema = z.object({ addendumId: z.uuid("Integrazione non valida"), version: z.coerce.number().int().min(0) });

export async function addendaAction(area: InternshipArea, { request, params, context }: ActionFunctionArgs) {
  const { actor } = await internshipActor(area, request, context);
  const id = idParam(params, "internshipId", "Tirocinio non trovato");
  const back = `${internshipBase(area, id)}/integrazioni`;
  const today = todayInItaly();
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const { upload, submission } = await readSignatureUpload(request);
    if (submission.status !== "success") return replyInvalid(submission);
    const addendumId = z.uuid().safeParse(upload.form.get("addendumId"));
    if (!addendumId.success) return replyFormError("Integrazione non valida: ricarica la pagina e riprova.", 400);
    if (!upload.file) return replyDomainError(upload.error ?? new DomainError("Scegli il PDF firmato", "signedPdf"), submission);
    const file = upload.file;
    try {
      const r = await withTransaction((trx) =>
        signAddendum(trx, actor as never, id, addendumId.data, { ...submission.value, pdf: file }, today),
      );
      return redirectWithFlash(back, {
        type: "success",
        message: r.complete
          ? "Firme complete: l'integrazione è applicata al tirocinio."
          : "Firma registrata: l'integrazione vale quando la firmano tutte e tre le parti.",
      });
    } catch (e) {
      return replyDomainError(e, submission);
    }
  }
  const form = await request.formData();
  const intent = IntentSchema.safeParse({ intent: form.get("intent") });
  if (!intent.success) return replyFormError("Operazione non riconosciuta: ricarica la pagina e riprova.", 400);
  const staff = actor as Parameters<typeof proposeExtension>[1];
  if (intent.data.intent === "extension") {
    const submission = parseForm(form, AddendumExtensionSchema);
    if (submission.status !== "success") return replyInvalid(submission);
    try {
      const r = await withTransaction((trx) => proposeExtension(trx, staff, id, submission.value, today));
      return redirectWithFlash(back, {
        type: "success",
        message: `Integrazione n. ${r.sequence} (proroga) preparata: scarica il PDF e raccogli le firme delle tre parti. La proroga vale con la terza firma.`,
      });
    } catch (e) {
      return replyDomainError(e, submission);
    }
  }
  if (intent.data.intent === "change") {
    const submission = parseForm(form, AddendumChangeSchema);
    if (submission.status !== "success") return replyInvalid(submission);
    try {
      const r = await withTransaction((trx) => proposeChange(trx, staff, id, submission.value, today));
      return redirectWithFlash(back, {
        type: "success",
        message: `Integrazione n. ${r.sequence} (modifica del progetto) preparata: scarica il PDF e raccogli le firme delle tre parti. Le modifiche valgono con la terza firma.`,
      });
    } catch (e) {
      return replyDomainError(e, submission);
    }
  }
  const submission = parseForm(form, WithdrawSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    await withTransaction((trx) => withdrawAddendum(trx, staff, id, submission.value.addendumId, submission.value));
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash(back, { type: "success", message: "Integrazione ritirata: le firme raccolte non valgono più." });
}

/** The addendum as a PDF (the version to sign), audited. */
export async function addendumPdfLoader(area: InternshipArea, { request, params, context }: LoaderFunctionArgs) {
  const { user, actor } = await internshipActor(area, request, context);
  const id = idParam(params, "internshipId", "Tirocinio non trovato");
  const addendumId = idParam(params, "addendumId", "Integrazione non trovata");
  const panel = await documentsPanelData(getDb(), actor, id);
  const found = await addendumForPdf(getDb(), id, addendumId);
  if (!found) throw notFound("Integrazione non trovata");
  const bytes = await renderDocumentPdf(found.content, `Tirocinio n. ${panel.internship.number} — documento generato da Rosa`);
  await recordAudit(getDb(), actorOf(user, context), {
    action: "internship.addendum_pdf",
    entityType: "internship",
    entityId: id,
    employerId: panel.internship.employer_id,
    details: { addendumId, documentHash: found.addendum.document_hash },
  });
  return pdfDownload(bytes, `integrazione-${found.addendum.sequence}-tirocinio-${panel.internship.number}.pdf`);
}
