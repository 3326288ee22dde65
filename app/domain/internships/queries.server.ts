import type { Db, Trx } from "~/db/db.server";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { CHOOSABLE_ROW_STATES, traineeEligibility } from "./requests.server";
import { FINAL_INTERNSHIP_STATES, type InternshipState } from "./states";
import { COMMITTED_INTERNSHIP_STATES, type InternshipCheckRecord, type InternshipRow } from "./transition.server";

type Reader = Db | Trx;

/** States of the officer's work queue: requests still to be turned into a signed PFI. */
export const QUEUE_STATES: readonly InternshipState[] = [
  "requested",
  "scouting",
  "candidate_chosen",
  "drafting",
  "checks_failed",
  "ready_to_sign",
  "partially_signed",
  "awaiting_authorisation",
  "awaiting_co",
];

/** Days a request may wait in the queue before its badge turns red (first contact of LEP R). */
export const QUEUE_SLA_DAYS = 10;

export interface QueueRow {
  id: string;
  number: number;
  title: string;
  state: InternshipState;
  source: InternshipRow["source"];
  employerName: string;
  comune: string;
  createdAt: Date;
  stateChangedAt: Date;
  traineeName: string | null;
}

/** The officer's queue: open internships, oldest request first, optionally one state only. */
export async function listInternshipQueue(db: Reader, opts: { state?: InternshipState | null; all?: boolean } = {}): Promise<QueueRow[]> {
  let query = db
    .selectFrom("internships as i")
    .innerJoin("employers as e", "e.id", "i.employer_id")
    .innerJoin("comuni as c", "c.istat_code", "i.comune_code")
    .leftJoin("candidates as p", "p.id", "i.candidate_id")
    .select([
      "i.id",
      "i.number",
      "i.title",
      "i.state",
      "i.source",
      "i.created_at",
      "i.state_changed_at",
      "e.legal_name",
      "c.name as comune_name",
      "c.province_code",
      "p.first_name",
      "p.last_name",
    ]);
  if (opts.state) query = query.where("i.state", "=", opts.state);
  else if (!opts.all) query = query.where("i.state", "in", QUEUE_STATES);
  const rows = await query.orderBy("i.created_at").orderBy("i.number").limit(500).execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    title: r.title,
    state: r.state,
    source: r.source,
    employerName: r.legal_name,
    comune: `${r.comune_name} (${r.province_code})`,
    createdAt: r.created_at,
    stateChangedAt: r.state_changed_at,
    traineeName: r.first_name ? `${r.first_name} ${r.last_name}` : null,
  }));
}

export interface TimelineEntry {
  event: string;
  fromState: string;
  toState: string;
  actorKind: string;
  actorName: string | null;
  note: string | null;
  at: Date;
}

async function timeline(db: Reader, internshipId: string, withNames: boolean): Promise<TimelineEntry[]> {
  const rows = await db
    .selectFrom("internship_transitions as t")
    .leftJoin("users as u", "u.id", "t.actor_user_id")
    .select(["t.event", "t.from_state", "t.to_state", "t.actor_kind", "t.note", "t.at", "u.full_name"])
    .where("t.internship_id", "=", internshipId)
    .orderBy("t.at")
    .orderBy("t.id")
    .execute();
  return rows.map((r) => ({
    event: r.event,
    fromState: r.from_state,
    toState: r.to_state,
    actorKind: r.actor_kind,
    actorName: withNames ? r.full_name : null,
    note: r.note,
    at: r.at,
  }));
}

export interface UnitCapacity {
  /** The unit's limit on the date of the last check, or null before any valid check. */
  limit: number | null;
  /** Rosa's internships of the unit occupying a place (this one excluded), exempt trainees excluded. */
  rosa: number;
  /** Exempt trainees of Rosa in the unit (disabled or disadvantaged: not counted). */
  exempt: number;
  /** Trainees of other promoters, as declared by the host. */
  declared: number;
}

/** The capacity meter of the internship's unit (same site, or same comune when no site). */
export async function unitCapacity(db: Reader, row: InternshipRow): Promise<UnitCapacity> {
  let query = db
    .selectFrom("internships")
    .select(["trainee_disabled", "trainee_disadvantaged"])
    .where("employer_id", "=", row.employer_id)
    .where("id", "<>", row.id)
    .where("state", "in", COMMITTED_INTERNSHIP_STATES);
  query = row.site_id
    ? query.where("site_id", "=", row.site_id)
    : query.where("site_id", "is", null).where("comune_code", "=", row.comune_code);
  const others = await query.execute();
  const exempt = others.filter((o) => o.trainee_disabled || o.trainee_disadvantaged).length;
  const record = row.check_result as InternshipCheckRecord | null;
  return {
    limit: record?.check?.maxSimultaneousTrainees ?? null,
    rosa: others.length - exempt,
    exempt,
    declared: row.other_active_trainees,
  };
}

