import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { MEMBER_STATE_LABELS, RULE_LABELS, type MemberState } from "~/domain/outplacement";
import { listDueMilestones, listMissingCheckins } from "~/domain/outplacement/index.server";
import { todayInItaly } from "~/utils/dates";
import { formatDate } from "~/utils/format";
import { plural } from "~/utils/plural";
import { requireOutplacementOfficer } from "~/web/outplacement-guards.server";
import { actorOf } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Scadenze della ricollocazione — Rosa" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, scope } = await requireOutplacementOfficer(request);
  const today = todayInItaly();
  const db = getDb();
  return {
    rows: await listDueMilestones(db, scope, today),
    missing: await listMissingCheckins(db, actorOf(user, context), scope, today),
    month: new Intl.DateTimeFormat("it-IT", { month: "long", year: "numeric", timeZone: "Europe/Rome" }).format(
      new Date(`${today}T12:00:00Z`),
    ),
  };
}

export default function OutplacementDeadlines() {
  const { rows, missing, month } = useLoaderData<typeof loader>();
  return (
    <div>
      <p>
        <Link to="/operatore/ricollocazione">← Ricollocazione</Link>
      </p>
      <PageTitle
        title="Scadenze della ricollocazione"
        lead="Le scadenze non ancora fatte, scadute o entro 7 giorni, degli eventi della tua provincia."
      />
      <p data-testid="due-total">{plural(rows.length, "scadenza", "scadenze")}</p>
      {rows.length ? (
        <div className="table-responsive" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">Scadenze scadute o vicine</caption>
            <thead>
              <tr>
                <th scope="col">Entro il</th>
                <th scope="col">Scadenza</th>
                <th scope="col">Evento</th>
                <th scope="col">Azienda</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    {formatDate(r.due_on)} {r.overdue ? <span className="badge bg-danger">Scaduta</span> : null}
                  </td>
                  <td>{RULE_LABELS[r.rule_id]}</td>
                  <td>
                    <Link to={`/operatore/ricollocazione/${r.event_id}`}>{r.title}</Link>
                  </td>
                  <td>{r.legal_name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Nessuna scadenza scaduta o vicina.</p>
      )}
      <h2 className="h4 mt-5" id="contatti-mensili">
        Contatti mensili da fare ({month})
      </h2>
      <p data-testid="missing-checkins">
        {missing.length
          ? `${plural(missing.length, "lavoratore in percorso", "lavoratori in percorso")} senza un contatto registrato questo mese.`
          : "Tutti i lavoratori in percorso hanno il contatto del mese."}
      </p>
      {missing.length ? (
        <div className="table-responsive" tabIndex={0}>
          <table className="table table-sm">
            <caption className="visually-hidden">Lavoratori senza il contatto del mese</caption>
            <thead>
              <tr>
                <th scope="col">Lavoratore</th>
                <th scope="col">Evento</th>
                <th scope="col">Stato</th>
                <th scope="col">Ultimo contatto</th>
                <th scope="col">Ente</th>
              </tr>
            </thead>
            <tbody>
              {missing.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`/operatore/ricollocazione/${m.event_id}/lavoratori/${m.id}/contatti`}>
                      {m.last_name} {m.first_name}
                    </Link>
                  </td>
                  <td>{m.event_title}</td>
                  <td>{MEMBER_STATE_LABELS[m.state as MemberState]}</td>
                  <td>{m.last_checkin_on ? formatDate(m.last_checkin_on) : "Mai"}</td>
                  <td>{m.provider_name ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
