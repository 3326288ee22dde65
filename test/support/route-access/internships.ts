import { ALL, EMPLOYERS, type Actor, type Rule } from "./actors";

/** The CPI's officers: the promoter. */
const PROMOTERS: Actor[] = ["preselection", "placement"];

/**
 * Internships (docs/decisions/tirocini.md#chi-vede-cosa). The rules checker API is public (counts and flags only, nothing
 * stored). The CPI officers are the promoter; the employer's users see only their company's internships; the trainee only
 * their own. `internshipId` is an internship of the matrix's own employer whose trainee is the matrix's own candidate.
 */
export const ROUTE_ACCESS: Record<string, Rule> = {
  "api.v1.tirocini.check.ts": { loader: ALL, action: ALL },
  // Conventions and PFI documents (docs/decisions/tirocini.md#convenzioni-pfi-firme-e-co): officers (permission
  // services:deliver) on every row; the host's users only on their own internship; nobody else.
  "operatore.tirocini.convenzioni._index.tsx": { loader: PROMOTERS },
  "operatore.tirocini.convenzioni.nuova.tsx": { loader: PROMOTERS, action: PROMOTERS },
  "operatore.tirocini.convenzioni.$conventionId._index.tsx": { loader: PROMOTERS, action: PROMOTERS, params: "internshipDocs" },
  "operatore.tirocini.convenzioni.$conventionId.pdf.ts": { loader: PROMOTERS, params: "internshipDocs" },
  "operatore.tirocini.$internshipId_.progetto.tsx": { loader: PROMOTERS, action: PROMOTERS, params: "internshipDocs" },
  "operatore.tirocini.$internshipId_.pfi.pdf.ts": { loader: PROMOTERS, params: "internshipDocs" },
  "operatore.tirocini.$internshipId_.unilav.csv.ts": { loader: PROMOTERS, params: "internshipDocs" },
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
  "operatore.tirocini._index.tsx": { loader: PROMOTERS },
  // An action without intent answers 400 to officers.
  "operatore.tirocini.$internshipId.tsx": { loader: PROMOTERS, action: PROMOTERS, params: "internshipId" },
  "azienda.tirocini._index.tsx": { loader: EMPLOYERS },
  // The empty form: 400 for employers (not a denial).
  "azienda.tirocini.nuovo.tsx": { loader: EMPLOYERS, action: EMPLOYERS },
  "azienda.tirocini.$internshipId.tsx": { loader: EMPLOYERS, action: EMPLOYERS, params: "internshipId" },
  "candidato.tirocini._index.tsx": { loader: ["candidate"] },
  // The parties' own signatures (docs/decisions/tirocini.md#firme-delle-parti): the host's users reach the signing page and
  // the convention's PDF of their own internship (a colleague is refused by the domain when uploading, not by the route);
  // the trainee signs on their own internship page and downloads their own PFI.
  "azienda.tirocini.$internshipId_.firme.tsx": { loader: EMPLOYERS, action: EMPLOYERS, params: "internshipDocs" },
  "azienda.tirocini.$internshipId_.convenzione.pdf.ts": { loader: EMPLOYERS, params: "internshipDocs" },
  "candidato.tirocini.$internshipId.tsx": { loader: ["candidate"], action: ["candidate"], params: "internshipId" },
  "candidato.tirocini.$internshipId_.pfi.pdf.ts": { loader: ["candidate"], params: "internshipId" },
  // Editing a request, the officer's request on an employer's behalf, the PFI addenda (docs/decisions/tirocini.md#addendum):
  // the promoter's officers; the host's users on their own internship. The empty forms answer 400 (not a denial).
  "operatore.tirocini.nuovo.tsx": { loader: PROMOTERS, action: PROMOTERS },
  "operatore.tirocini.$internshipId_.modifica.tsx": { loader: PROMOTERS, action: PROMOTERS, params: "internshipId" },
  "azienda.tirocini.$internshipId_.modifica.tsx": { loader: EMPLOYERS, action: EMPLOYERS, params: "internshipId" },
  "operatore.tirocini.$internshipId_.integrazioni.tsx": { loader: PROMOTERS, action: PROMOTERS, params: "internshipAddendum" },
  "azienda.tirocini.$internshipId_.integrazioni.tsx": { loader: EMPLOYERS, action: EMPLOYERS, params: "internshipAddendum" },
  "operatore.tirocini.$internshipId_.integrazioni_.$addendumId.pdf.ts": { loader: PROMOTERS, params: "internshipAddendum" },
  "azienda.tirocini.$internshipId_.integrazioni_.$addendumId.pdf.ts": { loader: EMPLOYERS, params: "internshipAddendum" },
};
