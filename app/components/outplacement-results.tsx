/**
 * Charts and tables of the outplacement results: horizontal bars drawn as inline SVG, each with the same numbers in a
 * table next to it (the table is the accessible alternative), and the aggregated view shared by the employer's and the
 * union's pages.
 */
import { AGGREGATE_GROUP_LABELS, countText, rateText, type AggregatedView, type SafeLine } from "~/domain/outplacement/aggregate";
import { formatDate, formatMonth, formatNumber } from "~/utils/format";
import { plural } from "~/utils/plural";
import { Bars } from "./bar-chart";

/** A count hidden in the aggregated view (fewer than 5 people, or hidden with one). */
const HIDDEN = { text: "<5", spoken: "meno di 5" };

export { rateText };

function LineTable({ caption, line, first }: { caption: string; line: SafeLine; first: string }) {
  return (
    <div className="table-responsive" tabIndex={0}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col">Lavoratori</th>
            <th scope="col">Quota</th>
          </tr>
        </thead>
        <tbody>
          {line.cells.map((c) => (
            <tr key={c.key}>
              <th scope="row">{c.label}</th>
              <td>{countText(c.value)}</td>
              <td>{c.share === null ? "—" : `${formatNumber(c.share)}%`}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Totale</th>
            <td>{countText(line.total)}</td>
            <td>{line.total === null ? "—" : "100%"}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

export const monthLabel = formatMonth;

/** The aggregated view: the same numbers as the PDF report. */
export function AggregatedViewBody({ view }: { view: AggregatedView }) {
  if (view.kind === "too_small")
    return (
      <section aria-labelledby="in-corso">
        <h2 id="in-corso">Procedura in corso</h2>
        <p>
          La procedura riguarda meno di 10 lavoratori: per proteggere le persone non mostriamo alcun dato sugli esiti. Servizi erogati
          finora: {plural(Math.round(view.hours), "ora", "ore")} complessive.
        </p>
      </section>
    );
  return (
    <>
      <p>
        Situazione al {formatDate(view.asOf)}: {plural(view.members, "lavoratore", "lavoratori")} nella procedura;{" "}
        {plural(Math.round(view.hours), "ora", "ore")} di servizi erogati. Le celle con meno di 5 persone sono indicate con «&lt;5»; altre
        celle sono nascoste con loro perché non si possano ricavare per differenza.
      </p>
      <section aria-labelledby="situazione">
        <h2 id="situazione">Situazione attuale</h2>
        <Bars
          title="Lavoratori per situazione attuale"
          missing={HIDDEN}
          items={view.current.cells.map((c) => ({ label: c.label, value: c.value, suffix: "" }))}
        />
        <LineTable caption="Lavoratori per situazione attuale" line={view.current} first="Situazione" />
      </section>
      <section aria-labelledby="tassi">
        <h2 id="tassi">Tasso di rioccupazione</h2>
        <p>
          Occupati (lavoro dipendente o autonomo confermato dalla comunicazione obbligatoria) a 3, 6 e 12 mesi dalla data di riferimento di
          ciascun lavoratore, tra quelli per cui quei mesi sono trascorsi. Il tasso corretto esclude chi è uscito per pensione, salute,
          trasferimento o decesso.
        </p>
        {view.rates.map((r) => (
          <div key={r.months}>
            <h3 className="h5">A {plural(r.months, "mese", "mesi")}</h3>
            {r.line ? (
              <>
                <p>
                  Tasso grezzo: {rateText(r.rawRate)}; tasso corretto: {rateText(r.adjustedRate)}.
                </p>
                <LineTable
                  caption={`Situazione a ${plural(r.months, "mese", "mesi")} dalla data di riferimento`}
                  line={r.line}
                  first="Situazione"
                />
              </>
            ) : (
              <p>Non ancora disponibile: i {plural(r.months, "mese", "mesi")} sono trascorsi per meno di 10 lavoratori.</p>
            )}
          </div>
        ))}
        <p>
          Tempo mediano alla rioccupazione:{" "}
          {view.medianMonths === null ? "non ancora disponibile" : plural(view.medianMonths, "mese", "mesi")} (stima di Kaplan–Meier, che
          tiene conto di chi è ancora in cerca).
        </p>
      </section>
      <section aria-labelledby="mensile">
        <h2 id="mensile">Rioccupazioni per mese</h2>
        {view.monthly.cells.length ? (
          <>
            <Bars
              title="Primi impieghi per mese di inizio"
              missing={HIDDEN}
              items={view.monthly.cells.map((c) => ({ label: monthLabel(c.label), value: c.value, suffix: "" }))}
            />
            <LineTable
              caption="Primi impieghi per mese di inizio"
              line={{ ...view.monthly, cells: view.monthly.cells.map((c) => ({ ...c, label: monthLabel(c.label) })) }}
              first="Mese"
            />
          </>
        ) : (
          <p>Nessuna rioccupazione ancora.</p>
        )}
      </section>
      <section aria-labelledby="sedi">
        <h2 id="sedi">Per sede</h2>
        {view.bySite ? (
          <div className="table-responsive" tabIndex={0}>
            <table className="table">
              <caption>Lavoratori per sede e situazione attuale</caption>
              <thead>
                <tr>
                  <th scope="col">Sede</th>
                  <th scope="col">Lavoratori</th>
                  <th scope="col">Occupati</th>
                  <th scope="col">Non occupati</th>
                </tr>
              </thead>
              <tbody>
                {view.bySite.map((s) => (
                  <tr key={s.label}>
                    <th scope="row">{s.label}</th>
                    <td>{formatNumber(s.members)}</td>
                    <td>{formatNumber(s.employed)}</td>
                    <td>{formatNumber(s.notEmployed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>Il dettaglio per sede non è mostrato: almeno una sede avrebbe una cella con meno di 5 persone.</p>
        )}
      </section>
    </>
  );
}

export { AGGREGATE_GROUP_LABELS };
