import { sql } from "kysely";
import type { Db } from "~/db/db.server";
import type { AuditFilter } from "./schema";

export const AUDIT_PAGE_SIZE = 50;

/**
 * The name of the person, company or vacancy a row is about (docs/decisions/0014-append-only-audit-log.md: names, not UUIDs); null for other data.
 * entity_id is text (some entities have non-uuid keys), hence the casts.
 */
const entityName = sql<string | null>`case audit_log.entity_type
  when 'employer' then (select e.legal_name from employers e where e.id::text = audit_log.entity_id)
  when 'user' then (select u.full_name from users u where u.id::text = audit_log.entity_id)
  when 'candidate' then (select c.first_name || ' ' || c.last_name from candidates c where c.id::text = audit_log.entity_id)
  when 'vacancy' then (select 'n. ' || v.number || ' — ' || v.title from vacancies v where v.id::text = audit_log.entity_id)
end`;

export async function listAuditEntries(db: Db, filter: AuditFilter) {
  let query = db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.actor_user_id")
    .leftJoin("employers as ctx", "ctx.id", "audit_log.employer_id")
    .select([
      "audit_log.id",
      "audit_log.at",
      "audit_log.actor_role",
      "audit_log.action",
      "audit_log.entity_type",
      "audit_log.entity_id",
      "audit_log.employer_id",
      "audit_log.details",
      "audit_log.ip",
      "users.email as actor_email",
      "users.full_name as actor_name",
      "ctx.legal_name as employer_name",
      entityName.as("entity_name"),
    ]);
  // A person: name or e-mail of who acted.
  if (filter.actor)
    query = query.where((eb) =>
      eb.or([eb("users.email", "ilike", `%${filter.actor}%`), eb("users.full_name", "ilike", `%${filter.actor}%`)]),
    );
  // An action chosen from the list is exact («auth.login» is not «auth.login_failed»); «employer.» is every employer action.
  if (filter.action)
    query = filter.action.endsWith(".")
      ? query.where(sql<boolean>`starts_with(audit_log.action, ${filter.action})`)
      : query.where("audit_log.action", "=", filter.action);
  if (filter.entityType) query = query.where("audit_log.entity_type", "=", filter.entityType);
  if (filter.entityId) query = query.where("audit_log.entity_id", "=", filter.entityId);
  // An entity by name (person, company, vacancy) or by its identifier; the company a row concerns counts too.
  if (filter.entity) {
    const like = `%${filter.entity}%`;
    query = query.where((eb) =>
      eb.or([eb("audit_log.entity_id", "=", filter.entity!), eb(entityName, "ilike", like), eb("ctx.legal_name", "ilike", like)]),
    );
  }
  if (filter.from) query = query.where(sql<boolean>`audit_log.at >= (${filter.from}::date)::timestamp at time zone 'Europe/Rome'`);
  if (filter.to) query = query.where(sql<boolean>`audit_log.at < (${filter.to}::date + 1)::timestamp at time zone 'Europe/Rome'`);
  const rows = await query
    .orderBy("audit_log.id", "desc")
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((filter.page - 1) * AUDIT_PAGE_SIZE)
    .execute();
  return { entries: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE };
}

export async function listAuditEntityTypes(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("audit_log").select("entity_type").distinct().orderBy("entity_type").execute();
  return rows.map((r) => r.entity_type);
}

export async function listAuditActions(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("audit_log").select("action").distinct().orderBy("action").execute();
  return rows.map((r) => r.action);
}
