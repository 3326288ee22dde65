import type { Db, Trx } from "~/db/db.server";

/**
 * E-mails are written to the outbox inside the business transaction, so a
 * message exists exactly when the change committed. In development the
 * administrators read the outbox in the portal; an SMTP relay sends it in production.
 */
export async function enqueueMail(trx: Trx | Db, mail: { to: string; subject: string; body: string }) {
  await trx.insertInto("mail_outbox").values({ to_address: mail.to, subject: mail.subject, body_text: mail.body }).execute();
}
