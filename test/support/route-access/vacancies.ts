import { ALL, EMPLOYERS, type Rule } from "./actors";

const VACANCY_OFFICERS = ["preselection", "placement"] as const;

/**
 * Vacancies (issue 4). Routes with :vacancyId get a *submitted* vacancy of
 * another employer: employers must get a 404, officers see it, and the public
 * page hides it because it is not published.
 */
export const ROUTE_ACCESS: Record<string, Rule> = {
  "azienda.offerte._index.tsx": { loader: EMPLOYERS },
  "azienda.offerte.nuova.tsx": { loader: EMPLOYERS, action: EMPLOYERS },
  "azienda.offerte.$vacancyId._index.tsx": { loader: [], action: [], params: "vacancyId" },
  "azienda.offerte.$vacancyId.modifica.tsx": { loader: [], action: [], params: "vacancyId" },
  "operatore.offerte._index.tsx": { loader: [...VACANCY_OFFICERS] },
  "operatore.offerte.$vacancyId.tsx": { loader: [...VACANCY_OFFICERS], action: [...VACANCY_OFFICERS], params: "vacancyId" },
  "operatore.offerte.$vacancyId.bcnl.ts": { loader: [...VACANCY_OFFICERS], params: "vacancyId" },
  "offerte._index.tsx": { loader: ALL },
  "offerte.$vacancyId.tsx": { loader: [], params: "vacancyId" },
  "offerte.rss.ts": { loader: ALL },
  "api.offerte.ts": { loader: ALL },
};
