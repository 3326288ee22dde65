import { plural } from "~/utils/plural";
/**
 * From a validated vacancy to the Meilisearch queries that find and rank its
 * candidates (pure). The result set is: hard conditions (consent, fresh CV,
 * workplace radius AND the candidate's own maximum commute, hours, L. 68/99
 * reservation, start date, an occupational link) AND every must-have that was
 * not relaxed. The ranking is exact without a scoring plugin: every possible
 * score (preference strength + preferable requirements met) is a disjoint
 * filter ("level"), queried from the highest score down; within a score the
 * server orders by distance and then CV freshness, the tie-breaks the issue
 * asks for (the index holds comune codes, not coordinates: see
 * app/domain/reference/places.server.ts).
 */
import { freshnessFilter, obsoleteCutoffSeconds } from "~/domain/candidates";
import type { NearbyComune } from "~/domain/reference";
import { NICE_POINTS, STRENGTH, STRENGTH_ORDER, type Strength } from "./codes";
import { codePrefix } from "./fields";
import { mustHaveFilter, q, requirementCheck, type MatchRequirement } from "./requirements";
import {} from "~/utils/plural";

export interface MatchVacancy {
  id: string;
  occupationCode: string;
  lat: number | null;
  lon: number | null;
  radiusKm: number;
  workingTime: "full_time" | "part_time";
  shifts: boolean;
  /** "YYYY-MM-DD" or null. */
  startDate: string | null;
  l68Reserved: "no" | "art1" | "art18";
  requirements: MatchRequirement[];
}

export interface PlanOptions {
  now: Date;
  cvObsoleteMonths: number;
  /** The distinct maxCommuteKm values present in the index (a facet), so the commute condition is exact. */
  commuteValues: number[];
  /** The comuni within the vacancy's radius, nearest first; null when the workplace has no coordinates. */
  nearby: NearbyComune[] | null;
  /** Ids of must-have requirements the officer relaxed. */
  relaxed: string[];
  /** The officer asked to see obsolete CVs too (they are marked as such). */
  includeObsolete?: boolean;
  /**
   * Fewer CVs in the index are obsolete than fresh: the freshness condition then names the obsolete ones
   * (`NOT cvUpdatedAt < …`), which Meilisearch evaluates from the smaller set (README, *Prestazioni*). The same people
   * either way, since every CV has a date.
   */
  obsoleteFewer?: boolean;
  /**
   * Unix seconds: people presented to an employer since then come after the
   * others of their own score (the officer's choice to favour the less presented).
   */
  recentSince?: number | null;
}

export interface Condition {
  key: string;
  label: string;
  filter: string;
}

export interface ScoredNice {
  requirement: MatchRequirement;
  points: number;
  filter: string;
}

export interface MatchPlan {
  vacancyId: string;
  conditions: Condition[];
  /** unknownFilter: the people kept "da verificare" (their CV says nothing about it). */
  mustHaves: { requirement: MatchRequirement; filter: string; unknownFilter?: string }[];
  relaxed: MatchRequirement[];
  /** Requirements nobody can filter on (free text without usable words): the officer checks them. */
  manual: MatchRequirement[];
  tiers: { strength: Strength; points: number; filter: string }[];
  nice: ScoredNice[];
  unscoredNice: MatchRequirement[];
  /** Disjoint filters in rank order: score, then (when asked) not recently presented before recently presented. */
  levels: { score: number; recent?: boolean; filter: string }[];
  /** Every condition and must-have, optionally leaving one must-have out (relaxation counts). */
  resultFilter(withoutMustId?: string): string;
}

export const and = (parts: string[]) => (parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(" AND "));
export const or = (parts: string[]) => (parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(" OR "));

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** How results are ordered, as recorded in a shortlist's search snapshot (applied by runMatch's byRank). */
export const RANK_ORDER = [
  "punteggio (decrescente)",
  "distanza dalla sede (crescente)",
  "data di aggiornamento del CV (più recente prima)",
];
export const RANK_ORDER_LESS_PRESENTED = [
  RANK_ORDER[0],
  "a parità di punteggio, prima chi non è stato presentato di recente",
  ...RANK_ORDER.slice(1),
];

