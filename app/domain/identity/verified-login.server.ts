/**
 * Sign-in with an identity verified by an SPID/CIE gateway (docs/decisions/0027-spid-cie-sign-in-through-oidc.md). The codice fiscale is the
 * key: `users.tax_code` is unique, so an identity opens at most one account. The first time, a person links the
 * identity to the account they already have (by proving its password once) or, if they look for work, creates a
 * candidate account whose codice fiscale is the verified one.
 */
import type { Db, Trx } from "~/db/db.server";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { createSession, createUserWithHash, isUniqueViolation } from "./commands.server";
import { attemptPasswordLogin, type LoginLimits, type LoginResult } from "./login.server";
import type { VerifiedIdentity } from "./verified-identity";

/** The session's authentication method (sessions.auth_method) for every sign-in through the gateway. */
export const VERIFIED_METHOD = "spid_cie";

export type VerifiedSignIn =
  { kind: "signed_in"; sessionId: string; role: string; mustChangePassword: boolean } | { kind: "unlinked" } | { kind: "inactive" };

const anonymous = (ip: string): Actor => ({ userId: null, role: null, ip });

export async function signInWithVerifiedIdentity(db: Db, identity: VerifiedIdentity, ip: string): Promise<VerifiedSignIn> {
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom("users")
      .select(["id", "role", "active", "employer_id", "must_change_password"])
      .where("tax_code", "=", identity.taxCode)
      .executeTakeFirst();
    if (!user) {
      // No personal data in the log for an identity Rosa does not know: the gateway's subject is enough to trace it.
      await recordAudit(trx, anonymous(ip), {
        action: "auth.identity_unlinked",
        entityType: "user",
        details: { method: VERIFIED_METHOD, subject: identity.subject },
      });
      return { kind: "unlinked" } as const;
    }
    const actor = { userId: user.id, role: user.role, ip };
    if (!user.active) {
      await recordAudit(trx, actor, {
        action: "auth.login_failed",
        entityType: "user",
        entityId: user.id,
        details: { method: VERIFIED_METHOD },
      });
      return { kind: "inactive" } as const;
    }
    const sessionId = await createSession(trx, user.id, VERIFIED_METHOD);
    await recordAudit(trx, actor, {
      action: "auth.login",
      entityType: "user",
      entityId: user.id,
      employerId: user.employer_id,
      details: { method: VERIFIED_METHOD },
    });
    // The password rules do not apply to a person who proved who they are: a chosen-by-someone-else password stays
    // to be changed only for password sign-ins.
    return { kind: "signed_in", sessionId, role: user.role, mustChangePassword: false } as const;
  });
}

/**
 * First sign-in: the person proves the password of their existing account once; the account then carries the verified
 * codice fiscale and the session is an SPID/CIE one. Refused if the account already has another codice fiscale.
 */
export function linkVerifiedIdentity(
  db: Db,
  identity: VerifiedIdentity,
  input: { email: string; password: string; ip: string },
  limits: LoginLimits,
): Promise<LoginResult> {
  return attemptPasswordLogin(db, input, limits, {
    method: VERIFIED_METHOD,
    run: async (trx, user) => {
      const current = await trx.selectFrom("users").select(["tax_code"]).where("id", "=", user.id).forUpdate().executeTakeFirstOrThrow();
      if (current.tax_code && current.tax_code !== identity.taxCode)
        throw new DomainError(
          "Questo account è collegato a un altro codice fiscale: accedi con l'identità digitale della persona a cui appartiene, oppure rivolgiti al Centro per l'Impiego.",
          "_form",
          "conflict",
        );
      const linkedCv = await trx.selectFrom("candidates").select(["tax_code"]).where("user_id", "=", user.id).executeTakeFirst();
      if (linkedCv && linkedCv.tax_code !== identity.taxCode)
        throw new DomainError(
          "Il CV collegato a questo account ha un altro codice fiscale: rivolgiti al Centro per l'Impiego.",
          "_form",
          "conflict",
        );
      await setTaxCode(trx, user.id, identity.taxCode);
      await recordAudit(
        trx,
        { userId: user.id, role: user.role, ip: input.ip },
        {
          action: "user.identity_linked",
          entityType: "user",
          entityId: user.id,
          details: { method: VERIFIED_METHOD },
        },
      );
    },
  });
}

async function setTaxCode(trx: Trx, userId: string, taxCode: string) {
  await trx
    .updateTable("users")
    .set((eb) => ({ tax_code: taxCode, updated_at: new Date(), version: eb("version", "+", 1) }))
    .where("id", "=", userId)
    .execute()
    .catch((e: unknown) => {
      // Another account took this codice fiscale meanwhile (two first sign-ins at once).
      if (isUniqueViolation(e, "users_tax_code_key"))
        throw new DomainError("Questo codice fiscale è già collegato a un altro account Rosa.", "_form", "conflict");
      throw e;
    });
}

/**
 * A person looking for work creates their account from the verified identity: no password (they sign in with SPID/CIE;
 * they can set one later with «Password dimenticata»). If the CPI already keeps a CV with this codice fiscale and no
 * account, the CV is linked at once: the gateway proved the person is its owner (a password registration instead
 * waits for an officer, registration.server.ts).
 */
export async function createCandidateAccountFromIdentity(
  db: Db,
  identity: VerifiedIdentity,
  input: { email: string; fullName: string; ip: string },
): Promise<{ sessionId: string; linkedCv: boolean }> {
  return db.transaction().execute(async (trx) => {
    const system: Actor = { userId: null, role: "system", ip: input.ip };
    const taken = await trx.selectFrom("users").select("id").where("tax_code", "=", identity.taxCode).executeTakeFirst();
    if (taken)
      throw new DomainError(
        "Questo codice fiscale è già collegato a un account Rosa: accedi di nuovo con SPID o CIE.",
        "_form",
        "conflict",
      );
    const userId = await createUserWithHash(trx, system, {
      email: input.email.toLowerCase(),
      full_name: input.fullName,
      role: "candidate",
      tax_code: identity.taxCode,
      passwordHash: null,
    }).catch((e: unknown) => {
      if (isUniqueViolation(e, "users_tax_code_key"))
        throw new DomainError(
          "Questo codice fiscale è già collegato a un account Rosa: accedi di nuovo con SPID o CIE.",
          "_form",
          "conflict",
        );
      throw e;
    });
    const actor = { userId, role: "candidate", ip: input.ip };
    const cv = await trx
      .updateTable("candidates")
      .set({ user_id: userId })
      .where("tax_code", "=", identity.taxCode)
      .where("user_id", "is", null)
      .where("erased_at", "is", null)
      .returning("id")
      .executeTakeFirst();
    if (cv)
      await recordAudit(trx, actor, {
        action: "candidate.linked",
        entityType: "candidate",
        entityId: cv.id,
        details: { method: VERIFIED_METHOD },
      });
    const sessionId = await createSession(trx, userId, VERIFIED_METHOD);
    await recordAudit(trx, actor, { action: "auth.login", entityType: "user", entityId: userId, details: { method: VERIFIED_METHOD } });
    return { sessionId, linkedCv: !!cv };
  });
}
