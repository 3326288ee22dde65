import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/index.server";
import { coReconciliation, hiresUnilavMissing, type CoStatus } from "~/domain/shortlists/index.server";
import { formatDate } from "~/utils/format";
import { plural } from "~/utils/plural";
import { requireMatchingOfficer } from "~/web/guards.server";
import { actorOf } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Assunzioni e comunicazioni obbligatorie — Rosa" }];

const FILTERS: Record<string, { status?: CoStatus; label: string }> = {
  tutte: { label: "Tutte" },
  "senza-co": { status: "missing", label: "Senza CO registrata" },
  differenze: { status: "differs", label: "Con differenze" },
  allineate: { status: "matches", label: "Allineate alla CO" },
};

/** Reconciliation of the hires recorded in Rosa with the CO actually filed (docs/legal/national-systems.md#unilav-xml). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireMatchingOfficer(request);
  const key = new URL(request.url).searchParams.get("stato") ?? "tutte";
  const filter = FILTERS[key] ?? FILTERS.tutte;
  const db = getDb();
  const { counts, rows } = await coReconciliation(db, { status: filter.status });
  const unilav = await hiresUnilavMissing(db, { hireIds: rows.map((r) => r.id) });
  await recordAudit(db, actorOf(user, context), {
    action: "hire.reconciliation_viewed",
    entityType: "hire",
    details: { filter: key, rows: rows.length },
  });
  return {
    key: FILTERS[key] ? key : "tutte",
    counts,
    rows: rows.map((r) => ({
      id: r.id,
      name: `${r.first_name} ${r.last_name}`,
      employer: r.legal_name,
      vacancy: Number(r.vacancy_number),
      startDate: r.start_date,
      endDate: r.end_date,
      contractType: r.contract_type,
      coCode: r.co_code,
      coFiledOn: r.co_filed_on,
      co: r.co,
      missing: unilav.get(r.id)?.length ?? 0,
    })),
  };
}

const COUNT_OF: Record<string, (c: { total: number; missing: number; differs: number; matches: number }) => number> = {
  tutte: (c) => c.total,
  "senza-co": (c) => c.missing,
  differenze: (c) => c.differs,
  allineate: (c) => c.matches,
};

export default function HiresReconciliation() {
  const data = useLoaderData<typeof loader>();
  const c = data.counts;
  return (
    <div>
      <PageTitle
        title="Assunzioni e comunicazioni obbligatorie"
        lead="Le assunzioni registrate in Rosa confrontate con la CO (UNILAV) effettivamente inviata: codice, date e tipologia contrattuale."
      />
      <p>
        {plural(c.total, "assunzione registrata", "assunzioni registrate")}: {plural(c.missing, "senza CO", "senza CO")},{" "}
        {plural(c.differs, "con differenze", "con differenze")}, {plural(c.matches, "allineata", "allineate")}.
      </p>
      <nav aria-label="Filtra le assunzioni" className="mb-3">
        <ul className="nav nav-tabs">
          {Object.entries(FILTERS).map(([key, f]) => (
            <li key={key} className="nav-item">
              <Link
                to={`?stato=${key}`}
                className={`nav-link${data.key === key ? " active" : ""}`}
                aria-current={data.key === key ? "page" : undefined}
              >
                {f.label} ({COUNT_OF[key]!(c)})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p>
        <a href={`/operatore/assunzioni/unilav.xml?stato=${data.key}`}>
          Scarica le UNILAV complete di questo elenco (XML, struttura ricostruita)
        </a>
      </p>
      {data.rows.length ? (
        <div className="table-responsive" tabIndex={0}>
          <table className="table table-sm">
            <caption>{plural(data.rows.length, "assunzione", "assunzioni")} nell'elenco</caption>
            <thead>
              <tr>
                <th scope="col">Persona</th>
                <th scope="col">Azienda e offerta</th>
                <th scope="col">Inizio e fine</th>
                <th scope="col">Contratto</th>
                <th scope="col">UNILAV</th>
                <th scope="col">CO inviata</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/operatore/assunzioni/${r.id}`}>{r.name}</Link>
                  </td>
                  <td>
                    {r.employer}, offerta n. {r.vacancy}
                  </td>
                  <td>
                    {formatDate(`${r.startDate}T12:00:00Z`)}
                    {r.endDate ? ` – ${formatDate(`${r.endDate}T12:00:00Z`)}` : ", senza termine"}
                  </td>
                  <td>{r.contractType}</td>
                  <td>{r.missing ? `da completare (${plural(r.missing, "dato", "dati")})` : "completa"}</td>
                  <td>
                    {r.co.status === "missing"
                      ? "non registrata"
                      : r.co.status === "differs"
                        ? `${r.coCode}: diversa per ${r.co.differences.join(", ")}`
                        : `${r.coCode}, inviata il ${formatDate(`${r.coFiledOn}T12:00:00Z`)}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Nessuna assunzione in questo elenco.</p>
      )}
    </div>
  );
}
