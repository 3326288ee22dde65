/**
 * The public entry of the placement context for server code: what other contexts, the web tier and the routes use
 * (app/domain/<context>/x imports another context only from here or from its client-safe index.ts;
 * .dependency-cruiser.cjs enforces it).
 */
export { getVacancyForPlacement, linkVacancyToPost, linkablePosts, vacanciesOfPost, viewElencoMatch } from "./elenco-match.server";
export { enrol, listEnrolments, updateHealth, viewEnrolment, viewRanking } from "./enrolments.server";
export { nullaOstaResponse } from "./nulla-osta-pdf.server";
export { addPost, getPost, listOpenPostsInProvince, listPosts, postsSummary, withdrawPost } from "./posts.server";
export type { PostView } from "./posts.server";
export {
  REFERRAL_KIND_LABELS,
  REFERRAL_STATUS_LABELS,
  eventOfOutcome,
  getReferral,
  listEmployerReferrals,
  listReferralsInProvince,
  numericProposals,
  pendingObligationUnits,
  proposeNumeric,
  referNominative,
  transitionReferral,
} from "./referrals.server";
