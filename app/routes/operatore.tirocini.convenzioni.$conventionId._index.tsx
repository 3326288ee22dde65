import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, TextAreaField } from "~/components/forms";
import { ConventionForm } from "~/components/internship-convention-form";
import { SignedCopyForm } from "~/components/internship-documents";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import {
  CONVENTION_STATE_LABELS,
  ConventionSchema,
  INTERNSHIP_STATE_LABELS,
  RevokeSchema,
  SIGNATURE_METHOD_LABELS,
  SIGNATURE_PARTY_LABELS,
  SignSchema,
  type ConventionState,
  type InternshipState,
  type SignatureMethod,
  type SignatureParty,
} from "~/domain/internships";
import { MAX_SIGNED_PDF_BYTES, getConvention, revokeConvention, signConvention, updateConvention } from "~/domain/internships/index.server";
import { todayInItaly } from "~/utils/dates";
import { formatDate, formatDateTime, formatMegabytes } from "~/utils/format";
import { parseForm, useSchemaForm } from "~/web/conform";
import { replyDomainError, replyFormError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { idParam } from "~/web/internship-documents.server";
import { actorOf, notFound, requirePermission } from "~/web/session.server";
import { readUpload } from "~/web/upload.server";

export const meta: MetaFunction = () => [{ title: "Convenzione di tirocinio — Rosa" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "services:deliver");
  const id = idParam(params, "conventionId", "Convenzione non trovata");
  const data = await getConvention(getDb(), { kind: "officer" }, id);
  if (!data) throw notFound("Convenzione non trovata");
  const c = data.convention;
  return {
    ...data,
    defaults: {
      employerId: c.employer_id,
      validFrom: c.valid_from ?? "",
      validTo: c.valid_to ?? "",
      promoterName: c.promoter_name ?? "",
      promoterTaxCode: c.promoter_tax_code ?? "",
      promoterKind: c.promoter_kind ?? "",
      promoterOffice: c.promoter_office ?? "",
      hostRepresentative: c.host_representative ?? "",
      inailPosition: c.inail_position ?? "",
      rcPolicy: c.rc_policy ?? "",
      maxInternships: c.max_internships ? String(c.max_internships) : "",
      version: String(c.version),
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "services:deliver");
  const id = idParam(params, "conventionId", "Convenzione non trovata");
  const actor = actorOf(user, context);
  const back = `/operatore/tirocini/convenzioni/${id}`;
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const upload = await readUpload(
      request,
      "signedPdf",
      MAX_SIGNED_PDF_BYTES,
      `Il file è troppo grande: al massimo ${formatMegabytes(MAX_SIGNED_PDF_BYTES)}`,
    );
    const submission = parseForm(upload.form, SignSchema);
    if (submission.status !== "success") return replyInvalid(submission);
    if (!upload.file) return replyInvalid(submission, { fieldErrors: { signedPdf: upload.error?.message ?? "Scegli il PDF firmato" } });
    const file = upload.file;
    try {
      const r = await withTransaction((trx) =>
        signConvention(trx, actor, "officer", { kind: "officer" }, id, { ...submission.value, pdf: file }, todayInItaly()),
      );
      return redirectWithFlash(back, {
        type: "success",
        message:
          r.state === "active"
            ? "Firme complete: la convenzione è in vigore e i progetti formativi dell'azienda si possono firmare."
            : r.state === "signed"
              ? "Firme complete: la convenzione entra in vigore dal primo giorno di validità."
              : "Firma registrata: manca la firma dell'altra parte.",
      });
    } catch (e) {
      return replyDomainError(e, submission);
    }
  }
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "edit") {
    const submission = parseForm(form, ConventionSchema);
    if (submission.status !== "success") return replyInvalid(submission);
    try {
      const r = await withTransaction((trx) => updateConvention(trx, actor, id, submission.value));
      return redirectWithFlash(back, {
        type: "success",
        message: r.voidedSignatures
          ? "Convenzione modificata: le firme raccolte non valgono più, va firmata di nuovo."
          : "Convenzione modificata.",
      });
    } catch (e) {
      return replyDomainError(e, submission);
    }
  }
  if (intent === "revoke") {
    const submission = parseForm(form, RevokeSchema);
    if (submission.status !== "success") return replyInvalid(submission);
    try {
      const r = await withTransaction((trx) => revokeConvention(trx, actor, id, submission.value));
      return redirectWithFlash(back, {
        type: "success",
        message: r.runningInternships
          ? "Convenzione revocata: i tirocini in corso proseguono fino alla conclusione, non se ne firmano di nuovi."
          : "Convenzione revocata: non si firmano più progetti formativi con questa convenzione.",
      });
    } catch (e) {
      return replyDomainError(e, submission);
    }
  }
  return replyFormError("Operazione non valida", 400);
}

