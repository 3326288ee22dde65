/**
 * HTTP side of internship documents (conventions, PFI, signatures, authorisation, CO), shared by the officer's pages
 * (`/operatore/tirocini/…`) and the employer's (`/azienda/tirocini/…`): the route says who, the domain scopes the rows.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb, type Db } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { recordAudit } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import {
  CONVENTION_STATE_LABELS,
  PFI_EDITABLE_STATES,
  usableConventions,
  type ConventionState,
  AuthoriseSchema,
  CoSchema,
  MAX_SIGNED_PDF_BYTES,
  PfiSchema,
  SignSchema,
  UNILAV_CSV_HEADER,
  authoriseInternship,
  conventionContent,
  conventionData,
  getInternshipDocuments,
  pfiContent,
  pfiData,
  recordCo,
  renderDocumentPdf,
  savePfi,
  signAsParty,
  signPfi,
  internshipUnilavExport,
  unilavRows,
  type InternshipActor,
} from "~/domain/internships/index.server";
import { pdfDownload } from "~/documents/pdf.server";
import { xmlDownload } from "~/documents/xml";
import { csvDownload, toCsv } from "~/utils/csv";
import { todayInItaly } from "~/utils/dates";
import { formatMegabytes } from "~/utils/format";
import { parseForm } from "./conform";
import { replyDomainError, replyFormError, replyInvalid } from "./conform.server";
import { redirectWithFlash } from "./flash.server";
import { missingResponse } from "./national-exports.server";
import { readUpload } from "./upload.server";
import { actorOf, notFound, requireEmployerUser, requirePermission, type SessionUser } from "./session.server";

export type InternshipArea = "officer" | "employer";

const uuid = z.uuid();

export function idParam(params: Record<string, string | undefined>, name: string, message: string): string {
  const parsed = uuid.safeParse(params[name]);
  if (!parsed.success) throw notFound(message);
  return parsed.data;
}

/** The officer (promoter) or the host's user, as the internship actor the domain scopes by. */
export async function internshipActor(
  area: InternshipArea,
  request: Request,
  context: unknown,
): Promise<{ user: SessionUser; actor: InternshipActor }> {
  if (area === "officer") {
    const user = await requirePermission(request, "services:deliver");
    return { user, actor: { kind: "officer", userId: user.id, ip: actorOf(user, context).ip } };
  }
  const user = await requireEmployerUser(request);
  return { user, actor: { kind: "employer", userId: user.id, employerId: user.employerId, ip: actorOf(user, context).ip } };
}

export const internshipBase = (area: InternshipArea, id: string) => `${area === "officer" ? "/operatore" : "/azienda"}/tirocini/${id}`;

/** The documents panel's data, scoped to the actor (404 when not theirs). */
export async function documentsPanelData(db: Db, actor: InternshipActor, internshipId: string) {
  const data = await getInternshipDocuments(db, actor, internshipId);
  if (!data) throw notFound("Tirocinio non trovato");
  return data;
}

/** The PFI as a PDF (the current version: what is signed), audited. */
export async function pfiPdfLoader(area: InternshipArea, { request, params, context }: LoaderFunctionArgs) {
  const { user, actor } = await internshipActor(area, request, context);
  const id = idParam(params, "internshipId", "Tirocinio non trovato");
  const panel = await documentsPanelData(getDb(), actor, id);
  const data = await pfiData(getDb(), id);
  if (!data) throw notFound("Tirocinio non trovato");
  const bytes = await renderDocumentPdf(pfiContent(data), `Tirocinio n. ${data.number} — documento generato da Rosa`);
  await recordAudit(getDb(), actorOf(user, context), {
    action: "internship.pfi_pdf",
    entityType: "internship",
    entityId: id,
    employerId: panel.internship.employer_id,
    details: { documentHash: panel.internship.document_hash },
  });
  return pdfDownload(bytes, `progetto-formativo-${data.number}.pdf`);
}

/** The UNILAV C.01.00 data as CSV (one communication), audited: they hold the trainee's personal data. */
export async function unilavCsvLoader(area: InternshipArea, { request, params, context }: LoaderFunctionArgs) {
  const { user, actor } = await internshipActor(area, request, context);
  const id = idParam(params, "internshipId", "Tirocinio non trovato");
  const panel = await documentsPanelData(getDb(), actor, id);
  const unilav = panel.unilav;
  if (!unilav) throw notFound("Il tirocinio non ha ancora un tirocinante: i dati della comunicazione non sono pronti");
  await recordAudit(getDb(), actorOf(user, context), {
    action: "internship.unilav_exported",
    entityType: "internship",
    entityId: id,
    employerId: panel.internship.employer_id,
    details: { problems: unilav.problems.length },
  });
  return csvDownload(toCsv(UNILAV_CSV_HEADER, unilavRows(unilav)), `unilav-tirocinio-${panel.internship.number}.csv`);
}

