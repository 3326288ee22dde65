/**
 * HTTP side of the parties' own signatures (docs/decisions/tirocini.md#firme-delle-parti): the signed PDF upload of
 * the host (from `/azienda/tirocini/:id`) and of the trainee (from `/candidato/tirocini/:id`), and the PDFs they sign.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { recordAudit } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import {
  MAX_SIGNED_PDF_BYTES,
  PartySignSchema,
  conventionContent,
  conventionData,
  partySigningStatus,
  pfiContent,
  pfiData,
  renderDocumentPdf,
  signAsParty,
  type SigningParty,
} from "~/domain/internships/index.server";
import { pdfDownload } from "~/documents/pdf.server";
import { todayInItaly } from "~/utils/dates";
import { formatMegabytes } from "~/utils/format";
import { parseForm } from "./conform";
import { replyDomainError, replyInvalid } from "./conform.server";
import { redirectWithFlash } from "./flash.server";
import { internshipIdFrom, requireInternshipEmployer, requireInternshipTrainee } from "./internship-guards.server";
import { actorOf, notFound } from "./session.server";
import { readUpload } from "./upload.server";

/** The host's user as a signing party (their role in the company decides whether they may sign). */
export async function hostParty(request: Request, context: unknown) {
  const { user, actor } = await requireInternshipEmployer(request, context);
  return { user, party: { ...actor, employerRole: user.employerRole } satisfies SigningParty };
}

/** The trainee as a signing party. */
export async function traineeParty(request: Request, context: unknown) {
  const { user, actor } = await requireInternshipTrainee(request, context);
  return { user, party: actor satisfies SigningParty };
}

/** What the party still has to sign (404 when the internship is not theirs), ready for the page. */
export async function partySigningData(party: SigningParty, internshipId: string) {
  const status = await partySigningStatus(getDb(), party, internshipId);
  if (!status) throw notFound("Tirocinio non trovato");
  return status;
}

/**
 * The upload of a party's signed copy (multipart). Back to `back` with what happened and what comes next; the form
 * shows its errors on the page that posted it.
 */
export async function partySignAction(party: SigningParty, request: Request, internshipId: string, back: string) {
  const upload = await readUpload(
    request,
    "signedPdf",
    MAX_SIGNED_PDF_BYTES,
    `Il file è troppo grande: al massimo ${formatMegabytes(MAX_SIGNED_PDF_BYTES)}`,
  );
  const submission = parseForm(upload.form, PartySignSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  if (!upload.file) return replyDomainError(upload.error ?? new DomainError("Scegli il PDF firmato", "signedPdf"), submission);
  const pdf = upload.file;
  try {
    const r = await withTransaction((trx) => signAsParty(trx, party, internshipId, { ...submission.value, pdf }, todayInItaly()));
    const message =
      r.document === "convention"
        ? r.state === "active"
          ? "Convenzione firmata: è in vigore. Ora si firma il progetto formativo."
          : r.state === "signed"
            ? "Convenzione firmata: entra in vigore dal primo giorno di validità."
            : "Firma della convenzione registrata: manca la firma del Centro per l'Impiego."
        : r.state === "awaiting_authorisation"
          ? "Firma registrata: le firme sono complete, ora serve l'autorizzazione della Regione."
          : r.state === "awaiting_co"
            ? party.kind === "employer"
              ? "Firma registrata: le firme sono complete. Ora invia la comunicazione obbligatoria UNILAV prima dell'avvio e registrane il protocollo."
              : "Firma registrata: le firme sono complete. L'azienda invia la comunicazione obbligatoria prima dell'avvio."
            : "Firma registrata: mancano le firme delle altre parti.";
    return redirectWithFlash(back, { type: "success", message });
  } catch (e) {
    return replyDomainError(e, submission);
  }
}

/** The convention of the company's internship as a PDF (the current version, to sign), audited. */
export async function hostConventionPdfLoader({ request, params, context }: LoaderFunctionArgs) {
  const { user, actor } = await requireInternshipEmployer(request, context);
  const id = internshipIdFrom(params);
  const row = await getDb()
    .selectFrom("internships")
    .select(["convention_id", "employer_id"])
    .where("id", "=", id)
    .where("employer_id", "=", actor.employerId)
    .executeTakeFirst();
  if (!row) throw notFound("Tirocinio non trovato");
  const data = row.convention_id ? await conventionData(getDb(), row.convention_id) : null;
  if (!row.convention_id || !data) throw notFound("Il tirocinio non ha ancora una convenzione");
  const bytes = await renderDocumentPdf(conventionContent(data), `Convenzione n. ${data.number} — documento generato da Rosa`);
  await recordAudit(getDb(), actorOf(user, context), {
    action: "internship.convention_pdf",
    entityType: "internship_convention",
    entityId: row.convention_id,
    employerId: row.employer_id,
    details: { number: data.number, internshipId: id },
  });
  return pdfDownload(bytes, `convenzione-tirocinio-${data.number}.pdf`);
}

/** The trainee's PFI as a PDF (the current version: what they sign, then their project), audited. */
export async function traineePfiPdfLoader({ request, params, context }: LoaderFunctionArgs) {
  const { user, candidateId } = await requireInternshipTrainee(request, context);
  const id = internshipIdFrom(params);
  const row = await getDb()
    .selectFrom("internships")
    .select(["employer_id", "document_hash"])
    .where("id", "=", id)
    .where("candidate_id", "=", candidateId)
    .executeTakeFirst();
  const data = row ? await pfiData(getDb(), id) : null;
  if (!row || !data) throw notFound("Tirocinio non trovato");
  const bytes = await renderDocumentPdf(pfiContent(data), `Tirocinio n. ${data.number} — documento generato da Rosa`);
  await recordAudit(getDb(), actorOf(user, context), {
    action: "internship.pfi_pdf",
    entityType: "internship",
    entityId: id,
    employerId: row.employer_id,
    details: { documentHash: row.document_hash },
  });
  return pdfDownload(bytes, `progetto-formativo-${data.number}.pdf`);
}
