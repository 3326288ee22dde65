import { EMPLOYERS, type Rule } from "./actors";

/** Collocamento mirato (docs/architecture.md#service-s): employers on their own file, placement officers of the province. */
export const ROUTE_ACCESS: Record<string, Rule> = {
  // JSON API: 401 for anonymous callers, 403 for other roles, 400 for the empty body of the matrix.
  "api.v1.l68.quota.ts": { action: [...EMPLOYERS, "placement"] },
  "azienda.collocamento-mirato._index.tsx": { loader: EMPLOYERS, action: EMPLOYERS },
  "azienda.collocamento-mirato.certificato._index.tsx": { loader: EMPLOYERS, action: EMPLOYERS },
  // No params in the matrix: an unknown certificate is a 404 for everybody (ownership tested in l68-certificate.test.ts).
  "azienda.collocamento-mirato.certificato.$certificateId.ts": { loader: [] },
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
  // No params in the matrix: an unknown certificate is a 404 for everybody (officer download tested in l68-records.test.ts).
  "operatore.collocamento-mirato.certificato.$certificateId.ts": { loader: [] },
  // Targeted placement (docs/architecture.md#service-s, docs/legal/placement.md): available posts and referrals received (employer); the province's list, its health data,
  // the ranking and the referrals: placement officers only (403 for employers, preselection officers and admins).
  "azienda.collocamento-mirato.posti.tsx": { loader: EMPLOYERS, action: EMPLOYERS },
  "azienda.collocamento-mirato.avviamenti.tsx": { loader: EMPLOYERS },
  "operatore.collocamento-mirato.posti.$employerId.tsx": { loader: ["placement"], action: ["placement"], params: "employerId" },
  "operatore.collocamento-mirato.elenco._index.tsx": { loader: ["placement"] },
  "operatore.collocamento-mirato.iscrizione.tsx": { loader: ["placement"], action: ["placement"] },
  "operatore.collocamento-mirato.graduatoria.tsx": { loader: ["placement"] },
  "operatore.collocamento-mirato.avviamenti._index.tsx": { loader: ["placement"], action: ["placement"] },
  // No params in the matrix: an unknown person, post or referral is a 404 for everybody (scoping in l68-placement.test.ts).
  "operatore.collocamento-mirato.elenco.$enrolmentId.tsx": { loader: [], action: [] },
  "operatore.collocamento-mirato.avviamenti.numerico.$postId.tsx": { loader: [], action: [] },
  "operatore.collocamento-mirato.avviamenti.$referralId.tsx": { loader: [], action: [] },
  "operatore.collocamento-mirato.avviamenti.$referralId.nulla-osta.ts": { loader: [] },
  "azienda.collocamento-mirato.avviamenti.$referralId.nulla-osta.ts": { loader: [] },
  // Matching of a reserved vacancy / an available post with the province's list (health data): placement officers of the
  // province only (the matrix's vacancy is not reserved: the page says so; the empty form is a 400). Unknown post: 404.
  // Scoping (other province: 404) and 403s for employers and preselection officers in l68-reserved-match.test.ts.
  "operatore.collocamento-mirato.abbinamento.offerta.$vacancyId.tsx": { loader: ["placement"], action: ["placement"], params: "vacancyId" },
  "operatore.collocamento-mirato.abbinamento.posto.$postId.tsx": { loader: [] },
};
