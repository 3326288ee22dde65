import { sql } from "kysely";
import { plural } from "~/utils/plural";
import type { Db, Trx } from "~/db/db.server";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { enqueueMail } from "~/domain/mail/index.server";
import { consumeLink, createEmailLink, lockOpenLink, revokeOpenLinks } from "./email-links.server";
import { hashToken, newLinkToken } from "./link-tokens.server";
import { hashPassword } from "./password.server";
import { assertAcceptablePassword } from "./password-policy.server";

/** A link the user asked for is valid one hour; one an administrator sent, one day (the user may read it later). */
export const RESET_LINK_MINUTES = 60;
export const ADMIN_RESET_LINK_HOURS = 24;

export interface ResetLimits {
  /** Requests per e-mail and per IP in the window (whether or not the account exists). */
  perEmail: number;
  perIp: number;
  windowMinutes: number;
}
export const RESET_LIMITS: ResetLimits = { perEmail: 3, perIp: 20, windowMinutes: 60 };

/** Advisory lock classes next to the login ones (72_400_118/119): one key space per e-mail, one per IP. */
const EMAIL_LOCK_CLASS = 72_400_120;
const IP_LOCK_CLASS = 72_400_121;

export const RESET_LINK_USED_MESSAGE = "Collegamento già usato o scaduto: chiedi una nuova e-mail dalla pagina «Password dimenticata?».";

export type ResetRequestResult = { ok: true } | { ok: false; reason: "limited"; minutes: number };

/**
 * «Password dimenticata?»: sends a single-use link to the address when it belongs to an active account.
 * The answer is the same whether or not the account exists (no enumeration): the request is counted,
 * audited and answered the same way; only the e-mail differs, and it leaves later from the outbox. The
 * same work (token, hash, one transaction) is done in both cases so the response time says nothing.
 * Rate limited per e-mail and per IP, counted under a lock like the login attempts so parallel
 * requests cannot slip past the limit.
 */
export async function requestPasswordReset(
  db: Db,
  input: { email: string; ip: string; baseUrl: string },
  limits: ResetLimits = RESET_LIMITS,
): Promise<ResetRequestResult> {
  const email = input.email.toLowerCase();
  const { token, tokenHash } = newLinkToken();
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${EMAIL_LOCK_CLASS}::int, hashtext(${email}))`.execute(trx);
    await sql`select pg_advisory_xact_lock(${IP_LOCK_CLASS}::int, hashtext(${input.ip}))`.execute(trx);
    const since = new Date(Date.now() - limits.windowMinutes * 60_000);
    const count = (by: "email" | "ip", value: string) =>
      trx
        .selectFrom("password_reset_requests")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where(by, "=", value)
        .where("at", ">", since)
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    const [byEmail, byIp] = await Promise.all([count("email", email), count("ip", input.ip)]);
    if (byEmail >= limits.perEmail || byIp >= limits.perIp) return { ok: false, reason: "limited", minutes: limits.windowMinutes } as const;
    await trx.insertInto("password_reset_requests").values({ email, ip: input.ip }).execute();
    const user = await trx.selectFrom("users").select(["id", "role", "active"]).where("email", "=", email).executeTakeFirst();
    const target = user?.active ? user : null;
    if (target) {
      await issueResetLink(trx, {
        userId: target.id,
        email,
        tokenHash,
        token,
        baseUrl: input.baseUrl,
        minutes: RESET_LINK_MINUTES,
        requestedBy: null,
      });
    }
    await recordAudit(
      trx,
      { userId: null, role: null, ip: input.ip },
      {
        action: "auth.password_reset_requested",
        entityType: "user",
        entityId: target?.id,
        details: { email, account: target ? "active" : "none" },
      },
    );
    return { ok: true } as const;
  });
}

async function issueResetLink(
  trx: Trx,
  input: { userId: string; email: string; token: string; tokenHash: string; baseUrl: string; minutes: number; requestedBy: string | null },
) {
  // A new link supersedes the earlier ones: only the newest e-mail works.
  await revokeOpenLinks(trx, "password_resets", { where: { user_id: input.userId } });
  await createEmailLink(
    trx,
    "password_resets",
    { user_id: input.userId, requested_by: input.requestedBy },
    { minutes: input.minutes },
    { token: { token: input.token, tokenHash: input.tokenHash } },
  );
  const link = `${input.baseUrl}/reimposta-password/${input.token}`;
  const validity =
    input.minutes >= 120
      ? plural(input.minutes / 60, "ora", "ore")
      : input.minutes === 60
        ? "un'ora"
        : plural(input.minutes, "minuto", "minuti");
  await enqueueMail(trx, {
    to: input.email,
    subject: "Rosa: reimposta la password",
    body: input.requestedBy
      ? `L'amministratore di Rosa ti ha inviato un collegamento per scegliere una nuova password. Aprilo entro ${validity}; funziona una sola volta:\n\n${link}`
      : `Qualcuno (probabilmente tu) ha chiesto di reimpostare la password del tuo account Rosa. Apri questo collegamento entro ${validity}; funziona una sola volta:\n\n${link}\n\nSe non sei stato tu, ignora questo messaggio: la tua password resta quella di prima.`,
  });
  return link;
}

