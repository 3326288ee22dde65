import { EMPLOYERS, type Rule } from "./actors";

/**
 * Hires and the national exports (docs/legal/national-systems.md#unilav-xml, #sap): the reconciliation with the filed CO
 * and the UNILAV exports for the officers who record hires (matching:run), the employer's own hire's UNILAV, the SAP
 * policy section of a person for the officers who hold the CV database / run outplacement. A made-up hire, candidate or
 * member id is a 404 for everybody; the role checks on real rows are in test/integration/hire-unilav-co.test.ts and
 * test/integration/sap-export.test.ts.
 */
const MATCHERS = ["preselection", "placement"] as const;
export const ROUTE_ACCESS: Record<string, Rule> = {
  "operatore.assunzioni._index.tsx": { loader: [...MATCHERS] },
  // No complete UNILAV among the matrix's hires: a 422 with what is missing (not a denial).
  "operatore.assunzioni.unilav[.]xml.ts": { loader: [...MATCHERS] },
  "operatore.assunzioni.$hireId.tsx": { loader: [], action: [] },
  "operatore.assunzioni.$hireId_.unilav[.]xml.ts": { loader: [] },
  "azienda.assunzioni.$hireId.unilav[.]xml.ts": { loader: [] },
};

// The SAP active-policy section of a person: a CV of the database (candidates:read) or a worker of an outplacement cohort.
ROUTE_ACCESS["operatore.candidati.$candidateId.sap[.]xml.ts"] = { loader: [...MATCHERS], params: "candidateId" };
ROUTE_ACCESS["operatore.ricollocazione.$eventId_.lavoratori.$memberId_.sap[.]xml.ts"] = { loader: [...MATCHERS], params: "cohortMember" };

// The internship's UNILAV C.01.00 as XML (same rule as its CSV): the matrix's internship lacks data, so a 422 with what is missing.
ROUTE_ACCESS["operatore.tirocini.$internshipId_.unilav[.]xml.ts"] = { loader: [...MATCHERS], params: "internshipDocs" };
ROUTE_ACCESS["azienda.tirocini.$internshipId_.unilav[.]xml.ts"] = { loader: EMPLOYERS, params: "internshipDocs" };
