/**
 * The L. 68 alerts both deadline jobs send (obligations and prospetto in deadlines.server.ts, records in
 * records-deadlines.server.ts): in-app (l68_alerts) and by e-mail, at most once per (employer, kind, ref_key).
 */
import type { Trx } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/index.server";
import { enqueueMail } from "~/domain/mail/index.server";
import { absoluteUrl } from "~/utils/public-url.server";

/** Days before a deadline when the reminder goes out. */
export const REMINDER_DAYS = 15;

export const SYSTEM = { userId: null, role: "system", ip: null };

/** One alert, in-app and by e-mail, at most once per (employer, kind, ref_key); true when new. */
export async function alert(
  trx: Trx,
  employerId: string,
  kind: string,
  refKey: string,
  message: string,
  subject: string,
): Promise<boolean> {
  const inserted = await trx
    .insertInto("l68_alerts")
    .values({ employer_id: employerId, kind, ref_key: refKey, message })
    .onConflict((oc) => oc.columns(["employer_id", "kind", "ref_key"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) return false;
  const employer = await trx.selectFrom("employers").select("contact_email").where("id", "=", employerId).executeTakeFirstOrThrow();
  await enqueueMail(trx, {
    to: employer.contact_email,
    subject: `Rosa: ${subject}`,
    body: `${message}\n\nI dettagli sono nell'area Collocamento mirato di Rosa: ${absoluteUrl("/azienda/collocamento-mirato")}`,
  });
  await recordAudit(trx, SYSTEM, {
    action: `l68.alert_${kind}`,
    entityType: "l68_file",
    entityId: employerId,
    employerId,
    details: { refKey },
  });
  return true;
}
