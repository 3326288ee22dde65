import { sql } from "kysely";
import type { Db } from "~/db/db.server";
import type { EmployerStatus } from "~/db/types";

export const EMPLOYER_PAGE_SIZE = 25;

export async function listEmployers(db: Db, filter: { q: string; status: EmployerStatus | ""; page: number }) {
  let query = db
    .selectFrom("employers")
    .innerJoin("comuni", "comuni.istat_code", "employers.legal_comune_code")
    .select([
      "employers.id",
      "employers.legal_name",
      "employers.tax_code",
      "employers.status",
      "employers.headcount_band",
      "employers.created_at",
      "employers.revalidation_changes",
      "comuni.name as comune_name",
      "comuni.province_code",
    ]);
  if (filter.status) query = query.where("employers.status", "=", filter.status);
  if (filter.q) {
    const q = filter.q.toLowerCase();
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(employers.legal_name)`, "like", `%${q}%`),
        eb("employers.tax_code", "=", filter.q.toUpperCase()),
        eb("employers.vat_number", "=", filter.q),
      ]),
    );
  }
  const rows = await query
    .orderBy(sql`employers.status = 'pending'`, "desc")
    .orderBy("employers.created_at", "desc")
    .limit(EMPLOYER_PAGE_SIZE + 1)
    .offset((filter.page - 1) * EMPLOYER_PAGE_SIZE)
    .execute();
  return { employers: rows.slice(0, EMPLOYER_PAGE_SIZE), hasMore: rows.length > EMPLOYER_PAGE_SIZE };
}

export async function countEmployersByStatus(db: Db): Promise<Record<EmployerStatus, number>> {
  const rows = await db
    .selectFrom("employers")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
  const counts: Record<EmployerStatus, number> = { pending: 0, validated: 0, rejected: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** The full record. Callers scope it: officers by permission, employers only with their own id. */
export async function getEmployer(db: Db, employerId: string) {
  const employer = await db
    .selectFrom("employers")
    .innerJoin("comuni", "comuni.istat_code", "employers.legal_comune_code")
    .innerJoin("ateco", "ateco.code", "employers.ateco_code")
    .leftJoin("users as reviewer", "reviewer.id", "employers.status_changed_by")
    .selectAll("employers")
    .select(["comuni.name as comune_name", "comuni.province_code", "ateco.title as ateco_title", "reviewer.full_name as reviewer_name"])
    .where("employers.id", "=", employerId)
    .executeTakeFirst();
  if (!employer) return null;
  const sites = await db
    .selectFrom("employer_sites")
    .innerJoin("comuni", "comuni.istat_code", "employer_sites.comune_code")
    .select(["employer_sites.id", "employer_sites.label", "employer_sites.address", "comuni.name as comune_name", "comuni.province_code"])
    .where("employer_sites.employer_id", "=", employerId)
    .orderBy("employer_sites.label")
    .execute();
  return { ...employer, sites };
}

export type EmployerDetail = NonNullable<Awaited<ReturnType<typeof getEmployer>>>;

/** The company's people: its own accounts, then the labour consultants with a live delegation. */
export async function listEmployerUsers(db: Db, employerId: string) {
  const [own, delegates] = await Promise.all([
    db
      .selectFrom("users")
      .select(["id", "full_name", "email", "employer_role", "active", "created_at"])
      .where("employer_id", "=", employerId)
      .orderBy("created_at")
      .execute(),
    db
      .selectFrom("employer_delegations")
      .innerJoin("users", "users.id", "employer_delegations.user_id")
      .select([
        "users.id",
        "users.full_name",
        "users.email",
        "users.active",
        "employer_delegations.id as delegation_id",
        "employer_delegations.granted_at",
      ])
      .where("employer_delegations.employer_id", "=", employerId)
      .where("employer_delegations.revoked_at", "is", null)
      .orderBy("employer_delegations.granted_at")
      .execute(),
  ]);
  return [
    ...own.map((u) => ({ ...u, delegation_id: null as string | null })),
    ...delegates.map((d) => ({
      id: d.id,
      full_name: d.full_name,
      email: d.email,
      employer_role: "delegate" as const,
      active: d.active,
      created_at: d.granted_at,
      delegation_id: d.delegation_id as string | null,
    })),
  ];
}

export function listPendingInvitations(db: Db, employerId: string) {
  return db
    .selectFrom("employer_invitations")
    .select(["id", "email", "employer_role", "created_at", "expires_at"])
    .where("employer_id", "=", employerId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", new Date())
    .orderBy("created_at", "desc")
    .execute();
}

/**
 * The invitation behind a link, with whether it can still be accepted: not accepted, not cancelled or
 * superseded by a newer invitation, not expired, and no account already holds its e-mail. Null for a token
 * that never existed.
 */
export async function findInvitationByTokenHash(db: Db, tokenHash: string) {
  const row = await db
    .selectFrom("employer_invitations")
    .innerJoin("employers", "employers.id", "employer_invitations.employer_id")
    .select((eb) => [
      "employer_invitations.email",
      "employer_invitations.employer_role",
      "employers.legal_name",
      "employer_invitations.accepted_at",
      "employer_invitations.revoked_at",
      "employer_invitations.expires_at",
      eb.exists(eb.selectFrom("users").select("users.id").whereRef("users.email", "=", "employer_invitations.email")).as("account_exists"),
    ])
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
  if (!row) return null;
  // A labour consultant who already has an account (delegated by another company) accepts with it.
  const usable =
    !row.accepted_at && !row.revoked_at && row.expires_at > new Date() && (!row.account_exists || row.employer_role === "delegate");
  return { email: row.email, employer_role: row.employer_role, legal_name: row.legal_name, usable, has_account: row.account_exists };
}

/** Validated companies that changed codice fiscale or ragione sociale and wait for a new validation, oldest first. */
export function listRevalidationRequests(db: Db) {
  return db
    .selectFrom("employers")
    .select(["id", "legal_name", "revalidation_changes", "updated_at"])
    .where("status", "=", "pending")
    .where("revalidation_changes", "is not", null)
    .orderBy("updated_at")
    .limit(200)
    .execute();
}
