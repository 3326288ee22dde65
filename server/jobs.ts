import { sql } from "kysely";
import { createDb, getDb, type Db } from "~/db/db.server";
import { JOB_LOCK_CLASS, currentInstanceId, forgetDeadInstances } from "~/db/instances.server";
import { failInterruptedImports } from "~/domain/candidates/import.server";
import { onEveryCommit, withTransaction } from "~/db/transaction.server";
import { deliverPendingMail, smtpTransport } from "~/domain/mail/delivery.server";
import { expireAvailability, sendFeedbackReminders } from "~/domain/shortlists/commands.server";
import { getEnv } from "~/utils/env.server";
import { runL68Deadlines } from "~/domain/l68/alerts/index.server";
import { runVacancyDeadlines } from "~/domain/vacancies/deadlines.server";
import { runCvRetention } from "~/domain/candidates/erasure.server";
import { refreshExperienceYears } from "~/domain/candidates/index.server";
import { runOutplacementReminders } from "~/domain/outplacement/index.server";
import { refreshConventionStates, runInternshipJob, sendInternshipReminders, startDueInternships } from "~/domain/internships/index.server";
import { todayInItaly } from "~/utils/dates";
import { kickSyncWorker, shutdownSyncWorker, startSyncWorker } from "../search/sync.server";
import { log } from "~/utils/logger.server";

/** What a job may need from the process that runs it. */
export interface JobContext {
  /** When this portal process started (imports begun before it, with no recorded process, are interrupted). */
  startedAt: Date;
}

/** A periodic, idempotent job: safe to run late (each records what it already did). */
export interface PeriodicJob {
  name: string;
  everyMs: number;
  run: (ctx: JobContext) => Promise<unknown>;
}

/** Every periodic job of the portal; add new ones here (each runs once per period across all processes). */
export const JOBS: PeriodicJob[] = [
  // Imports of a process that died can never finish: closed as failed (also right after start).
  {
    name: "importazioni interrotte",
    everyMs: 60_000,
    run: async ({ startedAt }) => {
      await failInterruptedImports(getDb(), startedAt);
      await forgetDeadInstances(getDb());
    },
  },
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
  // Ricollocazione: the event coordinator is reminded 7 days and 1 day before each legal deadline.
  { name: "scadenze ricollocazione", everyMs: 60 * 60_000, run: () => runOutplacementReminders(getDb()) },
  // Tirocini: conventions come into force and expire; internships with the CO recorded start on their start date.
  {
    name: "tirocini: convenzioni e avvii",
    everyMs: 60 * 60_000,
    run: async () => {
      await refreshConventionStates(getDb(), todayInItaly());
      await startDueInternships(getDb(), todayInItaly());
    },
  },
  // Tirocini: concluded on their end date; outcomes at 6 and 12 months from Rosa's hires (a hire closes it at the next run).
  { name: "tirocini", everyMs: 15 * 60_000, run: () => runInternshipJob() },
  // Tirocini: the promoter's reminders (convention expiring, signatures, CO, attendance, attestazione, outcomes), each e-mailed once.
  {
    name: "promemoria tirocini",
    everyMs: 60 * 60_000,
    run: () => withTransaction((trx) => sendInternshipReminders(trx, todayInItaly(), getEnv().PUBLIC_URL ?? null)),
  },
  // Search: the whole years of a job in progress grow with the calendar; the CVs whose years changed are re-synced.
  { name: "anni di esperienza nella ricerca", everyMs: 60 * 60_000, run: () => refreshExperienceYears(getDb()) },
  // Storage limitation (GDPR art. 5(1)(e)): CVs inactive beyond CV_RETENTION_MONTHS are anonymised, 200 per run.
  {
    name: "conservazione CV",
    everyMs: 60 * 60_000,
    run: () => runCvRetention(getDb(), { months: getEnv().CV_RETENTION_MONTHS, batch: 200 }),
  },
];

