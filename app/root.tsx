import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Link,
  Links,
  LiveReload,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { Notice } from "~/components/forms";
import { Footer, Header } from "~/components/layout";
import bootstrapItaliaCss from "bootstrap-italia/dist/css/bootstrap-italia.min.css";
import appCss from "~/styles/app.css";
import { readFlash } from "~/web/flash.server";
import { useNonce } from "~/utils/nonce";
import { getCurrentUser } from "~/web/session.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: bootstrapItaliaCss },
  { rel: "stylesheet", href: appCss },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "alternate", type: "application/rss+xml", title: "Offerte di lavoro dei Centri per l'Impiego (RSS)", href: "/offerte/rss" },
];

export const meta: MetaFunction = () => [{ title: "Rosa — Servizi ai datori di lavoro" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, { flash, setCookie }] = await Promise.all([getCurrentUser(request), readFlash(request)]);
  const header = user
    ? {
        fullName: user.fullName,
        role: user.role,
        employerName: user.employerName,
        employerId: user.employerId,
        employerRole: user.employerRole,
        companies: user.companies.map((c) => ({ id: c.id, name: c.name })),
      }
    : null;
  return data({ user: header, flash }, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  return (
    <html lang="it">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <div className="skiplinks">
          <a className="visually-hidden-focusable" href="#contenuto">
            Vai al contenuto principale
          </a>
        </div>
        <Header user={root?.user ?? null} />
        <main id="contenuto" className="container rosa-main" tabIndex={-1}>
          {root?.flash ? <Notice type={root.flash.type}>{root.flash.message}</Notice> : null}
          {children}
        </main>
        <Footer />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        {/* Renders nothing in production builds. */}
        <LiveReload nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  // A marker that React has taken over the server-rendered page (E2E tests wait for it before
  // clicking: an input changed before hydration can be reset by it).
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return <Outlet />;
}

const ERROR_TEXTS: Record<number, { title: string; text: string }> = {
  400: { title: "Richiesta non valida", text: "I dati ricevuti non sono validi. Torna indietro e controllali." },
  403: { title: "Accesso non consentito", text: "Il tuo profilo non ha i permessi per aprire questa pagina." },
  404: { title: "Pagina non trovata", text: "La pagina che cerchi non esiste o non è visibile con il tuo profilo." },
  409: { title: "Conflitto", text: "I dati sono stati modificati nel frattempo. Ricarica la pagina." },
  413: { title: "Dati troppo grandi", text: "Il modulo inviato supera la dimensione ammessa. Riduci il testo o i file e riprova." },
  415: { title: "Formato non supportato", text: "I dati non sono arrivati nel formato del modulo. Torna alla pagina e inviali di nuovo dal modulo." },
};

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const known = ERROR_TEXTS[status] ?? {
    title: "Si è verificato un errore",
    text: "Qualcosa non ha funzionato dalla nostra parte. Riprova tra poco; se il problema continua, contatta l'assistenza del Centro per l'Impiego.",
  };
  if (status >= 500) console.error(error);
  return (
    <div>
      <h1>{known.title}</h1>
      <p className="lead">{known.text}</p>
      <p className="rosa-muted">Codice errore: {status}</p>
      <Link to="/" className="btn btn-primary">
        Torna alla pagina iniziale
      </Link>
    </div>
  );
}
