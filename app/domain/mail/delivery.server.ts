import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "~/db/db.server";

export type MailTransport = Pick<Transporter, "sendMail">;

const BATCH = 50;

export function smtpTransport(smtpUrl: string): MailTransport {
  return nodemailer.createTransport(smtpUrl);
}

/**
 * Sends the outbox rows not sent yet. Each row is claimed under a row lock
 * (SKIP LOCKED), so several portal instances never send the same message
 * twice; a failure is recorded on the row and retried on the next run.
 */
export async function deliverPendingMail(db: Db, transport: MailTransport, from: string): Promise<{ sent: number; failed: number }> {
  const pending = await db.selectFrom("mail_outbox").select("id").where("sent_at", "is", null).orderBy("id").limit(BATCH).execute();
  let sent = 0;
  let failed = 0;
  for (const { id } of pending) {
    await db.transaction().execute(async (trx) => {
      const mail = await trx
        .selectFrom("mail_outbox")
        .select(["id", "to_address", "subject", "body_text"])
        .where("id", "=", id)
        .where("sent_at", "is", null)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!mail) return;
      try {
        await transport.sendMail({ from, to: mail.to_address, subject: mail.subject, text: mail.body_text });
        await trx.updateTable("mail_outbox").set({ sent_at: new Date(), last_error: null }).where("id", "=", id).execute();
        sent++;
      } catch (e) {
        await trx
          .updateTable("mail_outbox")
          .set({ last_error: (e as Error).message.slice(0, 500) })
          .where("id", "=", id)
          .execute();
        failed++;
      }
    });
  }
  return { sent, failed };
}
