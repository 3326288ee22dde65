import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmployerStatusBadge, EmployerSummary } from "~/components/employer-summary";
import { Notice } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { DeskCards } from "~/components/desk";
import { employerDesk } from "~/domain/desk/queries.server";
import { roleHas } from "~/domain/identity/roles";
import { todayInItaly } from "~/utils/dates";
import { getEmployer } from "~/domain/employers/queries.server";
import { formatDateTime } from "~/utils/format";
import { revalidationText } from "~/components/revalidation-changes";
import { REVALIDATION_NOTICE } from "~/domain/employers/schema";
import { notFound, requirePermission } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "La mia azienda — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "employer:own");
  // A labour consultant whose every delegation was revoked: a page that says so, not a 403.
  if (!user.employerId) return { employer: null, isLegalRep: false };
  // Scoped by the session's employer: there is no id in the URL to tamper with.
  const employer = await getEmployer(getDb(), user.employerId);
  if (!employer) throw notFound();
  const items =
    employer.status === "validated"
      ? await employerDesk(getDb(), user.employerId, todayInItaly(), { l68: roleHas(user.role, "l68:own") })
      : [];
  return { employer, items, isLegalRep: user.employerRole === "legal_rep" };
}

export default function EmployerHome() {
  const { employer, items, isLegalRep } = useLoaderData<typeof loader>();
  if (!employer)
    return (
      <div>
        <h1>Nessuna azienda delegata</h1>
        <p className="lead">
          Al momento nessuna azienda ti ha delegato. Quando un'azienda ti invita come consulente del lavoro riceverai un'e-mail con il
          collegamento per accettare la delega con questo account.
        </p>
      </div>
    );
  return (
    <div>
      <h1>
        {employer.legal_name} <EmployerStatusBadge status={employer.status} />
      </h1>
      {employer.status === "pending" && employer.revalidation_changes ? (
        <Notice type="info">
          {REVALIDATION_NOTICE}: {revalidationText(employer.revalidation_changes)?.replace(/^Nuova convalida richiesta: /, "")}. Fino alla
          convalida l'azienda non può pubblicare nuove offerte; quelle già pubblicate restano visibili.
        </Notice>
      ) : employer.status === "pending" ? (
        <Notice type="info">
          La registrazione è in attesa di convalida da parte di un operatore del Centro per l'Impiego. Dopo la convalida potrai pubblicare
          offerte di lavoro e chiedere i servizi.
        </Notice>
      ) : null}
      {employer.status === "rejected" ? (
        <Notice type="warning">
          <p className="mb-1">
            <strong>La registrazione è stata respinta</strong>
            {employer.status_changed_at ? ` il ${formatDateTime(employer.status_changed_at)}` : ""} per questo motivo:
          </p>
          <p className="mb-2">{employer.status_reason}</p>
          {isLegalRep ? <Link to="/azienda/modifica">Correggi i dati e inviali di nuovo</Link> : null}
        </Notice>
      ) : null}
      {employer.status === "validated" ? (
        <Notice type="success">L'azienda è convalidata: puoi chiedere i servizi del Centro per l'Impiego.</Notice>
      ) : null}
      {items.length ? <DeskCards items={items} /> : null}
      <EmployerSummary employer={employer} />
      {isLegalRep ? (
        <p className="d-flex gap-3">
          <Link to="/azienda/modifica" className="btn btn-outline-primary">
            Modifica i dati dell'azienda
          </Link>
          <Link to="/azienda/utenti" className="btn btn-outline-primary">
            Invita colleghi o un consulente
          </Link>
        </p>
      ) : null}
    </div>
  );
}