/** The internship's UNILAV C.01.00 as XML from the common UNILAV builder (reconstructed structure), audited; 422 with what is missing. */
export async function unilavXmlLoader(area: InternshipArea, { request, params, context }: LoaderFunctionArgs) {
  const { user, actor } = await internshipActor(area, request, context);
  const id = idParam(params, "internshipId", "Tirocinio non trovato");
  const panel = await documentsPanelData(getDb(), actor, id);
  const result = await internshipUnilavExport(getDb(), id);
  if (!result) throw notFound("Il tirocinio non ha ancora un tirocinante: i dati della comunicazione non sono pronti");
  if (!result.ok) return missingResponse("La UNILAV (XML) di questo tirocinio è da completare:", result.missing);
  await recordAudit(getDb(), actorOf(user, context), {
    action: "internship.unilav_exported",
    entityType: "internship",
    entityId: id,
    employerId: panel.internship.employer_id,
    details: { format: "xml" },
  });
  return xmlDownload(result.xml, `unilav-tirocinio-${panel.internship.number}.xml`);
}

/** The convention's PDF (officer), audited. */
export async function conventionPdf(user: SessionUser, context: unknown, id: string) {
  const data = await conventionData(getDb(), id);
  if (!data) throw notFound("Convenzione non trovata");
  const bytes = await renderDocumentPdf(conventionContent(data), `Convenzione n. ${data.number} — documento generato da Rosa`);
  await recordAudit(getDb(), actorOf(user, context), {
    action: "internship.convention_pdf",
    entityType: "internship_convention",
    entityId: id,
    details: { number: data.number },
  });
  return pdfDownload(bytes, `convenzione-tirocinio-${data.number}.pdf`);
}

const IntentSchema = z.object({ intent: z.enum(["pfi", "sign", "authorise", "co"]) });

/** Reads the signature form: multipart with the signed PDF. */
export async function readSignatureUpload(request: Request) {
  const upload = await readUpload(
    request,
    "signedPdf",
    MAX_SIGNED_PDF_BYTES,
    `Il file è troppo grande: al massimo ${formatMegabytes(MAX_SIGNED_PDF_BYTES)}`,
  );
  const submission = parseForm(upload.form, SignSchema);
  return { upload, submission };
}

/**
 * The actions of the PFI page and of the documents/CO panels: save the PFI, record a signature (multipart), record the
 * regional authorisation, record the CO. Back to `back` with a message saying what happened and what comes next.
 */
export async function internshipDocumentsAction(area: InternshipArea, request: Request, context: unknown, id: string, back: string) {
  const { user, actor } = await internshipActor(area, request, context);
  const today = todayInItaly();
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const { upload, submission } = await readSignatureUpload(request);
    if (submission.status !== "success") return replyInvalid(submission);
    if (!upload.file) return replyDomainError(upload.error ?? new DomainError("Scegli il PDF firmato", "signedPdf"), submission);
    const file = upload.file;
    try {
      // The host signs through the same rule as on its internship page: its legal representative or delegate, for itself.
      const r = await withTransaction((trx) =>
        actor.kind === "employer"
          ? signAsParty(
              trx,
              { ...actor, employerRole: user.employerRole },
              id,
              { ...submission.value, document: "pfi", pdf: file },
              today,
            ).then((x) => ({ state: x.internshipState }))
          : signPfi(trx, actor, id, { ...submission.value, pdf: file }, today),
      );
      const next =
        r.state === "awaiting_authorisation"
          ? "Firme complete: ora serve l'autorizzazione della Regione."
          : r.state === "awaiting_co"
            ? "Firme complete: l'azienda invia la comunicazione obbligatoria UNILAV prima dell'avvio e ne registra il protocollo."
            : "Firma registrata: mancano le firme delle altre parti.";
      return redirectWithFlash(back, { type: "success", message: next });
    } catch (e) {
      return replyDomainError(e, submission);
    }
  }
  const form = await request.formData();
  const intent = IntentSchema.safeParse({ intent: form.get("intent") });
  if (!intent.success) return replyFormError("Operazione non valida", 400);
  switch (intent.data.intent) {
    case "pfi": {
      const submission = parseForm(form, PfiSchema);
      if (submission.status !== "success") return replyInvalid(submission);
      try {
        const r = await withTransaction((trx) => savePfi(trx, actor, id, submission.value, today));
        const voided = r.voidedSignatures ? " Le firme raccolte sulla versione precedente non valgono più." : "";
        return redirectWithFlash(back, {
          type: r.state === "checks_failed" ? "warning" : "success",
          message:
            r.state === "ready_to_sign"
              ? `Progetto formativo salvato e controllato: è pronto per la firma. Scarica il PDF e fallo firmare alle tre parti.${voided}`
              : r.state === "checks_failed"
                ? `Progetto formativo salvato, ma i controlli non sono superati: correggi i punti indicati.${voided}`
                : `Progetto formativo salvato.${voided}`,
        });
      } catch (e) {
        return replyDomainError(e, submission);
      }
    }
    case "authorise": {
      const submission = parseForm(form, AuthoriseSchema);
      if (submission.status !== "success") return replyInvalid(submission);
      try {
        await withTransaction((trx) => authoriseInternship(trx, actor, id, submission.value));
      } catch (e) {
        return replyDomainError(e, submission);
      }
      return redirectWithFlash(back, {
        type: "success",
        message: "Autorizzazione regionale registrata: ora l'azienda invia la comunicazione obbligatoria prima dell'avvio.",
      });
    }
    case "co": {
      const submission = parseForm(form, CoSchema);
      if (submission.status !== "success") return replyInvalid(submission);
      try {
        const r = await withTransaction((trx) => recordCo(trx, actor, id, submission.value, today));
        return redirectWithFlash(back, {
          type: "success",
          message:
            r.state === "active"
              ? "Comunicazione obbligatoria registrata: il tirocinio è in corso."
              : "Comunicazione obbligatoria registrata: il tirocinio inizia alla data di avvio prevista.",
        });
      } catch (e) {
        return replyDomainError(e, submission);
      }
    }
    default:
      return replyFormError("Operazione non valida", 400);
  }
}

