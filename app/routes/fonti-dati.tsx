import type { MetaFunction } from "@remix-run/node";
import { PageTitle } from "~/components/layout";
import { DATA_SOURCE_GROUPS, DATA_SOURCES } from "~/domain/reference";

export const meta: MetaFunction = () => [
  { title: "Fonti dei dati — Rosa" },
  {
    name: "description",
    content: "Le classificazioni ISTAT, le tabelle ministeriali e ANPAL e i codici CNEL usati da Rosa: fonte, licenza e data.",
  },
];

/** The vendored reference tables with source, licence and date: a static page (no loader, no form). */
export default function DataSources() {
  return (
    <div className="col-lg-10">
      <PageTitle
        title="Fonti dei dati"
        lead="Rosa usa le classificazioni e le tabelle di codifica ufficiali, copiate nel codice del portale. Per ciascuna: chi la pubblica, con quale licenza e a quale data si riferisce."
      />
      {DATA_SOURCE_GROUPS.map(({ group, title, intro }) => (
        <section key={group} className="mb-5" aria-labelledby={`fonti-${group}`}>
          <h2 id={`fonti-${group}`}>{title}</h2>
          <p>{intro}</p>
          <div className="table-responsive" tabIndex={0}>
            <table className="table table-sm">
              <caption>{title}: fonte, licenza e data di ciascuna tabella</caption>
              <thead>
                <tr>
                  <th scope="col">Tabella</th>
                  <th scope="col">Dove è usata</th>
                  <th scope="col">Fonte</th>
                  <th scope="col">Licenza</th>
                  <th scope="col">Data dei dati</th>
                </tr>
              </thead>
              <tbody>
                {DATA_SOURCES.filter((s) => s.group === group).map((s) => (
                  <tr key={s.name}>
                    <th scope="row">{s.name}</th>
                    <td>{s.usedFor}</td>
                    <td>
                      {s.publisher}
                      {s.credit ? <span className="d-block small">{s.credit}</span> : null}
                    </td>
                    <td>{s.licence}</td>
                    <td>{s.dataDate}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <p>
        Le tabelle si trovano nella cartella <code>server/reference-data/</code> del codice di Rosa; i file <code>SOURCES.md</code> della
        cartella descrivono per ciascuna la copia usata e le trasformazioni applicate. Le classificazioni ISTAT sono citate come «Fonte:
        Istat» anche sotto i campi che propongono professioni, comuni e settori ATECO.
      </p>
    </div>
  );
}
