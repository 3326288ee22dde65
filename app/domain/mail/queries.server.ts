import type { Db } from "~/db/db.server";

export function listOutbox(db: Db, limit = 100) {
  return db
    .selectFrom("mail_outbox")
    .select(["id", "to_address", "subject", "body_text", "created_at", "sent_at"])
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}
