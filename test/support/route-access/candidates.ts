import { ALL, type Actor, type Rule } from "./actors";

/** candidates:read / candidates:write: officers only (admins are technical staff, no personal data). */
const CV_OFFICERS: Actor[] = ["preselection", "placement"];

export const ROUTE_ACCESS: Record<string, Rule> = {
  "api.professioni.ts": { loader: ALL }, // public reference data
  "operatore.candidati.nuovo.tsx": { loader: CV_OFFICERS, action: CV_OFFICERS },
  "operatore.candidati.$candidateId._index.tsx": { loader: CV_OFFICERS, action: CV_OFFICERS, params: "candidateId" },
  "operatore.candidati.$candidateId.modifica.tsx": { loader: CV_OFFICERS, action: CV_OFFICERS, params: "candidateId" },
  "operatore.candidati.$candidateId.cv.ts": { loader: CV_OFFICERS, params: "candidateId" },
  // Erasure on the person's request (GDPR art. 17): the officers who hold the CV database, never admins or employers.
  "operatore.candidati.$candidateId.cancellazione.tsx": { loader: CV_OFFICERS, action: CV_OFFICERS, params: "candidateId" },
  "operatore.candidati.importa._index.tsx": { loader: CV_OFFICERS, action: CV_OFFICERS },
  "operatore.candidati.importa.modello.ts": { loader: CV_OFFICERS },
  // An import is visible only to the officer who started it (the preselection officer's): 404 for the placement officer.
  "operatore.candidati.importa.$importId.tsx": { loader: ["preselection"], params: "importId" },
  "operatore.candidati.importa.$importId.errori.ts": { loader: ["preselection"], params: "importId" },
  // The candidate's own CV (never by id: the session says whose CV it is).
  "candidato._index.tsx": { loader: ["candidate"], action: ["candidate"] },
  "candidato.modifica.tsx": { loader: ["candidate"], action: ["candidate"] },
  "candidato.cv.ts": { loader: ["candidate"] },
  // Self-service erasure: an empty form is a 422 (the confirmation word is missing), so the matrix erases nobody.
  "candidato.cancellazione.tsx": { loader: ["candidate"], action: ["candidate"] },
  "attivazione.$token.tsx": { loader: [], action: [], params: "token" }, // unknown token: 404 for everybody
  // Self-registration: public (a logged-in user is sent to their area); an empty form is a 400, never an account.
  "registrazione_.candidato.tsx": { loader: ALL, action: ALL },
  "registrazione_.candidato_.conferma.$token.tsx": { loader: [], action: [], params: "token" }, // unknown token: 404 for everybody
  // A candidate account's first CV (the matrix's candidate already has one: redirected to /candidato).
  "candidato.nuovo.tsx": { loader: ["candidate"], action: ["candidate"] },
};