const s = (v: unknown) => (v === null || v === undefined ? "" : String(v));
const cb = (v: boolean) => (v ? "on" : "");
const decimal = (v: unknown) => (v === null || v === undefined ? "" : String(Number(v)).replace(".", ","));

/** The PFI page: the form filled with the saved PFI, the checker's last answer, the documents and CO panels. */
export async function pfiPageLoader(area: InternshipArea, { request, params, context }: LoaderFunctionArgs) {
  const { actor } = await internshipActor(area, request, context);
  const id = idParam(params, "internshipId", "Tirocinio non trovato");
  const db = getDb();
  const panel = await documentsPanelData(db, actor, id);
  const r = await db.selectFrom("internships").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const conventions = await usableConventions(db, r.employer_id);
  const defaults = {
    conventionId: s(r.convention_id),
    title: r.title,
    occupationCode: r.occupation_code,
    eqfLevel: s(r.eqf_level),
    atecoCode: s(r.ateco_code),
    activities: r.activities,
    objectives: r.objectives,
    competences: r.competences,
    weeklyHours: decimal(r.weekly_hours),
    dailyHours: decimal(r.daily_hours),
    fullTimeWeeklyHours: decimal(r.full_time_weekly_hours),
    plannedMonths: decimal(r.planned_months),
    startDate: s(r.start_date),
    endDate: s(r.end_date),
    monthlyIndemnity: (r.monthly_indemnity_cents / 100).toFixed(2).replace(".", ","),
    mealVouchers: cb(r.meal_vouchers),
    seasonalHost: cb(r.seasonal_host),
    employeesPermanent: s(r.employees_permanent),
    employeesFixedTermCounting: s(r.employees_fixed_term_counting),
    otherActiveTrainees: s(r.other_active_trainees),
    hiresFromPastTrainees: s(r.hires_from_past_trainees),
    dismissalsLast12Months: cb(r.dismissals_last_12_months),
    cigSameTasks: cb(r.cig_same_tasks),
    isPublicAdministration: cb(r.is_public_administration),
    hostTutorName: s(r.host_tutor_name),
    hostTutorRole: s(r.host_tutor_role),
    hostTutorEmail: s(r.host_tutor_email),
    hostTutorTrainees: s(r.host_tutor_trainees),
    inailPosition: s(r.inail_position),
    rcPolicy: s(r.rc_policy),
    traineeCategory: s(r.trainee_category),
    internshipType: s(r.internship_type),
    version: String(r.version),
  };
  const check = r.check_result as { allowed?: boolean; check?: { messages?: { kind: string; message: string }[] } | null } | null;
  const base = internshipBase(area, id);
  return {
    area,
    base,
    panel,
    defaults,
    editable: [...PFI_EDITABLE_STATES, "ready_to_sign", "partially_signed"].includes(r.state),
    conventions: conventions.map((c) => ({
      id: c.id,
      label: `n. ${c.number} (${CONVENTION_STATE_LABELS[c.state as ConventionState].toLowerCase()})`,
    })),
    checks: check
      ? { allowed: !!check.allowed, messages: (check.check?.messages ?? []).map((m) => ({ kind: m.kind, message: m.message })) }
      : null,
  };
}
