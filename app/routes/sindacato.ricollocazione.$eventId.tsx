import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AggregatedViewBody } from "~/components/outplacement-results";
import { SteeringMeetingList } from "~/components/outplacement-steering";
import { getDb } from "~/db/db.server";
import { listSteeringMeetings } from "~/domain/outplacement/index.server";
import { aggregatedPage } from "~/web/outplacement-results.server";

export const meta: MetaFunction = () => [{ title: "Ricollocazione: dati aggregati — Rosa" }];

/** Aggregated, anonymised results of the event (no worker's data, no filters). */
export async function loader(args: LoaderFunctionArgs) {
  const page = await aggregatedPage("union", args);
  // The access to the event was checked (and audited) by aggregatedPage: the minutes carry no personal data.
  return { ...page, meetings: await listSteeringMeetings(getDb(), { kind: "system" }, page.event.id) };
}

export default function AggregatedEvent() {
  const { event, view, meetings } = useLoaderData<typeof loader>();
  return (
    <div>
      <p>
        <Link to="/sindacato/ricollocazione">← Procedure seguite</Link>
      </p>
      <h1>Ricollocazione: dati aggregati</h1>
      <p className="lead">
        {event.title} — {event.legal_name}
      </p>
      <p>
        <a href={`/sindacato/ricollocazione/${event.id}/pdf`}>Scarica il rapporto in PDF</a> (stessi numeri di questa pagina)
      </p>
      <AggregatedViewBody view={view} />
      <h2 className="mt-5">Comitato di monitoraggio</h2>
      <p className="small">Verbali e decisioni delle riunioni, senza dati dei singoli lavoratori.</p>
      <SteeringMeetingList meetings={meetings} />
    </div>
  );
}
