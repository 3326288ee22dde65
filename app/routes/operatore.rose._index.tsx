import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SelectField } from "~/components/forms";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { expireAvailability } from "~/domain/shortlists/commands.server";
import { countOfficerShortlists, listOfficerShortlists, OFFICER_SHORTLIST_LIMIT } from "~/domain/shortlists/queries.server";
import { OfficerShortlistFilterSchema } from "~/domain/shortlists/schema";
import { todayInItaly } from "~/utils/dates";
import { formatDate, formatNumber } from "~/utils/format";
import { parseSearchParams } from "~/utils/forms";
import { plural } from "~/utils/plural";
import { requireMatchingOfficer } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Rose di candidati — Rosa" }];

const STATUS_LABELS: Record<string, string> = { open: "In preparazione", presented: "Presentata", closed: "Chiusa" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireMatchingOfficer(request);
  const parsed = parseSearchParams(new URL(request.url), OfficerShortlistFilterSchema);
  if (!parsed.ok)
    return data({ errors: parsed.errors, values: parsed.values, rows: [], total: 0, limit: OFFICER_SHORTLIST_LIMIT }, { status: 400 });
  // Deadlines already past are applied first (as on the rosa page), so «in scadenza oggi» means still open today.
  await withTransaction((trx) => expireAvailability(trx));
  const today = todayInItaly();
  const db = getDb();
  const [rows, total] = await Promise.all([listOfficerShortlists(db, parsed.data, today), countOfficerShortlists(db, parsed.data, today)]);
  return { errors: undefined, values: parsed.values, rows, total, limit: OFFICER_SHORTLIST_LIMIT };
}

export default function OfficerShortlists() {
  const { errors, values, rows, total, limit } = useLoaderData<typeof loader>();
  const common = { errors, values };
  return (
    <div>
      <PageTitle title="Rose di candidati" lead="Le rose preparate dagli operatori, dalla più recente." />
      <ErrorSummary errors={errors} />
      <Form method="get" className="row align-items-end mb-3" aria-label="Filtra le rose">
        {values.azienda ? <input type="hidden" name="azienda" value={values.azienda} /> : null}
        {values.offerta ? <input type="hidden" name="offerta" value={values.offerta} /> : null}
        <div className="col-12 col-md-4">
          <SelectField
            name="attesa"
            label="Riscontro dell'azienda"
            options={[
              ["", "Tutte le rose"],
              ["riscontro", "In attesa del riscontro"],
            ]}
            {...common}
          />
        </div>
        <div className="col-12 col-md-4">
          <SelectField
            name="scadenza"
            label="Disponibilità dei candidati"
            options={[
              ["", "Tutte le rose"],
              ["oggi", "Con risposte in scadenza oggi"],
            ]}
            {...common}
          />
        </div>
        <div className="col-12 col-md-2 mb-4">
          <button type="submit" className="btn btn-primary w-100">
            Filtra
          </button>
        </div>
      </Form>
      {values.azienda || values.offerta ? (
        <p>
          Solo le rose {values.azienda ? "di un'azienda" : "di un'offerta"} · <Link to="/operatore/rose">Tutte le rose</Link>
        </p>
      ) : null}
      {rows.length ? (
        <div className="table-responsive" tabIndex={0}>
          <table className="table">
            <caption>
              {plural(total, "rosa", "rose")}
              {total > rows.length ? ` (sono mostrate le ${formatNumber(limit)} più recenti)` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Rosa</th>
                <th scope="col">Azienda</th>
                <th scope="col">Offerta</th>
                <th scope="col">Stato</th>
                <th scope="col">In attesa del riscontro</th>
                <th scope="col">Risposte in scadenza oggi</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/operatore/rose/${r.id}`}>{r.title}</Link>
                  </td>
                  <td>{r.employer_name}</td>
                  <td>
                    <Link to={`/operatore/preselezione/${r.vacancy_id}`}>
                      n. {r.vacancy_number} — {r.vacancy_title}
                    </Link>
                  </td>
                  <td>
                    {STATUS_LABELS[r.status] ?? r.status}
                    {r.presented_at ? <div className="small rosa-muted">il {formatDate(r.presented_at)}</div> : null}
                  </td>
                  <td>{r.awaiting}</td>
                  <td>{r.due_today}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Nessuna rosa con questi filtri.</p>
      )}
    </div>
  );
}
