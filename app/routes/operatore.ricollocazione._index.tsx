import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SelectField, TextField } from "~/components/forms";
import { PageTitle } from "~/components/layout";
import { Pager } from "~/components/pager";
import { getDb } from "~/db/db.server";
import { PROVINCE_OPTIONS } from "~/domain/identity/roles";
import { EVENT_STATE_LABELS, EVENT_TYPE_LABELS, EVENT_TYPE_SHORT, EventListFilterSchema } from "~/domain/outplacement";
import { EVENT_PAGE_SIZE, countDueMilestones, countEventProposals, listEvents } from "~/domain/outplacement/index.server";
import { todayInItaly } from "~/utils/dates";
import { formatNumber } from "~/utils/format";
import { parseSearchParams } from "~/utils/forms";
import { plural } from "~/utils/plural";
import { requireOutplacementOfficer } from "~/web/outplacement-guards.server";

export const meta: MetaFunction = () => [{ title: "Ricollocazione dei lavoratori — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireOutplacementOfficer(request);
  const parsed = parseSearchParams(new URL(request.url), EventListFilterSchema);
  const filter = parsed.ok ? parsed.data : { pagina: 1 };
  const db = getDb();
  const { rows, total } = await listEvents(db, scope, filter, filter.pagina);
  return {
    filter,
    rows,
    total,
    totalPages: Math.max(1, Math.ceil(total / EVENT_PAGE_SIZE)),
    proposals: await countEventProposals(db, scope),
    due: await countDueMilestones(db, scope, todayInItaly()),
  };
}

export default function OutplacementEvents() {
  const { filter, rows, total, totalPages, proposals, due } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle
        title="Ricollocazione dei lavoratori"
        lead="Licenziamenti collettivi, CIGS e chiusure di sede: le procedure, le scadenze di legge e i lavoratori da ricollocare (servizio 4E)."
      >
        <Link to="/operatore/ricollocazione/nuovo" className="btn btn-primary">
          Nuovo evento
        </Link>
      </PageTitle>
      <ul className="list-inline">
        <li className="list-inline-item">
          <Link to="/operatore/ricollocazione?proposte=1">Proposte delle aziende da convalidare: {formatNumber(proposals)}</Link>
        </li>
        <li className="list-inline-item">
          <Link to="/operatore/ricollocazione/scadenze">Scadenze scadute o entro 7 giorni: {formatNumber(due)}</Link>
        </li>
      </ul>
      <Form method="get" className="row align-items-end mb-3" aria-label="Filtra gli eventi">
        <div className="col-md-3">
          <SelectField
            name="stato"
            label="Stato"
            options={EVENT_STATE_LABELS}
            placeholder="Tutti gli stati"
            defaultValue={filter.stato ?? ""}
          />
        </div>
        <div className="col-md-3">
          <SelectField name="tipo" label="Tipo" options={EVENT_TYPE_LABELS} placeholder="Tutti i tipi" defaultValue={filter.tipo ?? ""} />
        </div>
        <div className="col-md-2">
          <SelectField
            name="provincia"
            label="Provincia"
            options={PROVINCE_OPTIONS}
            placeholder="Tutte"
            defaultValue={filter.provincia ?? ""}
          />
        </div>
        <div className="col-md-2">
          <TextField name="q" label="Azienda o titolo" defaultValue={filter.q ?? ""} />
        </div>
        {filter.proposte ? <input type="hidden" name="proposte" value="1" /> : null}
        <div className="col-md-2 mb-4">
          <button type="submit" className="btn btn-primary">
            Filtra
          </button>
        </div>
      </Form>
      <p data-testid="events-total" aria-live="polite">
        {filter.proposte ? "Proposte da convalidare: " : ""}
        {plural(total, "evento", "eventi")}
      </p>
      {rows.length ? (
        <div className="table-responsive" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">Eventi di ricollocazione</caption>
            <thead>
              <tr>
                <th scope="col">Evento</th>
                <th scope="col">Azienda</th>
                <th scope="col">Tipo</th>
                <th scope="col">Stato</th>
                <th scope="col">Province</th>
                <th scope="col" className="text-end">
                  Esuberi
                </th>
                <th scope="col" className="text-end">
                  Lavoratori
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/operatore/ricollocazione/${r.id}`}>{r.title}</Link>
                    {r.proposed_by_employer && !r.validated_at ? (
                      <>
                        {" "}
                        <span className="badge bg-warning text-dark">Proposto dall'azienda</span>
                      </>
                    ) : null}
                  </td>
                  <td>{r.legal_name}</td>
                  <td>
                    <abbr title={EVENT_TYPE_LABELS[r.type]}>{EVENT_TYPE_SHORT[r.type]}</abbr>
                  </td>
                  <td>{EVENT_STATE_LABELS[r.state]}</td>
                  <td>{r.provinces.join(", ")}</td>
                  <td className="text-end">{formatNumber(r.surplus_final ?? r.surplus_announced ?? 0)}</td>
                  <td className="text-end">{formatNumber(r.members)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Nessun evento con questi filtri.</p>
      )}
      <Pager page={filter.pagina} totalPages={totalPages} param="pagina" />
    </div>
  );
}
