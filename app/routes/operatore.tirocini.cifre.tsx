import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FiguresFilter, figuresQuery } from "~/components/figures-filter";
import { ErrorSummary } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { FIGURES_GROUPINGS, InternshipFiguresFilterSchema, share, totalsOf, type FiguresRow } from "~/domain/internships";
import { internshipFigures } from "~/domain/internships/index.server";
import { parseSearchParams } from "~/utils/forms";
import { requireInternshipOfficer } from "~/web/internship-monitoring.server";
import { Bars } from "~/components/bar-chart";

export const meta: MetaFunction = () => [{ title: "Cifre dei tirocini — Rosa" }];

/** Internships started in the period, by province of the unit or by profession (docs/decisions/tirocini.md «Cifre»). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireInternshipOfficer(request, context);
  const parsed = parseSearchParams(new URL(request.url), InternshipFiguresFilterSchema);
  if (!parsed.ok)
    return data(
      { per: "provincia" as const, rows: [] as FiguresRow[], errors: parsed.errors, values: parsed.values, query: "" },
      { status: 400 },
    );
  const f = parsed.data;
  const rows = await internshipFigures(getDb(), f.per, { dal: f.dal, al: f.al });
  const query = figuresQuery(f);
  return { per: f.per, rows, errors: undefined, values: parsed.values, query };
}

const pct = (v: number | null) => (v === null ? "n.d." : `${v} %`);

export default function InternshipFiguresPage() {
  const { per, rows, errors, values, query } = useLoaderData<typeof loader>();
  const group = FIGURES_GROUPINGS[per];
  const total = totalsOf(rows);
  return (
    <div>
      <p>
        <Link to="/operatore">← Scrivania</Link>
      </p>
      <h1>Cifre dei tirocini</h1>
      <p>
        Tirocini avviati nel periodo (per data di inizio) e, tra questi, quanti si sono conclusi con l&apos;attestazione, quanti sono stati
        interrotti e quante persone sono state assunte entro 6 mesi dalla fine.
      </p>
      <ErrorSummary errors={errors} />
      <FiguresFilter
        groupings={Object.entries(FIGURES_GROUPINGS)}
        fromLabel="Avviati dal"
        csvPath="/operatore/tirocini/cifre/csv"
        query={query}
        errors={errors}
        values={values}
      />
      {rows.length ? (
        <>
          <Bars title="Tirocini avviati" items={rows.map((r) => ({ label: r.label, value: r.activated, suffix: "" }))} />
          <Bars
            title="Quota con attestazione"
            items={rows.map((r) => ({ label: r.label, value: share(r.attested, r.activated), suffix: "%" }))}
          />
          <Bars
            title="Quota assunti entro 6 mesi"
            items={rows.map((r) => ({ label: r.label, value: share(r.hired6, r.activated), suffix: "%" }))}
          />
          <div className="table-responsive" tabIndex={0}>
            <table className="table">
              <caption>Tirocini per {group.toLowerCase()}</caption>
              <thead>
                <tr>
                  <th scope="col">{group}</th>
                  <th scope="col">Avviati</th>
                  <th scope="col">Con attestazione</th>
                  <th scope="col">Interrotti</th>
                  <th scope="col">Assunti entro 6 mesi</th>
                  <th scope="col">Di cui dall&apos;azienda ospitante</th>
                  <th scope="col">Quota con attestazione</th>
                  <th scope="col">Quota interrotti</th>
                  <th scope="col">Quota assunti</th>
                </tr>
              </thead>
              <tbody>
                {[...rows, total].map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{r.label}</th>
                    <td>{r.activated}</td>
                    <td>{r.attested}</td>
                    <td>{r.interrupted}</td>
                    <td>{r.hired6}</td>
                    <td>{r.hired6ByHost}</td>
                    <td>{pct(share(r.attested, r.activated))}</td>
                    <td>{pct(share(r.interrupted, r.activated))}</td>
                    <td>{pct(share(r.hired6, r.activated))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p>{values.dal || values.al ? "Nessun tirocinio avviato nel periodo." : "Nessun tirocinio avviato."}</p>
      )}
    </div>
  );
}
