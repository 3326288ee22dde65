import { ALL, EMPLOYERS, type Rule } from "./actors";

const PROMOTERS: ("preselection" | "placement")[] = ["preselection", "placement"];

/**
 * Internships (docs/decisions/tirocini.md#chi-vede-cosa). The rules checker API is public (counts and flags only, nothing
 * stored). The CPI officers are the promoter; the employer's users see only their company's internships; the trainee only
 * their own. `internshipId` is an internship of the matrix's own employer whose trainee is the matrix's own candidate.
 */
export const ROUTE_ACCESS: Record<string, Rule> = {
  "api.v1.tirocini.check.ts": { loader: ALL, action: ALL },
  "operatore.tirocini._index.tsx": { loader: PROMOTERS },
  // An action without intent answers 400 to officers.
  "operatore.tirocini.$internshipId.tsx": { loader: PROMOTERS, action: PROMOTERS, params: "internshipId" },
  "azienda.tirocini._index.tsx": { loader: EMPLOYERS },
  // The empty form: 400 for employers (not a denial).
  "azienda.tirocini.nuovo.tsx": { loader: EMPLOYERS, action: EMPLOYERS },
  "azienda.tirocini.$internshipId.tsx": { loader: EMPLOYERS, action: EMPLOYERS, params: "internshipId" },
  "candidato.tirocini._index.tsx": { loader: ["candidate"] },
  "candidato.tirocini.$internshipId.tsx": { loader: ["candidate"], params: "internshipId" },
};
