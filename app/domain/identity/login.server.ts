import type { Db } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/commands.server";
import { createSession, recordLoginAttempt } from "./commands.server";
import { dummyPasswordHash, verifyPassword } from "./password.server";
import { countRecentLoginFailures, findUserForLogin } from "./queries.server";

export interface LoginLimits {
  maxFailures: number;
  lockMinutes: number;
}

export type LoginResult =
  | { ok: true; sessionId: string; role: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; minutes: number };

/**
 * Password login with rate limiting by e-mail and by IP (failed attempts in a
 * sliding window). The same answer for unknown e-mail and wrong password.
 */
export async function attemptPasswordLogin(
  db: Db,
  input: { email: string; password: string; ip: string },
  limits: LoginLimits,
): Promise<LoginResult> {
  const since = new Date(Date.now() - limits.lockMinutes * 60_000);
  const [byEmail, byIp] = await Promise.all([
    countRecentLoginFailures(db, { email: input.email }, since),
    countRecentLoginFailures(db, { ip: input.ip }, since),
  ]);
  if (byEmail >= limits.maxFailures || byIp >= limits.maxFailures * 4) {
    return { ok: false, reason: "locked", minutes: limits.lockMinutes };
  }
  const user = await findUserForLogin(db, input.email);
  const valid = user?.active
    ? await verifyPassword(user.password_hash, input.password)
    : (await verifyPassword(await dummyPasswordHash(), input.password), false);
  const actor = { userId: user?.id ?? null, role: user?.role ?? null, ip: input.ip };
  return db.transaction().execute(async (trx) => {
    await recordLoginAttempt(trx, { email: input.email, ip: input.ip, succeeded: valid });
    if (!valid || !user) {
      await recordAudit(trx, actor, { action: "auth.login_failed", entityType: "user", entityId: user?.id, details: { email: input.email } });
      return { ok: false, reason: "invalid" } as const;
    }
    const sessionId = await createSession(trx, user.id, "password");
    await recordAudit(trx, actor, { action: "auth.login", entityType: "user", entityId: user.id, employerId: user.employer_id });
    return { ok: true, sessionId, role: user.role } as const;
  });
}
