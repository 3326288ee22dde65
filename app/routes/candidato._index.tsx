import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { CvUploadForm } from "~/components/cv-upload-form";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CandidateCvView, CvFreshness } from "~/components/candidate-cv";
import { ErrorSummary, Notice } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { confirmCvCurrent, setConsent, storeCvFile } from "~/domain/candidates/commands.server";
import { cvSettings } from "~/domain/candidates/policy.server";
import { getCandidateCv } from "~/domain/candidates/queries.server";
import { ConsentSchema, VersionSchema } from "~/domain/candidates/schema";
import { readCvUpload } from "~/web/upload.server";
import { formatMegabytes } from "~/utils/format";
import { DomainError } from "~/domain/errors";
import { isMultipart } from "~/web/action.server";
import { emptySubmission, parseForm, replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { useServerForm } from "~/web/form-metadata";
import { formatDateTime } from "~/utils/format";
import { actorOf, requirePermission } from "~/web/session.server";
import { plural } from "~/utils/plural";
import { requireOwnCandidateId } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Il mio curriculum — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "candidate:self");
  const db = getDb();
  const candidateId = await requireOwnCandidateId(db, user);
  // The candidate's own view: never the health block, which only placement officers read.
  const cv = await getCandidateCv(db, candidateId, { withHealth: false, obsoleteMonths: cvSettings().obsoleteMonths });
  return { cv: cv!, maxUpload: formatMegabytes(cvSettings().maxUploadBytes), obsoleteMonths: cvSettings().obsoleteMonths };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "candidate:self");
  const candidateId = await requireOwnCandidateId(getDb(), user);
  const actor = actorOf(user, context);
  if (isMultipart(request)) {
    try {
      const pdf = await readCvUpload(request);
      await withTransaction((trx) => storeCvFile(trx, actor, candidateId, pdf));
    } catch (e) {
      return replyDomainError(e, emptySubmission());
    }
    return redirectWithFlash("/candidato", { type: "success", message: "Il tuo CV in PDF è stato caricato." });
  }
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  if (intent === "consent") {
    const submission = parseForm(formData, ConsentSchema);
    if (submission.status !== "success") return replyInvalid(submission);
    try {
      await withTransaction((trx) => setConsent(trx, actor, candidateId, submission.value.consent === "grant"));
    } catch (e) {
      return replyDomainError(e, submission);
    }
    const message =
      submission.value.consent === "grant"
        ? "Consenso dato: il tuo CV può essere proposto alle aziende."
        : "Consenso revocato: il tuo CV non viene più mostrato alle aziende.";
    return redirectWithFlash("/candidato", { type: "success", message });
  }
  if (intent === "confirm") {
    const submission = parseForm(formData, VersionSchema);
    if (submission.status !== "success") return replyInvalid(submission);
    try {
      await withTransaction((trx) => confirmCvCurrent(trx, actor, candidateId, submission.value.version));
    } catch (e) {
      return replyDomainError(e, submission);
    }
    return redirectWithFlash("/candidato", { type: "success", message: "Grazie: il tuo CV risulta aggiornato." });
  }
  return replyDomainError(new DomainError("Operazione non riconosciuta"), emptySubmission());
}

export default function CandidateHomePage() {
  const { cv, maxUpload, obsoleteMonths } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>()?.result;
  // The upload shows its own messages by the file field; the buttons' (consent, confirmation) go in the summary above.
  const uploadResult = result?.error && "cv" in result.error ? result : null;
  const [form] = useServerForm<{ consent: string; version: string }>({
    id: "cv-actions",
    lastResult: uploadResult ? null : result,
    constraint: {},
  });
  const c = cv.candidate;
  return (
    <div>
      <h1>Il mio curriculum</h1>
      <p>
        <CvFreshness candidate={c} />
      </p>
      <ErrorSummary form={form} />
      {c.obsolete ? (
        <Notice type="warning">
          Il tuo CV non è aggiornato da più di {plural(obsoleteMonths, "mese", "mesi")} e non viene proposto alle aziende. Controllalo e
          confermalo, oppure modificalo.
          <Form method="post" className="mt-2">
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="version" value={c.version} />
            <button type="submit" className="btn btn-sm btn-warning">
              Il mio CV è ancora attuale
            </button>
          </Form>
        </Notice>
      ) : null}

      <section className="mb-4" aria-labelledby="consent">
        <h2 id="consent" className="h4">
          Consenso alla visibilità
        </h2>
        {c.consent_visible ? (
          <>
            <p>
              Hai acconsentito{c.consent_changed_at ? ` il ${formatDateTime(c.consent_changed_at)}` : ""} che il tuo CV sia usato per
              l'incrocio con le offerte e mostrato alle aziende. Puoi revocare il consenso quando vuoi: l'effetto è immediato.
            </p>
            {/* Distinct keys: React must not morph one button into the other (it would animate the colours). */}
            <Form method="post" key="withdraw">
              <input type="hidden" name="intent" value="consent" />
              <button type="submit" name="consent" value="withdraw" className="btn btn-outline-danger">
                Revoca il consenso
              </button>
            </Form>
          </>
        ) : (
          <>
            <p>Il tuo CV non è mostrato alle aziende. Se acconsenti, il Centro per l'Impiego potrà proporlo per le offerte adatte a te.</p>
            <Form method="post" key="grant">
              <input type="hidden" name="intent" value="consent" />
              <button type="submit" name="consent" value="grant" className="btn btn-primary">
                Do il consenso
              </button>
            </Form>
          </>
        )}
      </section>

      <p>
        <Link to="/candidato/modifica" className="btn btn-primary">
          Modifica il mio CV
        </Link>
      </p>
      <CandidateCvView cv={cv} downloadHref={cv.file ? "/candidato/cv" : undefined} />

      <section className="mb-4 col-lg-8" aria-labelledby="upload">
        <h2 id="upload" className="h4">
          Carica il tuo CV in PDF
        </h2>
        <CvUploadForm maxUpload={maxUpload} lastResult={uploadResult} />
      </section>

      <section className="mb-4" aria-labelledby="erasure">
        <h2 id="erasure" className="h4">
          Cancellazione dei tuoi dati
        </h2>
        <p>
          Puoi cancellare il tuo CV e il tuo account quando vuoi; la pagina seguente spiega che cosa viene cancellato e che cosa resta, in
          forma anonima.
        </p>
        <Link to="/candidato/cancellazione" className="btn btn-outline-danger">
          Cancella il mio CV
        </Link>
      </section>
    </div>
  );
}
