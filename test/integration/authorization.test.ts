/// <reference types="vite/client" />
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { insertEmployerServiceRows, insertVacancy } from "../support/factories-vacancies";
import { insertAttestedInternship } from "../support/factories-internship-monitoring";
import { callRoute } from "../support/routes";
import { insertPresentedShortlist } from "../support/factories-shortlists";
import {
  ALL,
  type Actor,
  type EmployerServiceParams,
  type InternshipParams,
  type OutplacementParams,
  type InternshipDocumentParams,
  type PlacementParams,
  type Rule,
} from "../support/route-access/actors";
import { insertCandidateImport, setupCandidateMatrix } from "../support/factories-candidates";
import { insertL68Record } from "../support/factories-l68";
import { insertPlacementRows } from "../support/factories-placement";
import { insertInternshipRows } from "../support/factories-internships";
import { insertOutplacementPlanRows } from "../support/factories-outplacement-plans";
import { insertOutplacementRows } from "../support/factories-outplacement";
import { insertCohortRows } from "../support/factories-cohort";
import { insertInternshipDocumentRows } from "../support/factories-internship-documents";
import { insertInternshipAddendumRows } from "../support/factories-internship-addenda";

/**
 * The authorization matrix: who may reach which route, one file per context
 * in test/support/route-access/. Every file in app/routes must be listed, so
 * a new route cannot ship unclassified.
 */
const MATRIX: Record<string, Rule> = Object.assign(
  {},
  ...Object.values(import.meta.glob<{ ROUTE_ACCESS: Record<string, Rule> }>("../support/route-access/*.ts", { eager: true })).map(
    (m) => m.ROUTE_ACCESS,
  ),
);

const routesDir = path.resolve(import.meta.dirname, "../../app/routes");
const routeFiles = fs.readdirSync(routesDir).filter((f) => /\.(tsx?|jsx?)$/.test(f));

// User ids per actor; each test logs in afresh, since the logout route ends the session it is called with.
const users = {} as Record<Actor, string | undefined>;
let otherEmployerId: string;
let otherVacancyId: string;
let otherCandidateId: string;
let otherShortlistId: string;
let otherL68Record: { recordId: string; documentId: string };
let otherUserId: string;
let serviceParams: Record<
  | EmployerServiceParams
  | PlacementParams
  | OutplacementParams
  | InternshipDocumentParams
  | InternshipParams
  | "importId"
  | "attestedInternship"
  | "internshipAddendum",
  Record<string, string>
>;

beforeAll(async () => {
  const own = await createEmployer();
  const other = await createEmployer();
  otherEmployerId = other.id;
  otherVacancyId = (await insertVacancy(other.id, { status: "submitted" })).id;
  otherShortlistId = await insertPresentedShortlist(other.id, otherVacancyId);
  otherL68Record = await insertL68Record(other.id);
  otherUserId = (await createUserWithRole("preselection_officer")).id;
  users.anonymous = undefined;
  users.legalRep = (await createUserWithRole("employer", { employerId: own.id, employerRole: "legal_rep" })).id;
  users.colleague = (await createUserWithRole("employer", { employerId: own.id, employerRole: "colleague" })).id;
  const third = await createEmployer();
  users.consultant = (
    await createUserWithRole("employer", { employerId: own.id, employerRole: "delegate", alsoDelegatedBy: [third.id] })
  ).id;
  users.preselection = (await createUserWithRole("preselection_officer")).id;
  users.placement = (await createUserWithRole("placement_officer")).id;
  users.admin = (await createUserWithRole("admin")).id;
  users.provider = (await createUserWithRole("outplacement_provider")).id;
  users.union = (await createUserWithRole("union_representative")).id;
  const candidateUser = await createUserWithRole("candidate");
  users.candidate = candidateUser.id;
  const candidates = await setupCandidateMatrix(candidateUser.id);
  otherCandidateId = candidates.otherCandidateId;
  serviceParams = {
    ...(await insertEmployerServiceRows(own.id, users.preselection)),
    ...(await insertPlacementRows(own.id, users.placement)),
    ...(await insertCandidateImport(users.preselection)),
    ...(await insertOutplacementRows(own.id, users.preselection)),
    ...(await insertOutplacementPlanRows(own.id, users.provider!)),
    ...(await insertCohortRows(own.id, users.preselection, users.provider)),
    ...(await insertInternshipDocumentRows(own.id)),
    ...(await insertAttestedInternship(own.id, candidates.ownCandidateId, users.preselection!)),
    ...(await insertInternshipRows(own.id, candidates.ownCandidateId)),
    ...(await insertInternshipAddendumRows(own.id, candidates.ownCandidateId)),
  };
});

function urlFor(file: string, params: Record<string, string>): string {
  const segments = file
    .replace(/\.(tsx?|jsx?)$/, "")
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => (s.startsWith("$") ? (params[s.slice(1)] ?? "x") : s));
  return "/" + segments.join("/");
}

/** Denied = 401 (JSON APIs), 403, 404, or (for anonymous visitors) a redirect to the login page. */
function isDenied(outcome: { status: number; location: string | null }) {
  return (
    outcome.status === 401 ||
    outcome.status === 403 ||
    outcome.status === 404 ||
    (outcome.status >= 300 && outcome.status < 400 && !!outcome.location?.startsWith("/accedi"))
  );
}

describe("authorization matrix", () => {
  it("classifies every route file", () => {
    const unlisted = routeFiles.filter((f) => !(f in MATRIX));
    expect(unlisted, "add the new route to MATRIX").toEqual([]);
  });

  for (const file of Object.keys(MATRIX)) {
    const rule = MATRIX[file];
    for (const kind of ["loader", "action"] as const) {
      for (const actor of ALL) {
        it(`${kind} of ${file} as ${actor}`, async () => {
          const mod = await import(path.join(routesDir, file));
          const handler = mod[kind];
          if (!handler) {
            expect(rule[kind], `${file} has no ${kind} but the matrix lists one`).toBeUndefined();
            return;
          }
          const params: Record<string, string> =
            rule.params === "employerId"
              ? { employerId: otherEmployerId }
              : rule.params === "vacancyId"
                ? { vacancyId: otherVacancyId }
                : rule.params === "candidateId"
                  ? { candidateId: otherCandidateId }
                  : rule.params === "shortlistId"
                    ? { shortlistId: otherShortlistId }
                    : rule.params === "l68Record"
                      ? { ...otherL68Record }
                      : rule.params === "userId"
                        ? { userId: otherUserId }
                        : rule.params === "token"
                          ? { token: "x".repeat(32) }
                          : rule.params
                            ? serviceParams[rule.params]
                            : {};
          const outcome = await callRoute(
            handler,
            request(urlFor(file, params), {
              cookie: users[actor] ? await cookieFor(users[actor]!) : undefined,
              method: kind === "action" ? "POST" : "GET",
              form: kind === "action" ? {} : undefined,
            }),
            params,
          );
          const allowed = (rule[kind] ?? []).includes(actor);
          if (allowed) expect(isDenied(outcome), JSON.stringify(outcome).slice(0, 300)).toBe(false);
          else expect(isDenied(outcome), JSON.stringify(outcome).slice(0, 300)).toBe(true);
          expect(outcome.status).toBeLessThan(500);
        });
      }
    }
  }
});
