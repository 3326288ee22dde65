/**
 * Request guards: each turns a request (and its route params) into the user and the scope it acts in, or
 * throws the response the route answers with (redirect to the login, 403, 404). The domain keeps the pure
 * scopes and predicates (`app/domain/<context>/policy.server.ts`); only this web tier knows about HTTP.
 */
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { getDb, type Db } from "~/db/db.server";
import { candidateIdForUser } from "~/domain/candidates/queries.server";
import type { SessionUser } from "~/domain/identity/queries.server";
import { roleHas } from "~/domain/identity/roles";
import { canOfficerSeeEmployer, canSeeHealthData } from "~/domain/l68/index.server";
import type { ShortlistScope } from "~/domain/shortlists/policy.server";
import type { VacancyScope } from "~/domain/vacancies/policy.server";
import { forbidden, notFound, requirePermission, requireUser } from "./session.server";

/** A route param that must be a uuid; anything else is simply a row that does not exist (404 with `message`). */
function uuidParam(params: unknown, name: string, message: string): string {
  const parsed = z.object({ [name]: z.uuid() }).safeParse(params);
  if (!parsed.success) throw notFound(message);
  return parsed.data[name] as string;
}

// ── candidates ────────────────────────────────────────────────────────────────────────────────

/**
 * The CV of the logged-in candidate. An account not (yet) linked to a CV (a self-registered
 * candidate) is sent to write its first CV, or to read that the CPI is linking the existing one.
 */
export async function requireOwnCandidateId(db: Db, user: SessionUser): Promise<string> {
  const id = await candidateIdForUser(db, user.id);
  if (!id) throw redirect("/candidato/nuovo");
  return id;
}

/** The :hireId route param; anything that is not a uuid is simply a hire that does not exist. */
export function hireIdFrom(params: unknown): string {
  return uuidParam(params, "hireId", "Assunzione non trovata");
}

/** The :candidateId route param; anything that is not a uuid is simply a candidate that does not exist. */
export function candidateIdFrom(params: unknown): string {
  return uuidParam(params, "candidateId", "Candidato non trovato");
}

// ── employers ─────────────────────────────────────────────────────────────────────────────────

/** Only the legal representative may invite colleagues or a delegate and correct the company data. */
export function requireLegalRepresentative(user: SessionUser): asserts user is SessionUser & { employerId: string } {
  if (user.role !== "employer" || user.employerRole !== "legal_rep" || !user.employerId) throw forbidden();
}

// ── L. 68/99 and targeted placement ───────────────────────────────────────────────────────────

/** An employer's user on its own L. 68 file (any employer role); others get 403. */
export async function requireL68Employer(request: Request) {
  const user = await requirePermission(request, "l68:own");
  if (!user.employerId) throw forbidden();
  return user as typeof user & { employerId: string };
}

/** A placement officer on an employer of the office's province; any other employer is a 404. */
export async function requireOfficerOn(request: Request, employerId: string | null | undefined) {
  const user = await requirePermission(request, "l68:manage");
  if (!employerId || !(await canOfficerSeeEmployer(getDb(), user, employerId))) throw notFound("Azienda non trovata");
  return { user, employerId };
}

/**
 * The province's list and its health data: placement officers only (l68:manage and
 * candidates:health), with an office province. Employers, preselection officers and
 * administrators get 403.
 */
export async function requirePlacementOfficer(request: Request) {
  const user = await requirePermission(request, "l68:manage");
  if (!canSeeHealthData(user) || !user.officeProvince) throw forbidden();
  return { user, province: user.officeProvince };
}

// ── employer services ─────────────────────────────────────────────────────────────────────────

/** The register of deliveries: officers (who record) and administrators (who report) may read and export it. */
export async function requireRegisterReader(request: Request) {
  const user = await requireUser(request);
  if (!roleHas(user.role, "services:deliver") && user.role !== "admin") throw forbidden();
  return user;
}

// ── shortlists ────────────────────────────────────────────────────────────────────────────────

export async function requireMatchingOfficer(request: Request) {
  const user = await requirePermission(request, "matching:run");
  return { user, scope: { kind: "officer", userId: user.id } as ShortlistScope };
}

export async function requireShortlistEmployer(request: Request) {
  const user = await requirePermission(request, "vacancies:own");
  if (!user.employerId) throw forbidden();
  return { user, employerId: user.employerId, scope: { kind: "employer", employerId: user.employerId, userId: user.id } as ShortlistScope };
}

export async function requireCandidateUser(request: Request) {
  const user = await requirePermission(request, "candidate:self");
  return { user, scope: { kind: "candidate", userId: user.id } as ShortlistScope };
}

export function shortlistIdFrom(params: unknown): string {
  return uuidParam(params, "shortlistId", "Rosa non trovata");
}

// ── vacancies ─────────────────────────────────────────────────────────────────────────────────

/** An employer user with the vacancy permission, and the scope of its company's vacancies. */
export async function requireVacancyEmployer(request: Request) {
  const user = await requirePermission(request, "vacancies:own");
  if (!user.employerId) throw forbidden();
  return { user, employerId: user.employerId, scope: { kind: "employer", employerId: user.employerId } as VacancyScope };
}

/** A CPI officer who reviews vacancies; officers see every vacancy. */
export async function requireVacancyOfficer(request: Request) {
  const user = await requirePermission(request, "vacancies:review");
  return { user, scope: { kind: "officer" } as VacancyScope };
}

/** The vacancy id of a route, or a 404 for anything that is not a uuid. */
export function vacancyIdFrom(params: unknown): string {
  return uuidParam(params, "vacancyId", "Offerta non trovata");
}
