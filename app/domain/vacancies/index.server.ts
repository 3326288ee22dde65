/**
 * The public entry of the vacancies context for server code: what other contexts use (app/domain/<context>/x imports
 * another context only from here or from its client-safe index.ts; .dependency-cruiser.cjs enforces it).
 */
export { createVacancy, transitionVacancy } from "./commands.server";
export { notifyEmployer } from "./notifications.server";
export { countVacancyQueueRows, listEmployerVacancies } from "./queries.server";
export { bcnlRefusal, bcnlStatus, chooseVacancyCp2011, exportBcnlVacancy, exportVacancyClicLavoro } from "./bcnl.server";
