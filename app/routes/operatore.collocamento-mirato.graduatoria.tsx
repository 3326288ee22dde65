import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { plural } from "~/utils/plural";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, Notice, TextField } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { toDecimal, type Rational } from "~/domain/l68";
import { viewRanking } from "~/domain/placement/index.server";
import { rankingParametersOn } from "~/domain/placement";
import { todayInItaly } from "~/utils/dates";
import { calendarDay } from "~/utils/date-fields";
import { formatDate } from "~/utils/format";
import { parseSearchParams } from "~/utils/forms";
import { actorOf } from "~/web/session.server";
import { requirePlacementOfficer } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Graduatoria del collocamento mirato — Rosa" }];

const QuerySchema = z.object({ data: calendarDay("Data non valida: usa il formato gg/mm/aaaa dal calendario").optional() });
const pts = (x: Rational) => toDecimal(x, { maxDigits: 2, separator: "," }).text;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, province } = await requirePlacementOfficer(request);
  const query = parseSearchParams(new URL(request.url), QuerySchema);
  const date = (query.ok && query.data.data) || todayInItaly();
  const p = rankingParametersOn(date);
  const parameters = {
    label: p.label,
    from: p.from,
    criteria: [
      { name: "Percentuale di invalidità", source: p.disability.source, verified: p.disability.verified },
      { name: "Anzianità di iscrizione", source: p.seniority.source, verified: p.seniority.verified },
      { name: "Situazione economica (ISEE)", source: p.income.source, verified: p.income.verified },
      { name: "Carico familiare", source: p.family.source, verified: p.family.verified },
    ],
    tieBreak: p.tieBreak,
  };
  const ranked = await viewRanking(getDb(), actorOf(user, context), province, date);
  const rows = ranked.map((r) => ({
    id: r.entry.id,
    position: r.position,
    name: `${r.entry.lastName} ${r.entry.firstName}`,
    enrolledOn: r.entry.enrolledOn,
    months: r.parts.months,
    disability: pts(r.parts.disability),
    seniority: pts(r.parts.seniority),
    income: pts(r.parts.income),
    family: pts(r.parts.family),
    total: pts(r.parts.total),
  }));
  return data(
    { province, date, parameters, rows, errors: query.ok ? undefined : query.errors, values: query.values },
    { status: query.ok ? 200 : 400 },
  );
}

export default function RankingPage() {
  const { province, date, parameters, rows, errors, values } = useLoaderData<typeof loader>();
  return (
    <div>
      <p>
        <Link to="/operatore/collocamento-mirato/elenco">← Elenco del collocamento mirato</Link>
      </p>
      <h1>
        Graduatoria del collocamento mirato ({province}) al {formatDate(date)}
      </h1>
      <Form method="get" className="row g-2 align-items-end mb-3">
        <ErrorSummary errors={errors} />
        <div className="col-auto">
          <TextField name="data" label="Graduatoria alla data" type="date" values={values} errors={errors} defaultValue={date} />
        </div>
        <div className="col-auto">
          <button type="submit" className="btn btn-outline-primary mb-4">
            Calcola
          </button>
        </div>
      </Form>
      <section aria-labelledby="criteria">
        <h2 id="criteria" className="h5">
          Criteri applicati: {parameters.label} (in vigore dal {formatDate(parameters.from)})
        </h2>
        <ul>
          {parameters.criteria.map((c) => (
            <li key={c.name}>
              <strong>{c.name}</strong>: {c.source}
              {c.verified ? "" : " — peso non verificato sul testo dell'atto"}
            </li>
          ))}
          <li>{parameters.tieBreak}</li>
        </ul>
        {parameters.criteria.some((c) => !c.verified) ? (
          <Notice type="warning">
            Alcuni pesi non sono verificati sull'atto regionale: controllali prima di usare la graduatoria per un avviamento.
          </Notice>
        ) : null}
      </section>
      {rows.length === 0 ? (
        <p>Nessuna persona disponibile nell'elenco.</p>
      ) : (
        <div className="table-responsive" tabIndex={0}>
          <table className="table">
            <caption>Persone disponibili in ordine di graduatoria</caption>
            <thead>
              <tr>
                <th scope="col">Posizione</th>
                <th scope="col">Persona</th>
                <th scope="col">Iscritta dal</th>
                <th scope="col">Invalidità</th>
                <th scope="col">Anzianità</th>
                <th scope="col">ISEE</th>
                <th scope="col">Carico familiare</th>
                <th scope="col">Punteggio</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.position}</td>
                  <td>
                    <Link to={`/operatore/collocamento-mirato/elenco/${r.id}`}>{r.name}</Link>
                  </td>
                  <td>
                    {formatDate(r.enrolledOn)} ({plural(r.months, "mese", "mesi")})
                  </td>
                  <td>{r.disability}</td>
                  <td>{r.seniority}</td>
                  <td>{r.income}</td>
                  <td>{r.family}</td>
                  <td>
                    <strong>{r.total}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
