import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useEffect } from "react";

/**
 * The one error page of the portal, used by the root and by each area's layout route (officer, employer, L. 68 for
 * the employer and the officer, candidate). A route that throws a Response with an Italian text (`notFound("Azienda
 * non trovata")`, a 403 with its reason) gets that text shown as the page's lead; anything else shows the generic text
 * of its status. Unexpected errors never show their message or stack (in production Remix replaces them with
 * "Unexpected Server Error" before they reach the page anyway); the server log has them, with the request id.
 */
export type ErrorArea = "public" | "officer" | "employer" | "l68-employer" | "l68-officer" | "candidate";

const AREA_LINKS: Record<ErrorArea, { to: string; label: string }> = {
  public: { to: "/", label: "Torna alla pagina iniziale" },
  officer: { to: "/operatore", label: "Torna all'area operatore" },
  employer: { to: "/azienda", label: "Torna all'area azienda" },
  "l68-employer": { to: "/azienda/collocamento-mirato", label: "Torna al collocamento mirato" },
  "l68-officer": { to: "/operatore/collocamento-mirato", label: "Torna al collocamento mirato" },
  candidate: { to: "/candidato", label: "Torna alla tua area" },
};

export const ERROR_TEXTS: Record<number, { title: string; text: string }> = {
  400: { title: "Richiesta non valida", text: "I dati ricevuti non sono validi. Torna indietro e controllali." },
  403: { title: "Accesso non consentito", text: "Il tuo profilo non ha i permessi per aprire questa pagina." },
  404: { title: "Pagina non trovata", text: "La pagina che cerchi non esiste o non è visibile con il tuo profilo." },
  409: { title: "Conflitto", text: "I dati sono stati modificati nel frattempo. Ricarica la pagina." },
  413: { title: "Dati troppo grandi", text: "Il modulo inviato supera la dimensione ammessa. Riduci il testo o i file e riprova." },
  415: {
    title: "Formato non supportato",
    text: "I dati non sono arrivati nel formato del modulo. Torna alla pagina e inviali di nuovo dal modulo.",
  },
  429: { title: "Troppe richieste", text: "Hai fatto troppe richieste in poco tempo. Attendi qualche minuto e riprova." },
};

const UNEXPECTED = {
  title: "Si è verificato un errore",
  text: "Qualcosa non ha funzionato dalla nostra parte. Riprova tra poco; se il problema continua, contatta l'assistenza del Centro per l'Impiego.",
};

/** Texts that only repeat the status (the default bodies of notFound()/forbidden()): the generic text says more. */
const GENERIC_BODIES = new Set(["Pagina non trovata", "Non hai i permessi per questa pagina", "Not Found", "Forbidden"]);

/** The message a route threw with its Response (text, or JSON with `message`/`error`), if it is one meant for people. */
export function thrownMessage(error: unknown): string | undefined {
  if (!isRouteErrorResponse(error) || error.status >= 500) return undefined;
  const data: unknown = error.data;
  const text =
    typeof data === "string"
      ? data
      : data && typeof data === "object"
        ? [(data as { message?: unknown }).message, (data as { error?: unknown }).error].find((v): v is string => typeof v === "string")
        : undefined;
  const trimmed = text?.trim();
  if (!trimmed || trimmed.length > 500 || GENERIC_BODIES.has(trimmed) || /^\s*</.test(trimmed)) return undefined;
  return trimmed;
}

export function RouteErrorBoundary({ area }: { area: ErrorArea }) {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const known = ERROR_TEXTS[status] ?? UNEXPECTED;
  const message = thrownMessage(error);
  // The server logs its errors (with the request id); in the browser the console keeps the client-side ones.
  useEffect(() => {
    if (status >= 500) console.error(error);
  }, [error, status]);
  const back = AREA_LINKS[area];
  return (
    <section className="rosa-error-page" aria-labelledby="titolo-errore">
      <h1 id="titolo-errore">{known.title}</h1>
      {message ? (
        <div className="alert alert-warning" role="alert">
          <p className="mb-0">{message}</p>
        </div>
      ) : null}
      <p className="lead">{known.text}</p>
      <p className="rosa-muted">Codice errore: {status}</p>
      <div className="d-flex flex-wrap gap-2">
        <Link to={back.to} className="btn btn-primary">
          {back.label}
        </Link>
        {area === "public" ? null : (
          <Link to="/" className="btn btn-outline-primary">
            Pagina iniziale
          </Link>
        )}
      </div>
    </section>
  );
}
