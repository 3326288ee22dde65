import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { ErrorSummary, Notice, SelectField, TextField } from "~/components/forms";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { formatMinutes } from "~/domain/services/durations";
import { listDeliveries, listOfficers, listServiceStandards, listValidatedEmployers } from "~/domain/services/queries.server";
import { DeliveryFilterSchema, MODALITY_LABELS } from "~/domain/services/schema";
import { roleHas } from "~/domain/identity/roles";
import { formatDate, formatNumber } from "~/utils/format";
import { parseSearchParams } from "~/utils/forms";
import { plural } from "~/utils/plural";
import { requireRegisterReader } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Registro dei servizi erogati — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRegisterReader(request);
  const parsed = parseSearchParams(new URL(request.url), DeliveryFilterSchema);
  const db = getDb();
  const filter = parsed.ok ? parsed.data : { dal: "", al: "", servizio: "", operatore: "", azienda: "" };
  return {
    canRecord: roleHas(user.role, "services:deliver"),
    values: parsed.values,
    errors: parsed.ok ? undefined : parsed.errors,
    standards: await listServiceStandards(db),
    officers: await listOfficers(db),
    employers: await listValidatedEmployers(db),
    ...(await listDeliveries(db, filter, 500)),
  };
}

export default function DeliveryRegister() {
  const data = useLoaderData<typeof loader>();
  const location = useLocation();
  const common = { errors: data.errors, values: data.values };
  return (
    <div>
      <PageTitle
        title="Registro dei servizi erogati"
        lead="Ogni servizio erogato alle aziende, con lo standard (Trento 4A–4E, LEP P–S), la durata e il risultato."
      >
        {data.canRecord ? (
          <Link to="/operatore/registro/nuovo" className="btn btn-primary">
            Registra un servizio
          </Link>
        ) : null}
      </PageTitle>
      <ErrorSummary errors={data.errors} />
      <Form method="get" className="row align-items-end mb-3">
        <div className="col-md-2">
          <TextField name="dal" label="Dal" type="date" {...common} />
        </div>
        <div className="col-md-2">
          <TextField name="al" label="Al" type="date" {...common} />
        </div>
        <div className="col-md-3">
          <SelectField
            name="servizio"
            label="Servizio"
            options={data.standards.map((s) => [s.code, `${s.code} — ${s.title}`] as [string, string])}
            placeholder="Tutti"
            {...common}
          />
        </div>
        <div className="col-md-2">
          <SelectField
            name="operatore"
            label="Operatore"
            options={data.officers.map((o) => [o.id, o.full_name] as [string, string])}
            placeholder="Tutti"
            {...common}
          />
        </div>
        <div className="col-md-3">
          <SelectField
            name="azienda"
            label="Azienda"
            options={data.employers.map((e) => [e.id, e.legal_name] as [string, string])}
            placeholder="Tutte"
            {...common}
          />
        </div>
        <div className="col-12 d-flex gap-3 mb-4">
          <button type="submit" className="btn btn-primary">
            Filtra
          </button>
          <a href={`/operatore/registro/csv${location.search}`} className="btn btn-outline-primary">
            Esporta CSV
          </a>
        </div>
      </Form>
      <section aria-labelledby="totali" className="mb-4">
        <h2 id="totali" className="h4">
          Totali
        </h2>
        <p>
          {plural(data.totals.count, "servizio", "servizi")}, {formatMinutes(data.totals.minutes)} in tutto.
        </p>
        {data.totals.byService.length ? (
          <ul>
            {data.totals.byService.map((t) => (
              <li key={t.code}>
                {t.code} — {t.title}: {formatNumber(t.count)} ({formatMinutes(t.minutes)})
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      {data.truncated ? <Notice type="info">Sono mostrati i 500 servizi più recenti: restringi il periodo o esporta il CSV.</Notice> : null}
      <div className="table-responsive" tabIndex={0}>
        <table className="table">
          <caption>Servizi erogati</caption>
          <thead>
            <tr>
              <th scope="col">Data</th>
              <th scope="col">Servizio</th>
              <th scope="col">Azienda</th>
              <th scope="col">Durata</th>
              <th scope="col">Modalità</th>
              <th scope="col">Operatore</th>
              <th scope="col">Risultato</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.id}>
                <td>{formatDate(r.delivered_on)}</td>
                <td>
                  {r.standard_code}
                  {r.lep_letter ? ` (LEP ${r.lep_letter}${r.sap_code ? `, SAP ${r.sap_code}` : ""})` : ""}
                </td>
                <td>{r.employer_name}</td>
                <td>
                  {formatMinutes(r.minutes)}
                  {r.justification ? <div className="rosa-muted">Fuori standard: {r.justification}</div> : null}
                  {data.canRecord && (r.shortlist_id || r.needs_assessment_id) ? (
                    <div>
                      <Link
                        to={`/operatore/registro/${r.id}`}
                        aria-label={`Modifica durata: ${r.standard_code}, ${r.employer_name}, ${formatDate(r.delivered_on)}`}
                      >
                        Modifica durata
                      </Link>
                    </div>
                  ) : null}
                </td>
                <td>{MODALITY_LABELS[r.modality]}</td>
                <td>{r.officer_name}</td>
                <td>
                  {r.output}
                  {r.shortlist_id ? (
                    <>
                      {" "}
                      <Link to={`/operatore/rose/${r.shortlist_id}`}>Vedi la rosa</Link>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
