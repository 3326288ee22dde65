import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/index.server";
import { FOLLOWUP_STATUS_LABELS } from "~/domain/outplacement";
import { dueFollowupsOfEvent } from "~/domain/outplacement/index.server";
import { todayInItaly } from "~/utils/dates";
import { formatDate } from "~/utils/format";
import { plural } from "~/utils/plural";
import { requireOutcomeOfficer } from "~/web/outplacement-results.server";
import { actorOf } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Verifiche da fare — Rosa" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, event } = await requireOutcomeOfficer(request, params);
  const due = await dueFollowupsOfEvent(getDb(), event.id, todayInItaly());
  await recordAudit(getDb(), actorOf(user, context), {
    action: "outplacement.followups_view",
    entityType: "outplacement_event",
    entityId: event.id,
    employerId: event.employer_id,
    details: { shown: due.map((d) => d.member.id) },
  });
  return {
    event,
    due: due.map((d) => ({
      id: d.member.id,
      name: d.member.name,
      site: d.member.site,
      months: d.months,
      dueOn: d.dueOn,
      status: d.status,
    })),
  };
}

export default function DueFollowups() {
  const { event, due } = useLoaderData<typeof loader>();
  return (
    <div>
      <p>
        <Link to={`/operatore/ricollocazione/${event.id}/cruscotto`}>← Cruscotto</Link>
      </p>
      <h1>Verifiche a 3, 6 e 12 mesi da fare</h1>
      <p className="lead">{event.title}</p>
      <p>
        {plural(
          due.length,
          "verifica scaduta o in scadenza nei prossimi 14 giorni",
          "verifiche scadute o in scadenza nei prossimi 14 giorni",
        )}
        .
      </p>
      {due.length ? (
        <div className="table-responsive" tabIndex={0}>
          <table className="table">
            <caption>Verifiche da fare, dalla più vecchia</caption>
            <thead>
              <tr>
                <th scope="col">Lavoratore</th>
                <th scope="col">Sede</th>
                <th scope="col">Verifica</th>
                <th scope="col">Scadenza</th>
                <th scope="col">Stato</th>
              </tr>
            </thead>
            <tbody>
              {due.map((d) => (
                <tr key={`${d.id}-${d.months}`}>
                  <th scope="row">
                    <Link to={`/operatore/ricollocazione/${event.id}/lavoratori/${d.id}/esiti`}>{d.name}</Link>
                  </th>
                  <td>{d.site ?? "—"}</td>
                  <td>a {plural(d.months, "mese", "mesi")}</td>
                  <td>{formatDate(d.dueOn)}</td>
                  <td>{FOLLOWUP_STATUS_LABELS[d.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
