import { absoluteUrl } from "~/utils/public-url.server";
import type { Db, Trx } from "~/db/db.server";
import { enqueueMail } from "~/domain/mail/index.server";

/** An in-app notice for everybody at the employer plus an e-mail to the company's contact address. */
export async function notifyEmployer(
  trx: Trx | Db,
  employerId: string,
  notice: { title: string; body: string; link: string | null },
): Promise<void> {
  await trx
    .insertInto("employer_notifications")
    .values({ employer_id: employerId, ...notice })
    .execute();
  const employer = await trx.selectFrom("employers").select("contact_email").where("id", "=", employerId).executeTakeFirst();
  if (employer) {
    await enqueueMail(trx, {
      to: employer.contact_email,
      subject: `Rosa: ${notice.title}`,
      body: `${notice.body}${notice.link ? `\n\nApri in Rosa: ${absoluteUrl(notice.link)}` : ""}`,
    });
  }
}

export function listEmployerNotifications(db: Db, employerId: string, limit = 10) {
  return db
    .selectFrom("employer_notifications")
    .select(["id", "title", "body", "link", "created_at", "read_at"])
    .where("employer_id", "=", employerId)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}
