import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [{ title: "Informativa privacy — Rosa" }];

export default function Privacy() {
  return (
    <div className="col-lg-8">
      <h1>Informativa sul trattamento dei dati personali</h1>
      <p>
        I dati delle aziende e delle persone che le rappresentano sono trattati dal Centro per l'Impiego per erogare i servizi ai datori di
        lavoro (art. 6, par. 1, lett. e, Regolamento UE 2016/679; D.Lgs. 150/2015).
      </p>
      <p>
        I dati dei candidati sono mostrati alle aziende solo in forma ridotta e solo con il consenso della persona; ogni consultazione o
        esportazione è registrata. I dati sanitari delle persone iscritte al collocamento mirato sono visibili solo agli operatori del
        collocamento mirato.
      </p>
    </div>
  );
}
