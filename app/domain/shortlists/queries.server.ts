import { cvUnilavEducationLevels, hireUnilavDefaults } from "./hire-unilav.server";
import { sql } from "kysely";
import type { Db } from "~/db/db.server";
import type { ShortlistCandidateState } from "~/db/tables/shortlists";
import type { Explanation } from "~/domain/matching";
import { certificateText, cvLicenceLabel, cvStudyOf, LANGUAGE_LABELS, studyLine, unilavEducationLevelOf } from "~/domain/candidates";
import { codeLabel } from "~/domain/reference/index.server";
import { candidateOutcome, interviewSummary } from "./feedback-view";
import { EMPLOYER_VISIBLE_STATES, EXPOSURE_DAYS } from "./states";

const DAY = 86_400_000;

/** How many times each person was presented to an employer in the last 90 days. */
export async function exposureCounts(db: Db, candidateIds: string[], now = new Date()): Promise<Record<string, number>> {
  if (!candidateIds.length) return {};
  const rows = await db
    .selectFrom("shortlist_candidates")
    .select(["candidate_id", (eb) => eb.fn.countAll<string>().as("n")])
    .where("candidate_id", "in", candidateIds)
    .where("presented_at", ">=", new Date(now.getTime() - EXPOSURE_DAYS * DAY))
    .groupBy("candidate_id")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.candidate_id, Number(r.n)]));
}

export async function listVacancyShortlists(db: Db, vacancyId: string) {
  return db
    .selectFrom("shortlists")
    .select(["id", "title", "status", "created_at", "presented_at"])
    .where("vacancy_id", "=", vacancyId)
    .orderBy("created_at", "desc")
    .execute();
}

/** Vacancies an officer can match, with how many shortlists each has. */
export async function listMatchableVacancies(db: Db) {
  return db
    .selectFrom("vacancies as v")
    .innerJoin("employers as e", "e.id", "v.employer_id")
    .innerJoin("comuni as m", "m.istat_code", "v.comune_code")
    .select([
      "v.id",
      "v.number",
      "v.title",
      "v.status",
      "v.positions",
      "v.l68_reserved",
      "v.validated_at",
      "e.legal_name as employer_name",
      "m.name as comune_name",
      (eb) =>
        eb.selectFrom("shortlists as s").select(eb.fn.countAll<string>().as("n")).whereRef("s.vacancy_id", "=", "v.id").as("shortlists"),
    ])
    .where("v.status", "in", ["validated", "published", "in_preselection"])
    .orderBy("v.validated_at", "asc")
    .limit(200)
    .execute();
}

