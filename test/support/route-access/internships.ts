import { ALL, type Actor, type Rule } from "./actors";

const OFFICERS: Actor[] = ["preselection", "placement"];
const EMPLOYERS: Actor[] = ["legalRep", "colleague", "consultant"];
import { ALL, EMPLOYERS, type Actor, type Rule } from "./actors";

const PROMOTERS: Actor[] = ["preselection", "placement"];

/** The internship rules checker API: public (counts and flags only, nothing stored), rate-limited like every /api/ path. */
export const ROUTE_ACCESS: Record<string, Rule> = {
  "api.v1.tirocini.check.ts": { loader: ALL, action: ALL },
  // Conventions and PFI documents (docs/decisions/tirocini.md#convenzioni-pfi-firme-e-co): officers (permission
  // services:deliver) on every row; the host's users only on their own internship; nobody else.
  "operatore.tirocini.convenzioni._index.tsx": { loader: OFFICERS },
  "operatore.tirocini.convenzioni.nuova.tsx": { loader: OFFICERS, action: OFFICERS },
  "operatore.tirocini.convenzioni.$conventionId._index.tsx": { loader: OFFICERS, action: OFFICERS, params: "internshipDocs" },
  "operatore.tirocini.convenzioni.$conventionId.pdf.ts": { loader: OFFICERS, params: "internshipDocs" },
  "operatore.tirocini.$internshipId_.progetto.tsx": { loader: OFFICERS, action: OFFICERS, params: "internshipDocs" },
  "operatore.tirocini.$internshipId_.pfi.pdf.ts": { loader: OFFICERS, params: "internshipDocs" },
  "operatore.tirocini.$internshipId_.unilav.csv.ts": { loader: OFFICERS, params: "internshipDocs" },
  "azienda.tirocini.$internshipId_.progetto.tsx": { loader: EMPLOYERS, action: EMPLOYERS, params: "internshipDocs" },
  "azienda.tirocini.$internshipId_.pfi.pdf.ts": { loader: EMPLOYERS, params: "internshipDocs" },
  "azienda.tirocini.$internshipId_.unilav.csv.ts": { loader: EMPLOYERS, params: "internshipDocs" },
  // During and after (docs/decisions/tirocini.md «Durante e dopo»): the promoter's officers; the host's users on their own
  // internship; the trainee downloads only their own attestazione. `attestedInternship` belongs to the matrix's own employer
  // and candidate.
  "operatore.tirocini.$internshipId_.svolgimento.tsx": { loader: PROMOTERS, action: PROMOTERS, params: "attestedInternship" },
  "operatore.tirocini.$internshipId_.attestazione.ts": { loader: PROMOTERS, params: "attestedInternship" },
  "azienda.tirocini.$internshipId_.svolgimento.tsx": { loader: EMPLOYERS, action: EMPLOYERS, params: "attestedInternship" },
  "azienda.tirocini.$internshipId_.attestazione.ts": { loader: EMPLOYERS, params: "attestedInternship" },
  "candidato.tirocini.$internshipId_.attestazione.ts": { loader: ["candidate"], params: "attestedInternship" },
  "operatore.tirocini.cifre.tsx": { loader: PROMOTERS },
  "operatore.tirocini.cifre.csv.ts": { loader: PROMOTERS },
};
