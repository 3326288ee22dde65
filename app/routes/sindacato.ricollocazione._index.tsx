import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EVENT_STATE_LABELS, EVENT_TYPE_LABELS } from "~/domain/outplacement";
import { aggregatedEvents } from "~/web/outplacement-results.server";

export const meta: MetaFunction = () => [{ title: "Ricollocazione: procedure seguite — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return { events: await aggregatedEvents("union", request) };
}

export default function UnionEvents() {
  const { events } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>Procedure seguite</h1>
      <p>Per ogni procedura vedi solo dati aggregati e anonimi sugli esiti della ricollocazione.</p>
      {events.length ? (
        <ul>
          {events.map((e) => (
            <li key={e.id}>
              <Link to={`/sindacato/ricollocazione/${e.id}`}>{e.title}</Link> — {e.legal_name} ({EVENT_TYPE_LABELS[e.type]},{" "}
              {EVENT_STATE_LABELS[e.state].toLowerCase()})
            </li>
          ))}
        </ul>
      ) : (
        <p>Nessuna procedura collegata al tuo account: chiedi al Centro per l'Impiego di collegarti.</p>
      )}
    </div>
  );
}
