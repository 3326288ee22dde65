import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import spritesUrl from "~/assets/sprites.svg";
import { ROLE_LABELS } from "~/domain/identity/roles";
import type { EmployerRole, Role } from "~/db/types";
import { CompanySwitcher, type HeaderCompany } from "./company-switcher";

export interface HeaderUser {
  fullName: string;
  role: Role;
  employerName: string | null;
  employerId?: string | null;
  employerRole?: EmployerRole | null;
  companies?: HeaderCompany[];
}

/** A labour consultant works for the companies that delegated them: not «Datore di lavoro». */
function roleLabel(user: HeaderUser): string {
  return user.role === "employer" && user.employerRole === "delegate" ? "Consulente delegato" : ROLE_LABELS[user.role];
}

interface NavItem {
  to: string;
  label: string;
}

/** Both kinds of officer share the desk; placement officers add their L. 68/99 workspace. */
function officerNav(...extra: NavItem[]): NavItem[] {
  return [
    { to: "/operatore", label: "Scrivania" },
    { to: "/operatore/aziende", label: "Aziende" },
    { to: "/operatore/candidati", label: "Candidati" },
    { to: "/operatore/offerte", label: "Offerte" },
    { to: "/operatore/preselezione", label: "Preselezione" },
    { to: "/operatore/assunzioni", label: "Assunzioni e CO" },
    { to: "/operatore/richieste", label: "Richieste" },
    { to: "/operatore/fabbisogni", label: "Fabbisogni" },
    { to: "/operatore/registro", label: "Registro servizi" },
    { to: "/operatore/ricollocazione", label: "Ricollocazione" },
    { to: "/operatore/tirocini", label: "Tirocini" },
    ...extra,
  ];
}

const NAV: Record<Role, NavItem[]> = {
  employer: [
    { to: "/azienda", label: "La mia azienda" },
    { to: "/azienda/offerte", label: "Offerte di lavoro" },
    { to: "/azienda/servizi", label: "Servizi" },
    { to: "/azienda/utenti", label: "Utenti e deleghe" },
    { to: "/azienda/collocamento-mirato", label: "Collocamento mirato" },
    { to: "/azienda/rose", label: "Candidati presentati" },
    { to: "/azienda/ricollocazione", label: "Ricollocazione" },
    { to: "/azienda/tirocini", label: "Tirocini" },
  ],
  preselection_officer: officerNav(),
  placement_officer: officerNav({ to: "/operatore/collocamento-mirato", label: "Collocamento mirato" }),
  outplacement_provider: [{ to: "/ente/ricollocazione", label: "Lavoratori assegnati" }],
  union_representative: [{ to: "/sindacato/ricollocazione", label: "Ricollocazione" }],
  candidate: [
    { to: "/candidato", label: "Il mio curriculum" },
    { to: "/candidato/disponibilita", label: "Disponibilità" },
    { to: "/candidato/candidature", label: "Le mie candidature" },
    { to: "/candidato/tirocini", label: "Tirocini" },
    { to: "/offerte", label: "Offerte di lavoro" },
  ],
  admin: [
    { to: "/admin", label: "Amministrazione" },
    { to: "/operatore/aziende", label: "Aziende" },
    { to: "/admin/utenti", label: "Utenti" },
    { to: "/admin/audit", label: "Registro attività" },
    { to: "/admin/posta", label: "Posta in uscita" },
    { to: "/admin/contenuti", label: "Contenuti" },
    { to: "/operatore/registro", label: "Registro servizi" },
  ],
};

export function SpriteIcon({ name, className = "icon icon-sm icon-white" }: { name: string; className?: string }) {
  return (
    <svg className={className} aria-hidden="true" focusable="false">
      <use href={`${spritesUrl}#${name}`} />
    </svg>
  );
}

/**
 * The header fits a 390 px phone: the slim bar wraps (who you are on one line, the account actions on the next; the
 * `.rosa-user-actions` row takes further items, such as a company switcher, and wraps them too), and below the large
 * breakpoint the menu is one row that scrolls sideways (no script needed, every link stays in the page and keyboard
 * order) with shadows at the edges that have more links; the current page's link is scrolled into view.
 */
