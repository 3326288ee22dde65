import type { Db, Trx } from "~/db/db.server";
import type { EmployerRole } from "~/db/types";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";

/** A company the user may work for, with the user's role in it. */
export interface UserCompany {
  id: string;
  name: string;
  role: EmployerRole;
  /** When the delegation was granted; null for the account's own company. */
  since: Date | null;
}

/**
 * The companies an employer-side account works for, by name: its own (legal representative or
 * colleague, users.employer_id) and every company with a live delegation.
 */
export async function listUserCompanies(
  db: Db | Trx,
  user: { id: string; employerId: string | null; employerRole: EmployerRole | null },
): Promise<UserCompany[]> {
  const rows = await db
    .selectFrom("employers")
    .leftJoin("employer_delegations", (join) =>
      join
        .onRef("employer_delegations.employer_id", "=", "employers.id")
        .on("employer_delegations.user_id", "=", user.id)
        .on("employer_delegations.revoked_at", "is", null),
    )
    .select(["employers.id", "employers.legal_name", "employer_delegations.granted_at"])
    .where((eb) =>
      eb.or([...(user.employerId ? [eb("employers.id", "=", user.employerId)] : []), eb("employer_delegations.id", "is not", null)]),
    )
    .orderBy("employers.legal_name")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.legal_name,
    role: r.id === user.employerId && user.employerRole ? user.employerRole : ("delegate" as const),
    since: r.id === user.employerId ? null : r.granted_at,
  }));
}

/**
 * The company the session works for: the one chosen in the switcher if still allowed; else the
 * account's own company; else the oldest delegation.
 */
export function pickActiveCompany(companies: UserCompany[], remembered: string | null): UserCompany | null {
  const chosen = companies.find((c) => c.id === remembered);
  if (chosen) return chosen;
  const own = companies.find((c) => c.since === null);
  if (own) return own;
  return [...companies].sort((a, b) => +a.since! - +b.since!)[0] ?? null;
}

/** The consultant chooses the company to work for; only a company that delegated them (or their own) is accepted. */
export async function switchActiveEmployer(
  trx: Trx,
  actor: Actor & { userId: string },
  input: { sessionId: string; employerId: string; companies: UserCompany[] },
): Promise<UserCompany> {
  const company = input.companies.find((c) => c.id === input.employerId);
  if (!company) throw new DomainError("Non hai una delega per questa azienda", "employerId", "not_found");
  await trx
    .updateTable("sessions")
    .set({ active_employer_id: company.id })
    .where("id", "=", input.sessionId)
    .where("user_id", "=", actor.userId)
    .execute();
  await recordAudit(trx, actor, {
    action: "session.employer_switched",
    entityType: "employer",
    entityId: company.id,
    employerId: company.id,
  });
  return company;
}

/** Grants a delegation (idempotent: a live one is kept) and audits it. */
export async function grantDelegation(
  trx: Trx,
  actor: Actor,
  input: { employerId: string; userId: string; grantedBy: string | null; invitationId?: string },
) {
  const live = await trx
    .selectFrom("employer_delegations")
    .select("id")
    .where("employer_id", "=", input.employerId)
    .where("user_id", "=", input.userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (live) return live.id;
  const row = await trx
    .insertInto("employer_delegations")
    .values({ employer_id: input.employerId, user_id: input.userId, granted_by: input.grantedBy, granted_at: new Date() })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: "employer.delegation_granted",
    entityType: "employer_delegation",
    entityId: row.id,
    employerId: input.employerId,
    details: { userId: input.userId, grantedBy: input.grantedBy, invitationId: input.invitationId ?? null },
  });
  return row.id;
}

/**
 * The legal representative revokes a delegate. The consultant's next request no longer sees the
 * company (the session is checked against the live delegations every time).
 */
export async function revokeDelegation(trx: Trx, actor: Actor & { userId: string }, input: { employerId: string; delegationId: string }) {
  const delegation = await trx
    .selectFrom("employer_delegations")
    .innerJoin("users", "users.id", "employer_delegations.user_id")
    .select(["employer_delegations.id", "employer_delegations.user_id", "users.email", "users.full_name"])
    .where("employer_delegations.id", "=", input.delegationId)
    .where("employer_delegations.employer_id", "=", input.employerId)
    .where("employer_delegations.revoked_at", "is", null)
    .forUpdate(["employer_delegations"])
    .executeTakeFirst();
  if (!delegation) throw new DomainError("Delega non trovata o già revocata: ricarica la pagina", "_form", "not_found");
  await trx
    .updateTable("employer_delegations")
    .set({ revoked_at: new Date(), revoked_by: actor.userId })
    .where("id", "=", delegation.id)
    .execute();
  await trx
    .updateTable("sessions")
    .set({ active_employer_id: null })
    .where("user_id", "=", delegation.user_id)
    .where("active_employer_id", "=", input.employerId)
    .execute();
  await recordAudit(trx, actor, {
    action: "employer.delegation_revoked",
    entityType: "employer_delegation",
    entityId: delegation.id,
    employerId: input.employerId,
    details: { userId: delegation.user_id, email: delegation.email },
  });
  return { fullName: delegation.full_name, email: delegation.email };
}

/** Whether the account already works for the company (own company or live delegation). */
export async function worksFor(db: Db | Trx, userId: string, employerId: string): Promise<boolean> {
  const row = await db
    .selectFrom("users")
    .select("users.id")
    .where("users.id", "=", userId)
    .where((eb) =>
      eb.or([
        eb("users.employer_id", "=", employerId),
        eb.exists(
          eb
            .selectFrom("employer_delegations")
            .select("employer_delegations.id")
            .whereRef("employer_delegations.user_id", "=", "users.id")
            .where("employer_delegations.employer_id", "=", employerId)
            .where("employer_delegations.revoked_at", "is", null),
        ),
      ]),
    )
    .executeTakeFirst();
  return !!row;
}
