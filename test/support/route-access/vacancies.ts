import { ALL, EMPLOYERS, type Rule } from "./actors";

const VACANCY_OFFICERS = ["preselection", "placement"] as const;

/**
 * Vacancies (docs/architecture.md#service-4c). Routes with :vacancyId get a *submitted* vacancy of
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
  // A submitted vacancy is not public: 404 for everybody; the apply action needs a candidate (others 403, anonymous to login).
  "offerte.$vacancyId.tsx": { loader: [], action: [], params: "vacancyId" },
  "candidato.candidature.tsx": { loader: ["candidate"] },
  "offerte.rss.ts": { loader: ALL },
  "api.offerte.ts": { loader: ALL },
};

/** Employer services (information, screening, register, needs consultancy). */
Object.assign(ROUTE_ACCESS, {
  "informazioni._index.tsx": { loader: ALL },
  "informazioni.$slug.tsx": { loader: ALL, params: "slug" },
  "admin.contenuti._index.tsx": { loader: ["admin"] },
  "admin.contenuti.$articleId.tsx": { loader: ["admin"], action: ["admin"], params: "articleId" },
  "azienda.servizi._index.tsx": { loader: EMPLOYERS },
  "azienda.servizi.questionario.tsx": { loader: EMPLOYERS, action: EMPLOYERS },
  "azienda.fabbisogni.$assessmentId.pdf.ts": { loader: EMPLOYERS, params: "assessmentId" },
  "operatore.richieste.tsx": { loader: ["preselection", "placement"], action: ["preselection", "placement"] },
  "operatore.registro._index.tsx": { loader: ["preselection", "placement", "admin"] },
  "operatore.registro.nuovo.tsx": { loader: ["preselection", "placement"], action: ["preselection", "placement"] },
  "operatore.registro.csv.ts": { loader: ["preselection", "placement", "admin"] },
  "operatore.registro.$deliveryId.tsx": {
    loader: ["preselection", "placement"],
    action: ["preselection", "placement"],
    params: "deliveryId",
  },
  "operatore.fabbisogni._index.tsx": { loader: ["preselection", "placement"] },
  "operatore.fabbisogni.nuova.tsx": { loader: ["preselection", "placement"], action: ["preselection", "placement"] },
  "operatore.fabbisogni.$assessmentId.tsx": {
    loader: ["preselection", "placement"],
    action: ["preselection", "placement"],
    params: "assessmentId",
  },
  "operatore.fabbisogni.$assessmentId.pdf.ts": { loader: ["preselection", "placement"], params: "assessmentId" },
} satisfies Record<string, Rule>);
