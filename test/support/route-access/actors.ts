/** The actors of the authorization matrix and the shape of one route's rule. */
/** consultant: a labour consultant delegated by the own company and by a third one (never by the "other" employer). */
/** provider: an accredited provider's operator (outplacement); union: a union representative linked to outplacement events. */
export type Actor =
  "anonymous" | "legalRep" | "colleague" | "consultant" | "preselection" | "placement" | "admin" | "candidate" | "provider" | "union";

export const ALL: Actor[] = [
  "anonymous",
  "legalRep",
  "colleague",
  "consultant",
  "preselection",
  "placement",
  "admin",
  "candidate",
  "provider",
  "union",
];
export const LOGGED_IN: Actor[] = ALL.filter((a) => a !== "anonymous");
export const EMPLOYERS: Actor[] = ["legalRep", "colleague", "consultant"];
export const OFFICERS: Actor[] = ["preselection", "placement", "admin"];

export interface Rule {
  /** Who gets through the loader (GET) and the action (POST with an empty form). Absent = the route has none. */
  loader?: Actor[];
  action?: Actor[];
  /** Route params filled with a record that belongs to another employer (importId: a CV import of the preselection officer). */
  params?:
    | "employerId"
    | "token"
    | "vacancyId"
    | "candidateId"
    | "shortlistId"
    | "l68Record"
    | "userId"
    | EmployerServiceParams
    | PlacementParams
    | OutplacementParams
    | InternshipDocumentParams
    | InternshipParams
    | "importId"
    | "attestedInternship"
    | "internshipAddendum";
}

/**
 * Real rows of the employer services the matrix setup creates, so the role guards are tested on a record that
 * exists (not a 404 for everybody): a published information article (`slug`, `articleId`), a register row
 * (`deliveryId`) and a needs consultation (`assessmentId`), the last two of the matrix's own employer.
 */
export type EmployerServiceParams = "slug" | "articleId" | "deliveryId" | "assessmentId";

/**
 * Real targeted placement rows of the matrix's own employer (province MI, like the placement officer): a person on the
 * list (`enrolmentId`), an available post (`postId`), a nominative referral with its nulla osta (`referralId`) and an
 * issued certificate (`certificateId`).
 */
export type PlacementParams = "enrolmentId" | "postId" | "referralId" | "certificateId";

/** Real internship rows (test/support/factories-internships.ts): an internship of the own employer and own candidate. */
export type InternshipParams = "internshipId";

/** Real outplacement rows of the matrix's own employer (test/support/factories-outplacement.ts): an event (`eventId`). */
/** Internship documents of the matrix's own employer: a draft convention and an internship in drafting (`internshipDocs`). */
export type InternshipDocumentParams = "internshipDocs";

export type OutplacementParams = "eventId" | "cohortMember" | "assignedMember" | "cohortImport" | "outplacementPlan";
