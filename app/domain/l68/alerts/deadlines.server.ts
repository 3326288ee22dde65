/**
 * The deadline job (docs/architecture.md#service-s): alerts before and after the 60-day obligations and the
 * prospetto's 31 January deadline, in-app (l68_alerts) and by e-mail. Idempotent: every
 * alert has a unique (employer, kind, ref_key), so running it twice sends nothing twice.
 * It is a job, not an action: it opens one transaction per employer it touches.
 */
import { todayInItaly } from "~/utils/dates";
import type { Db } from "~/db/db.server";
import { addDays, prospettoDeadline } from "../calculator/dates";
import { formatIsoDay } from "../calculator/explain";
import { recomputeFile } from "../file/commands.server";
import { transitionObligation } from "../file/obligations.server";
import { prospettoDue } from "../file/prospetto.server";
import { runRecordDeadlines, type RecordDeadlineRun } from "./records-deadlines.server";
import { alert, REMINDER_DAYS, SYSTEM } from "./alerts.server";

export { alert, REMINDER_DAYS, SYSTEM };

export interface DeadlineRun extends Partial<RecordDeadlineRun> {
  reminders: number;
  overdue: number;
  prospettoReminders: number;
  prospettoOverdue: number;
  /** Employers with ≥ 15 at the last recomputation whose prospetto is not owed this year. */
  prospettoNotOwed: number;
  /** Files recomputed because a protected worker hired with a later start date started working. */
  workersStarted?: number;
}

/** A hire recorded before its start date counts from that day: recompute the files where that day came. */
async function recomputeStartedWorkers(db: Db, today: string): Promise<number> {
  const rows = await db
    .selectFrom("l68_protected_workers")
    .innerJoin(
      (eb) =>
        eb
          .selectFrom("l68_snapshots")
          .distinctOn("employer_id")
          .select(["employer_id", "reference_date"])
          .orderBy("employer_id")
          .orderBy("id", "desc")
          .as("s"),
      (join) => join.onRef("s.employer_id", "=", "l68_protected_workers.employer_id"),
    )
    .select("l68_protected_workers.employer_id")
    .distinct()
    .whereRef("l68_protected_workers.hired_on", ">", "s.reference_date")
    .where("l68_protected_workers.hired_on", "<=", today)
    .execute();
  for (const r of rows) {
    await db
      .transaction()
      .execute((trx) => recomputeFile(trx, SYSTEM, r.employer_id, today, "Inizio del rapporto di un lavoratore delle categorie protette"));
  }
  return rows.length;
}

export async function runL68Deadlines(db: Db, now: Date = new Date()): Promise<DeadlineRun> {
  const today = todayInItaly(now);
  const out: DeadlineRun = { reminders: 0, overdue: 0, prospettoReminders: 0, prospettoOverdue: 0, prospettoNotOwed: 0 };

  out.workersStarted = await recomputeStartedWorkers(db, today);
  const obligations = await db
    .selectFrom("l68_obligations")
    .select(["id", "employer_id", "units", "status", "due_on"])
    .where("status", "in", ["open", "overdue"])
    .where("due_on", "<=", addDays(today, REMINDER_DAYS))
    .execute();
  for (const o of obligations) {
    await db.transaction().execute(async (trx) => {
      if (o.due_on < today) {
        // The 60 days are over: sanctions accrue from now on (art. 15 c. 4).
        if (o.status === "open") await transitionObligation(trx, SYSTEM, o.id, "expire", today);
        const message =
          `Il termine di 60 giorni per assumere ${o.units} lavorator${o.units === 1 ? "e" : "i"} disabil${o.units === 1 ? "e" : "i"} o chiederne ` +
          `l'avviamento è scaduto il ${formatIsoDay(o.due_on)}: da ora si applica la sanzione dell'art. 15 c. 4 L. 68/1999 per ogni giorno lavorativo di scopertura.`;
        if (await alert(trx, o.employer_id, "obligation_overdue", o.id, message, "termine per le assunzioni L. 68 scaduto")) out.overdue++;
      } else if (o.status === "open") {
        const message =
          `Entro il ${formatIsoDay(o.due_on)} devi assumere ${o.units} lavorator${o.units === 1 ? "e" : "i"} delle categorie protette ` +
          `o presentare la richiesta di avviamento al collocamento mirato (art. 9 c. 1 L. 68/1999).`;
        if (await alert(trx, o.employer_id, "obligation_reminder", o.id, message, "scadenza per le assunzioni L. 68")) out.reminders++;
      }
    });
  }

  // Prospetto informativo: obliged employers (≥ 15 computable at the latest recomputation).
  const year = Number(today.slice(0, 4));
  const deadline = prospettoDeadline(year);
  if (today >= addDays(deadline, -REMINDER_DAYS)) {
    const late = today > deadline;
    const missing = await db
      .selectFrom("l68_files")
      .innerJoin(
        (eb) =>
          eb
            .selectFrom("l68_snapshots")
            .distinctOn("employer_id")
            .select(["employer_id", "base_computo"])
            .orderBy("employer_id")
            .orderBy("id", "desc")
            .as("s"),
        (join) => join.onRef("s.employer_id", "=", "l68_files.employer_id"),
      )
      .select("l68_files.employer_id")
      .where("s.base_computo", ">=", 15)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("l68_prospetti")
              .select("l68_prospetti.id")
              .whereRef("l68_prospetti.employer_id", "=", "l68_files.employer_id")
              .where("l68_prospetti.deadline_year", "=", year)
              .where("l68_prospetti.status", "=", "submitted"),
          ),
        ),
      )
      .execute();
    for (const m of missing) {
      // Nothing changed since the last prospetto sent: not owed, so no reminder and no sanction (art. 40 c. 4 DL 112/2008).
      if (!(await prospettoDue(db, m.employer_id, year)).owed) {
        out.prospettoNotOwed++;
        continue;
      }
      await db.transaction().execute(async (trx) => {
        const message = late
          ? `Il prospetto informativo ${year} non risulta inviato entro il 31 gennaio: la sanzione per il ritardo (art. 15 c. 1 L. 68/1999) cresce ogni giorno.`
          : `Il prospetto informativo ${year} va inviato entro il 31 gennaio ${year}, con la situazione al 31 dicembre ${year - 1} (art. 9 c. 6 L. 68/1999).`;
        const kind = late ? "prospetto_overdue" : "prospetto_reminder";
        if (
          await alert(
            trx,
            m.employer_id,
            kind,
            String(year),
            message,
            late ? "prospetto informativo in ritardo" : "prospetto informativo in scadenza",
          )
        ) {
          if (late) out.prospettoOverdue++;
          else out.prospettoReminders++;
        }
      });
    }
  }
  Object.assign(out, await runRecordDeadlines(db, today));
  return out;
}
