/**
 * The records' part of the daily L. 68 job (docs/architecture.md#service-s): quota and coverage recomputed when an
 * accepted record starts or ends (a suspension's end restarts the 60 days, docs/legal/l68.md#s1-6), and
 * alerts before an exemption or self-certification expires and before each hire of an art. 11
 * convention's schedule. Idempotent: recomputations only for changes after the latest snapshot,
 * alerts unique per (employer, kind, ref_key).
 */
import { sql } from "kysely";
import type { Db } from "~/db/db.server";
import { recomputeFile } from "../file/commands.server";
import { addDays } from "../calculator/dates";
import { alert, REMINDER_DAYS, SYSTEM } from "./alerts.server";
import { formatIsoDay } from "../calculator/explain";
import { RECORD_KIND_LABELS } from "../records/states";
import { plural } from "~/utils/plural";

export interface RecordDeadlineRun {
  recomputed: number;
  recordReminders: number;
}

const inForce = sql<boolean>`(l68_records.status = 'approved' or (l68_records.kind = 'autocertificazione_60' and l68_records.status = 'submitted'))`;

/** Files whose records started, or ended, after their latest recomputation and by `today`. */
async function recomputeStartsAndEnds(db: Db, today: string): Promise<number> {
  const rows = await db
    .selectFrom("l68_records")
    .innerJoin(
      (eb) =>
        eb
          .selectFrom("l68_snapshots")
          .distinctOn("employer_id")
          .select(["employer_id", "reference_date"])
          .orderBy("employer_id")
          .orderBy("id", "desc")
          .as("s"),
      (join) => join.onRef("s.employer_id", "=", "l68_records.employer_id"),
    )
    .select(["l68_records.employer_id", "l68_records.kind", "l68_records.ends_on"])
    .where(inForce)
    .where((eb) =>
      eb.or([
        eb.and([eb("l68_records.starts_on", ">", eb.ref("s.reference_date")), eb("l68_records.starts_on", "<=", today)]),
        eb.and([sql<boolean>`l68_records.ends_on + 1 > s.reference_date`, sql<boolean>`l68_records.ends_on + 1 <= ${today}::date`]),
      ]),
    )
    .execute();
  const employers = new Map<string, { suspensionEnd?: string }>();
  for (const r of rows) {
    const entry = employers.get(r.employer_id) ?? {};
    const ended = r.ends_on ? addDays(r.ends_on, 1) : null;
    if (r.kind === "sospensione" && ended && ended <= today) entry.suspensionEnd = ended;
    employers.set(r.employer_id, entry);
  }
  for (const [employerId, e] of employers) {
    await db
      .transaction()
      .execute((trx) =>
        e.suspensionEnd
          ? recomputeFile(trx, SYSTEM, employerId, today, "Fine di una sospensione degli obblighi", "suspension_end", e.suspensionEnd)
          : recomputeFile(trx, SYSTEM, employerId, today, "Inizio o fine di una pratica in vigore"),
      );
  }
  return employers.size;
}

/** Reminders before an exemption/self-certification expires and before each scheduled art. 11 hire. */
async function recordReminders(db: Db, today: string): Promise<number> {
  const horizon = addDays(today, REMINDER_DAYS);
  const rows = await db
    .selectFrom("l68_records")
    .select(["id", "employer_id", "kind", "details", "ends_on"])
    .where(inForce)
    .where("kind", "in", ["esonero", "autocertificazione_60", "convenzione_art11"])
    .where((eb) => eb.or([eb("ends_on", "is", null), eb("ends_on", ">=", today)]))
    .execute();
  let sent = 0;
  for (const r of rows) {
    const due: { ref: string; kind: string; message: string; subject: string }[] = [];
    if (r.kind === "convenzione_art11") {
      const schedule = ((r.details as { schedule?: { date: string; units: number }[] }).schedule ?? []).filter(
        (s) => s.date >= today && s.date <= horizon,
      );
      for (const s of schedule) {
        due.push({
          ref: `${r.id}:${s.date}`,
          kind: "convention_hiring",
          message: `Secondo il programma della convenzione art. 11, entro il ${formatIsoDay(s.date)} ${s.units === 1 ? "è prevista 1 assunzione" : `sono previste ${plural(s.units, "assunzione", "assunzioni")}`}.`,
          subject: "assunzioni previste dalla convenzione art. 11",
        });
      }
    } else if (r.ends_on && r.ends_on <= horizon) {
      due.push({
        ref: r.id,
        kind: "record_expiring",
        message: `${RECORD_KIND_LABELS[r.kind]} scade il ${formatIsoDay(r.ends_on)}: dal giorno dopo la quota torna dovuta per intero; se le condizioni permangono presenta per tempo una nuova pratica.`,
        subject: "pratica L. 68 in scadenza",
      });
    }
    for (const d of due) {
      if (await db.transaction().execute((trx) => alert(trx, r.employer_id, d.kind, d.ref, d.message, d.subject))) sent++;
    }
  }
  return sent;
}

export async function runRecordDeadlines(db: Db, today: string): Promise<RecordDeadlineRun> {
  return { recomputed: await recomputeStartsAndEnds(db, today), recordReminders: await recordReminders(db, today) };
}