/** Presented to an employer since `since` (unix seconds); the index keeps each person's last presentation. */
export const recentlyPresentedFilter = (since: number) => `lastPresentedAt >= ${since}`;

/** Splits every score level in two: people not presented since `since` first. */
export function lessPresentedLevels(levels: { score: number; filter: string }[], since: number): MatchPlan["levels"] {
  const recent = recentlyPresentedFilter(since);
  return levels.flatMap((l) => [
    { score: l.score, recent: false, filter: `(${l.filter}) AND NOT (${recent})` },
    { score: l.score, recent: true, filter: `(${l.filter}) AND ${recent}` },
  ]);
}

export const comuneList = (codes: string[]) => `comuneCode IN [${codes.map(q).join(", ")}]`;

/**
 * Inside the workplace radius and within the candidate's own maximum commute.
 * Meilisearch cannot compare a field with a computed distance, so each
 * commute value below the radius gets its own, shorter list of comuni: exact,
 * and only as many clauses as distinct values exist.
 */
export function distanceCondition(nearby: NearbyComune[], radiusKm: number, commuteValues: number[]): string {
  const shorter = [...new Set(commuteValues.filter((v) => Number.isFinite(v) && v >= 0 && v < radiusKm))].sort((a, b) => a - b);
  const commute = [
    `maxCommuteKm IS NULL`,
    `maxCommuteKm >= ${radiusKm}`,
    ...shorter.map((v) => `maxCommuteKm = ${v} AND ${comuneList(nearby.filter((c) => c.km <= v).map((c) => c.code))}`),
  ];
  return `${comuneList(nearby.map((c) => c.code))} AND (${or(commute)})`;
}

export function strengthFilters(occupationCode: string): { strength: Strength; points: number; filter: string }[] {
  const unit = occupationCode;
  const category = codePrefix(occupationCode, 4);
  const klass = codePrefix(occupationCode, 3);
  const isUnit = occupationCode.split(".").length === 5;
  const filters: Record<Strength, string> = {
    unit: `occupationCodes = ${q(unit)}`,
    category: isUnit
      ? `occupationCategories = ${q(category)} AND NOT occupationCodes = ${q(unit)}`
      : `occupationCategories = ${q(category)}`,
    class: `occupationClasses = ${q(klass)} AND NOT occupationCategories = ${q(category)}`,
    experience: `experienceCodes = ${q(unit)} AND NOT occupationClasses = ${q(klass)}`,
  };
  return STRENGTH_ORDER.filter((s) => isUnit || s !== "unit").map((s) => ({ strength: s, points: STRENGTH[s].points, filter: filters[s] }));
}

/** The preferable requirements that score, in the employer's order, with their points. */
export function scoredNice(v: MatchVacancy, relaxed: string[] = []): { scored: ScoredNice[]; unscored: MatchRequirement[] } {
  const scored: ScoredNice[] = [];
  const unscored: MatchRequirement[] = [];
  const sorted = [...v.requirements].sort((a, b) => a.position - b.position);
  for (const r of sorted) {
    if (r.priority !== "nice" || relaxed.includes(r.id)) continue;
    const check = requirementCheck(r, v.occupationCode);
    if (check.mode === "filter" && scored.length < NICE_POINTS.length)
      scored.push({ requirement: r, points: NICE_POINTS[scored.length], filter: check.filter });
    else if (check.mode !== "always") unscored.push(r);
  }
  return { scored, unscored };
}

