import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/db/db.server";
import { MEMBER_STATE_LABELS, providerMembers } from "~/domain/outplacement/index.server";
import { formatDate } from "~/utils/format";
import { plural } from "~/utils/plural";
import { requireProviderOperator } from "~/web/cohort-guards.server";
import { actorOf } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Lavoratori assegnati — Ricollocazione — Rosa" }];

/** The accredited provider's operator: only the workers assigned to them, across events. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireProviderOperator(request);
  return { members: await providerMembers(getDb(), actorOf(user, context), user.id) };
}

export default function ProviderMembersPage() {
  const { members } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>Lavoratori assegnati</h1>
      <p className="lead">
        {members.length
          ? `${plural(members.length, "lavoratore assegnato", "lavoratori assegnati")} a te dal Centro per l'Impiego.`
          : "Il Centro per l'Impiego non ti ha ancora assegnato lavoratori."}
      </p>
      {members.length ? (
        <div className="table-responsive" tabIndex={0} role="region" aria-label="Lavoratori assegnati">
          <table className="table">
            <caption className="visually-hidden">Lavoratori assegnati, con evento, stato e data in cui sono stati informati</caption>
            <thead>
              <tr>
                <th scope="col">Lavoratore</th>
                <th scope="col">Evento</th>
                <th scope="col">Stato</th>
                <th scope="col">Informato</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`/ente/ricollocazione/${m.id}`}>
                      {m.last_name} {m.first_name}
                    </Link>
                    <br />
                    <small>{m.qualification}</small>
                  </td>
                  <td>
                    {m.eventTitle}
                    <br />
                    <small>{m.employerName}</small>
                  </td>
                  <td>{MEMBER_STATE_LABELS[m.state]}</td>
                  <td>{m.informed_on ? formatDate(m.informed_on) : "Non ancora"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
