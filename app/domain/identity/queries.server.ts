import type { Db } from "~/db/db.server";
import { listUserCompanies, pickActiveCompany, type UserCompany } from "~/domain/employers/index.server";

export interface SessionUser {
  id: string;
  email: string;
  fullName: string;
  role: import("~/db/types").Role;
  /** The company this session works for (a consultant's active company), re-checked on every request. */
  employerId: string | null;
  /** The role in that company: a legal representative of one company is a delegate in another. */
  employerRole: import("~/db/types").EmployerRole | null;
  employerName: string | null;
  /** Every company the account may work for (more than one for a labour consultant). */
  companies: UserCompany[];
  officeProvince: string | null;
  /** The password was set by an administrator: every page but the change-password one redirects there. */
  mustChangePassword: boolean;
  sessionId: string;
}

/** The user behind a live session, or null when the session is unknown, expired or the account disabled. */
export async function findSessionUser(db: Db, sessionId: string): Promise<SessionUser | null> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "users.id",
      "users.email",
      "users.full_name",
      "users.role",
      "users.employer_id",
      "users.employer_role",
      "users.office_province",
      "users.must_change_password",
      "sessions.active_employer_id",
    ])
    .where("sessions.id", "=", sessionId)
    .where("sessions.expires_at", ">", new Date())
    .where("users.active", "=", true)
    .executeTakeFirst();
  if (!row) return null;
  // A revoked delegation takes effect here, on the very next request: the remembered company must still be allowed.
  const companies =
    row.role === "employer"
      ? await listUserCompanies(db, { id: row.id, employerId: row.employer_id, employerRole: row.employer_role })
      : [];
  const active = pickActiveCompany(companies, row.active_employer_id);
  return {
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    role: row.role,
    employerId: active?.id ?? null,
    employerRole: active?.role ?? row.employer_role,
    employerName: active?.name ?? null,
    companies,
    officeProvince: row.office_province,
    mustChangePassword: row.must_change_password,
    sessionId,
  };
}

export function findUserForLogin(db: Db, email: string) {
  return db
    .selectFrom("users")
    .select(["id", "role", "password_hash", "active", "employer_id", "must_change_password"])
    .where("email", "=", email)
    .executeTakeFirst();
}

export async function countRecentLoginFailures(db: Db, by: { email?: string; ip?: string }, since: Date): Promise<number> {
  let query = db
    .selectFrom("login_attempts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("succeeded", "=", false)
    .where("at", ">", since);
  if (by.email) query = query.where("email", "=", by.email);
  if (by.ip) query = query.where("ip", "=", by.ip);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function getPasswordHash(db: Db, userId: string): Promise<string | null> {
  const row = await db.selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirst();
  return row?.password_hash ?? null;
}

/** An account as the administrator's pages show it. */
function accountRows(db: Db) {
  return db
    .selectFrom("users")
    .leftJoin("employers", "employers.id", "users.employer_id")
    .select([
      "users.id",
      "users.email",
      "users.full_name",
      "users.role",
      "users.employer_role",
      "users.office_province",
      "users.active",
      "users.created_at",
      "employers.legal_name as employer_name",
    ]);
}

export function listUsers(db: Db) {
  return accountRows(db).orderBy("users.role").orderBy("users.full_name").execute();
}

/** One account for the administrator's edit page. */
export function getUserAccount(db: Db, userId: string) {
  return accountRows(db)
    .select(["users.must_change_password", "users.version", "users.password_changed_at"])
    .where("users.id", "=", userId)
    .executeTakeFirst();
}
