import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [{ title: "Dichiarazione di accessibilità — Rosa" }];

export default function AccessibilityStatement() {
  return (
    <div className="col-lg-8">
      <h1>Dichiarazione di accessibilità</h1>
      <p>
        Rosa si impegna a rendere il proprio servizio accessibile, conformemente alla legge 4/2004 e alle Linee guida AgID
        sull'accessibilità degli strumenti informatici, che rinviano alla norma EN 301 549 e alle WCAG 2.1 livello AA.
      </p>
      <p>
        Ogni pagina è verificata automaticamente con axe-core a ogni modifica del codice. Se incontri un ostacolo, scrivi al Centro per
        l'Impiego di riferimento indicando la pagina e il problema: ti risponderemo entro 30 giorni.
      </p>
    </div>
  );
}
