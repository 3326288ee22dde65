import { ALL, EMPLOYERS, type Rule } from "./actors";

/** Collocamento mirato (docs/architecture.md#service-s): employers on their own file, placement officers of the province. */
export const ROUTE_ACCESS: Record<string, Rule> = {
  // Public JSON API (docs/decisions/open-api.md): 400 for the empty body of the matrix, for everybody; only `?employerId=`
  // needs a session (l68-api.test.ts).
  "api.v1.l68.quota.ts": { action: ALL },
  "azienda.collocamento-mirato._index.tsx": { loader: EMPLOYERS, action: EMPLOYERS },
  "azienda.collocamento-mirato.certificato._index.tsx": { loader: EMPLOYERS, action: EMPLOYERS },
  // The own employer's issued certificate: its users download it (another employer's is a 404: l68-records.test.ts).
  "azienda.collocamento-mirato.certificato.$certificateId.ts": { loader: EMPLOYERS, params: "certificateId" },
  "azienda.collocamento-mirato.prospetto.tsx": { loader: EMPLOYERS, action: EMPLOYERS },
  "operatore.collocamento-mirato._index.tsx": { loader: ["placement"] },
  "operatore.collocamento-mirato.esporta.ts": { loader: ["placement"] },
  "operatore.collocamento-mirato.$employerId.tsx": { loader: ["placement"], action: ["placement"], params: "employerId" },
  // Records received by PEC/at the desk: 404 without ?tipo= for everybody; the action answers 400 (no document) to officers.
  "operatore.collocamento-mirato.nuova-pratica.$employerId.tsx": { loader: [], action: ["placement"], params: "employerId" },
  // Records (exemptions, suspensions, conventions, referral requests): params are another employer's record in MI.
  "azienda.collocamento-mirato.pratiche._index.tsx": { loader: EMPLOYERS },
  "azienda.collocamento-mirato.pratiche.esporta.ts": { loader: EMPLOYERS },
  "operatore.collocamento-mirato.pratiche.esporta.ts": { loader: ["placement"] },
  // 404 for an unknown kind without ?tipo=; the action answers 400 (no document) to employers.
  "azienda.collocamento-mirato.pratiche.nuova.tsx": { loader: [], action: EMPLOYERS },
  "azienda.collocamento-mirato.pratiche.$recordId._index.tsx": { loader: [], action: [], params: "l68Record" },
  "azienda.collocamento-mirato.pratiche.$recordId.documenti.$documentId.ts": { loader: [], params: "l68Record" },
  "operatore.collocamento-mirato.pratiche._index.tsx": { loader: ["placement"] },
  "operatore.collocamento-mirato.pratiche.$recordId._index.tsx": { loader: ["placement"], action: ["placement"], params: "l68Record" },
  "operatore.collocamento-mirato.pratiche.$recordId.documenti.$documentId.ts": { loader: ["placement"], params: "l68Record" },
  // An issued certificate of an employer in MI: the province's placement officers download it.
  "operatore.collocamento-mirato.certificato.$certificateId.ts": { loader: ["placement"], params: "certificateId" },
  // Targeted placement (docs/architecture.md#service-s, docs/legal/placement.md): available posts and referrals received (employer); the province's list, its health data,
  // the ranking and the referrals: placement officers only (403 for employers, preselection officers and admins).
  "azienda.collocamento-mirato.posti.tsx": { loader: EMPLOYERS, action: EMPLOYERS },
  "azienda.collocamento-mirato.avviamenti.tsx": { loader: EMPLOYERS },
  "operatore.collocamento-mirato.posti.$employerId.tsx": { loader: ["placement"], action: ["placement"], params: "employerId" },
  "operatore.collocamento-mirato.elenco._index.tsx": { loader: ["placement"] },
  "operatore.collocamento-mirato.iscrizione.tsx": { loader: ["placement"], action: ["placement"] },
  "operatore.collocamento-mirato.graduatoria.tsx": { loader: ["placement"] },
  "operatore.collocamento-mirato.avviamenti._index.tsx": { loader: ["placement"], action: ["placement"] },
  // A person, a post and a nominative referral (with its nulla osta) of the own employer in MI: placement officers of the
  // province; the employer downloads its own nulla osta. Other provinces' records: 404 (scoping in l68-placement.test.ts).
  // Empty forms: 400 (health data, referral step); the numeric proposal finds the only post taken (409).
  "operatore.collocamento-mirato.elenco.$enrolmentId.tsx": { loader: ["placement"], action: ["placement"], params: "enrolmentId" },
  "operatore.collocamento-mirato.avviamenti.numerico.$postId.tsx": { loader: ["placement"], action: ["placement"], params: "postId" },
  "operatore.collocamento-mirato.avviamenti.$referralId.tsx": { loader: ["placement"], action: ["placement"], params: "referralId" },
  "operatore.collocamento-mirato.avviamenti.$referralId.nulla-osta.ts": { loader: ["placement"], params: "referralId" },
  "azienda.collocamento-mirato.avviamenti.$referralId.nulla-osta.ts": { loader: EMPLOYERS, params: "referralId" },
  // Matching of a reserved vacancy / an available post with the province's list (health data): placement officers of the
  // province only (the matrix's vacancy is not reserved: the page says so; the empty form is a 400); the post is the own employer's in MI.
  // Scoping (other province: 404) and 403s for employers and preselection officers in l68-reserved-match.test.ts.
  "operatore.collocamento-mirato.abbinamento.offerta.$vacancyId.tsx": { loader: ["placement"], action: ["placement"], params: "vacancyId" },
  "operatore.collocamento-mirato.abbinamento.posto.$postId.tsx": { loader: ["placement"], params: "postId" },
};