export async function getOfficerShortlist(db: Db, shortlistId: string) {
  const s = await db
    .selectFrom("shortlists as s")
    .innerJoin("vacancies as v", "v.id", "s.vacancy_id")
    .innerJoin("employers as e", "e.id", "s.employer_id")
    .innerJoin("users as u", "u.id", "s.created_by")
    .select([
      "s.id",
      "s.title",
      "s.status",
      "s.version",
      "s.search_snapshot",
      "s.results_snapshot",
      "s.index_uid",
      "s.settings_version",
      "s.created_at",
      "s.presented_at",
      "s.vacancy_id",
      "s.employer_id",
      "v.title as vacancy_title",
      "v.number as vacancy_number",
      "v.positions",
      "v.status as vacancy_status",
      "e.legal_name as employer_name",
      "u.full_name as created_by_name",
    ])
    .where("s.id", "=", shortlistId)
    .executeTakeFirst();
  if (!s) return null;
  const rows = await db
    .selectFrom("shortlist_candidates as sc")
    .innerJoin("candidates as c", "c.id", "sc.candidate_id")
    .select([
      "sc.id",
      "sc.candidate_id",
      "sc.rank",
      "sc.score",
      "sc.explanation",
      "sc.state",
      "sc.version",
      "sc.availability_deadline",
      "sc.candidate_response",
      "sc.contact_consent",
      "sc.presented_at",
      "sc.outcome_reason",
      "c.first_name",
      "c.last_name",
      "c.phone",
      "c.email",
    ])
    .where("sc.shortlist_id", "=", shortlistId)
    .orderBy("sc.rank")
    .execute();
  const ids = rows.map((r) => r.id);
  const [links, attempts, history, feedback, proposals, exposure, hires] = await Promise.all([
    ids.length
      ? db
          .selectFrom("availability_requests")
          .select(["id", "shortlist_candidate_id", "channel", "sent_to", "created_at", "expires_at", "answered_at", "answer"])
          .where("shortlist_candidate_id", "in", ids)
          .orderBy("created_at", "desc")
          .execute()
      : [],
    ids.length
      ? db.selectFrom("contact_attempts").selectAll().where("shortlist_candidate_id", "in", ids).orderBy("attempted_at", "desc").execute()
      : [],
    ids.length
      ? db
          .selectFrom("shortlist_transitions as t")
          .leftJoin("users as u", "u.id", "t.actor_user_id")
          .select(["t.shortlist_candidate_id", "t.event", "t.from_state", "t.to_state", "t.actor_kind", "t.at", "t.note", "u.full_name"])
          .where("t.shortlist_candidate_id", "in", ids)
          .orderBy("t.id")
          .execute()
      : [],
    ids.length
      ? db.selectFrom("employer_feedback").selectAll().where("shortlist_candidate_id", "in", ids).orderBy("given_at").execute()
      : [],
    db.selectFrom("gap_proposals").selectAll().where("shortlist_id", "=", shortlistId).orderBy("created_at").execute(),
    exposureCounts(
      db,
      rows.map((r) => r.candidate_id),
    ),
    db
      .selectFrom("hires")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("vacancy_id", "=", s.vacancy_id)
      .executeTakeFirstOrThrow(),
  ]);
  const educationLevels = await cvUnilavEducationLevels(
    db,
    rows.map((r) => r.candidate_id),
  );
  return {
    shortlist: { ...s, filled: Number(hires.n) },
    rows: rows.map((r) => ({
      ...r,
      /** The UNILAV level of education the hire form starts from: the CV's highest ministerial title. */
      unilavEducationLevel: educationLevels.get(r.candidate_id) ?? null,
      explanation: r.explanation as Explanation,
      exposure: exposure[r.candidate_id] ?? 0,
      attempts: attempts.filter((a) => a.shortlist_candidate_id === r.id),
      links: links.filter((l) => l.shortlist_candidate_id === r.id),
      history: history.filter((h) => h.shortlist_candidate_id === r.id),
      feedback: feedback.filter((f) => f.shortlist_candidate_id === r.id),
    })),
    proposals,
  };
}

/** What the officers' list of rose can be narrowed to (desk links, employer and vacancy pages). */
export interface OfficerShortlistFilter {
  /** Presented and someone still awaiting the employer's feedback. */
  attesa: "" | "riscontro";
  /** Someone whose availability answer is due today (Italian calendar day). */
  scadenza: "" | "oggi";
  azienda?: string;
  offerta?: string;
}

const awaitingFeedback = sql<boolean>`exists (select 1 from shortlist_candidates w where w.shortlist_id = s.id and w.state = 'presented')`;
/** Still open (not yet past) and due on the Italian calendar day `today`. */
const dueToday = (today: string) =>
  sql<boolean>`(sc_due.availability_deadline at time zone 'Europe/Rome')::date = ${today}::date and sc_due.availability_deadline >= now()`;
const deadlineToday = (today: string) =>
  sql<boolean>`exists (select 1 from shortlist_candidates sc_due where sc_due.shortlist_id = s.id and sc_due.state = 'contacting' and ${dueToday(today)})`;