/** An administrator sends the user a reset link (the administrator never knows the new password). */
export async function sendPasswordResetByAdmin(trx: Trx, actor: Actor, input: { userId: string; baseUrl: string }) {
  const user = await trx.selectFrom("users").select(["id", "email", "active"]).where("id", "=", input.userId).executeTakeFirst();
  if (!user) throw new DomainError("Utente non trovato", "_form", "not_found");
  if (!user.active) throw new DomainError("L'account è disattivato: riattivalo prima di inviare il collegamento", "_form", "conflict");
  const { token, tokenHash } = newLinkToken();
  const link = await issueResetLink(trx, {
    userId: user.id,
    email: user.email,
    token,
    tokenHash,
    baseUrl: input.baseUrl,
    minutes: ADMIN_RESET_LINK_HOURS * 60,
    requestedBy: actor.userId,
  });
  await recordAudit(trx, actor, {
    action: "user.password_reset_sent",
    entityType: "user",
    entityId: user.id,
    details: { email: user.email },
  });
  return { link, email: user.email };
}

export type ResetLinkState = { state: "valid"; email: string; fullName: string } | { state: "used" };

/** What a reset link is worth: null for a token that never existed. */
export async function findPasswordReset(db: Db, token: string): Promise<ResetLinkState | null> {
  const row = await db
    .selectFrom("password_resets")
    .innerJoin("users", "users.id", "password_resets.user_id")
    .select([
      "password_resets.used_at",
      "password_resets.revoked_at",
      "password_resets.expires_at",
      "users.email",
      "users.full_name",
      "users.active",
    ])
    .where("password_resets.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row) return null;
  if (row.used_at || row.revoked_at || row.expires_at <= new Date() || !row.active) return { state: "used" };
  return { state: "valid", email: row.email, fullName: row.full_name };
}

/**
 * Sets the new password through a reset link: single use (the row is locked and marked used), the
 * zxcvbn policy, every session of the user closed (a stolen session stops working), the failed-login
 * lockout of the e-mail cleared, any forced change satisfied.
 */
export async function resetPassword(trx: Trx, ip: string, token: string, newPassword: string) {
  const link = await lockOpenLink(trx, "password_resets", token, ["id", "user_id"]);
  const reset = link && {
    ...link,
    ...(await trx
      .selectFrom("users")
      .select(["email", "full_name", "role", "active"])
      .where("id", "=", link.user_id)
      .executeTakeFirstOrThrow()),
  };
  if (!reset || !reset.active) throw new DomainError(RESET_LINK_USED_MESSAGE, "_form", "conflict");
  assertAcceptablePassword(newPassword, { email: reset.email, fullName: reset.full_name }, "newPassword");
  const now = new Date();
  const passwordHash = await hashPassword(newPassword);
  await trx
    .updateTable("users")
    .set((eb) => ({
      password_hash: passwordHash,
      password_changed_at: now,
      must_change_password: false,
      updated_at: now,
      version: eb("version", "+", 1),
    }))
    .where("id", "=", reset.user_id)
    .execute();
  await consumeLink(trx, "password_resets", reset.id, {}, now);
  await revokeOpenLinks(trx, "password_resets", { where: { user_id: reset.user_id } }, now);
  const sessions = await trx.deleteFrom("sessions").where("user_id", "=", reset.user_id).executeTakeFirst();
  await trx.deleteFrom("login_attempts").where("email", "=", reset.email).where("succeeded", "=", false).execute();
  await recordAudit(
    trx,
    { userId: reset.user_id, role: reset.role, ip },
    {
      action: "user.password_reset",
      entityType: "user",
      entityId: reset.user_id,
      details: { sessionsClosed: Number(sessions.numDeletedRows) },
    },
  );
  return { userId: reset.user_id };
}
