import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/forms";
import {
  EmployerTypeForm,
  HistorySection,
  pageReply,
  ObligationsSection,
  ProtectedWorkersSection,
  QuotaSummary,
  WorkforceSection,
} from "~/components/l68-file";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { requestCertificate, getEmployerHeader, getFileView, listCertificates } from "~/domain/l68/file/index.server";
import { RECORD_KIND_LABELS, pendingSentence } from "~/domain/l68";
import { todayInItaly } from "~/utils/dates";
import { recordAudit } from "~/domain/audit/commands.server";
import { handleFileAction } from "~/web/actions/l68-file.server";
import { redirectWithFlash } from "~/web/flash.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { actorOf, notFound } from "~/web/session.server";
import { requireOfficerOn } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Pratica L. 68/99 — Rosa" }];

const ParamsSchema = z.object({ employerId: z.uuid() });

/** Placement officers of the employer's province only; anyone else gets a 404. */
const requireOfficerFile = (request: Request, params: unknown) =>
  requireOfficerOn(request, ParamsSchema.safeParse(params).data?.employerId);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, employerId } = await requireOfficerFile(request, params);
  const db = getDb();
  const employer = await getEmployerHeader(db, employerId);
  if (!employer) throw notFound("Azienda non trovata");
  // The officer's page shows disability percentages: a view of health data, so it is logged.
  await recordAudit(db, actorOf(user, context), { action: "l68.file_viewed", entityType: "l68_file", entityId: employerId, employerId });
  return { employer, view: await getFileView(db, employerId, { health: true }), certificates: await listCertificates(db, employerId) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, employerId } = await requireOfficerFile(request, params);
  const form = await request.formData();
  if (form.get("intent") === "request-certificate") {
    // The officer issues or refuses the art. 17 certificate on the same fresh recomputation as the employer's request.
    const outcome = await withTransaction((trx) => requestCertificate(trx, actorOf(user, context), employerId, todayInItaly()));
    return redirectWithFlash(`/operatore/collocamento-mirato/${employerId}`, {
      type: outcome.compliant ? "success" : "warning",
      message: outcome.compliant
        ? `Certificazione n. ${outcome.number} rilasciata.`
        : "Certificazione non rilasciata: i motivi sono nell'elenco delle richieste.",
    });
  }
  const result = await handleFileAction(form, actorOf(user, context), employerId);
  if (!result.ok) return result.reply;
  return redirectWithFlash(`/operatore/collocamento-mirato/${employerId}`, { type: "success", message: result.message });
}

export default function OfficerL68File() {
  const { employer, view, certificates } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>()?.result;
  return (
    <div>
      <p>
        <Link to="/operatore/collocamento-mirato">← Aziende obbligate della provincia</Link>
      </p>
      <h1>{employer.legal_name}: pratica L. 68/99</h1>
      <p className="lead">
        Codice fiscale {employer.tax_code} · sede legale {employer.comune_name} ({employer.province_code})
      </p>
      <ErrorSummary result={pageReply(reply)} />
      <p className="d-flex flex-wrap gap-3">
        <Link to={`/operatore/collocamento-mirato/pratiche?azienda=${employer.id}&stato=`}>
          Esoneri, convenzioni, sospensioni e richieste
        </Link>
        <Link to={`/operatore/collocamento-mirato/posti/${employer.id}`}>Posti di lavoro disponibili</Link>
      </p>
      <details className="mb-3">
        <summary>Registra una pratica ricevuta via PEC o allo sportello</summary>
        <ul>
          {(Object.keys(RECORD_KIND_LABELS) as (keyof typeof RECORD_KIND_LABELS)[]).map((k) => (
            <li key={k}>
              <Link to={`/operatore/collocamento-mirato/nuova-pratica/${employer.id}?tipo=${k}`}>{RECORD_KIND_LABELS[k]}</Link>
            </li>
          ))}
        </ul>
      </details>
      <QuotaSummary latest={view.latest} />
      <ObligationsSection view={view} />
      <EmployerTypeForm view={view} reply={reply} />
      <WorkforceSection view={view} reply={reply} />
      <ProtectedWorkersSection view={view} reply={reply} health />
      <HistorySection view={view} />
      <section aria-labelledby="certificates-title" className="mt-4">
        <h2 id="certificates-title" className="h4">
          Richieste di certificazione di ottemperanza
        </h2>
        <Form method="post" className="mb-3">
          <input type="hidden" name="intent" value="request-certificate" />
          <button type="submit" className="btn btn-outline-primary">
            Verifica e rilascia la certificazione (art. 17)
          </button>
        </Form>
        {certificates.length === 0 ? <p>Nessuna richiesta.</p> : null}
        {/* Refused requests too, with their reasons: the officer answers the employer on them. */}
        <ul data-testid="officer-certificates">
          {certificates.map((c) => (
            <li key={c.id}>
              {formatDateTime(c.requested_at)}:{" "}
              {c.outcome === "issued" ? (
                <>
                  <a href={`/operatore/collocamento-mirato/certificato/${c.id}`} download>
                    Certificazione n. {c.number}
                  </a>
                  {c.valid_until ? ` (valida fino al ${formatDate(c.valid_until)})` : ""}
                  {c.pending_units > 0 && c.pending_due_on ? (
                    <span className="d-block">{pendingSentence(c.pending_units, c.pending_due_on)}</span>
                  ) : null}
                </>
              ) : (
                <>
                  <strong>non rilasciata</strong>
                  <ul>
                    {c.reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
