import { sql } from "kysely";
import type { Db, Trx } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/index.server";
import { createSession, markLoginAttemptSucceeded, recordLoginAttempt } from "./commands.server";
import { dummyPasswordHash, verifyPassword } from "./password.server";
import { countRecentLoginFailures, findUserForLogin } from "./queries.server";

export interface LoginLimits {
  maxFailures: number;
  lockMinutes: number;
}

export type LoginResult =
  | { ok: true; sessionId: string; role: string; mustChangePassword: boolean }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; minutes: number };

/**
 * What a sign-in that proves the password for another purpose does once the password is verified, in the same
 * transaction, before the session exists (linking an SPID/CIE identity: verified-login.server.ts); a DomainError it
 * throws leaves no session. `method` names the session's authentication method.
 */
export interface PasswordVerified {
  method: string;
  run: (trx: Trx, user: { id: string; role: string }) => Promise<void>;
}

/** Advisory lock classes (two-key form): one key space per e-mail, one per IP, so they never collide. */
const EMAIL_LOCK_CLASS = 72_400_118;
const IP_LOCK_CLASS = 72_400_119;

/**
 * Password login with rate limiting by e-mail and by IP (failed attempts in a
 * sliding window). The same answer for unknown e-mail and wrong password.
 *
 * The limit holds under parallel requests: every attempt first reserves its
 * place, as a failed attempt, under a lock on its e-mail and on its IP, and only
 * then verifies the password; a correct password turns the reservation into a
 * success. So at most `maxFailures` passwords per e-mail (and `4 × maxFailures`
 * per IP) are ever verified in a window, however many requests arrive at once,
 * and the right password sent after the limit is refused like any other.
 * The locks are held only for the count and the insert, not during argon2.
 */
export async function attemptPasswordLogin(
  db: Db,
  input: { email: string; password: string; ip: string },
  limits: LoginLimits,
  after?: PasswordVerified,
): Promise<LoginResult> {
  const email = input.email.toLowerCase();
  const attemptId = await reserveAttempt(db, { email, ip: input.ip }, limits);
  if (attemptId === null) return { ok: false, reason: "locked", minutes: limits.lockMinutes };
  const user = await findUserForLogin(db, email);
  const valid = user?.active
    ? await verifyPassword(user.password_hash, input.password)
    : (await verifyPassword(await dummyPasswordHash(), input.password), false);
  const actor = { userId: user?.id ?? null, role: user?.role ?? null, ip: input.ip };
  return db.transaction().execute(async (trx) => {
    if (!valid || !user) {
      await recordAudit(trx, actor, { action: "auth.login_failed", entityType: "user", entityId: user?.id, details: { email } });
      return { ok: false, reason: "invalid" } as const;
    }
    await markLoginAttemptSucceeded(trx, attemptId);
    if (after) await after.run(trx, { id: user.id, role: user.role });
    const method = after?.method ?? "password";
    const sessionId = await createSession(trx, user.id, method);
    await recordAudit(trx, actor, {
      action: "auth.login",
      entityType: "user",
      entityId: user.id,
      employerId: user.employer_id,
      ...(after ? { details: { method } } : {}),
    });
    return { ok: true, sessionId, role: user.role, mustChangePassword: user.must_change_password } as const;
  });
}

/** Counts and records the attempt atomically; null when the e-mail or the IP is locked. */
function reserveAttempt(db: Db, key: { email: string; ip: string }, limits: LoginLimits): Promise<number | null> {
  const since = new Date(Date.now() - limits.lockMinutes * 60_000);
  return db.transaction().execute(async (trx) => {
    // Always e-mail first, then IP: two attempts can never wait on each other crosswise.
    await sql`select pg_advisory_xact_lock(${EMAIL_LOCK_CLASS}::int, hashtext(${key.email}))`.execute(trx);
    await sql`select pg_advisory_xact_lock(${IP_LOCK_CLASS}::int, hashtext(${key.ip}))`.execute(trx);
    const [byEmail, byIp] = await Promise.all([
      countRecentLoginFailures(trx, { email: key.email }, since),
      countRecentLoginFailures(trx, { ip: key.ip }, since),
    ]);
    if (byEmail >= limits.maxFailures || byIp >= limits.maxFailures * 4) return null;
    return recordLoginAttempt(trx, { ...key, succeeded: false });
  });
}
