import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { homePathFor } from "~/domain/identity/roles";
import { getCurrentUser } from "~/web/session.server";

export const meta: MetaFunction = () => [
  { title: "Rosa — Servizi ai datori di lavoro" },
  {
    name: "description",
    content:
      "Il portale dei Centri per l'Impiego per chi assume: registra l'azienda, pubblica offerte di lavoro, ricevi una rosa di candidati preselezionati e gestisci il collocamento mirato (L. 68/99).",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  if (user) throw redirect(homePathFor(user.role));
  return null;
}

export default function Home() {
  return (
    <div className="row">
      <div className="col-lg-8">
        <h1>Rosa: i servizi dei Centri per l'Impiego per chi assume</h1>
        <p className="lead">
          Registra la tua azienda, chiedi un servizio e pubblica le offerte di lavoro. Gli operatori del Centro per l'Impiego cercano le
          persone più adatte e ti presentano una <strong>rosa di candidati</strong> preselezionati.
        </p>
        <ul>
          <li>Informazione e orientamento ai servizi (standard 4A, LEP P)</li>
          <li>Consulenza sui fabbisogni di personale e di formazione (4B)</li>
          <li>Preselezione e incontro domanda-offerta (4C, LEP Q)</li>
          <li>Collocamento mirato delle persone con disabilità, L. 68/99 (LEP S)</li>
        </ul>
        <p className="d-flex gap-3 flex-wrap">
          <Link to="/registrazione" className="btn btn-primary">
            Registra la tua azienda
          </Link>
          <Link to="/accedi" className="btn btn-outline-primary">
            Accedi
          </Link>
          <Link to="/offerte" className="btn btn-outline-primary">
            Cerca offerte di lavoro
          </Link>
          <Link to="/informazioni" className="btn btn-outline-primary">
            Informazioni per le aziende
          </Link>
        </p>
      </div>
    </div>
  );
}
