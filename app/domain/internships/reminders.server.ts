/**
 * What the promoter must not forget (docs/decisions/tirocini.md#promemoria): a convention expiring within 30 days, PFI
 * or addendum signatures pending for more than 7 days, the CO not recorded 2 days before the start, a past month of
 * attendance not recorded, the attestazione (or the closing) due after the end, the outcome checks at 6 and 12 months
 * whose window ends within 30 days. Computed from the data on each read (exact counts); the daily job e-mails each
 * reminder once to the internship's officer through the mail outbox.
 */
import { plural } from "~/utils/plural";
import { sql } from "kysely";
import type { Db, Trx } from "~/db/db.server";
import { enqueueMail } from "~/domain/mail/index.server";
import { addDays } from "~/utils/dates";
import { formatDate } from "~/utils/format";

export const REMINDER_KINDS = [
  "convention_expiring",
  "signatures_pending",
  "co_missing",
  "attendance_missing",
  "attestation_due",
  "outcome_check",
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_LABELS: Record<ReminderKind, string> = {
  convention_expiring: "Convenzione in scadenza entro 30 giorni",
  signatures_pending: "Firme in attesa da più di 7 giorni",
  co_missing: "Comunicazione obbligatoria non registrata prima dell'avvio",
  attendance_missing: "Presenze mensili non registrate",
  attestation_due: "Attestazione finale da rilasciare (o chiusura)",
  outcome_check: "Verifica dell'esito a 6 o 12 mesi",
};

export interface Reminder {
  internshipId: string;
  number: number;
  title: string;
  kind: ReminderKind;
  /** The day the reminder is about (deadline, month, start…): with the kind, it keeps the e-mail from repeating. */
  dueOn: string;
  detail: string;
  officerId: string | null;
}

const OPEN = sql.raw(`('attested','closed_without_attestation','cancelled','rejected')`);

/** Every reminder of the open internships on `today`, or only those of one internship. */
export async function internshipReminders(db: Db | Trx, today: string, internshipId?: string): Promise<Reminder[]> {
  const only = internshipId ? sql`and i.id = ${internshipId}` : sql``;
  const in30 = addDays(today, 30);
  const week = addDays(today, -7);
  const in2 = addDays(today, 2);
  const rows = await sql<{
    internship_id: string;
    number: number;
    title: string;
    officer_id: string | null;
    kind: ReminderKind;
    due_on: string;
    extra: string | null;
  }>`
    select i.id as internship_id, i.number, i.title, coalesce(i.promoter_tutor_id, i.officer_id) as officer_id, r.kind,
      to_char(r.due_on, 'YYYY-MM-DD') as due_on, r.extra
    from internships i
    cross join lateral (
      select 'convention_expiring' as kind, k.valid_to as due_on, k.number::text as extra
        from internship_conventions k
        where k.id = i.convention_id and k.state in ('signed','active') and k.valid_to between ${today}::date and ${in30}::date
      union all
      select 'signatures_pending', (select max(t.at) from internship_transitions t where t.internship_id = i.id and t.event = 'checks_passed')::date, null
        where i.state in ('ready_to_sign','partially_signed')
          and (select max(t.at) from internship_transitions t where t.internship_id = i.id and t.event = 'checks_passed')::date < ${week}::date
      union all
      select 'signatures_pending', a.created_at::date, a.sequence::text
        from internship_addenda a
        where a.internship_id = i.id and a.state = 'awaiting_signatures' and a.created_at::date < ${week}::date
      union all
      select 'co_missing', i.start_date, null
        where i.state in ('awaiting_authorisation','awaiting_co') and i.co_protocol is null and i.start_date <= ${in2}::date
      union all
      select 'attendance_missing', m.month::date, null
        from generate_series(date_trunc('month', i.start_date), date_trunc('month', least(coalesce(i.actual_end_date, i.end_date), ${today}::date)), interval '1 month') m(month)
        where i.state in ('active','suspended','completed','interrupted')
          and m.month < date_trunc('month', ${today}::date)
          and not exists (select 1 from internship_attendance x where x.internship_id = i.id and x.month = m.month::date)
      union all
      select 'attestation_due', coalesce(i.actual_end_date, i.end_date), null
        where i.state in ('completed','interrupted')
      union all
      select 'outcome_check', o.window_end, o.horizon_months::text
        from internship_outcomes o
        where o.internship_id = i.id and o.status = 'pending' and o.window_end <= ${in30}::date
    ) r
    where (i.state not in ${OPEN} or r.kind = 'outcome_check') ${only}
    order by r.due_on, i.number
  `.execute(db);
  return rows.rows.map((r) => ({
    internshipId: r.internship_id,
    number: r.number,
    title: r.title,
    kind: r.kind,
    dueOn: r.due_on,
    detail: detailOf(r.kind, r.due_on, r.extra),
    officerId: r.officer_id,
  }));
}

const MONTHS = [
  "gennaio",
  "febbraio",
  "marzo",
  "aprile",
  "maggio",
  "giugno",
  "luglio",
  "agosto",
  "settembre",
  "ottobre",
  "novembre",
  "dicembre",
];

function detailOf(kind: ReminderKind, due: string, extra: string | null): string {
  switch (kind) {
    case "convention_expiring":
      return `La convenzione n. ${extra} scade il ${formatDate(due)}: rinnovala o stipulane una nuova.`;
    case "signatures_pending":
      return extra
        ? `L'integrazione n. ${extra} attende le firme dal ${formatDate(due)}.`
        : `Il progetto formativo è pronto per la firma dal ${formatDate(due)} e mancano ancora firme.`;
    case "co_missing":
      return `L'avvio è il ${formatDate(due)} e la comunicazione obbligatoria UNILAV non è registrata.`;
    case "attendance_missing":
      return `Mancano le presenze di ${MONTHS[Number(due.slice(5, 7)) - 1]} ${due.slice(0, 4)}.`;
    case "attestation_due":
      return `Il tirocinio è finito il ${formatDate(due)}: rilascia l'attestazione o chiudilo senza.`;
    case "outcome_check":
      return `La verifica dell'esito a ${plural(Number(extra), "mese", "mesi")} si chiude il ${formatDate(due)}: registra un'assunzione fuori da Rosa, se c'è.`;
  }
}

/** How many internships have each kind of reminder (an internship with two months missing counts once). */
export function reminderCounts(reminders: readonly Reminder[]): Record<ReminderKind, number> {
  const counts = Object.fromEntries(REMINDER_KINDS.map((k) => [k, new Set<string>()])) as Record<ReminderKind, Set<string>>;
  for (const r of reminders) counts[r.kind].add(r.internshipId);
  return Object.fromEntries(REMINDER_KINDS.map((k) => [k, counts[k].size])) as Record<ReminderKind, number>;
}

/**
 * The daily e-mail: each reminder not yet sent goes to the internship's promoter tutor or officer (none: it stays on the
 * pages only), recorded in `internship_reminders_sent` in the same transaction as the outbox row. Idempotent.
 */
export async function sendInternshipReminders(trx: Trx, today: string, publicUrl: string | null): Promise<number> {
  const reminders = (await internshipReminders(trx, today)).filter((r) => r.officerId);
  let sent = 0;
  for (const r of reminders) {
    const inserted = await trx
      .insertInto("internship_reminders_sent")
      .values({ internship_id: r.internshipId, kind: r.kind, due_key: r.dueOn })
      .onConflict((oc) => oc.doNothing())
      .returning("internship_id")
      .executeTakeFirst();
    if (!inserted) continue;
    const officer = await trx.selectFrom("users").select(["email", "active"]).where("id", "=", r.officerId!).executeTakeFirst();
    if (!officer?.email || !officer.active) continue;
    const link = publicUrl ? `\n\n${publicUrl.replace(/\/$/, "")}/operatore/tirocini/${r.internshipId}` : "";
    await enqueueMail(trx, {
      to: officer.email,
      subject: `Tirocinio n. ${r.number}: ${REMINDER_LABELS[r.kind].toLowerCase()}`,
      body: `Tirocinio n. ${r.number} — ${r.title}\n\n${r.detail}${link}`,
    });
    sent++;
  }
  return sent;
}
