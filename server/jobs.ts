import { getDb } from "~/db/db.server";
import { failInterruptedImports } from "~/domain/candidates/import.server";
import { onEveryCommit, withTransaction } from "~/db/transaction.server";
import { deliverPendingMail, smtpTransport } from "~/domain/mail/delivery.server";
import { expireAvailability, sendFeedbackReminders } from "~/domain/shortlists/commands.server";
import { getEnv } from "~/utils/env.server";
import { runL68Deadlines } from "~/domain/l68/deadlines.server";
import { runVacancyDeadlines } from "~/domain/vacancies/deadlines.server";
import { runCvRetention } from "~/domain/candidates/erasure.server";
import { kickSyncWorker, startSyncWorker, stopSyncWorker } from "../search/sync.server";

/** A periodic, idempotent job: safe to run twice or late (each records what it already did). */
interface PeriodicJob {
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
}

const JOBS: PeriodicJob[] = [
  // Vacancies close at their closing date; reminders 7 days and 1 day before.
  { name: "scadenze offerte", everyMs: 15 * 60_000, run: () => runVacancyDeadlines(getDb()) },
  // L. 68/99: alerts before/after the 60-day obligations and the prospetto deadline.
  { name: "scadenze L. 68/99", everyMs: 60 * 60_000, run: () => runL68Deadlines(getDb(), new Date()) },
  // Rosa: no answer by the availability deadline counts as not available; employers reminded of missing feedback.
  {
    name: "preselezione",
    everyMs: 15 * 60_000,
    run: () =>
      withTransaction(async (trx) => {
        await expireAvailability(trx);
        await sendFeedbackReminders(trx, getEnv().FEEDBACK_REMINDER_DAYS);
      }),
  },
  // Storage limitation (GDPR art. 5(1)(e)): CVs inactive beyond CV_RETENTION_MONTHS are anonymised, 200 per run.
  { name: "conservazione CV", everyMs: 60 * 60_000, run: () => runCvRetention(getDb(), { months: getEnv().CV_RETENTION_MONTHS, batch: 200 }) },
];

/**
 * Starts the background work of a running portal (only once it listens):
 * the search sync worker, woken after every commit, and the periodic jobs.
 * Returns the function that stops them before the database closes.
 */
export function startBackgroundJobs(): () => void {
  const startedAt = new Date();
  void failInterruptedImports(getDb(), startedAt).catch((e) => console.error("[importazioni]", (e as Error).message));
  onEveryCommit(() => kickSyncWorker(getDb));
  startSyncWorker(getDb);
  const { SMTP_URL, MAIL_FROM } = getEnv();
  // Without SMTP_URL the messages stay in the outbox page (development).
  const mailJobs: PeriodicJob[] = SMTP_URL
    ? [{ name: "posta", everyMs: 15_000, run: () => deliverPendingMail(getDb(), smtpTransport(SMTP_URL), MAIL_FROM) }]
    : [];
  const timers = [...JOBS, ...mailJobs].map((job) => {
    const run = () => void job.run().catch((e) => console.error(`[${job.name}]`, (e as Error).message));
    run();
    return setInterval(run, job.everyMs).unref();
  });
  return () => {
    stopSyncWorker();
    timers.forEach(clearInterval);
  };
}
