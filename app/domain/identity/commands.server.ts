import { randomBytes } from "node:crypto";
import type { Db, Trx } from "~/db/db.server";
import type { NewUser } from "~/db/types";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { hashPassword } from "./password.server";
import { assertAcceptablePassword } from "./password-policy.server";

export const SESSION_HOURS = 8;

/** Any authentication method (password today, SPID/CIE OIDC later) ends here. */
export async function createSession(trx: Trx | Db, userId: string, authMethod: string): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await trx
    .insertInto("sessions")
    .values({ id, user_id: userId, auth_method: authMethod, expires_at: new Date(Date.now() + SESSION_HOURS * 3_600_000) })
    .execute();
  return id;
}

export async function deleteSession(trx: Trx | Db, sessionId: string) {
  await trx.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

/** Records a login attempt and returns its id (login reserves it as failed, then marks a success). */
export async function recordLoginAttempt(trx: Trx | Db, attempt: { email: string; ip: string; succeeded: boolean }): Promise<number> {
  const row = await trx.insertInto("login_attempts").values(attempt).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function markLoginAttemptSucceeded(trx: Trx | Db, attemptId: number) {
  await trx.updateTable("login_attempts").set({ succeeded: true }).where("id", "=", attemptId).execute();
}

/** Changes the password and revokes every other session of the user. */
export async function changePassword(trx: Trx, actor: Actor & { userId: string }, keepSessionId: string, newPassword: string) {
  const owner = await trx.selectFrom("users").select(["email", "full_name"]).where("id", "=", actor.userId).executeTakeFirstOrThrow();
  assertAcceptablePassword(newPassword, { email: owner.email, fullName: owner.full_name }, "newPassword");
  const passwordHash = await hashPassword(newPassword);
  await trx
    .updateTable("users")
    .set((eb) => ({
      password_hash: passwordHash,
      password_changed_at: new Date(),
      must_change_password: false,
      updated_at: new Date(),
      version: eb("version", "+", 1),
    }))
    .where("id", "=", actor.userId)
    .execute();
  await trx.deleteFrom("sessions").where("user_id", "=", actor.userId).where("id", "!=", keepSessionId).execute();
  await recordAudit(trx, actor, { action: "user.password_changed", entityType: "user", entityId: actor.userId });
}

export function isUniqueViolation(e: unknown, constraint: string): boolean {
  const err = e as { code?: string; constraint?: string } | null;
  return err?.code === "23505" && err.constraint === constraint;
}

/** A DomainError, so that every form that creates an account answers 409 next to the e-mail, never a 500. */
export class DuplicateEmailError extends DomainError {
  constructor() {
    super("Esiste già un account con questo indirizzo e-mail", "email", "conflict");
  }
}

export async function createUser(trx: Trx, actor: Actor, user: Omit<NewUser, "password_hash"> & { password: string }) {
  const { password, ...rest } = user;
  // Every way of setting a password (registration, invitations, activation, admin) ends here.
  assertAcceptablePassword(password, { email: rest.email, fullName: rest.full_name }, "password");
  return createUserWithHash(trx, actor, { ...rest, passwordHash: await hashPassword(password) });
}

/**
 * For a password already checked against the policy and hashed earlier (a candidate's self-registration
 * keeps only the hash until the e-mail link is opened), or none: an account opened with SPID/CIE.
 */
export async function createUserWithHash(trx: Trx, actor: Actor, user: Omit<NewUser, "password_hash"> & { passwordHash: string | null }) {
  const { passwordHash, ...rest } = user;
  const existing = await trx.selectFrom("users").select("id").where("email", "=", rest.email).executeTakeFirst();
  if (existing) throw new DuplicateEmailError();
  const created = await trx
    .insertInto("users")
    .values({ ...rest, password_hash: passwordHash, password_changed_at: passwordHash ? new Date() : null })
    .returning("id")
    .executeTakeFirstOrThrow()
    .catch((e: unknown) => {
      // Two requests creating the same e-mail at once: the unique index refuses the later one.
      if (isUniqueViolation(e, "users_email_key")) throw new DuplicateEmailError();
      throw e;
    });
  await recordAudit(trx, actor, {
    action: "user.created",
    entityType: "user",
    entityId: created.id,
    employerId: rest.employer_id ?? null,
    details: { email: rest.email, role: rest.role, employerRole: rest.employer_role ?? null },
  });
  return created.id;
}
