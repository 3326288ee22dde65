import type { Rule } from "./actors";

/** The area layouts (error boundary and <Outlet />): no loader, no action; their pages are classified one by one. */
export const ROUTE_ACCESS: Record<string, Rule> = {
  "operatore.tsx": {},
  "operatore.collocamento-mirato.tsx": {},
  "azienda.tsx": {},
  "azienda.collocamento-mirato.tsx": {},
  "candidato.tsx": {},
};
