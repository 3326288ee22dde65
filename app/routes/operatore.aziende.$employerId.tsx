import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { EmployerStatusBadge, EmployerSummary } from "~/components/employer-summary";
import { ErrorSummary, Notice, TextAreaField } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { reviewEmployer } from "~/domain/employers/commands.server";
import { getEmployer, listEmployerUsers } from "~/domain/employers/queries.server";
import { ReviewSchema } from "~/domain/employers/schema";
import { EMPLOYER_ROLE_LABELS, roleHas } from "~/domain/identity/roles";
import { canOfficerSeeEmployer } from "~/domain/l68/index.server";
import { parseForm, useSchemaForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { formatDateTime } from "~/utils/format";
import { actorOf, notFound, requirePermission } from "~/web/session.server";
import { RevalidationChanges } from "~/components/revalidation-changes";

export const meta: MetaFunction = () => [{ title: "Scheda azienda — Rosa" }];

const ParamsSchema = z.object({ employerId: z.uuid() });

function employerIdFrom(params: unknown): string {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound("Azienda non trovata");
  return parsed.data.employerId;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "employers:review");
  const employerId = employerIdFrom(params);
  const db = getDb();
  const employer = await getEmployer(db, employerId);
  if (!employer) throw notFound("Azienda non trovata");
  // No dead ends (docs/decisions/0021-desk-counts-link-to-their-lists.md): the employer's vacancies, rose, register rows and L. 68 file, each where this user may go.
  const links = {
    vacancies: roleHas(user.role, "vacancies:review"),
    shortlists: roleHas(user.role, "matching:run"),
    register: roleHas(user.role, "services:deliver") || user.role === "admin",
    l68: await canOfficerSeeEmployer(db, user, employerId),
    internship: roleHas(user.role, "services:deliver") && employer.status === "validated",
  };
  return { employer, links, users: await listEmployerUsers(db, employerId) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "employers:review");
  const employerId = employerIdFrom(params);
  const submission = parseForm(await request.formData(), ReviewSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  const review = submission.value;
  try {
    await withTransaction((trx) => reviewEmployer(trx, actorOf(user, context), { employerId, ...review }));
  } catch (e) {
    return replyDomainError(e, submission);
  }
  const message =
    review.decision === "validate"
      ? "Azienda convalidata: l'azienda riceve un'e-mail e ora può pubblicare offerte e chiedere servizi."
      : "Registrazione respinta: l'azienda riceverà il motivo.";
  return redirectWithFlash(`/operatore/aziende/${employerId}`, { type: "success", message });
}

export default function EmployerDetailPage() {
  const { employer, users, links } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(ReviewSchema, { id: "review", lastResult: result?.result });
  return (
    <div>
      <p>
        <Link to="/operatore/aziende">← Tutte le aziende</Link>
      </p>
      <h1>
        {employer.legal_name} <EmployerStatusBadge status={employer.status} />
      </h1>
      {employer.status !== "pending" && employer.status_changed_at ? (
        <Notice type="info">
          {employer.status === "validated" ? "Convalidata" : "Respinta"} il {formatDateTime(employer.status_changed_at)}
          {employer.reviewer_name ? ` da ${employer.reviewer_name}` : ""}
          {employer.status_reason ? `: ${employer.status_reason}` : "."}
        </Notice>
      ) : null}
      {Object.values(links).some(Boolean) ? (
        <nav aria-label="Dati dell'azienda" className="mb-3">
          <ul className="d-flex flex-wrap gap-3 list-unstyled mb-0">
            {links.vacancies ? (
              <li>
                <Link to={`/operatore/offerte?status=&azienda=${employer.id}`}>Offerte di lavoro</Link>
              </li>
            ) : null}
            {links.shortlists ? (
              <li>
                <Link to={`/operatore/rose?azienda=${employer.id}`}>Rose di candidati</Link>
              </li>
            ) : null}
            {links.register ? (
              <li>
                <Link to={`/operatore/registro?azienda=${employer.id}`}>Servizi erogati (registro)</Link>
              </li>
            ) : null}
            {links.internship ? (
              <li>
                <Link to={`/operatore/tirocini/nuovo?azienda=${employer.id}`}>Richiedi un tirocinio per l'azienda</Link>
              </li>
            ) : null}
            {links.l68 ? (
              <li>
                <Link to={`/operatore/collocamento-mirato/${employer.id}`}>Fascicolo L. 68/99</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      {employer.status === "pending" && employer.revalidation_changes ? (
        <Notice type="warning">
          <RevalidationChanges changes={employer.revalidation_changes} className="" />
          L'azienda era convalidata: verifica i nuovi dati con la visura camerale prima di convalidarla di nuovo.
        </Notice>
      ) : null}
      <EmployerSummary employer={employer} />
      <h2 className="h4">Utenti dell'azienda</h2>
      <ul>
        {users.map((u) => (
          <li key={u.id}>
            {u.full_name} ({u.email}) — {u.employer_role ? EMPLOYER_ROLE_LABELS[u.employer_role] : ""}
          </li>
        ))}
      </ul>
      {employer.status === "pending" ? (
        <section className="col-lg-8 mt-4">
          <h2 className="h4">Verifica della registrazione</h2>
          <p>Controlla i dati con la visura camerale o la PEC dell'azienda, poi convalida o respingi spiegando cosa correggere.</p>
          <ErrorSummary form={form} />
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="version" value={employer.version} />
            <TextAreaField field={fields.reason} label="Motivo o note (obbligatorio se respingi)" />
            <div className="d-flex gap-3">
              <button type="submit" name="decision" value="validate" className="btn btn-success">
                Convalida l'azienda
              </button>
              <button type="submit" name="decision" value="reject" className="btn btn-outline-danger">
                Respingi la registrazione
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