/** Sends the mail outbox every 15 s when SMTP_URL is set (without it messages stay on the outbox page). */
function mailJobs(): PeriodicJob[] {
  const { SMTP_URL, MAIL_FROM } = getEnv();
  return SMTP_URL ? [{ name: "posta", everyMs: 15_000, run: () => deliverPendingMail(getDb(), smtpTransport(SMTP_URL), MAIL_FROM) }] : [];
}

/**
 * Runs the job if no process ran it within its period, and returns whether it
 * ran. Two guards, both in PostgreSQL so they hold across portal processes:
 * a session advisory lock on one connection while it runs (a slow run is never
 * overlapped; the lock goes with the connection if the process dies), and the
 * job's row in job_leases, claimed atomically, so that processes whose timers
 * are out of step still run it once per period. Times are PostgreSQL's.
 */
export async function runJobIfDue(lockDb: Db, job: PeriodicJob, ctx: JobContext): Promise<boolean> {
  return lockDb.connection().execute(async (conn) => {
    const { rows } = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_lock(${JOB_LOCK_CLASS}, hashtext(${job.name})) as locked`.execute(conn);
    if (!rows[0]?.locked) return false;
    try {
      // 90 % of the period: timers fire a little early or late; a run is never skipped for a few ms.
      const dueAfterSeconds = (job.everyMs * 0.9) / 1000;
      const claimed = await sql<{ name: string }>`
        insert into job_leases as l (name, runs, last_started_at, instance_id)
        values (${job.name}, 1, now(), ${currentInstanceId()})
        on conflict (name) do update set runs = l.runs + 1, last_started_at = now(), instance_id = excluded.instance_id
          where l.last_started_at is null or l.last_started_at <= now() - make_interval(secs => ${dueAfterSeconds})
        returning name`.execute(conn);
      if (!claimed.rows.length) return false;
      await job.run(ctx);
      await sql`update job_leases set last_finished_at = now() where name = ${job.name}`.execute(conn);
      return true;
    } finally {
      await sql`select pg_advisory_unlock(${JOB_LOCK_CLASS}, hashtext(${job.name}))`.execute(conn);
    }
  });
}

/** Runs the job if due; a failure is logged with its stack (the next period tries again), never thrown. */
export async function runJobLogged(lockDb: Db, job: PeriodicJob, ctx: JobContext): Promise<void> {
  try {
    await runJobIfDue(lockDb, job, ctx);
  } catch (e) {
    log().error({ err: e, job: job.name }, `[job] «${job.name}» non è riuscito: riprovo al prossimo turno`);
  }
}

/**
 * Starts the background work of a running portal (only once it listens):
 * the search sync worker, woken after every commit, and the periodic jobs,
 * each tried at start and then every period. Returns the function that stops
 * them before the database closes: no new run starts, and the runs and the
 * search sync batch in flight are awaited.
 */
export function startBackgroundJobs(): () => Promise<void> {
  const ctx: JobContext = { startedAt: new Date() };
  onEveryCommit(() => kickSyncWorker(getDb));
  startSyncWorker(getDb);
  const jobs = [...JOBS, ...mailJobs()];
  // The lock of a running job is held on a connection of its own pool: jobs started together never take
  // every connection of the pool that their own work (and the requests) need.
  const lockDb = createDb(getEnv().DATABASE_URL!, jobs.length);
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  const timers = jobs.map((job) => {
    const run = () => {
      if (stopping) return;
      const running = runJobLogged(lockDb, job, ctx).finally(() => inFlight.delete(running));
      inFlight.add(running);
    };
    run();
    return setInterval(run, job.everyMs).unref();
  });
  return async () => {
    stopping = true;
    timers.forEach(clearInterval);
    if (inFlight.size) log().info({ jobs: inFlight.size }, "[arresto] attendo la fine dei job in corso");
    await Promise.allSettled([...inFlight]);
    await shutdownSyncWorker();
    await lockDb.destroy().catch(() => {});
  };
}
