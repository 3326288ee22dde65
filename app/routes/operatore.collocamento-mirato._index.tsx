import { addDays, todayInItaly } from "~/utils/dates";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Notice, SelectField } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { WorkspaceFilterSchema } from "~/domain/l68";
import { listProvinceEmployers } from "~/domain/l68/file/index.server";
import { VACANCY_STATUS_LABELS } from "~/domain/vacancies/states";
import { formatDate } from "~/utils/format";
import { parseSearchParams } from "~/utils/forms";
import { requirePermission } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Collocamento mirato: aziende obbligate — Rosa" }];

const SORT_LABELS = { scadenza: "Scadenza più vicina", scoperti: "Posti da coprire", nome: "Ragione sociale" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "l68:manage");
  const url = new URL(request.url);
  const filter = parseSearchParams(url, WorkspaceFilterSchema);
  const province = user.officeProvince;
  if (!filter.ok)
    return data({ errors: filter.errors, values: filter.values, rows: [], province, today: todayInItaly(), query: "" }, { status: 400 });
  const rows = province
    ? await listProvinceEmployers(getDb(), province, {
        sort: filter.data.ordina,
        onlyUncovered: filter.data.scoperti === "1",
        dueBy: filter.data.scadenza ? addDays(todayInItaly(), Number(filter.data.scadenza)) : undefined,
      })
    : [];
  return { errors: undefined, values: filter.values, rows, province, today: todayInItaly(), query: url.searchParams.toString() };
}

export default function PlacementWorkspace() {
  const { errors, values, rows, province, today, query } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>Collocamento mirato: aziende obbligate</h1>
      <p className="lead">Provincia di competenza: {province ?? "non indicata"}</p>
      <p>
        <Link to="/operatore/collocamento-mirato/pratiche">Pratiche da decidere: esoneri, sospensioni, convenzioni e richieste</Link>
      </p>
      <p className="d-flex flex-wrap gap-3">
        <Link to="/operatore/collocamento-mirato/elenco">Elenco delle persone iscritte</Link>
        <Link to="/operatore/collocamento-mirato/graduatoria">Graduatoria</Link>
        <Link to="/operatore/collocamento-mirato/avviamenti">Avviamenti</Link>
      </p>
      {!province ? (
        <Notice type="warning">Il tuo account non ha una provincia di competenza: chiedi all'amministratore di indicarla.</Notice>
      ) : null}
      <ErrorSummary errors={errors} />
      <Form method="get" className="row align-items-end" aria-label="Ordina e filtra le aziende">
        <div className="col-md-4">
          <SelectField name="ordina" label="Ordina per" options={SORT_LABELS} values={values} errors={errors} defaultValue="scadenza" />
        </div>
        <div className="col-md-4">
          <SelectField
            name="scoperti"
            label="Mostra"
            options={[
              ["", "Tutte le aziende obbligate"],
              ["1", "Solo con posti da coprire"],
            ]}
            values={values}
            errors={errors}
          />
        </div>
        <div className="col-md-4">
          <SelectField
            name="scadenza"
            label="Scadenze"
            options={[
              ["", "Tutte"],
              ["30", "Scadute o entro 30 giorni"],
            ]}
            values={values}
            errors={errors}
          />
        </div>
        <div className="col-md-2 mb-4">
          <button type="submit" className="btn btn-primary w-100">
            Applica
          </button>
        </div>
        <div className="col-md-2 mb-4">
          <a className="btn btn-outline-primary w-100" href={`/operatore/collocamento-mirato/esporta${query ? `?${query}` : ""}`} download>
            Esporta CSV
          </a>
        </div>
      </Form>
      <div className="table-responsive" tabIndex={0}>
        <table className="table table-hover">
          <caption>
            {rows.length ? `Aziende obbligate della provincia (${rows.length})` : "Nessuna azienda obbligata con questi criteri"}
          </caption>
          <thead>
            <tr>
              <th scope="col">Azienda</th>
              <th scope="col">Sede legale</th>
              <th scope="col">Base di computo</th>
              <th scope="col">Quota disabili</th>
              <th scope="col">Coperti</th>
              <th scope="col">Da coprire</th>
              <th scope="col">Prossima scadenza</th>
              <th scope="col">Scadenze superate</th>
              <th scope="col">Offerte riservate</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className={r.overdue > 0 ? "table-danger" : undefined}>
                <td>
                  <Link to={`/operatore/collocamento-mirato/${r.id}`}>{r.legal_name}</Link>
                </td>
                <td>{r.legal_province}</td>
                <td>{r.base_computo}</td>
                <td>{r.quota_disabili}</td>
                <td>{r.covered_disabili}</td>
                <td>
                  <strong>{r.missing}</strong>
                </td>
                <td>{r.next_due ? `${formatDate(r.next_due)}${r.next_due < today ? " (scaduta)" : ""}` : "—"}</td>
                <td>{r.overdue}</td>
                <td>
                  {r.reserved.length === 0 ? (
                    <span className="text-muted">Nessuna</span>
                  ) : (
                    <ul className="list-unstyled mb-0">
                      {r.reserved.map((v) => (
                        <li key={v.id}>
                          <Link to={`/operatore/offerte/${v.id}`}>
                            n. {v.number} {v.title}
                          </Link>{" "}
                          <span className="text-muted">
                            ({VACANCY_STATUS_LABELS[v.status as keyof typeof VACANCY_STATUS_LABELS] ?? v.status}
                            {v.hired ? `, ${v.hired} assunt${v.hired === 1 ? "o" : "i"}` : ""})
                          </span>
                          {v.l68_reserved === "art1" ? (
                            <span>
                              {" · "}
                              <Link to={`/operatore/collocamento-mirato/abbinamento/offerta/${v.id}`}>
                                abbinamento<span className="visually-hidden"> con l'elenco dell'offerta n. {v.number}</span>
                              </Link>
                            </span>
                          ) : null}
                          {v.shortlists.map((sl, i) => (
                            <span key={sl.id}>
                              {" · "}
                              <Link to={`/operatore/rose/${sl.id}`}>
                                rosa {i + 1}
                                <span className="visually-hidden"> dell'offerta n. {v.number}</span>
                              </Link>
                            </span>
                          ))}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
