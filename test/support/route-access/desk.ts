import type { Rule } from "./actors";

/** The desk's lists (docs/decisions/0021-desk-counts-link-to-their-lists.md): the officers' list of rose, for officers with matching:run (not administrators). */
const MATCHERS = ["preselection", "placement"] as const;
export const ROUTE_ACCESS: Record<string, Rule> = {
  "operatore.rose._index.tsx": { loader: [...MATCHERS] },
};