async function describe(db: Reader, row: InternshipRow) {
  const [employer, comune, occupation] = await Promise.all([
    db.selectFrom("employers").select(["legal_name", "tax_code"]).where("id", "=", row.employer_id).executeTakeFirstOrThrow(),
    db.selectFrom("comuni").select(["name", "province_code"]).where("istat_code", "=", row.comune_code).executeTakeFirst(),
    db.selectFrom("occupations").select(["title"]).where("code", "=", row.occupation_code).executeTakeFirst(),
  ]);
  return {
    employerName: employer.legal_name,
    employerTaxCode: employer.tax_code,
    comune: comune ? `${comune.name} (${comune.province_code})` : row.comune_code,
    occupation: occupation ? `${row.occupation_code} — ${occupation.title}` : row.occupation_code,
  };
}

async function trainee(db: Reader, candidateId: string | null, withContacts: boolean) {
  if (!candidateId) return null;
  const p = await db
    .selectFrom("candidates")
    .select(["id", "first_name", "last_name", "email", "phone", "erased_at"])
    .where("id", "=", candidateId)
    .executeTakeFirst();
  if (!p) return null;
  if (p.erased_at) return { id: p.id, name: "Persona cancellata", email: null, phone: null };
  return { id: p.id, name: `${p.first_name} ${p.last_name}`, email: withContacts ? p.email : null, phone: withContacts ? p.phone : null };
}

export interface RosaChoice {
  rowId: string;
  candidateId: string;
  name: string;
  state: string;
  choosable: boolean;
  reasons: string[];
}

/** The rosa rows of the internship's scouting vacancy, with who can be chosen and why not. */
async function rosaChoices(db: Reader, row: InternshipRow, today: string): Promise<RosaChoice[]> {
  if (!row.vacancy_id) return [];
  const rows = await db
    .selectFrom("shortlist_candidates as sc")
    .innerJoin("shortlists as s", "s.id", "sc.shortlist_id")
    .innerJoin("candidates as p", "p.id", "sc.candidate_id")
    .select(["sc.id", "sc.candidate_id", "sc.state", "p.first_name", "p.last_name", "p.erased_at"])
    .where("s.vacancy_id", "=", row.vacancy_id)
    .orderBy("sc.rank")
    .execute();
  const out: RosaChoice[] = [];
  for (const r of rows) {
    if (r.erased_at) continue;
    const eligibility = await traineeEligibility(db as Trx, {
      employerId: row.employer_id,
      candidateId: r.candidate_id,
      internshipId: row.id,
      startDate: row.start_date ?? today,
    });
    const confirmed = (CHOOSABLE_ROW_STATES as readonly string[]).includes(r.state);
    out.push({
      rowId: r.id,
      candidateId: r.candidate_id,
      name: `${r.first_name} ${r.last_name}`,
      state: r.state,
      choosable: confirmed && eligibility.reasons.length === 0,
      reasons: [...(confirmed ? [] : ["Non ha ancora confermato la disponibilità."]), ...eligibility.reasons],
    });
  }
  return out;
}

/** Everything the officer's case page shows; the view of the trainee's data is audited. */
export async function getInternshipCase(db: Reader, actor: Actor, internshipId: string, today: string) {
  const row = (await db.selectFrom("internships").selectAll().where("id", "=", internshipId).executeTakeFirst()) as
    InternshipRow | undefined;
  return row ? caseOf(db, actor, row, today, "officer") : null;
}

/**
 * The case page's data for the promoter's officer or the host's users (one query set, audited as a view of the
 * trainee). The employer sees the timeline without internal notes, no promoter tutor, and of the rosa only the people
 * who confirmed their availability (the rest is on its rosa pages).
 */
async function caseOf(db: Reader, actor: Actor, row: InternshipRow, today: string, audience: "officer" | "employer") {
  const officer = audience === "officer";
  const [info, person, steps, capacity, rosa, tutor] = await Promise.all([
    describe(db, row),
    trainee(db, row.candidate_id, true),
    timeline(db, row.id, officer),
    unitCapacity(db, row),
    rosaChoices(db, row, today),
    officer && row.promoter_tutor_id
      ? db.selectFrom("users").select("full_name").where("id", "=", row.promoter_tutor_id).executeTakeFirst()
      : null,
  ]);
  if (row.candidate_id)
    await recordAudit(db, actor, {
      action: "internship.viewed",
      entityType: "internship",
      entityId: row.id,
      employerId: row.employer_id,
      details: officer ? { candidateId: row.candidate_id } : { candidateId: row.candidate_id, by: "employer" },
    });
  return {
    internship: row,
    ...info,
    trainee: person,
    timeline: steps,
    capacity,
    rosa: officer ? rosa : rosa.filter((r) => (CHOOSABLE_ROW_STATES as readonly string[]).includes(r.state)),
    promoterTutor: tutor?.full_name ?? null,
    check: row.check_result as InternshipCheckRecord | null,
  };
}

