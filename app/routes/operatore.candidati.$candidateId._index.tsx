import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { CvUploadForm } from "~/components/cv-upload-form";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CandidateCvView, CvFreshness } from "~/components/candidate-cv";
import { ErrorSummary, Notice, TextAreaField, TextField } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { confirmCvCurrent, inviteCandidate, recordCandidateView, setDisability, storeCvFile } from "~/domain/candidates/commands.server";
import { canReadHealth, cvSettings } from "~/domain/candidates/policy.server";
import { getCandidateCv } from "~/domain/candidates/queries.server";
import { linkRequestsForCandidate, resolveLinkRequest } from "~/domain/candidates/registration.server";
import { CandidateInvitationSchema, DisabilitySchema, LinkRequestDecisionSchema, VersionSchema } from "~/domain/candidates/schema";
import { readCvUpload } from "~/web/upload.server";
import { formatMegabytes } from "~/utils/format";
import { DomainError } from "~/domain/errors";
import { publicBaseUrl, isMultipart } from "~/web/action.server";
import { redirectWithFlash } from "~/web/flash.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { parseForm, useSchemaForm, type FormResult } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { getFormProps } from "@conform-to/react";
import { z } from "zod";
import { actorOf, forbidden, notFound, requirePermission } from "~/web/session.server";
import { plural } from "~/utils/plural";
import { candidateIdFrom } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Scheda candidato — Rosa" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "candidates:read");
  const candidateId = candidateIdFrom(params);
  const withHealth = canReadHealth(user);
  const cv = await getCandidateCv(getDb(), candidateId, { withHealth, obsoleteMonths: cvSettings().obsoleteMonths });
  if (!cv) throw notFound("Candidato non trovato");
  // Every view of a candidate's personal data is recorded (who, when, what).
  await withTransaction((trx) => recordCandidateView(trx, actorOf(user, context), candidateId, withHealth ? "health" : "cv"));
  const linkRequests = await linkRequestsForCandidate(getDb(), candidateId);
  return {
    cv,
    withHealth,
    linkRequests,
    maxUpload: formatMegabytes(cvSettings().maxUploadBytes),
    obsoleteMonths: cvSettings().obsoleteMonths,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "candidates:write");
  const candidateId = candidateIdFrom(params);
  const actor = actorOf(user, context);
  if (isMultipart(request)) {
    // The PDF is read as a stream: the reply names the form («upload») so the page shows the message next to it.
    const upload = new FormData();
    upload.set("intent", "upload");
    const submission = parseForm(upload, z.object({ intent: z.string() }));
    try {
      const pdf = await readCvUpload(request);
      await withTransaction((trx) => storeCvFile(trx, actor, candidateId, pdf));
    } catch (e) {
      return replyDomainError(e, submission);
    }
    return redirectWithFlash(`/operatore/candidati/${candidateId}`, {
      type: "success",
      message: "CV in PDF caricato: il testo è ora ricercabile.",
    });
  }
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  let submission: Parameters<typeof replyDomainError>[1] = parseForm(formData, z.object({}));
  try {
    if (intent === "confirm") {
      const form = parseForm(formData, VersionSchema);
      submission = form;
      if (form.status !== "success") return replyInvalid(form);
      await withTransaction((trx) => confirmCvCurrent(trx, actor, candidateId, form.value.version));
      return redirectWithFlash(`/operatore/candidati/${candidateId}`, {
        type: "success",
        message: "CV confermato come attuale: da oggi conta come aggiornato.",
      });
    }
    if (intent === "invite") {
      const form = parseForm(formData, CandidateInvitationSchema);
      submission = form;
      if (form.status !== "success") return replyInvalid(form);
      const baseUrl = publicBaseUrl();
      await withTransaction((trx) => inviteCandidate(trx, actor, { candidateId, email: form.value.email, baseUrl }));
      return redirectWithFlash(`/operatore/candidati/${candidateId}`, {
        type: "success",
        message: `Invito inviato a ${form.value.email}.`,
      });
    }
    if (intent === "link_request") {
      const form = parseForm(formData, LinkRequestDecisionSchema);
      submission = form;
      if (form.status !== "success") return replyInvalid(form);
      await withTransaction((trx) =>
        resolveLinkRequest(trx, actor, { candidateId, requestId: form.value.requestId, decision: form.value.decision }),
      );
      return redirectWithFlash(`/operatore/candidati/${candidateId}`, {
        type: "success",
        message:
          form.value.decision === "link"
            ? "Account collegato al CV: la persona ora vede e aggiorna il proprio CV."
            : "Richiesta di collegamento respinta.",
      });
    }
    if (intent === "disability") {
      if (!canReadHealth(user)) throw forbidden();
      const form = parseForm(formData, DisabilitySchema);
      submission = form;
      if (form.status !== "success") return replyInvalid(form);
      await withTransaction((trx) => setDisability(trx, actor, candidateId, form.value));
      return redirectWithFlash(`/operatore/candidati/${candidateId}`, { type: "success", message: "Dati sanitari salvati." });
    }
    throw new DomainError("Operazione non riconosciuta");
  } catch (e) {
    return replyDomainError(e, submission);
  }
}

