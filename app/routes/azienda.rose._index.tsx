import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/db/db.server";
import { listEmployerShortlists } from "~/domain/shortlists/queries.server";
import { formatDate } from "~/utils/format";
import { plural } from "~/utils/plural";
import { requireShortlistEmployer } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Candidati presentati — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { employerId } = await requireShortlistEmployer(request);
  const awaitingOnly = new URL(request.url).searchParams.get("da") === "riscontrare";
  const rows = await listEmployerShortlists(getDb(), employerId, { awaitingOnly });
  return { awaitingOnly, shortlists: rows.map((r) => ({ ...r, vacancy_number: Number(r.vacancy_number), awaiting: Number(r.awaiting) })) };
}

export default function EmployerShortlists() {
  const { shortlists, awaitingOnly } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>Candidati presentati</h1>
      <p>
        {awaitingOnly ? (
          <>
            <strong>Solo le rose che aspettano il tuo riscontro</strong> · <Link to="/azienda/rose">Tutte le rose</Link>
          </>
        ) : (
          <Link to="/azienda/rose?da=riscontrare">Solo le rose che aspettano il tuo riscontro</Link>
        )}
      </p>
      {shortlists.length ? (
        <div className="table-responsive" tabIndex={0}>
          <table className="table">
            <caption>
              {awaitingOnly
                ? plural(shortlists.length, "rosa attende", "rose attendono") + " il tuo riscontro"
                : "Le rose di candidati che il Centro per l'Impiego ti ha presentato"}
            </caption>
            <thead>
              <tr>
                <th scope="col">Rosa</th>
                <th scope="col">Offerta</th>
                <th scope="col">Presentata il</th>
                <th scope="col">In attesa del tuo riscontro</th>
              </tr>
            </thead>
            <tbody>
              {shortlists.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/azienda/rose/${s.id}`}>{s.title}</Link>
                  </td>
                  <td>
                    n. {s.vacancy_number} — {s.vacancy_title}
                  </td>
                  <td>{s.presented_at ? formatDate(s.presented_at) : "—"}</td>
                  <td>{s.awaiting}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{awaitingOnly ? "Nessuna rosa aspetta il tuo riscontro." : "Il Centro per l'Impiego non ti ha ancora presentato candidati."}</p>
      )}
    </div>
  );
}