export interface EmployerInternshipRow {
  id: string;
  number: number;
  title: string;
  state: InternshipState;
  comune: string;
  startDate: string | null;
  endDate: string | null;
  traineeName: string | null;
  allowed: boolean | null;
}

/** The employer's own internships, the open ones first, newest first. */
export async function listEmployerInternships(db: Reader, employerId: string): Promise<EmployerInternshipRow[]> {
  const rows = await db
    .selectFrom("internships as i")
    .innerJoin("comuni as c", "c.istat_code", "i.comune_code")
    .leftJoin("candidates as p", "p.id", "i.candidate_id")
    .select([
      "i.id",
      "i.number",
      "i.title",
      "i.state",
      "i.start_date",
      "i.end_date",
      "i.check_result",
      "c.name as comune_name",
      "c.province_code",
      "p.first_name",
      "p.last_name",
      "p.erased_at",
    ])
    .where("i.employer_id", "=", employerId)
    .orderBy("i.created_at", "desc")
    .limit(500)
    .execute();
  const open = (s: InternshipState) => (FINAL_INTERNSHIP_STATES.includes(s) ? 1 : 0);
  return rows
    .map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      state: r.state,
      comune: `${r.comune_name} (${r.province_code})`,
      startDate: r.start_date,
      endDate: r.end_date,
      traineeName: r.first_name ? (r.erased_at ? "Persona cancellata" : `${r.first_name} ${r.last_name}`) : null,
      allowed: (r.check_result as InternshipCheckRecord | null)?.allowed ?? null,
    }))
    .sort((a, b) => open(a.state) - open(b.state));
}

/** One internship of the employer (null for another employer's: a 404, never a 403 that confirms it exists). */
export async function getEmployerInternship(db: Reader, actor: Actor, employerId: string, internshipId: string, today: string) {
  const row = (await db
    .selectFrom("internships")
    .selectAll()
    .where("id", "=", internshipId)
    .where("employer_id", "=", employerId)
    .executeTakeFirst()) as InternshipRow | undefined;
  return row ? caseOf(db, actor, row, today, "employer") : null;
}

export interface TraineeInternshipRow {
  id: string;
  number: number;
  title: string;
  state: InternshipState;
  employerName: string;
  comune: string;
  startDate: string | null;
  endDate: string | null;
}

/** The trainee's own internships (from the moment they are the chosen person). */
export async function listTraineeInternships(db: Reader, candidateId: string): Promise<TraineeInternshipRow[]> {
  const rows = await db
    .selectFrom("internships as i")
    .innerJoin("employers as e", "e.id", "i.employer_id")
    .innerJoin("comuni as c", "c.istat_code", "i.comune_code")
    .select([
      "i.id",
      "i.number",
      "i.title",
      "i.state",
      "i.start_date",
      "i.end_date",
      "e.legal_name",
      "c.name as comune_name",
      "c.province_code",
    ])
    .where("i.candidate_id", "=", candidateId)
    .orderBy("i.created_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    title: r.title,
    state: r.state,
    employerName: r.legal_name,
    comune: `${r.comune_name} (${r.province_code})`,
    startDate: r.start_date,
    endDate: r.end_date,
  }));
}

/** One internship of the trainee: the PFI as agreed, tutors' contacts, no host head-counts and no other person. */
export async function getTraineeInternship(db: Reader, candidateId: string, internshipId: string) {
  const row = (await db
    .selectFrom("internships")
    .selectAll()
    .where("id", "=", internshipId)
    .where("candidate_id", "=", candidateId)
    .executeTakeFirst()) as InternshipRow | undefined;
  if (!row) return null;
  const [info, steps, tutor] = await Promise.all([
    describe(db, row),
    timeline(db, row.id, false),
    row.promoter_tutor_id
      ? db.selectFrom("users").select(["full_name", "email"]).where("id", "=", row.promoter_tutor_id).executeTakeFirst()
      : null,
  ]);
  return {
    internship: {
      id: row.id,
      number: row.number,
      title: row.title,
      state: row.state,
      activities: row.activities,
      objectives: row.objectives,
      competences: row.competences,
      weeklyHours: row.weekly_hours,
      dailyHours: row.daily_hours,
      plannedMonths: row.planned_months,
      startDate: row.start_date,
      endDate: row.end_date,
      monthlyIndemnityCents: row.monthly_indemnity_cents,
      mealVouchers: row.meal_vouchers,
      hostTutorName: row.host_tutor_name,
      hostTutorEmail: row.host_tutor_email,
      hostTutorRole: row.host_tutor_role,
      version: row.version,
    },
    employerName: info.employerName,
    comune: info.comune,
    occupation: info.occupation,
    promoterTutor: tutor ? { name: tutor.full_name, email: tutor.email } : null,
    timeline: steps,
  };
}
