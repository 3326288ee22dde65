import { randomUUID } from "node:crypto";
import { getDb } from "~/db/db.server";
import type { EmployerRole, Role } from "~/db/types";
import { createSession } from "~/domain/identity/commands.server";
import { hashPassword } from "~/domain/identity/password.server";
import { sessionCookieHeader } from "~/web/session.server";
import { withCheckDigit } from "../../server/seed/index";

export const TEST_PASSWORD = "Password-di-prova-1";
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomUUID().slice(0, 4)}`;

/** A distinct valid 11-digit codice fiscale per call. */
export function uniqueCompanyTaxCode(): string {
  const stem = String(Math.floor(Math.random() * 9e9) + 1e9).slice(0, 10);
  return withCheckDigit(stem);
}

let hashed: Promise<string> | undefined;

export async function createEmployer(overrides: { status?: "pending" | "validated" | "rejected"; legalName?: string } = {}) {
  const db = getDb();
  const comune = await db.selectFrom("comuni").select("istat_code").where("name", "=", "Milano").executeTakeFirstOrThrow();
  const ateco = await db.selectFrom("ateco").select("code").where("level", "=", "division").orderBy("code").executeTakeFirstOrThrow();
  return db
    .insertInto("employers")
    .values({
      legal_name: overrides.legalName ?? `Azienda ${unique()} S.r.l.`,
      tax_code: uniqueCompanyTaxCode(),
      vat_number: null,
      ateco_code: ateco.code,
      headcount_band: "15-35",
      legal_address: "Via Roma 1",
      legal_comune_code: comune.istat_code,
      pec: null,
      contact_name: "Mario Rossi",
      contact_email: `contatto-${unique()}@example.it`,
      contact_phone: "02 1234567",
      status: overrides.status ?? "validated",
    })
    .returning(["id", "legal_name", "version"])
    .executeTakeFirstOrThrow();
}

/**
 * A user of the role. An employer "delegate" (labour consultant) belongs to no company: it gets a live
 * delegation from opts.employerId and from each of opts.alsoDelegatedBy.
 */
export async function createUserWithRole(
  role: Role,
  opts: { employerId?: string; employerRole?: EmployerRole; alsoDelegatedBy?: string[] } = {},
) {
  hashed ??= hashPassword(TEST_PASSWORD);
  const email = `${role}-${unique()}@example.it`;
  const delegate = role === "employer" && opts.employerRole === "delegate";
  const user = await getDb()
    .insertInto("users")
    .values({
      email,
      full_name: `Utente ${role}`,
      password_hash: await hashed,
      role,
      employer_id: role === "employer" && !delegate ? opts.employerId! : null,
      employer_role: role === "employer" ? (opts.employerRole ?? "legal_rep") : null,
      office_province: role === "employer" ? null : "MI",
    })
    .returning(["id", "email", "role", "employer_id"])
    .executeTakeFirstOrThrow();
  if (delegate) {
    const delegators = [...(opts.employerId ? [opts.employerId] : []), ...(opts.alsoDelegatedBy ?? [])];
    // One millisecond apart: the oldest delegation is the company a new session starts with.
    for (const [i, employerId] of delegators.entries())
      await getDb()
        .insertInto("employer_delegations")
        .values({ employer_id: employerId, user_id: user.id, granted_at: new Date(Date.now() - 1000 + i) })
        .execute();
  }
  return user;
}

/** A logged-in request for the given user, as the browser would send it. */
export async function cookieFor(userId: string): Promise<string> {
  const sessionId = await createSession(getDb(), userId, "password");
  return (await sessionCookieHeader(sessionId)).split(";")[0];
}

export function request(path: string, init: { cookie?: string; method?: string; form?: Record<string, string> } = {}): Request {
  const headers = new Headers();
  if (init.cookie) headers.set("Cookie", init.cookie);
  const body = init.form ? new URLSearchParams(init.form) : undefined;
  if (body) headers.set("Content-Type", "application/x-www-form-urlencoded");
  return new Request(`http://localhost${path}`, { method: init.method ?? (body ? "POST" : "GET"), headers, body });
}
