import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Pager } from "~/components/pager";
import { ErrorSummary, Notice, SelectField, TextField } from "~/components/forms";
import { LookupInput } from "~/components/lookup-input";
import { PageTitle } from "~/components/layout";
import { contractLabel, hoursLabel } from "~/components/vacancy-view";
import { getDb } from "~/db/db.server";
import { BoardFilterSchema, searchBoard } from "~/domain/vacancies/board.server";
import { BOARD_CONTRACT_LABELS, WORKING_TIME_LABELS } from "~/domain/vacancies/codes";
import { formatDate } from "~/utils/format";
import { parseSearchParams } from "~/utils/forms";
import { plural } from "~/utils/plural";
import { log } from "~/utils/logger.server";

export const meta: MetaFunction = () => [
  { title: "Offerte di lavoro dei Centri per l'Impiego — Rosa" },
  {
    name: "description",
    content: "Cerca le offerte di lavoro pubblicate dai Centri per l'Impiego per professione, comune, contratto e orario.",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseSearchParams(new URL(request.url), BoardFilterSchema);
  if (!parsed.ok) return { values: parsed.values, errors: parsed.errors, hits: [], total: 0, page: 1, totalPages: 0, unavailable: false };
  try {
    const result = await searchBoard(getDb(), parsed.data);
    if ("error" in result)
      return { values: parsed.values, errors: result.error, hits: [], total: 0, page: 1, totalPages: 0, unavailable: false };
    return { values: parsed.values, errors: undefined, ...result, page: parsed.data.page, unavailable: false };
  } catch (e) {
    // The index is derived data: if Meilisearch is down the board says so instead of failing.
    log().error({ err: e }, "[offerte] ricerca non disponibile");
    return { values: parsed.values, errors: undefined, hits: [], total: 0, page: 1, totalPages: 0, unavailable: true };
  }
}

export default function JobBoard() {
  const { values, errors, hits, total, page, totalPages, unavailable } = useLoaderData<typeof loader>();
  const common = { errors, values };
  return (
    <div>
      <PageTitle title="Offerte di lavoro" lead="Le offerte convalidate dai Centri per l'Impiego. Non serve registrarsi per consultarle." />
      <ErrorSummary errors={errors} />
      <Form method="get" className="mb-4" role="search" aria-label="Cerca offerte">
        <div className="row">
          <div className="col-md-6">
            <TextField name="q" label="Parole chiave" hint="Es. «panettiere», «magazzino», «inglese»" {...common} />
          </div>
          <div className="col-md-6">
            <LookupInput name="professione" label="Professione" source="/api/professioni" {...common} />
          </div>
          <div className="col-md-4">
            <LookupInput name="comune" label="Comune" source="/api/comuni" {...common} />
          </div>
          <div className="col-md-2">
            <TextField name="raggio" label="Entro km" inputMode="numeric" defaultValue="25" {...common} />
          </div>
          <div className="col-md-3">
            <SelectField name="contratto" label="Contratto" options={BOARD_CONTRACT_LABELS} placeholder="Tutti" {...common} />
          </div>
          <div className="col-md-3">
            <SelectField name="orario" label="Orario" options={WORKING_TIME_LABELS} placeholder="Tutti" {...common} />
          </div>
        </div>
        <button type="submit" className="btn btn-primary">
          Cerca
        </button>
      </Form>
      {unavailable ? (
        <Notice type="warning">La ricerca delle offerte non è disponibile in questo momento: riprova tra qualche minuto.</Notice>
      ) : null}
      <p role="status">{plural(total, "offerta trovata", "offerte trovate")}</p>
      <ul className="list-unstyled">
        {hits.map((h) => (
          <li key={h.id} className="card card-bg mb-3">
            <div className="card-body">
              <h2 className="h5 card-title">
                <Link to={`/offerte/${h.id}`}>{h.title}</Link>
              </h2>
              <p className="mb-1">
                {h.employerName ?? "Azienda riservata (tramite il Centro per l'Impiego)"} · {h.comuneName} ({h.provinceCode})
              </p>
              <p className="mb-0 rosa-muted">
                {h.occupationTitle} · {contractLabel({ engagement: h.engagement as "direct", contractType: h.contractType || null })} ·{" "}
                {hoursLabel({ workingTime: h.workingTime as "full_time", workingTimeCode: h.workingTimeCode, weeklyHours: h.weeklyHours })}{" "}
                · scade il {formatDate(h.closingDate)}
              </p>
            </div>
          </li>
        ))}
      </ul>
      <Pager page={page} totalPages={totalPages} />
      <p>
        Feed delle offerte: <a href="/offerte/rss">RSS</a> · <a href="/api/offerte">JSON</a>
      </p>
    </div>
  );
}
