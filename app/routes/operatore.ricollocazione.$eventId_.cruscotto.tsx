import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Bars } from "~/components/bar-chart";
import { monthLabel, rateText } from "~/components/outplacement-results";
import { getDb } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/index.server";
import { JOB_QUALITY_LABELS, OUTCOME_TYPE_LABELS, OUTCOME_TYPES, type CohortKpis } from "~/domain/outplacement";
import { cohortDashboard } from "~/domain/outplacement/index.server";
import { todayInItaly } from "~/utils/dates";
import { formatDate, formatNumber } from "~/utils/format";
import { plural } from "~/utils/plural";
import { requireOutcomeOfficer } from "~/web/outplacement-results.server";
import { actorOf } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Cruscotto della ricollocazione — Rosa" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, event } = await requireOutcomeOfficer(request, params);
  const db = getDb();
  const dashboard = await cohortDashboard(db, event.id, todayInItaly());
  await recordAudit(db, actorOf(user, context), {
    action: "outplacement.dashboard_view",
    entityType: "outplacement_event",
    entityId: event.id,
    employerId: event.employer_id,
    details: { members: dashboard.verified.members },
  });
  return { event, dashboard };
}

const QUALITIES = ["open_ended", "fixed_ge6m", "fixed_lt6m", "self_employed"] as const;

