import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AggregatedViewBody } from "~/components/outplacement-results";
import { aggregatedPage } from "~/web/outplacement-results.server";

export const meta: MetaFunction = () => [{ title: "Ricollocazione: dati aggregati — Rosa" }];

/** Aggregated, anonymised results of the event (no worker's data, no filters). */
export async function loader(args: LoaderFunctionArgs) {
  return aggregatedPage("employer", args);
}

export default function AggregatedEvent() {
  const { event, view } = useLoaderData<typeof loader>();
  return (
    <div>
      <p>
        <Link to="/azienda/ricollocazione">← Ricollocazione dei lavoratori</Link>
      </p>
      <h1>Ricollocazione: dati aggregati</h1>
      <p className="lead">
        {event.title} — {event.legal_name}
      </p>
      <p>
        <a href={`/azienda/ricollocazione/${event.id}/pdf`}>Scarica il rapporto in PDF</a> (stessi numeri di questa pagina)
      </p>
      <p>
        <Link to={`/azienda/ricollocazione/${event.id}/elenco`}>Invia l&apos;elenco dei lavoratori</Link> (CSV o Excel) al Centro per
        l&apos;Impiego
      </p>
      <AggregatedViewBody view={view} />
    </div>
  );
}