/** The one filter both the officers' list and the desk's count use, so the two always agree. */
function officerShortlists(db: Db, filter: OfficerShortlistFilter, today: string) {
  let query = db
    .selectFrom("shortlists as s")
    .innerJoin("vacancies as v", "v.id", "s.vacancy_id")
    .innerJoin("employers as e", "e.id", "s.employer_id");
  if (filter.attesa === "riscontro") query = query.where("s.presented_at", "is not", null).where(awaitingFeedback);
  if (filter.scadenza === "oggi") query = query.where(deadlineToday(today));
  if (filter.azienda) query = query.where("s.employer_id", "=", filter.azienda);
  if (filter.offerta) query = query.where("s.vacancy_id", "=", filter.offerta);
  return query;
}

export const OFFICER_SHORTLIST_LIMIT = 200;

export async function listOfficerShortlists(db: Db, filter: OfficerShortlistFilter, today: string) {
  const rows = await officerShortlists(db, filter, today)
    .select((eb) => [
      "s.id",
      "s.title",
      "s.status",
      "s.created_at",
      "s.presented_at",
      "s.vacancy_id",
      "v.title as vacancy_title",
      "v.number as vacancy_number",
      "e.legal_name as employer_name",
      eb
        .selectFrom("shortlist_candidates as a")
        .select((x) => x.fn.countAll<string>().as("n"))
        .whereRef("a.shortlist_id", "=", "s.id")
        .where("a.state", "=", "presented")
        .as("awaiting"),
      eb
        .selectFrom("shortlist_candidates as sc_due")
        .select((x) => x.fn.countAll<string>().as("n"))
        .whereRef("sc_due.shortlist_id", "=", "s.id")
        .where("sc_due.state", "=", "contacting")
        .where(dueToday(today))
        .as("due_today"),
    ])
    .orderBy("s.created_at", "desc")
    .limit(OFFICER_SHORTLIST_LIMIT)
    .execute();
  return rows.map((r) => ({
    ...r,
    vacancy_number: Number(r.vacancy_number),
    awaiting: Number(r.awaiting ?? 0),
    due_today: Number(r.due_today ?? 0),
  }));
}