function GroupTable({ caption, first, groups }: { caption: string; first: string; groups: { label: string; kpis: CohortKpis }[] }) {
  return (
    <div className="table-responsive" tabIndex={0}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col">Lavoratori</th>
            <th scope="col">Occupati a 3 mesi</th>
            <th scope="col">Occupati a 6 mesi</th>
            <th scope="col">Occupati a 12 mesi</th>
            <th scope="col">Giorni mediani alla rioccupazione</th>
            <th scope="col">Ore erogate</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.label}>
              <th scope="row">{g.label}</th>
              <td>{formatNumber(g.kpis.members)}</td>
              {g.kpis.rates.map((r) => (
                <td key={r.months}>
                  {r.mature ? `${formatNumber(r.employed)} su ${formatNumber(r.mature)} (${rateText(r.rawRate)})` : "non ancora"}
                </td>
              ))}
              <td>{g.kpis.timeToJob.medianDays === null ? "non raggiunta" : formatNumber(g.kpis.timeToJob.medianDays)}</td>
              <td>{formatNumber(g.kpis.hours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function Dashboard() {
  const { event, dashboard: d } = useLoaderData<typeof loader>();
  const v = d.verified;
  const t = v.timeToJob;
  return (
    <div>
      <p>
        <Link to={`/operatore/ricollocazione/${event.id}`}>← {event.title}</Link>
      </p>
      <h1>Cruscotto della ricollocazione</h1>
      <p className="lead">
        {event.title} — {event.legal_name}
      </p>
      <p>
        Dati al {formatDate(d.asOf)}, conteggi esatti su {plural(v.members, "lavoratore", "lavoratori")}
        {v.withoutT0 ? ` (${plural(v.withoutT0, "lavoratore", "lavoratori")} senza data di riferimento t0, fuori dai tassi)` : ""}. I tassi
        contano i lavori confermati dalla comunicazione obbligatoria; la colonna «compresi i dichiarati» conta anche gli esiti non ancora
        verificati. <a href={`/operatore/ricollocazione/${event.id}/cruscotto/csv`}>Scarica in CSV</a> ·{" "}
        <Link to={`/operatore/ricollocazione/${event.id}/verifiche`}>Verifiche a 3, 6 e 12 mesi</Link>
      </p>

      <section aria-labelledby="tassi">
        <h2 id="tassi">Tasso di rioccupazione</h2>
        <Bars
          title="Tasso grezzo di rioccupazione (esiti verificati)"
          items={v.rates.map((r) => ({ label: `a ${plural(r.months, "mese", "mesi")}`, value: r.rawRate, suffix: "%" }))}
        />
        <div className="table-responsive" tabIndex={0}>
          <table className="table">
            <caption>Rioccupazione a 3, 6 e 12 mesi dalla data di riferimento</caption>
            <thead>
              <tr>
                <th scope="col">Mesi da t0</th>
                <th scope="col">Lavoratori con i mesi trascorsi</th>
                <th scope="col">Occupati</th>
                <th scope="col">Fuori dal calcolo</th>
                <th scope="col">Tasso grezzo</th>
                <th scope="col">Tasso corretto</th>
                <th scope="col">Compresi i dichiarati (grezzo)</th>
                <th scope="col">Occupati almeno una volta</th>
                {QUALITIES.map((q) => (
                  <th scope="col" key={q}>
                    Primo lavoro: {JOB_QUALITY_LABELS[q].toLowerCase()}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {v.rates.map((r, i) => (
                <tr key={r.months}>
                  <th scope="row">{r.months}</th>
                  <td>{formatNumber(r.mature)}</td>
                  <td>{formatNumber(r.employed)}</td>
                  <td>{formatNumber(r.excluded)}</td>
                  <td>{rateText(r.rawRate)}</td>
                  <td>{rateText(r.adjustedRate)}</td>
                  <td>{rateText(d.declared.rates[i].rawRate)}</td>
                  <td>
                    {formatNumber(r.ever)} ({rateText(r.everRate)})
                  </td>
                  {QUALITIES.map((q) => (
                    <td key={q}>{formatNumber(r.quality[q])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="small">
          Tasso grezzo: occupati ÷ lavoratori con i mesi trascorsi. Tasso corretto: esclude dal denominatore chi è uscito per pensione,
          salute, trasferimento o decesso («fuori dal calcolo»).
        </p>
      </section>

      <section aria-labelledby="tempo">
        <h2 id="tempo">Tempo alla rioccupazione</h2>
        <p>
          Mediana (Kaplan–Meier, esiti verificati):{" "}
          <strong>{t.medianDays === null ? "non ancora raggiunta" : plural(t.medianDays, "giorno", "giorni")}</strong>;{" "}
          {plural(t.events, "lavoratore rioccupato", "lavoratori rioccupati")},{" "}
          {plural(t.censored, "osservazione censurata", "osservazioni censurate")} (ancora in cerca o usciti per altri motivi).
        </p>
        <div className="table-responsive" tabIndex={0}>
          <table className="table">
            <caption>Lavoratori ancora a rischio (non rioccupati e ancora osservati)</caption>
            <thead>
              <tr>
                {t.atRisk.map((a) => (
                  <th scope="col" key={a.day}>
                    Giorno {a.day}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {t.atRisk.map((a) => (
                  <td key={a.day}>{formatNumber(a.n)}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="situazione">
        <h2 id="situazione">Situazione attuale ed esiti</h2>
        <Bars
          title="Lavoratori per esito attuale (compresi i dichiarati)"
          items={OUTCOME_TYPES.filter((o) => d.declared.current[o] > 0).map((o) => ({
            label: OUTCOME_TYPE_LABELS[o],
            value: d.declared.current[o],
            suffix: "",
          }))}
        />
        <div className="table-responsive" tabIndex={0}>
          <table className="table">
            <caption>Lavoratori per esito attuale</caption>
            <thead>
              <tr>
                <th scope="col">Esito</th>
                <th scope="col">Compresi i dichiarati</th>
                <th scope="col">Solo verificati</th>
              </tr>
            </thead>
            <tbody>
              {OUTCOME_TYPES.map((o) => (
                <tr key={o}>
                  <th scope="row">{OUTCOME_TYPE_LABELS[o]}</th>
                  <td>{formatNumber(d.declared.current[o])}</td>
                  <td>{formatNumber(v.current[o])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          Ore di servizi erogate (presenze registrate): <strong>{formatNumber(v.hours)}</strong>
          {v.members ? `, in media ${formatNumber(Math.round((v.hours / v.members) * 10) / 10)} per lavoratore` : ""}.
        </p>
      </section>

      <section aria-labelledby="mesi">
        <h2 id="mesi">Primi impieghi per mese</h2>
        {d.monthly.length ? (
          <>
            <Bars
              title="Primi impieghi per mese di inizio"
              items={d.monthly.map((m) => ({ label: monthLabel(m.month), value: m.n, suffix: "" }))}
            />
            <div className="table-responsive" tabIndex={0}>
              <table className="table">
                <caption>Primi impieghi per mese di inizio (compresi i dichiarati)</caption>
                <thead>
                  <tr>
                    <th scope="col">Mese</th>
                    <th scope="col">Lavoratori</th>
                  </tr>
                </thead>
                <tbody>
                  {d.monthly.map((m) => (
                    <tr key={m.month}>
                      <th scope="row">{monthLabel(m.month)}</th>
                      <td>{formatNumber(m.n)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : (
          <p>Nessun lavoratore ha ancora iniziato un lavoro.</p>
        )}
      </section>

      <section aria-labelledby="sedi">
        <h2 id="sedi">Per sede</h2>
        <Bars
          title="Tasso grezzo di rioccupazione a 6 mesi per sede"
          items={d.bySite.map((g) => ({ label: g.label, value: g.kpis.rates[1].rawRate, suffix: "%" }))}
        />
        <GroupTable caption="Risultati per sede (esiti verificati)" first="Sede" groups={d.bySite} />
      </section>
      <section aria-labelledby="qualifiche">
        <h2 id="qualifiche">Per qualifica</h2>
        <GroupTable caption="Risultati per qualifica (esiti verificati)" first="Qualifica" groups={d.byQualification} />
      </section>
    </div>
  );
}
