import type { Rule } from "./actors";

/** The officer's candidate search: officers with candidates:read only (no admin: technical staff, no personal data). */
export const ROUTE_ACCESS: Record<string, Rule> = {
  "operatore.candidati._index.tsx": { loader: ["preselection", "placement"] },
};
