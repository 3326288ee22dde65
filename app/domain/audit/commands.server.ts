import type { Db, Trx } from "~/db/db.server";

/** Who acted: a logged-in user, or an anonymous visitor (login attempts, registration). */
export interface Actor {
  userId: string | null;
  role: string | null;
  ip: string | null;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  employerId?: string | null;
  details?: Record<string, unknown>;
}

/** Appends one row to the audit log, inside the caller's transaction so it commits or rolls back with the change. */
export async function recordAudit(trx: Trx | Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto("audit_log")
    .values({
      actor_user_id: actor.userId,
      actor_role: actor.role,
      ip: actor.ip,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      employer_id: entry.employerId ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}
