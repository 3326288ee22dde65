import { addDays, todayInItaly } from "~/utils/dates";
import { sql } from "kysely";
import type { Db } from "~/db/db.server";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { formatDate } from "~/utils/format";
import { transitionVacancy } from "./commands.server";
import { notifyEmployer } from "./notifications.server";
import { LIVE_STATUSES } from "./states";

/** A "YYYY-MM-DD" literal compared with a `date` column. */
const day = (iso: string) => sql<string>`${iso}::date`;

const SYSTEM: Actor = { userId: null, role: "system", ip: null };

/** Reminder kinds and the days left (closing date − today, in Italy) that trigger them. */
const REMINDERS = [
  { kind: "7d", minDays: 2, maxDays: 7 },
  { kind: "1d", minDays: 0, maxDays: 1 },
] as const;

/**
 * The daily lifecycle of vacancies, safe to run as often as wanted (each run
 * only does what is still due): closes vacancies past their closing date and
 * reminds employers 7 days and 1 day before it. One transaction per vacancy,
 * so one failure does not hold back the others.
 */
export async function runVacancyDeadlines(db: Db, now: Date = new Date()) {
  const today = todayInItaly(now);
  let expired = 0;
  let reminders = 0;
  const due = await db
    .selectFrom("vacancies")
    .select("id")
    .where("status", "in", ["validated", ...LIVE_STATUSES])
    .where("closing_date", "<", day(today))
    .execute();
  for (const { id } of due) {
    try {
      await db
        .transaction()
        .execute((trx) =>
          transitionVacancy(
            trx,
            SYSTEM,
            { kind: "system" },
            id,
            { event: "expire", version: null, reason: "", outcome: "", channel: "" },
            now,
          ),
        );
      expired++;
    } catch (e) {
      // Closed or changed by someone else in the meantime: nothing left to do.
      if (!(e instanceof DomainError)) throw e;
    }
  }
  for (const r of REMINDERS) {
    const rows = await db
      .selectFrom("vacancies")
      .select(["id", "employer_id", "title", "number", "closing_date"])
      .where("status", "in", LIVE_STATUSES)
      .where("closing_date", ">=", day(addDays(today, r.minDays)))
      .where("closing_date", "<=", day(addDays(today, r.maxDays)))
      .execute();
    for (const v of rows) {
      const sent = await db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto("vacancy_reminders")
          .values({ vacancy_id: v.id, kind: r.kind, closing_date: v.closing_date })
          .onConflict((oc) => oc.doNothing())
          .returning("vacancy_id")
          .executeTakeFirst();
        if (!inserted) return false;
        await notifyEmployer(trx, v.employer_id, {
          title: `offerta n. ${v.number} in scadenza il ${formatDate(v.closing_date)}`,
          body: `L'offerta «${v.title}» scade il ${formatDate(v.closing_date)}. Se ti servono altri giorni, chiedi al Centro per l'Impiego; dopo la scadenza l'offerta si chiude da sola.`,
          link: `/azienda/offerte/${v.id}`,
        });
        await recordAudit(trx, SYSTEM, {
          action: "vacancy.reminder_sent",
          entityType: "vacancy",
          entityId: v.id,
          employerId: v.employer_id,
          details: { kind: r.kind },
        });
        return true;
      });
      if (sent) reminders++;
    }
  }
  return { expired, reminders };
}
