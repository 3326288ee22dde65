import { sql } from "kysely";
import type { Trx } from "~/db/db.server";
import type { Role } from "~/db/types";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError, StaleVersionError } from "~/domain/errors";
import { isUniqueViolation } from "./commands.server";
import { STAFF_ROLES } from "./schema";

/** One lock for every change that could leave the portal without an active administrator. */
const ADMIN_SET_LOCK = 72_400_122;

const isStaff = (role: Role) => (STAFF_ROLES as readonly Role[]).includes(role);

async function lockUser(trx: Trx, userId: string, version: number) {
  const user = await trx
    .selectFrom("users")
    .select(["id", "email", "full_name", "role", "office_province", "active", "version", "employer_id"])
    .where("id", "=", userId)
    .forUpdate()
    .executeTakeFirst();
  if (!user) throw new DomainError("Utente non trovato", "_form", "not_found");
  if (user.version !== version) throw new StaleVersionError();
  return user;
}

/**
 * Refuses a change that takes an administrator away (disable or demote) when it is the acting
 * administrator themselves, or when no other active administrator would remain. Serialized by an
 * advisory lock: two administrators disabling each other at once cannot both succeed.
 */
async function assertAdminRemains(trx: Trx, actor: Actor, target: { id: string }, what: "disable" | "demote") {
  if (actor.userId === target.id) {
    throw new DomainError(
      what === "disable"
        ? "Non puoi disattivare il tuo account: chiedilo a un altro amministratore"
        : "Non puoi togliere a te stesso il ruolo di amministratore: chiedilo a un altro amministratore",
      what === "disable" ? "_form" : "role",
      "conflict",
    );
  }
  await sql`select pg_advisory_xact_lock(${ADMIN_SET_LOCK})`.execute(trx);
  const others = await trx
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("role", "=", "admin")
    .where("active", "=", true)
    .where("id", "!=", target.id)
    .executeTakeFirstOrThrow();
  if (Number(others.n) < 1)
    throw new DomainError("Deve restare almeno un amministratore attivo", what === "disable" ? "_form" : "role", "conflict");
}

/**
 * The administrator edits name, e-mail, province and (for staff accounts only) the role. Employer and
 * candidate accounts keep their role: it comes from the company or the CV they belong to.
 */
export async function updateUserAccount(
  trx: Trx,
  actor: Actor,
  input: { userId: string; version: number; fullName: string; email: string; role?: Role; officeProvince?: string },
) {
  const current = await lockUser(trx, input.userId, input.version);
  const role = input.role ?? current.role;
  if (role !== current.role) {
    if (!isStaff(current.role) || !isStaff(role))
      throw new DomainError("Il ruolo di questo account non si può cambiare", "role", "invalid");
    if (current.role === "admin" && current.active) await assertAdminRemains(trx, actor, current, "demote");
  }
  const officeProvince = isStaff(role) ? (input.officeProvince ?? null) : null;
  if (isStaff(role) && role !== "admin" && !officeProvince)
    throw new DomainError("Scegli la provincia di competenza dell'operatore", "officeProvince", "invalid");
  if (input.email !== current.email.toLowerCase()) {
    const clash = await trx
      .selectFrom("users")
      .select("id")
      .where("email", "=", input.email)
      .where("id", "!=", current.id)
      .executeTakeFirst();
    if (clash) throw new DomainError("Esiste già un account con questo indirizzo e-mail", "email", "conflict");
  }
  await trx
    .updateTable("users")
    .set({
      full_name: input.fullName,
      email: input.email,
      role,
      office_province: officeProvince,
      version: current.version + 1,
      updated_at: new Date(),
    })
    .where("id", "=", current.id)
    .execute()
    .catch((e: unknown) => {
      if (isUniqueViolation(e, "users_email_key"))
        throw new DomainError("Esiste già un account con questo indirizzo e-mail", "email", "conflict");
      throw e;
    });
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const before = { fullName: current.full_name, email: current.email, role: current.role, officeProvince: current.office_province };
  const after = { fullName: input.fullName, email: input.email, role, officeProvince };
  for (const key of Object.keys(before) as (keyof typeof before)[])
    if (before[key] !== after[key]) changes[key] = { from: before[key], to: after[key] };
  // A new role changes what the person may see: their open sessions start again from the login.
  if (changes.role) await trx.deleteFrom("sessions").where("user_id", "=", current.id).execute();
  await recordAudit(trx, actor, {
    action: "user.updated",
    entityType: "user",
    entityId: current.id,
    employerId: current.employer_id,
    details: { changes },
  });
  return { changed: Object.keys(changes) };
}

/** Disables (no login, open sessions end at once) or re-enables an account. */
export async function setUserActive(trx: Trx, actor: Actor, input: { userId: string; version: number; active: boolean }) {
  const current = await lockUser(trx, input.userId, input.version);
  if (current.active === input.active) return;
  if (!input.active && current.role === "admin") await assertAdminRemains(trx, actor, current, "disable");
  if (!input.active && actor.userId === current.id) throw new DomainError("Non puoi disattivare il tuo account", "_form", "conflict");
  await trx
    .updateTable("users")
    .set({ active: input.active, version: current.version + 1, updated_at: new Date() })
    .where("id", "=", current.id)
    .execute();
  let sessionsClosed = 0;
  if (!input.active)
    sessionsClosed = Number((await trx.deleteFrom("sessions").where("user_id", "=", current.id).executeTakeFirst()).numDeletedRows);
  await recordAudit(trx, actor, {
    action: input.active ? "user.enabled" : "user.disabled",
    entityType: "user",
    entityId: current.id,
    employerId: current.employer_id,
    details: { email: current.email, ...(input.active ? {} : { sessionsClosed }) },
  });
}
