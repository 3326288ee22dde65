import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { ErrorSummary, Notice, TextAreaField } from "~/components/forms";
import { VacancyFacts } from "~/components/vacancy-view";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { candidateIdForUser } from "~/domain/candidates/queries.server";
import { roleHas } from "~/domain/identity/roles";
import { applyToVacancy, findOwnApplication } from "~/domain/vacancies/applications.server";
import { acceptsDirectApplications } from "~/domain/vacancies/direct-apply";
import { EQUAL_OPPORTUNITY_NOTICE } from "~/domain/vacancies/discrimination";
import { buildJobPosting, jsonLdScript } from "~/domain/vacancies/job-posting";
import { toPublicVacancy } from "~/domain/vacancies/public-view";
import { getPublicVacancyPage } from "~/domain/vacancies/queries.server";
import { ApplySchema } from "~/domain/vacancies/schema.server";
import { publicBaseUrl } from "~/web/action.server";
import { constraintsOf, parseForm, replyDomainError, replyFormError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { useServerForm } from "~/web/form-metadata";
import { todayInItaly } from "~/utils/dates";
import { formatDate } from "~/utils/format";
import { actorOf, getCurrentUser, notFound, requirePermission } from "~/web/session.server";
import { vacancyIdFrom } from "~/web/guards.server";

const APPLICATION_STATUS = {
  submitted: "inviata, in verifica",
  accepted: "accettata: sei nella rosa dei candidati dell'offerta",
  declined: "non accettata",
} as const;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.vacancy.title} — Offerte di lavoro — Rosa` : "Offerta non trovata — Rosa" },
  ...(data
    ? [{ name: "description", content: `${data.vacancy.title} a ${data.vacancy.comuneName}: offerta di lavoro del Centro per l'Impiego.` }]
    : []),
  // A closed vacancy keeps its page for people who follow an old link, but search engines drop it.
  ...(data && !data.open ? [{ name: "robots", content: "noindex" }] : []),
];