export async function countOfficerShortlists(db: Db, filter: OfficerShortlistFilter, today: string): Promise<number> {
  const r = await officerShortlists(db, filter, today)
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The employer's presented rose; `awaitingOnly`: those with someone still awaiting its feedback. */
export async function listEmployerShortlists(db: Db, employerId: string, opts: { awaitingOnly?: boolean } = {}) {
  return db
    .selectFrom("shortlists as s")
    .innerJoin("vacancies as v", "v.id", "s.vacancy_id")
    .select([
      "s.id",
      "s.title",
      "s.status",
      "s.presented_at",
      "v.title as vacancy_title",
      "v.number as vacancy_number",
      (eb) =>
        eb
          .selectFrom("shortlist_candidates as sc")
          .select(eb.fn.countAll<string>().as("n"))
          .whereRef("sc.shortlist_id", "=", "s.id")
          .where("sc.state", "=", "presented")
          .as("awaiting"),
    ])
    .where("s.employer_id", "=", employerId)
    .where("s.presented_at", "is not", null)
    .$if(!!opts.awaitingOnly, (q) => q.where(awaitingFeedback))
    .orderBy("s.presented_at", "desc")
    .execute();
}

/**
 * The rosa as the employer sees it: only its own, only once presented, only
 * the people presented to it, contact details only where the person agreed.
 */
export async function getEmployerShortlist(db: Db, employerId: string, shortlistId: string) {
  const s = await db
    .selectFrom("shortlists as s")
    .innerJoin("vacancies as v", "v.id", "s.vacancy_id")
    .innerJoin("employers as emp", "emp.id", "s.employer_id")
    .leftJoin("users as officer", "officer.id", "s.presented_by")
    .select([
      "s.id",
      "s.title",
      "s.status",
      "s.presented_at",
      "s.vacancy_id",
      "v.title as vacancy_title",
      "v.number as vacancy_number",
      "v.positions",
      "v.status as vacancy_status",
    ])
    .select([
      "emp.legal_name as employer_name",
      "emp.tax_code as employer_tax_code",
      "officer.full_name as officer_name",
      "officer.email as officer_email",
      "officer.office_province",
    ])
    .where("s.id", "=", shortlistId)
    .where("s.employer_id", "=", employerId)
    .where("s.presented_at", "is not", null)
    .executeTakeFirst();
  if (!s) return null;
  const rows = await db
    .selectFrom("shortlist_candidates as sc")
    .innerJoin("candidates as c", "c.id", "sc.candidate_id")
    .select([
      "sc.id",
      "sc.candidate_id",
      "sc.state",
      "sc.version",
      "sc.explanation",
      "sc.contact_consent",
      "sc.presented_at",
      "c.first_name",
      "c.last_name",
      "c.phone",
      "c.email",
    ])
    .where("sc.shortlist_id", "=", shortlistId)
    .where("sc.state", "in", EMPLOYER_VISIBLE_STATES as ShortlistCandidateState[])
    .where("sc.presented_at", "is not", null)
    .orderBy("sc.rank")
    .execute();
  const ids = rows.map((r) => r.candidate_id);
  const [prefs, exps, edu, langs, lics, certs, hires, natives, interviews] = await Promise.all([
    ids.length
      ? db
          .selectFrom("candidate_preferences")
          .select(["candidate_id", "slot", "occupation_label"])
          .where("candidate_id", "in", ids)
          .orderBy("slot")
          .execute()
      : [],
    ids.length
      ? db
          .selectFrom("candidate_experiences as e")
          .leftJoin("occupations as o", "o.code", "e.occupation_code")
          .select(["e.candidate_id", "o.title", "e.started_on", "e.ended_on"])
          .where("e.candidate_id", "in", ids)
          .orderBy("e.started_on", "desc")
          .execute()
      : [],
    ids.length
      ? db
          .selectFrom("candidate_education")
          .select(["candidate_id", "title", "study_level", "study_title_code"])
          .where("candidate_id", "in", ids)
          .orderBy("study_level", "desc")
          .execute()
      : [],
    ids.length
      ? db
          .selectFrom("candidate_languages")
          .select(["candidate_id", "language_code", "level"])
          .where("candidate_id", "in", ids)
          .orderBy("language_code")
          .execute()
      : [],
    ids.length
      ? db
          .selectFrom("candidate_licences")
          .select(["candidate_id", "licence_code", "licence_category"])
          .where("candidate_id", "in", ids)
          .orderBy("licence_code")
          .execute()
      : [],
    ids.length
      ? db
          .selectFrom("candidate_certificates")
          .select(["candidate_id", "name", "patentino_code", "albo_code"])
          .where("candidate_id", "in", ids)
          .execute()
      : [],
    db
      .selectFrom("hires")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("vacancy_id", "=", s.vacancy_id)
      .executeTakeFirstOrThrow(),
    ids.length
      ? db
          .selectFrom("candidate_mother_tongues")
          .select(["candidate_id", "language_code"])
          .where("candidate_id", "in", ids)
          .orderBy("language_code")
          .execute()
      : [],
    rows.length
      ? db
          .selectFrom("employer_feedback")
          .select(["shortlist_candidate_id", "interview_at", "interview_arranged_by"])
          .where(
            "shortlist_candidate_id",
            "in",
            rows.map((r) => r.id),
          )
          .where("decision", "=", "interview")
          .orderBy("given_at", "desc")
          .execute()
      : [],
  ]);
  const interviewOf = (rowId: string) => {
    const latest = interviews.find((f) => f.shortlist_candidate_id === rowId);
    return interviewSummary(latest ?? { interview_at: null, interview_arranged_by: null });
  };
  const languageName = (code: string) => LANGUAGE_LABELS[code] ?? code.toUpperCase();
  const of = <T extends { candidate_id: string }>(list: T[], id: string) => list.filter((x) => x.candidate_id === id);
  const { officer_name, officer_email, office_province, ...shortlist } = s;
  // The CPI that presented the rosa: the presenting officer's office (province), for the PDF header.
  const province = office_province
    ? await db.selectFrom("comuni").select("province_name").where("province_code", "=", office_province).limit(1).executeTakeFirst()
    : undefined;
  return {
    shortlist: { ...shortlist, filled: Number(hires.n) },
    cpi: {
      name: province ? `Centro per l'Impiego di ${province.province_name}` : "Centro per l'Impiego",
      officerName: officer_name ?? null,
      officerEmail: officer_email ?? null,
    },
    rows: rows.map((r) => ({
      id: r.id,
      candidateId: r.candidate_id,
      state: r.state,
      version: r.version,
      name: `${r.first_name} ${r.last_name}`,
      contacts: r.contact_consent ? { phone: r.phone, email: r.email } : null,
      explanation: r.explanation as Explanation,
      interview: r.state === "interview" ? interviewOf(r.id) : null,
      preferences: of(prefs, r.candidate_id).map((p) => p.occupation_label),
      experiences: of(exps, r.candidate_id).map((e) => ({ title: e.title, from: e.started_on, to: e.ended_on })),
      education: of(edu, r.candidate_id).map((e) =>
        studyLine({ ...cvStudyOf(e), title: e.title, studyTitleLabel: codeLabel("studyTitles", e.study_title_code) }),
      ),
      /** The UNILAV level of education the hire form starts from: the CV's highest ministerial title. */
      unilavEducationLevel: unilavEducationLevelOf(of(edu, r.candidate_id).map(cvStudyOf)),
      languages: [
        ...of(natives, r.candidate_id).map((m) => `${languageName(m.language_code)} madrelingua`),
        ...of(langs, r.candidate_id).map((l) => `${languageName(l.language_code)} ${l.level}`),
      ],
      licences: of(lics, r.candidate_id).map((l) => cvLicenceLabel(l.licence_code, l.licence_category)),
      certificates: of(certs, r.candidate_id).map(certificateText),
    })),
  };
}

/** The availability requests waiting for this candidate user (and the recent answered ones). */
export async function listCandidateRequests(db: Db, userId: string) {
  return db
    .selectFrom("shortlist_candidates as sc")
    .innerJoin("candidates as c", "c.id", "sc.candidate_id")
    .innerJoin("shortlists as s", "s.id", "sc.shortlist_id")
    .innerJoin("vacancies as v", "v.id", "s.vacancy_id")
    .innerJoin("comuni as m", "m.istat_code", "v.comune_code")
    .innerJoin("employers as e", "e.id", "v.employer_id")
    .select([
      "sc.id",
      "sc.state",
      "sc.availability_deadline",
      "sc.candidate_response",
      "v.title",
      "v.publication_mode",
      "m.name as comune_name",
      "e.legal_name as employer_name",
      "v.working_time",
      "v.contract_type",
      "v.engagement",
    ])
    .where("c.user_id", "=", userId)
    .where("sc.state", "<>", "proposed")
    .orderBy(sql`sc.state = 'contacting'`, "desc")
    .orderBy("sc.updated_at", "desc")
    .limit(50)
    .execute();
}

/**
 * The candidate's rose with what the employer decided, as the candidate may read it: the interview
 * (date or «the CPI will call you»), and the reason of a refusal only when the employer shared it.
 */
export async function listCandidateRequestsWithOutcome(db: Db, userId: string) {
  const requests = await listCandidateRequests(db, userId);
  const feedback = requests.length
    ? await db
        .selectFrom("employer_feedback")
        .select([
          "shortlist_candidate_id",
          "decision",
          "reason",
          "missing_skills",
          "reason_text",
          "share_with_candidate",
          "interview_at",
          "interview_arranged_by",
        ])
        .where(
          "shortlist_candidate_id",
          "in",
          requests.map((r) => r.id),
        )
        .orderBy("given_at", "desc")
        .execute()
    : [];
  return requests.map((r) => {
    const latest = feedback.find((f) => f.shortlist_candidate_id === r.id);
    const relevant =
      latest &&
      ((latest.decision === "interview" && r.state === "interview") || (latest.decision === "not_selected" && r.state === "not_selected"))
        ? latest
        : null;
    return { ...r, outcome: candidateOutcome(relevant) };
  });
}

/** The rosa as an officer may act on it (any office), or undefined. */
export function findShortlistRef(db: Db, shortlistId: string) {
  return db.selectFrom("shortlists").select(["id", "vacancy_id"]).where("id", "=", shortlistId).executeTakeFirst();
}

/** A presented rosa of this employer; another employer's, or one not presented yet, does not exist for them. */
export function findPresentedShortlistOf(db: Db, employerId: string, shortlistId: string) {
  return db
    .selectFrom("shortlists")
    .select("id")
    .where("id", "=", shortlistId)
    .where("employer_id", "=", employerId)
    .where("presented_at", "is not", null)
    .executeTakeFirst();
}

/** Whether a row id belongs to this rosa (commands check again under lock). */
export async function shortlistHasRow(db: Db, shortlistId: string, rowId: string): Promise<boolean> {
  const row = await db
    .selectFrom("shortlist_candidates")
    .select("id")
    .where("id", "=", rowId)
    .where("shortlist_id", "=", shortlistId)
    .executeTakeFirst();
  return !!row;
}

/** Per vacancy of this employer: how many candidates were presented to it (only presented rose count). */
export async function presentedCountsByVacancy(db: Db, employerId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("shortlist_candidates as sc")
    .innerJoin("shortlists as s", "s.id", "sc.shortlist_id")
    .select(["s.vacancy_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("s.employer_id", "=", employerId)
    .where("s.presented_at", "is not", null)
    .where("sc.presented_at", "is not", null)
    .groupBy("s.vacancy_id")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.vacancy_id, Number(r.n)]));
}

