import type { Db } from "~/db/db.server";
import type { AuditFilter } from "./schema";

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEntries(db: Db, filter: AuditFilter) {
  let query = db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.actor_user_id")
    .select([
      "audit_log.id",
      "audit_log.at",
      "audit_log.actor_role",
      "audit_log.action",
      "audit_log.entity_type",
      "audit_log.entity_id",
      "audit_log.details",
      "audit_log.ip",
      "users.email as actor_email",
      "users.full_name as actor_name",
    ]);
  if (filter.actor) query = query.where("users.email", "ilike", `%${filter.actor}%`);
  if (filter.action) query = query.where("audit_log.action", "ilike", `${filter.action}%`);
  if (filter.entityType) query = query.where("audit_log.entity_type", "=", filter.entityType);
  if (filter.entityId) query = query.where("audit_log.entity_id", "=", filter.entityId);
  if (filter.from) query = query.where("audit_log.at", ">=", new Date(`${filter.from}T00:00:00`));
  if (filter.to) query = query.where("audit_log.at", "<", new Date(new Date(`${filter.to}T00:00:00`).getTime() + 86_400_000));
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