export function Header({ user }: { user: HeaderUser | null }) {
  const navRef = useRef<HTMLDivElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    const scroller = navRef.current;
    const current = scroller?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!scroller || !current || scroller.scrollWidth <= scroller.clientWidth) return;
    const left = current.offsetLeft - scroller.offsetLeft;
    if (left < scroller.scrollLeft || left + current.offsetWidth > scroller.scrollLeft + scroller.clientWidth) {
      scroller.scrollLeft = Math.max(0, left - (scroller.clientWidth - current.offsetWidth) / 2);
    }
  }, [pathname]);
  return (
    <header className="it-header-wrapper">
      <div className="it-header-slim-wrapper rosa-slim">
        <div className="container">
          <div className="row">
            <div className="col-12">
              <div className="it-header-slim-wrapper-content">
                <span className="navbar-brand rosa-slim-brand">Centri per l'Impiego — Servizi al lavoro</span>
                <div className="it-header-slim-right-zone rosa-user">
                  {user ? (
                    <>
                      <span className="rosa-user-name" data-testid="current-user">
                        <SpriteIcon name="it-user" /> {user.fullName} · <strong>{roleLabel(user)}</strong>
                        {user.employerName ? ` · ${user.employerName}` : ""}
                      </span>
                      <div className="rosa-user-actions">
                        <Link to="/profilo/password">Cambia password</Link>
                        <Form method="post" action="/esci">
                          <button type="submit" className="btn btn-primary btn-sm">
                            Esci
                          </button>
                        </Form>
                      </div>
                    </>
                  ) : (
                    <Link to="/accedi" className="btn btn-primary btn-sm btn-full">
                      Accedi all'area riservata
                    </Link>
                  )}
                </div>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div className="it-nav-wrapper">
        <div className="it-header-center-wrapper">
          <div className="container">
            <div className="row">
              <div className="col-12">
                <div className="it-header-center-content-wrapper">
                  <div className="it-brand-wrapper">
                    <Link to={user ? "/area" : "/"}>
                      <SpriteIcon name="it-pa" className="icon" />
                      <div className="it-brand-text">
                        <div className="it-brand-title">Rosa</div>
                        <div className="it-brand-tagline d-none d-md-block">Servizi ai datori di lavoro e preselezione dei candidati</div>
                      </div>
                    </Link>
                  </div>
                </div>
              </div>
            </div>
          </div>
        </div>
        {user ? (
          <nav className="rosa-nav" aria-label="Menu principale">
            <div className="container rosa-nav-links" ref={navRef}>
              {NAV[user.role].map((item) => (
                <NavLink key={item.to} to={item.to} end>
                  {item.label}
                </NavLink>
              ))}
            </div>
          </nav>
        ) : null}
      </div>
      {user?.companies ? <CompanySwitcher companies={user.companies} activeId={user.employerId ?? null} /> : null}
    </header>
  );
}

export function Footer() {
  return (
    <footer className="it-footer">
      <div className="it-footer-main">
        <div className="container py-4">
          <p className="mb-2">
            <strong>Rosa</strong> — portale dei Centri per l'Impiego per i servizi ai datori di lavoro (standard 4A–4E e LEP P–S).
          </p>
          <p className="mb-2 small">
            Classificazioni delle professioni (CP2021, CP2011), dei comuni e delle attività economiche (ATECO): Fonte: Istat, licenza CC BY
            4.0. Codici delle comunicazioni obbligatorie, di ClicLavoro e della SAP: tabelle ufficiali del Ministero del Lavoro e di ANPAL.
          </p>
          <ul className="list-inline mb-0">
            <li className="list-inline-item">
              <Link to="/dichiarazione-accessibilita" data-element="accessibility-link">
                Dichiarazione di accessibilità
              </Link>
            </li>
            <li className="list-inline-item">
              <Link to="/privacy" data-element="privacy-policy-link">
                Informativa privacy
              </Link>
            </li>
            <li className="list-inline-item">
              <Link to="/api-aperta">API aperta</Link>
            </li>
            <li className="list-inline-item">
              <Link to="/fonti-dati">Fonti dei dati</Link>
            </li>
          </ul>
        </div>
      </div>
    </footer>
  );
}

export function PageTitle({ title, lead, children }: { title: string; lead?: string; children?: ReactNode }) {
  return (
    <div className="mb-4">
      <h1>{title}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </div>
  );
}
