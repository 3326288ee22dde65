import type { Db } from "~/db/db.server";

export function listOutbox(db: Db, limit = 100) {
  return db
    .selectFrom("mail_outbox")
    .select(["id", "to_address", "subject", "body_text", "created_at", "sent_at"])
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** SMS written by the portal (availability links, docs/decisions/0010-signed-availability-links.md): no SMS gateway is connected, so none is sent. */
export function listSmsOutbox(db: Db, limit = 100) {
  return db
    .selectFrom("sms_outbox")
    .select(["id", "to_number", "body_text", "created_at", "sent_at"])
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}
