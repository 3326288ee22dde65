import { ALL, EMPLOYERS, LOGGED_IN, OFFICERS, type Rule } from "./actors";

export const ROUTE_ACCESS: Record<string, Rule> = {
  "_index.tsx": { loader: ALL },
  "$.tsx": { loader: [] },
  "accedi.tsx": { loader: ALL, action: ALL },
  "esci.tsx": { loader: ALL, action: ALL },
  // SPID/CIE sign-in: without a gateway configured /accedi/spid is 404; the callback and the linking page need the
  // cookie of an attempt in progress, so without it they send everybody back to /accedi.
  "accedi_.spid.tsx": { loader: [] },
  "accedi_.spid_.ritorno.tsx": { loader: [] },
  "accedi_.spid_.collega.tsx": { loader: [], action: [] },
  "registrazione.tsx": { loader: ALL, action: ALL },
  "privacy.tsx": {},
  "dichiarazione-accessibilita.tsx": {},
  "fonti-dati.tsx": {}, // public, no loader: the list of vendored tables is in the page code
  "api.comuni.ts": { loader: ALL },
  "api.ateco.ts": { loader: ALL },
  "api.codici-unilav.ts": { loader: ALL }, // public reference data (CCNL, CP2011 qualifiche)
  "invito.$token.tsx": { loader: [], action: [], params: "token" }, // unknown token: 404 for everybody
  "area.tsx": { loader: LOGGED_IN },
  "profilo.password.tsx": { loader: LOGGED_IN, action: LOGGED_IN },
  "azienda._index.tsx": { loader: EMPLOYERS },
  "azienda.modifica.tsx": { loader: ["legalRep"], action: ["legalRep"] },
  "azienda.utenti.tsx": { loader: EMPLOYERS, action: ["legalRep"] },
  "azienda.cambia-azienda.tsx": { loader: EMPLOYERS, action: EMPLOYERS },
  "operatore._index.tsx": { loader: OFFICERS },
  "operatore.aziende._index.tsx": { loader: OFFICERS },
  "operatore.aziende.$employerId.tsx": { loader: OFFICERS, action: OFFICERS, params: "employerId" },
  "admin._index.tsx": { loader: ["admin"] },
  "admin.utenti.tsx": { loader: ["admin"], action: ["admin"] },
  "admin.audit.tsx": { loader: ["admin"] },
  "admin.posta.tsx": { loader: ["admin"] },
};
