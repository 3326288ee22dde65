import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { plural } from "~/utils/plural";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/db/db.server";
import { listEnrolments } from "~/domain/placement/index.server";
import { formatDate } from "~/utils/format";
import { actorOf } from "~/web/session.server";
import { requirePlacementOfficer } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Elenco del collocamento mirato — Rosa" }];

const STATUS = { active: "Disponibile", placed: "Occupato", removed: "Cancellato" } as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, province } = await requirePlacementOfficer(request);
  return { province, people: await listEnrolments(getDb(), actorOf(user, context), province) };
}

export default function EnrolmentListPage() {
  const { province, people } = useLoaderData<typeof loader>();
  return (
    <div>
      <p>
        <Link to="/operatore/collocamento-mirato">← Collocamento mirato</Link>
      </p>
      <h1>Elenco del collocamento mirato ({province})</h1>
      <p>
        Persone con disabilità iscritte nell'elenco della provincia (art. 8 L. 68/1999). I dati sanitari si aprono solo dalla scheda della
        persona, e ogni apertura è registrata.
      </p>
      <ul className="list-inline">
        <li className="list-inline-item">
          <Link className="btn btn-primary" to="/operatore/collocamento-mirato/iscrizione">
            Nuova iscrizione
          </Link>
        </li>
        <li className="list-inline-item">
          <Link to="/operatore/collocamento-mirato/graduatoria">Graduatoria</Link>
        </li>
        <li className="list-inline-item">
          <Link to="/operatore/collocamento-mirato/avviamenti">Avviamenti</Link>
        </li>
      </ul>
      {people.length === 0 ? (
        <p>Nessuna persona iscritta.</p>
      ) : (
        <table className="table">
          <caption>{plural(people.length, "persona iscritta", "persone iscritte")}</caption>
          <thead>
            <tr>
              <th scope="col">Persona</th>
              <th scope="col">Codice fiscale</th>
              <th scope="col">Iscritta dal</th>
              <th scope="col">Stato</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/operatore/collocamento-mirato/elenco/${p.id}`}>
                    {p.lastName} {p.firstName}
                  </Link>
                </td>
                <td>{p.taxCode}</td>
                <td>{formatDate(p.enrolledOn)}</td>
                <td>{STATUS[p.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
