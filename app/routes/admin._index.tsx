import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DeskCards } from "~/components/desk";
import { getDb } from "~/db/db.server";
import { adminDesk } from "~/domain/desk/queries.server";
import { PageTitle } from "~/components/layout";
import { requirePermission } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Amministrazione — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "users:manage");
  return { items: await adminDesk(getDb()) };
}

export default function AdminHome() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle title="Amministrazione" lead="Gestione degli account degli operatori e controllo delle attività." />
      <DeskCards items={items} />
      <ul className="list-unstyled">
        <li className="mb-2">
          <Link to="/admin/utenti">Utenti e operatori</Link>: crea gli account degli operatori dei Centri per l'Impiego.
        </li>
        <li className="mb-2">
          <Link to="/admin/audit">Registro delle attività</Link>: chi ha fatto cosa, su quale dato, quando.
        </li>
        <li className="mb-2">
          <Link to="/admin/posta">Posta in uscita</Link>: i messaggi inviati dal portale.
        </li>
        <li className="mb-2">
          <Link to="/admin/api">Token per l'API</Link>: crea e revoca i token dei sistemi che usano l'API aperta.
        </li>
        <li className="mb-2">
          <Link to="/operatore/aziende">Aziende registrate</Link>
        </li>
      </ul>
    </div>
  );
}
