import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FiguresFilter, figuresQuery } from "~/components/figures-filter";
import { ErrorSummary } from "~/components/forms";
import { FiguresFilterSchema } from "~/domain/shortlists/schema";
import { parseSearchParams } from "~/utils/forms";
import { getDb } from "~/db/db.server";
import { rate } from "~/domain/shortlists/figures";
import { preselectionFigures, vacanciesWithoutShortlist } from "~/domain/shortlists/figures.server";
import { formatDate } from "~/utils/format";
import { requireMatchingOfficer } from "~/web/guards.server";
import { Bars } from "~/components/bar-chart";

export const meta: MetaFunction = () => [{ title: "Cifre della preselezione — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireMatchingOfficer(request);
  const parsed = parseSearchParams(new URL(request.url), FiguresFilterSchema);
  const db = getDb();
  const empty = (await vacanciesWithoutShortlist(db)).map((v) => ({ ...v, number: Number(v.number) }));
  if (!parsed.ok)
    return data({ by: "officer" as const, rows: [], empty, errors: parsed.errors, values: parsed.values, query: "" }, { status: 400 });
  const f = parsed.data;
  const by = f.per === "ufficio" ? ("office" as const) : ("officer" as const);
  const rows = await preselectionFigures(db, by, { dal: f.dal || undefined, al: f.al || undefined });
  const query = figuresQuery(f);
  return { by, rows, empty, errors: undefined, values: parsed.values, query };
}

export default function FiguresPage() {
  const { by, rows, empty, errors, values, query } = useLoaderData<typeof loader>();
  const group = by === "office" ? "Ufficio (provincia)" : "Operatore";
  return (
    <div>
      <p>
        <Link to="/operatore/preselezione">← Preselezione</Link>
      </p>
      <h1>Cifre della preselezione</h1>
      <ErrorSummary errors={errors} />
      <FiguresFilter
        groupings={[
          ["operatore", "Operatore"],
          ["ufficio", "Ufficio (provincia)"],
        ]}
        fromLabel="Rose create dal"
        csvPath="/operatore/preselezione/cifre/csv"
        query={query}
        errors={errors}
        values={values}
      />
      {rows.length ? (
        <>
          <Bars
            title="Giorni medi dalla convalida dell'offerta alla rosa presentata"
            items={rows.map((r) => ({ label: r.label, value: r.daysToPresent, suffix: " gg" }))}
          />
          <Bars
            title="Quota dei candidati presentati che sono stati assunti"
            items={rows.map((r) => ({ label: r.label, value: rate(r.hired, r.presented), suffix: "%" }))}
          />
          <Bars
            title="Quota dei candidati presentati con un riscontro dell'azienda"
            items={rows.map((r) => ({ label: r.label, value: rate(r.withFeedback, r.presented), suffix: "%" }))}
          />
          <div className="table-responsive" tabIndex={0}>
            <table className="table">
              <caption>Cifre per {group.toLowerCase()}</caption>
              <thead>
                <tr>
                  <th scope="col">{group}</th>
                  <th scope="col">Rose</th>
                  <th scope="col">Presentati</th>
                  <th scope="col">Assunti</th>
                  <th scope="col">Riscontri</th>
                  <th scope="col">Giorni alla rosa</th>
                  <th scope="col">Attesa del riscontro (giorni)</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{r.label}</th>
                    <td>{r.shortlists}</td>
                    <td>{r.presented}</td>
                    <td>{r.hired}</td>
                    <td>{r.withFeedback}</td>
                    <td>{r.daysToPresent ?? "n.d."}</td>
                    <td>{r.feedbackDelayDays ?? "n.d."}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p>{values.dal || values.al ? "Nessuna rosa nel periodo." : "Nessuna rosa ancora."}</p>
      )}
      <h2 className="h4">Offerte convalidate senza rosa ({empty.length})</h2>
      <ul>
        {empty.map((v) => (
          <li key={v.id}>
            <Link to={`/operatore/preselezione/${v.id}`}>
              n. {v.number} — {v.title}
            </Link>{" "}
            ({v.legal_name}){v.validated_at ? `, convalidata il ${formatDate(v.validated_at)}` : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}