export default function ConventionPage() {
  const { convention: c, signatures, internships, defaults } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const state = c.state as ConventionState;
  const live = signatures.filter((s) => !s.voided_at).map((s) => s.party);
  const missing = (["promoter", "host"] as SignatureParty[]).filter((p) => !live.includes(p));
  const [revokeForm, revokeFields] = useSchemaForm(RevokeSchema, {
    id: "revoke",
    lastResult: result?.result,
    defaultValue: { version: String(c.version) },
  });
  return (
    <div className="col-lg-10">
      <p>
        <Link to="/operatore/tirocini/convenzioni">← Convenzioni</Link>
      </p>
      <PageTitle title={`Convenzione di tirocinio n. ${c.number}`} lead={`${c.legal_name} — ${CONVENTION_STATE_LABELS[state]}`} />
      <p>
        Validità: {c.valid_from ? formatDate(c.valid_from) : "—"} – {c.valid_to ? formatDate(c.valid_to) : "—"}.{" "}
        {c.state_reason ? `Motivo della revoca: ${c.state_reason}.` : ""}
      </p>
      <p>
        <a href={`/operatore/tirocini/convenzioni/${c.id}/pdf`} download>
          Scarica il PDF della convenzione
        </a>
        {c.document_hash ? <span className="small"> (impronta {c.document_hash.slice(0, 16)}…)</span> : null}
      </p>
      <section aria-labelledby="signatures" className="mb-4">
        <h2 id="signatures" className="h5">
          Firme
        </h2>
        {signatures.length ? (
          <ul>
            {signatures.map((s) => (
              <li key={s.id}>
                {SIGNATURE_PARTY_LABELS[s.party as SignatureParty]}: {s.signer_name}, {formatDateTime(s.signed_at)} (
                {SIGNATURE_METHOD_LABELS[s.method as SignatureMethod].toLowerCase()})
                {s.voided_at ? " — annullata: la convenzione è cambiata" : ""}
              </li>
            ))}
          </ul>
        ) : (
          <p>Nessuna firma registrata.</p>
        )}
        {state === "draft" ? (
          <SignedCopyForm
            id="sign-convention"
            parties={missing}
            documentHash={c.document_hash ?? ""}
            version={c.version}
            fileInputId="signed-pdf"
            lastResult={result?.result}
          />
        ) : null}
      </section>
      <section aria-labelledby="internships" className="mb-4">
        <h2 id="internships" className="h5">
          Tirocini con questa convenzione
        </h2>
        {internships.length ? (
          <ul>
            {internships.map((i) => (
              <li key={i.id}>
                <Link to={`/operatore/tirocini/${i.id}/progetto`}>
                  n. {i.number} — {i.title}
                </Link>{" "}
                ({INTERNSHIP_STATE_LABELS[i.state as InternshipState].toLowerCase()})
              </li>
            ))}
          </ul>
        ) : (
          <p>Nessun tirocinio.</p>
        )}
      </section>
      {state === "draft" || state === "signed" ? (
        <section aria-labelledby="edit" className="mb-4">
          <h2 id="edit" className="h5">
            Modifica
          </h2>
          {live.length ? <p className="alert alert-warning">Una modifica del testo annulla le firme già raccolte.</p> : null}
          <ConventionForm
            employers={[{ id: c.employer_id, legal_name: c.legal_name }]}
            defaults={defaults}
            lastResult={result?.result}
            submitLabel="Salva le modifiche"
            intent="edit"
          />
        </section>
      ) : null}
      {state === "draft" || state === "signed" || state === "active" ? (
        <section aria-labelledby="revoke-title">
          <h2 id="revoke-title" className="h5">
            Revoca
          </h2>
          <Form method="post" {...getFormProps(revokeForm)}>
            <ErrorSummary form={revokeForm} />
            <input type="hidden" name="intent" value="revoke" />
            <input type="hidden" name={revokeFields.version.name} value={c.version} />
            <TextAreaField field={revokeFields.reason} label="Motivo della revoca" rows={2} required />
            <button type="submit" className="btn btn-outline-danger btn-sm">
              Revoca la convenzione
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