/**
 * A published vacancy, for anyone; once closed (or past its closing date) the page says so, offers no application
 * and carries no JobPosting JSON-LD (search engines must not show it as open). Drafts and internal vacancies are 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await getPublicVacancyPage(getDb(), vacancyIdFrom(params), todayInItaly());
  if (!found) throw notFound("Offerta non trovata o non più disponibile");
  const vacancy = toPublicVacancy(found.detail);
  const user = await getCurrentUser(request);
  const db = getDb();
  const candidateId = user && roleHas(user.role, "candidate:self") ? await candidateIdForUser(db, user.id) : null;
  return {
    vacancy,
    open: found.open,
    jsonLd: found.open ? jsonLdScript(buildJobPosting(vacancy, { baseUrl: publicBaseUrl() })) : null,
    viewer: !user
      ? ("anonymous" as const)
      : candidateId
        ? ("candidate" as const)
        : roleHas(user.role, "candidate:self")
          ? ("candidate_without_cv" as const)
          : ("other" as const),
    application: candidateId ? ((await findOwnApplication(db, vacancy.id, candidateId)) ?? null) : null,
    // The same rule as the JSON-LD's directApply and the JSON feed.
    acceptsApplications: acceptsDirectApplications(vacancy),
    constraint: constraintsOf(ApplySchema),
  };
}

/** A logged-in candidate applies with their CV (the one in Rosa) and an optional message. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "candidate:self");
  const vacancyId = vacancyIdFrom(params);
  const db = getDb();
  const found = await getPublicVacancyPage(db, vacancyId, todayInItaly());
  if (!found) throw notFound("Offerta non trovata o non più disponibile");
  if (!found.open) return replyFormError("L'offerta è chiusa: non accetta più candidature. Cerca altre offerte nella bacheca.", 409);
  const candidateId = await candidateIdForUser(db, user.id);
  if (!candidateId) throw notFound("Nessun CV è collegato al tuo account: rivolgiti al tuo Centro per l'Impiego");
  const submission = parseForm(await request.formData(), ApplySchema);
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    await withTransaction((trx) =>
      applyToVacancy(trx, actorOf(user, context), { vacancyId, candidateId, message: submission.value.message }),
    );
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash(`/offerte/${vacancyId}`, {
    type: "success",
    message: "Candidatura inviata: il Centro per l'Impiego la verificherà.",
  });
}

export default function PublicVacancyPage() {
  const { vacancy, open, jsonLd, viewer, application, acceptsApplications, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useServerForm<{ message: string }>({ id: "apply", lastResult: result?.result, constraint });
  const location = useLocation();
  return (
    <article className="col-lg-10">
      {jsonLd ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} /> : null}
      <p>
        <Link to="/offerte">← Tutte le offerte</Link>
      </p>
      <h1>
        {vacancy.title}
        {open ? null : <span className="badge bg-secondary ms-2 align-middle">Chiusa</span>}
      </h1>
      <p className="lead">
        {vacancy.employerName ?? "Azienda riservata: l'offerta è gestita dal Centro per l'Impiego"} · {vacancy.comuneName} (
        {vacancy.provinceCode})
      </p>
      <p className="rosa-muted">
        Offerta n. {vacancy.number}
        {vacancy.publishedAt ? ` · pubblicata il ${formatDate(vacancy.publishedAt)}` : ""}
        {open ? ` · candidature entro il ${formatDate(vacancy.closingDate)}` : null}
      </p>
      {open ? null : (
        <Notice type="warning">
          <strong>Questa offerta è chiusa</strong> e non accetta più candidature. <Link to="/offerte">Cerca le offerte aperte</Link> nella
          bacheca.
        </Notice>
      )}
      <VacancyFacts v={vacancy} />
      <p>
        <em>{EQUAL_OPPORTUNITY_NOTICE}</em>
      </p>
      <section aria-labelledby="candidati" className="mt-4">
        <h2 id="candidati" className="h4">
          Candidati
        </h2>
        {(!open || !acceptsApplications) && !application ? (
          <p>Le candidature per questa offerta sono chiuse.</p>
        ) : viewer === "anonymous" ? (
          <>
            <p>Per candidarti serve un account di candidato: accedi, oppure registrati (bastano pochi minuti e la conferma dell'e-mail).</p>
            <p className="d-flex flex-wrap gap-2">
              <Link className="btn btn-primary" to={`/accedi?redirectTo=${encodeURIComponent(location.pathname)}`}>
                Accedi per candidarti
              </Link>
              <Link className="btn btn-outline-primary" to={`/registrazione/candidato?redirectTo=${encodeURIComponent(location.pathname)}`}>
                Registrati come candidato
              </Link>
            </p>
            <p className="rosa-muted">Puoi anche rivolgerti al Centro per l'Impiego indicando il numero dell'offerta ({vacancy.number}).</p>
          </>
        ) : viewer === "candidate_without_cv" ? (
          <Notice type="info">
            Per candidarti serve il tuo CV.{" "}
            <Link to={`/candidato/nuovo?redirectTo=${encodeURIComponent(location.pathname)}`}>Compila il tuo CV</Link> e torna qui.
          </Notice>
        ) : viewer === "other" ? (
          <p>Le candidature si inviano con un account di candidato.</p>
        ) : application ? (
          <Notice type="info">
            Ti sei candidato il {formatDate(application.created_at)}: candidatura {APPLICATION_STATUS[application.status]}
            {application.decline_reason ? ` — ${application.decline_reason}` : "."}
          </Notice>
        ) : (
          <Form method="post" {...getFormProps(form)}>
            <ErrorSummary form={form} />
            <p>Invierai il curriculum che hai in Rosa. Puoi aggiornarlo prima dalla pagina del tuo curriculum.</p>
            <TextAreaField field={fields.message} label="Messaggio per il Centro per l'Impiego (facoltativo)" />
            <button type="submit" className="btn btn-primary">
              Invia la candidatura
            </button>
          </Form>
        )}
      </section>
    </article>
  );
}
