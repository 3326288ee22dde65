import { sql } from "kysely";
import type { Db } from "~/db/db.server";
import type { FigureLike } from "./figures";

export interface FigureRow extends FigureLike {
  key: string;
}

const DAY = 86_400_000;

/** From/to days (yyyy-mm-dd, both included); either may be missing. */
export interface FiguresPeriod {
  dal?: string;
  al?: string;
}
const avg = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);

/**
 * Figures per officer (who built the rosa) or per office (the officer's
 * province). The rows are few (one per shortlisted person), so they are
 * grouped here rather than in one hard-to-read SQL statement.
 */
export async function preselectionFigures(db: Db, by: "officer" | "office", period: FiguresPeriod = {}): Promise<FigureRow[]> {
  // The period is the rosa's creation day (Italian calendar): a rosa and its people count in the period it was built.
  const inPeriod = sql<boolean>`(${period.dal ?? null}::date is null or (s.created_at at time zone 'Europe/Rome')::date >= ${period.dal ?? null}::date)
    and (${period.al ?? null}::date is null or (s.created_at at time zone 'Europe/Rome')::date <= ${period.al ?? null}::date)`;
  const [people, lists] = await Promise.all([
    db
      .selectFrom("shortlist_candidates as sc")
      .innerJoin("shortlists as s", "s.id", "sc.shortlist_id")
      .innerJoin("users as u", "u.id", "s.created_by")
      .select((eb) => [
        "u.id as officer_id",
        "u.full_name",
        "u.office_province",
        "sc.presented_at",
        "sc.state",
        eb
          .selectFrom("employer_feedback as f")
          .select((f) => f.fn.min("f.given_at").as("m"))
          .whereRef("f.shortlist_candidate_id", "=", "sc.id")
          .as("first_feedback"),
      ])
      .where(inPeriod)
      .execute(),
    db
      .selectFrom("shortlists as s")
      .innerJoin("users as u", "u.id", "s.created_by")
      .innerJoin("vacancies as v", "v.id", "s.vacancy_id")
      .select(["s.id", "s.vacancy_id", "s.presented_at", "v.validated_at", "u.id as officer_id", "u.full_name", "u.office_province"])
      .where(inPeriod)
      .execute(),
  ]);
  const keyOf = (r: { officer_id: string; full_name: string; office_province: string | null }) =>
    by === "officer" ? { key: r.officer_id, label: r.full_name } : { key: r.office_province ?? "—", label: r.office_province ?? "—" };
  const groups = new Map<string, FigureRow & { delays: number[]; toPresent: number[] }>();
  const group = (r: Parameters<typeof keyOf>[0]) => {
    const { key, label } = keyOf(r);
    let g = groups.get(key);
    if (!g)
      groups.set(
        key,
        (g = {
          key,
          label,
          shortlists: 0,
          presented: 0,
          hired: 0,
          withFeedback: 0,
          daysToPresent: null,
          feedbackDelayDays: null,
          delays: [],
          toPresent: [],
        }),
      );
    return g;
  };
  // Time to the FIRST presented rosa of each vacancy, credited to the officer who built it.
  const firstByVacancy = new Map<string, (typeof lists)[number]>();
  for (const s of lists) {
    group(s).shortlists++;
    if (!s.presented_at) continue;
    const cur = firstByVacancy.get(s.vacancy_id);
    if (!cur || cur.presented_at! > s.presented_at) firstByVacancy.set(s.vacancy_id, s);
  }
  for (const s of firstByVacancy.values())
    if (s.validated_at) group(s).toPresent.push((s.presented_at!.getTime() - s.validated_at.getTime()) / DAY);
  for (const p of people) {
    const g = group(p);
    if (!p.presented_at) continue;
    g.presented++;
    if (p.state === "hired") g.hired++;
    if (p.first_feedback) {
      g.withFeedback++;
      g.delays.push((new Date(p.first_feedback as Date | string).getTime() - p.presented_at.getTime()) / DAY);
    }
  }
  return [...groups.values()]
    .map(({ delays, toPresent, ...g }) => ({ ...g, daysToPresent: avg(toPresent), feedbackDelayDays: avg(delays) }))
    .sort((a, b) => a.label.localeCompare(b.label, "it"));
}

/** Validated vacancies still without any rosa. */
export async function vacanciesWithoutShortlist(db: Db) {
  return db
    .selectFrom("vacancies as v")
    .innerJoin("employers as e", "e.id", "v.employer_id")
    .select(["v.id", "v.number", "v.title", "v.validated_at", "e.legal_name"])
    .where("v.status", "in", ["validated", "published", "in_preselection"])
    .where((eb) => eb.not(eb.exists(eb.selectFrom("shortlists as s").select("s.id").whereRef("s.vacancy_id", "=", "v.id"))))
    .orderBy("v.validated_at")
    .limit(200)
    .execute();
}