/**
 * The hires of a vacancy with their UNILAV fields and who recorded them (docs/decisions/0019-hire-with-unilav-fields.md). With an
 * employer id, only that employer's (the query carries the scope).
 */
export async function listHires(db: Db, where: { vacancyId: string; employerId?: string }) {
  let query = db
    .selectFrom("hires as h")
    .innerJoin("candidates as c", "c.id", "h.candidate_id")
    .innerJoin("users as u", "u.id", "h.recorded_by")
    .leftJoin("comuni as m", "m.istat_code", "h.work_comune_code")
    .select([
      "h.id",
      "h.shortlist_candidate_id",
      "h.contract_type",
      "h.engagement",
      "h.weekly_hours",
      "h.working_time_code",
      "h.ccnl_code",
      "h.ccnl_cnel_code",
      "h.contract_level",
      "h.qualification_code",
      "h.gross_annual_pay",
      "h.l68_reserved_post",
      "h.recorded_as",
      "h.request_channel",
      "h.recorded_at",
      "c.first_name",
      "c.last_name",
      "u.full_name as recorded_by_name",
      "m.name as comune_name",
      "m.province_code",
      "h.start_date",
      "h.end_date",
    ])
    .where("h.vacancy_id", "=", where.vacancyId);
  if (where.employerId) query = query.where("h.employer_id", "=", where.employerId);
  return query.orderBy("h.recorded_at").execute();
}

/** What the hire form proposes: the vacancy's work place and whether it is reserved (L. 68/99). */
export async function hireDefaults(db: Db, vacancyId: string) {
  const v = await db
    .selectFrom("vacancies as v")
    .innerJoin("comuni as m", "m.istat_code", "v.comune_code")
    .select(["v.l68_reserved", "m.name", "m.province_code"])
    .where("v.id", "=", vacancyId)
    .executeTakeFirstOrThrow();
  return { comune: `${v.name} (${v.province_code})`, reserved: v.l68_reserved !== "no", unilav: await hireUnilavDefaults(db, vacancyId) };
}