/** Every score a result can have, highest first, each as one disjoint filter. */
export function scoreLevels(tiers: MatchPlan["tiers"], nice: ScoredNice[]): { score: number; filter: string }[] {
  const byScore = new Map<number, string[]>();
  for (const tier of tiers) {
    for (let mask = 0; mask < 1 << nice.length; mask++) {
      let score = tier.points;
      const parts = [tier.filter];
      nice.forEach((n, i) => {
        if (mask & (1 << i)) {
          score += n.points;
          parts.push(n.filter);
        } else parts.push(`NOT (${n.filter})`);
      });
      (byScore.get(score) ?? byScore.set(score, []).get(score)!).push(and(parts));
    }
  }
  return [...byScore].sort((a, b) => b[0] - a[0]).map(([score, filters]) => ({ score, filter: or(filters) }));
}

export function buildMatchPlan(v: MatchVacancy, opts: PlanOptions): MatchPlan {
  const conditions: Condition[] = [{ key: "consent", label: "Consenso alla visibilità del CV", filter: "consentVisible = true" }];
  if (!opts.includeObsolete)
    conditions.push({
      key: "fresh",
      label:
        opts.cvObsoleteMonths === 1
          ? "CV aggiornato nell'ultimo mese"
          : `CV aggiornato negli ultimi ${plural(opts.cvObsoleteMonths, "mese", "mesi")}`,
      filter: freshnessFilter("fresh", obsoleteCutoffSeconds(opts.now, opts.cvObsoleteMonths), opts.obsoleteFewer),
    });
  if (opts.nearby)
    conditions.push({
      key: "distance",
      label: `Entro ${v.radiusKm} km dalla sede e entro la distanza massima indicata dal candidato`,
      filter: distanceCondition(opts.nearby, v.radiusKm, opts.commuteValues),
    });
  conditions.push(
    v.workingTime === "full_time"
      ? { key: "hours", label: "Disponibile al tempo pieno", filter: `availability = "full_time"` }
      : { key: "hours", label: "Disponibile al tempo parziale", filter: `availability = "part_time"` },
  );
  if (v.shifts) conditions.push({ key: "shifts", label: "Disponibile a lavorare su turni", filter: `availability = "shifts"` });
  if (v.startDate)
    conditions.push({
      key: "start",
      label: "Disponibile entro la data di inizio",
      filter: `availableFrom IS NULL OR availableFrom <= ${seconds(new Date(`${v.startDate}T23:59:59Z`))}`,
    });
  if (v.l68Reserved !== "no")
    conditions.push({
      key: "l68",
      label:
        v.l68Reserved === "art1"
          ? "Iscritto al collocamento mirato (L. 68/99, art. 1)"
          : "Iscritto alle categorie protette (L. 68/99, art. 18)",
      filter: `protectedCategory = ${q(v.l68Reserved)}`,
    });
  const tiers = strengthFilters(v.occupationCode);
  conditions.push({ key: "occupation", label: "Propensione o esperienza nella professione", filter: or(tiers.map((t) => t.filter)) });

  const mustHaves: MatchPlan["mustHaves"] = [];
  const relaxed: MatchRequirement[] = [];
  const manual: MatchRequirement[] = [];
  for (const r of [...v.requirements].sort((a, b) => a.position - b.position)) {
    const check = requirementCheck(r, v.occupationCode);
    if (check.mode === "manual") manual.push(r);
    if (r.priority !== "must" || check.mode !== "filter") continue;
    if (opts.relaxed.includes(r.id)) relaxed.push(r);
    else mustHaves.push({ requirement: r, filter: mustHaveFilter(check), unknownFilter: check.unknown?.filter });
  }
  const { scored, unscored } = scoredNice(v, opts.relaxed);
  const resultFilter = (withoutMustId?: string) =>
    and([...conditions.map((c) => c.filter), ...mustHaves.filter((m) => m.requirement.id !== withoutMustId).map((m) => m.filter)]);
  return {
    vacancyId: v.id,
    conditions,
    mustHaves,
    relaxed,
    manual,
    tiers,
    nice: scored,
    unscoredNice: unscored,
    levels: opts.recentSince != null ? lessPresentedLevels(scoreLevels(tiers, scored), opts.recentSince) : scoreLevels(tiers, scored),
    resultFilter,
  };
}
