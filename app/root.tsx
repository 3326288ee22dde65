import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Links, LiveReload, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { RouteErrorBoundary } from "~/components/error-boundary";
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
  return (
    <>
      <Outlet />
      <HydrationMarker />
    </>
  );
}

/**
 * Marks `<html data-hydrated>` once React has taken over the server-rendered page: E2E tests wait for it before
 * typing or clicking (an input changed before hydration can be reset by it, and a form clicked before conform has
 * set its noValidate stops at the browser's own bubble, which leaves no trace in the page).
 * The mark is a state update requested in the same flush of mount effects as the page's own updates (conform's
 * noValidate among them): React renders and commits them together, and the mark is written only after that commit.
 * A timer set from the mount effect raced with that render (a form was once clicked still without noValidate).
 */
function HydrationMarker() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    if (hydrated) document.documentElement.dataset.hydrated = "true";
  }, [hydrated]);
  return null;
}

/** The public area's error page, and the last resort for every other area (app/components/error-boundary.tsx). */
export function ErrorBoundary() {
  return <RouteErrorBoundary area="public" />;
}