export default function CandidateDetailPage() {
  const { cv, withHealth, linkRequests, maxUpload, obsoleteMonths } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>()?.result ?? null;
  // Each form has its own reply: the action echoes the intent of the form that was sent.
  const intent = reply?.initialValue?.intent;
  const forForm = (name: string) => (intent === name ? reply : null);
  const c = cv.candidate;
  const base = `/operatore/candidati/${c.id}`;
  return (
    <div>
      <p>
        <Link to="/operatore/candidati">← Ricerca candidati</Link>
      </p>
      <h1>
        {c.first_name} {c.last_name}
      </h1>
      <p>
        <CvFreshness candidate={c} />{" "}
        {c.consent_visible ? (
          <span className="badge bg-primary">Visibile alle aziende</span>
        ) : (
          <span className="badge bg-secondary">Non visibile alle aziende</span>
        )}
      </p>
      <ErrorSummary result={intent === "upload" || intent === "invite" || intent === "disability" ? null : reply} />
      {c.obsolete ? (
        <Notice type="warning">
          Il CV non è aggiornato da più di {plural(obsoleteMonths, "mese", "mesi")}: è escluso dall'incrocio. Verifica con la persona che
          sia ancora attuale.
          <Form method="post" className="mt-2">
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="version" value={c.version} />
            <button type="submit" className="btn btn-sm btn-warning">
              Conferma che il CV è attuale
            </button>
          </Form>
        </Notice>
      ) : null}
      <p>
        <Link to={`${base}/modifica`} className="btn btn-primary">
          Modifica il CV
        </Link>{" "}
        <Link to={`${base}/cancellazione`} className="btn btn-outline-danger">
          Cancella su richiesta
        </Link>{" "}
        <a href={`${base}/sap.xml`} className="btn btn-outline-primary" download>
          Politiche attive per la SAP (XML)
        </a>
      </p>
      <CandidateCvView cv={cv} downloadHref={cv.file ? `${base}/cv` : undefined} />

      <section className="mb-4 col-lg-8" aria-labelledby="upload">
        <h2 id="upload" className="h4">
          Carica il CV in PDF
        </h2>
        <CvUploadForm maxUpload={maxUpload} lastResult={forForm("upload")} />
      </section>

      <section className="mb-4 col-lg-8" aria-labelledby="account">
        <h2 id="account" className="h4">
          Account del candidato
        </h2>
        {linkRequests.map((r) => (
          <Notice type="warning" key={r.id}>
            <p className="mb-2">
              {r.full_name} ({r.email}) si è registrato il {formatDateTime(r.created_at)} con il codice fiscale di questo CV e chiede di
              collegarlo al proprio account.{" "}
              {r.reason === "email_differs"
                ? "L'e-mail confermata è diversa da quella del CV."
                : r.reason === "cv_has_account"
                  ? "Il CV è già collegato a un altro account."
                  : r.reason === "no_email_on_cv"
                    ? "Il CV non ha un'e-mail con cui verificare la persona."
                    : ""}{" "}
              Collega solo dopo aver verificato l'identità (di persona o al telefono con i dati del CV).
            </p>
            <Form method="post" className="d-flex gap-2">
              <input type="hidden" name="intent" value="link_request" />
              <input type="hidden" name="requestId" value={r.id} />
              <button type="submit" name="decision" value="link" className="btn btn-sm btn-primary">
                Identità verificata: collega l'account {r.email}
              </button>
              <button type="submit" name="decision" value="refuse" className="btn btn-sm btn-outline-secondary">
                Respingi la richiesta di {r.email}
              </button>
            </Form>
          </Notice>
        ))}
        {cv.account ? (
          <p>La persona accede a Rosa con l'account {cv.account.email}.</p>
        ) : (
          <>
            {cv.invitation ? (
              <p>
                Invito inviato a {cv.invitation.email} il {formatDateTime(cv.invitation.created_at)}, valido fino al{" "}
                {formatDate(cv.invitation.expires_at)}.
              </p>
            ) : null}
            <p>Invia alla persona un collegamento per attivare l'account con cui vedere e aggiornare il proprio CV e il consenso.</p>
            <InvitationForm email={c.email ?? ""} again={Boolean(cv.invitation)} lastResult={forForm("invite")} />
          </>
        )}
      </section>

      {withHealth ? (
        <section className="mb-4 col-lg-8" aria-labelledby="health">
          <h2 id="health" className="h4">
            Dati sanitari (riservati al collocamento mirato)
          </h2>
          <DisabilityForm
            percentage={cv.disability ? String(cv.disability.percentage) : ""}
            notes={cv.disability?.functional_notes ?? ""}
            lastResult={forForm("disability")}
          />
        </section>
      ) : null}
    </div>
  );
}

function InvitationForm({ email, again, lastResult }: { email: string; again: boolean; lastResult: FormResult | null }) {
  const [form, fields] = useSchemaForm(CandidateInvitationSchema, { id: "invite", lastResult, defaultValue: { email } });
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="invite" />
      <TextField field={fields.email} label="E-mail del candidato" type="email" />
      <button type="submit" className="btn btn-outline-primary">
        {again ? "Invia un nuovo invito" : "Invia l'invito"}
      </button>
    </Form>
  );
}

function DisabilityForm({ percentage, notes, lastResult }: { percentage: string; notes: string; lastResult: FormResult | null }) {
  const [form, fields] = useSchemaForm(DisabilitySchema, {
    id: "disability",
    lastResult,
    defaultValue: { percentage, functionalNotes: notes } as never,
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="disability" />
      <TextField field={fields.percentage} label="Percentuale di invalidità" inputMode="numeric" />
      <TextAreaField field={fields.functionalNotes} label="Note sulle capacità funzionali" />
      <button type="submit" className="btn btn-outline-primary">
        Salva i dati sanitari
      </button>
    </Form>
  );
}
