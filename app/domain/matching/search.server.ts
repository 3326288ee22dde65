import type { Meilisearch, MultiSearchQuery, MultiSearchResult } from "meilisearch";
import { getDb, type Db } from "~/db/db.server";
import { DomainError } from "~/domain/errors";
import { comuniWithin } from "~/domain/reference/index.server";
import {
  COUNT_FACET,
  exactTotal,
  freshnessFilter,
  inOutplacementPriority,
  obsoleteCutoffSeconds,
  outplacementPriorityFilter,
} from "~/domain/candidates";
import { candidatesIndex } from "~/domain/candidates/index.server";
import { getMeili, indexUid, isMeiliUnreachable } from "../../../search/client.server";
import { explainMatch, type ExplainDoc, type Explanation } from "./explain";
import { buildMatchPlan, recentlyPresentedFilter, type MatchPlan, type MatchVacancy } from "./query";
import { byRank, byRankLessPresented, levelSlices } from "./rank";
import { REQUIREMENT_FIELDS, type MatchRequirement } from "./requirements";
import { REQUIREMENT_COLUMNS, requirementFromRow } from "~/domain/vacancies";
import { groupBy } from "~/utils/collections";
import { todayInItaly } from "~/utils/dates";
import { outplacementNote, type CohortMembership, type OutplacementNote } from "./outplacement";

export const TOP_N = 50;
/** Pages of TOP_N: the first 1,000 by rank (the whole set is fetched at once up to FETCH_ALL). */
export const MAX_MATCH_PAGE = 20;
/** The radius choices the officer can switch to, each shown with its count beforehand. */
export const MATCH_RADIUS_OPTIONS = [5, 10, 20, 30, 50, 100] as const;
/** Exposure window for "favour the less presented" (the same 90 days the page prints). */
const DAY_S = 86_400;
/**
 * Score levels asked for per round of the walk, one per request at once: a page takes people from 1.5 levels on average,
 * and at 1,000,000 CVs each level's per-comune count costs tens of milliseconds (8 per round before; measured: README,
 * *Prestazioni*).
 */
const LEVELS_PER_ROUND = 2;
const MATCHABLE = ["validated", "published", "in_preselection"] as const;

/** Meilisearch is unreachable: the officer sees this message, shortlists keep working from PostgreSQL. */
export class SearchUnavailableError extends DomainError {
  constructor() {
    super(
      "Il motore di ricerca non risponde in questo momento: riprova tra qualche minuto. Le rose già create restano consultabili.",
      "_form",
      "conflict",
    );
  }
}

const RETRIEVE = [
  "id",
  "fullName",
  "comuneName",
  "occupationCodes",
  "occupationCategories",
  "occupationClasses",
  "preferenceTitles",
  "experienceCodes",
  "experienceYears",
  "languageLevels",
  "licences",
  "licenceCategories",
  "educationLevel",
  "certificateTokens",
  "certificateCodes",
  "skillTokens",
  "cvUpdatedAt",
  "comuneCode",
  "lastPresentedAt",
  "languages",
  "outplacementPriorityFrom",
  "outplacementPriorityTo",
];

/**
 * What the order reads of each result (rank.ts, explain.ts): the preference and experience codes behind the strength,
 * the fields of the vacancy's requirements, the comune (distance), the CV date and the last presentation. A whole
 * result set is read with these alone; the page's people are then read in full (measured at 1,000,000 CVs: README,
 * *Prestazioni*).
 */
export function rankFields(v: Pick<MatchVacancy, "requirements">): string[] {
  const fields = ["id", "comuneCode", "cvUpdatedAt", "lastPresentedAt", "occupationCodes", "experienceCodes"];
  return [...new Set([...fields, ...v.requirements.flatMap((r) => REQUIREMENT_FIELDS[r.kind])])];
}

export interface MatchHit {
  id: string;
  fullName: string;
  comuneName: string;
  /** Unix seconds of the last CV update (the last tie-break). */
  cvUpdatedAt: number;
  explanation: Explanation;
  /** Accepted into the vacancy's pool through a self-application. */
  selfApplied?: boolean;
  /** The CV is older than the obsolescence period (shown only when the officer includes obsolete CVs). */
  obsolete: boolean;
  /** Presented to an employer within the exposure window. */
  recentlyPresented: boolean;
  /** In the «ricollocazione» priority window today (a worker of a redundancy cohort). */
  inOutplacement: boolean;
  /** Why a cohort worker is listed and whether a precedence applies (officers only; set by runMatch for the page). */
  outplacement?: OutplacementNote;
}

/** The officer's choices on the matching page, on top of the vacancy's own criteria. */
export interface MatchOptions {
  /** Replaces the vacancy's radius for this search (the vacancy is not changed). */
  radiusKm?: number;
  includeObsolete?: boolean;
  preferLessPresented?: boolean;
  /** Workers in «ricollocazione» priority first (each group in rank order); the results are the same. */
  cohortFirst?: boolean;
  /** 1-based page of TOP_N results. */
  page?: number;
}

/** What each choice would change, counted before the officer makes it (exact counts). */
export interface MatchControls {
  /** Candidates that including obsolete CVs adds (or, when included, that excluding them removes). */
  obsolete: number;
  /** The total for each radius choice (empty when the workplace has no coordinates). */
  radius: { km: number; total: number }[];
  /** Among the results, how many were presented to an employer in the exposure window. */
  recentlyPresented: number;
  /** Among the results, how many are workers in «ricollocazione» priority. */
  cohort: number;
}

export interface MatchResult {
  plan: MatchPlan;
  total: number;
  /** Rank of the first hit minus one (page − 1) × TOP_N. */
  offset: number;
  page: number;
  totalPages: number;
  options: Required<MatchOptions> & { radiusKm: number };
  controls?: MatchControls;
  /** For each active must-have: how many more candidates dropping it would bring. */
  relaxation: { requirementId: string; extra: number }[];
  /** For each must-have a CV can be silent about (a language): how many of the results are "da verificare". */
  toVerify: { requirementId: string; count: number }[];
  hits: MatchHit[];
  indexUid: string;
  settingsVersion: number;
  serverMs: number;
  /**
   * Where serverMs went (bench:match prints each): comuni around the workplace and the plan, round 1 (the total; every
   * count with levers.countsTogether), the ranked page (the other counts were sent with the total), the notes.
   */
  phasesMs: { plan: number; counts: number; rank: number; notes: number };
  /**
   * Within phasesMs.rank, the level walk of a set above FETCH_ALL: its rounds, the levels counted and those the page
   * took people from, the time of the counts and of the reads.
   */
  walk: { rounds: number; counted: number; taken: number; countsMs: number; readMs: number };
}

/** The vacancy as matching needs it, or null if it does not exist; a DomainError if it cannot be matched yet. */
export async function loadMatchVacancy(
  db: Db,
  vacancyId: string,
): Promise<
  | (MatchVacancy & {
      title: string;
      status: string;
      employerId: string;
      number: number;
      occupationTitle: string;
      comuneName: string;
      positions: number;
    })
  | null
> {
  const v = await db
    .selectFrom("vacancies")
    .innerJoin("comuni", "comuni.istat_code", "vacancies.comune_code")
    .innerJoin("occupations", "occupations.code", "vacancies.occupation_code")
    .select([
      "vacancies.id",
      "vacancies.number",
      "vacancies.title",
      "vacancies.status",
      "vacancies.employer_id",
      "vacancies.occupation_code",
      "vacancies.radius_km",
      "vacancies.working_time",
      "vacancies.shifts",
      "vacancies.start_date",
      "vacancies.l68_reserved",
      "vacancies.positions",
      "comuni.lat",
      "comuni.lon",
      "comuni.name as comune_name",
      "occupations.title as occupation_title",
    ])
    .where("vacancies.id", "=", vacancyId)
    .executeTakeFirst();
  if (!v) return null;
  const reqs = await db
    .selectFrom("vacancy_requirements")
    .select(["id", ...REQUIREMENT_COLUMNS, "occupation_code"])
    .where("vacancy_id", "=", vacancyId)
    .orderBy("position")
    .execute();
  return {
    id: v.id,
    number: Number(v.number),
    title: v.title,
    status: v.status,
    employerId: v.employer_id,
    occupationCode: v.occupation_code,
    occupationTitle: v.occupation_title,
    comuneName: v.comune_name,
    positions: v.positions,
    lat: v.lat,
    lon: v.lon,
    radiusKm: v.radius_km,
    workingTime: v.working_time,
    shifts: !!v.shifts?.trim(),
    startDate: v.start_date,
    l68Reserved: v.l68_reserved,
    requirements: reqs.map((r): MatchRequirement => ({ ...requirementFromRow(r), id: r.id, occupationCode: r.occupation_code })),
  };
}

export function assertMatchable(status: string) {
  if (!(MATCHABLE as readonly string[]).includes(status))
    throw new DomainError("Si possono cercare candidati solo per offerte convalidate, pubblicate o in preselezione.", "_form", "conflict");
}

/** What a match plan needs to know of the index itself. */
export interface IndexShape {
  /** The distinct maxCommuteKm values (query.ts, distanceCondition). */
  commuteValues: number[];
  /** Fewer CVs are obsolete than fresh (query.ts, PlanOptions.obsoleteFewer). */
  obsoleteFewer: boolean;
}

// Both change slowly; a short cache saves a request per match. Until it is read again, a new commute value's people are
// left out (at most SHAPE_TTL_MS) and a shift in the obsolete share costs only speed.
const shapeCache = globalThis as unknown as { __rosaMatchShape?: { key: string; at: number; shape: IndexShape } };
const SHAPE_TTL_MS = 30_000;

export async function indexShape(
  meili: Meilisearch,
  uid: string,
  freshness: { now: Date; cvObsoleteMonths: number },
  reread = false,
): Promise<IndexShape> {
  const key = `${uid} ${freshness.cvObsoleteMonths}`;
  const c = shapeCache.__rosaMatchShape;
  if (!reread && c && c.key === key && Date.now() - c.at < SHAPE_TTL_MS) return c.shape;
  const { results } = await meili.multiSearch({
    queries: [
      { indexUid: uid, q: "", page: 1, hitsPerPage: 0, facets: ["maxCommuteKm", COUNT_FACET] },
      countQuery(uid, freshnessFilter("obsolete", obsoleteCutoffSeconds(freshness.now, freshness.cvObsoleteMonths))),
    ],
  });
  const shape = {
    commuteValues: Object.keys(results[0].facetDistribution?.maxCommuteKm ?? {})
      .map(Number)
      .filter(Number.isFinite),
    obsoleteFewer: 2 * exactTotal(results[1]) < exactTotal(results[0]),
  };
  shapeCache.__rosaMatchShape = { key, at: Date.now(), shape };
  return shape;
}

/**
 * Up to this many results in all, the whole set is fetched at once and ranked here; above, the score levels are walked.
 * 1,000 until the walk took two levels per round in two requests: then 300 cut the p95 at 1,000,000 CVs by 17 % (500 by
 * 16 %; README, *Prestazioni*).
 */
export const FETCH_ALL = 300;
/** Within a score, CV freshness is the engine's order; distance is applied here from the comune. */
const FRESHEST_FIRST = ["cvUpdatedAt:desc"];

type Doc = ExplainDoc & { id: string; fullName: string; comuneName: string; comuneCode: string };

interface HitContext {
  now: Date;
  relaxed?: string[];
  /** Unix seconds: CVs updated before are obsolete. */
  freshSince: number;
  /** Unix seconds: presented since then counts as recently presented. */
  recentSince: number;
  /** YYYY-MM-DD in Italy: the «ricollocazione» windows are read against it. */
  today: string;
}

function toHit(v: MatchVacancy, hit: unknown, km: Map<string, number>, ctx: HitContext): MatchHit {
  const doc = hit as Doc & {
    lastPresentedAt?: number | null;
    outplacementPriorityFrom?: number | null;
    outplacementPriorityTo?: number | null;
  };
  return {
    id: doc.id,
    fullName: doc.fullName,
    comuneName: doc.comuneName,
    cvUpdatedAt: doc.cvUpdatedAt,
    explanation: explainMatch(v, doc, { now: ctx.now, distanceKm: km.get(doc.comuneCode) ?? null, relaxed: ctx.relaxed }),
    obsolete: doc.cvUpdatedAt < ctx.freshSince,
    recentlyPresented: doc.lastPresentedAt != null && doc.lastPresentedAt >= ctx.recentSince,
    inOutplacement: inOutplacementPriority(
      { outplacementPriorityFrom: doc.outplacementPriorityFrom ?? null, outplacementPriorityTo: doc.outplacementPriorityTo ?? null },
      ctx.today,
    ),
  };
}

/**
 * The cohort memberships of the page's people, as the «ricollocazione» note: for workers in priority, and for anyone the
 * vacancy's employer dismissed less than 6 months ago (the re-hiring precedence, even after the priority window).
 */
async function addOutplacementNotes(db: Db, vacancyEmployerId: string, hits: MatchHit[], today: string) {
  if (!hits.length) return;
  const rows = await db
    .selectFrom("outplacement_members")
    .innerJoin("outplacement_events", "outplacement_events.id", "outplacement_members.event_id")
    .select([
      "outplacement_members.candidate_id",
      "outplacement_members.dismissal_on",
      "outplacement_events.id as event_id",
      "outplacement_events.title",
      "outplacement_events.employer_id",
    ])
    .where(
      "outplacement_members.candidate_id",
      "in",
      hits.map((h) => h.id),
    )
    .orderBy("outplacement_events.title")
    .execute();
  const byCandidate = groupBy(rows, (r) => r.candidate_id!);
  for (const h of hits) {
    const memberships: CohortMembership[] = (byCandidate.get(h.id) ?? []).map((r) => ({
      eventId: r.event_id,
      eventTitle: r.title,
      employerId: r.employer_id,
      dismissalOn: r.dismissal_on,
    }));
    const note = outplacementNote(memberships, vacancyEmployerId, today);
    if (note && (h.inOutplacement || note.rehire)) h.outplacement = note;
  }
}

/**
 * People the officer accepted into the vacancy's pool through a
 * self-application join the list, marked, even outside the top N or the
 * filters: their explanation shows what they lack.
 */
async function addSelfApplications(
  meili: Meilisearch,
  uid: string,
  v: MatchVacancy,
  km: Map<string, number>,
  hits: MatchHit[],
  ids: string[],
  ctx: HitContext,
) {
  const shown = new Map(hits.map((h) => [h.id, h]));
  for (const id of ids) {
    const existing = shown.get(id);
    if (existing) {
      existing.selfApplied = true;
      continue;
    }
    const doc = await meili
      .index(uid)
      .getDocument(id, { fields: RETRIEVE })
      .catch(() => null);
    if (doc) hits.push({ ...toHit(v, doc, km, ctx), selfApplied: true });
  }
}

/**
 * The queries of one request sent as two requests at once, results in the queries' order. Meilisearch answers the
 * queries of one multi-search one after the other; two requests are served on two cores (measured at 1,000,000 CVs:
 * README, *Prestazioni*).
 */
async function searchInTwo(meili: Meilisearch, queries: MultiSearchQuery[]): Promise<MultiSearchResult<Record<string, unknown>>[]> {
  if (queries.length < 2) return (await meili.multiSearch({ queries })).results;
  const half = Math.ceil(queries.length / 2);
  const parts = await Promise.all([queries.slice(0, half), queries.slice(half)].map((q) => meili.multiSearch({ queries: q })));
  return parts.flatMap((p) => p.results);
}

/** The page's people that were ranked on rankFields only, read in full; same order (their score is the same). */
async function readInFull(
  meili: Meilisearch,
  uid: string,
  hits: MatchHit[],
  partial: Set<string>,
  hitOf: (doc: unknown) => MatchHit,
): Promise<MatchHit[]> {
  const ids = hits.filter((h) => partial.has(h.id)).map((h) => h.id);
  if (!ids.length) return hits;
  const { results } = await meili.index(uid).getDocuments({ ids, fields: RETRIEVE, limit: ids.length });
  const full = new Map(results.map((doc) => [String(doc.id), hitOf(doc)]));
  // A CV erased between the two reads leaves the page.
  return hits.flatMap((h) => (partial.has(h.id) ? (full.has(h.id) ? [full.get(h.id)!] : []) : [h]));
}

/**
 * Earlier ways of building the same page, kept so that bench:match can measure each choice against the code as it is
 * (README, *Prestazioni*); the results are the same.
 */
export interface MatchLevers {
  /** Read every field of a whole result set, as before rankFields. */
  readAllFields?: boolean;
  /** Every count in one request with the total, as before the other counts had their own request. */
  countsTogether?: boolean;
  /** The other counts sent once the total is known, as before they went out with it. */
  countsAfterTotal?: boolean;
  /** Each round of the level walk in one request, as before it was split in two. */
  walkInOneRequest?: boolean;
  /** The freshness condition always as `cvUpdatedAt >= …`, as before it named the fewer side (PlanOptions.obsoleteFewer). */
  freshSince?: boolean;
  /** Score levels per round of the walk, instead of LEVELS_PER_ROUND. */
  levelsPerRound?: number;
}

/** Accepted self-applications of a vacancy (its candidate pool, docs/architecture.md#service-4c). */
export async function acceptedApplicants(db: Db, vacancyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("vacancy_applications")
    .select("candidate_id")
    .where("vacancy_id", "=", vacancyId)
    .where("status", "=", "accepted")
    .execute();
  return rows.map((r) => r.candidate_id);
}

/** An exact count (facet sum, not capped by maxTotalHits) with no documents: the total and the relaxation numbers. */
export function countQuery(uid: string, filter: string): MultiSearchQuery {
  return { indexUid: uid, q: "", filter, page: 1, hitsPerPage: 0, facets: [COUNT_FACET] };
}

/** How many people of `filter` live in each comune: the distance order of a score level (rank.ts, levelSlices). */
function byComuneQuery(uid: string, filter: string): MultiSearchQuery {
  return { ...countQuery(uid, filter), facets: ["comuneCode"] };
}

/**
 * Ranked, explained results for a vacancy (one page of TOP_N) plus the
 * relaxation counts, in as few round trips as possible: round 1 asks the total
 * and one count per must-have (and, for the page, what each of the officer's
 * choices would change); a small result set is then fetched whole and ranked
 * here; a large one is walked score level by score level (per-comune counts,
 * then the nearest people) until the page is filled.
 */
export async function runMatch(
  v: MatchVacancy,
  opts: {
    relaxed?: string[];
    limit?: number;
    now?: Date;
    cvObsoleteMonths: number;
    /** Read the index's shape again instead of the cached one (tests that have just changed the index). */
    rereadShape?: boolean;
    meili?: Meilisearch;
    db?: Db;
    selfApplied?: string[];
    fetchAll?: number;
    /** Earlier ways of building the same page, which bench:match measures against the code as it is. */
    levers?: MatchLevers;
    options?: MatchOptions;
    /** Count what each choice would change (the matching page); benchmarks and the shortlist action skip it. */
    withControls?: boolean;
    /** Days of the "recently presented" window. */
    exposureDays?: number;
    /** The vacancy's employer: the officer's page explains the «ricollocazione» of cohort workers against it. */
    employerId?: string;
  },
): Promise<MatchResult> {
  const started = performance.now();
  const now = opts.now ?? new Date();
  const pageSize = opts.limit ?? TOP_N;
  const page = Math.min(MAX_MATCH_PAGE, Math.max(1, opts.options?.page ?? 1));
  const offset = (page - 1) * pageSize;
  const limit = offset + pageSize;
  const options = {
    radiusKm: opts.options?.radiusKm ?? v.radiusKm,
    includeObsolete: !!opts.options?.includeObsolete,
    preferLessPresented: !!opts.options?.preferLessPresented,
    cohortFirst: !!opts.options?.cohortFirst,
    page,
  };
  const vacancy: MatchVacancy = { ...v, radiusKm: options.radiusKm };
  const freshSince = obsoleteCutoffSeconds(now, opts.cvObsoleteMonths);
  const recentSince = Math.floor(now.getTime() / 1000) - (opts.exposureDays ?? 90) * DAY_S;
  const today = todayInItaly(now);
  const cohortFilter = outplacementPriorityFilter(today);
  const uid = indexUid(candidatesIndex.name);
  try {
    const meili = opts.meili ?? getMeili();
    const db = opts.db ?? getDb();
    const hasPoint = v.lat != null && v.lon != null;
    const radii = [...new Set([...MATCH_RADIUS_OPTIONS, v.radiusKm, options.radiusKm])].sort((a, b) => a - b);
    const widest = opts.withControls ? Math.max(...radii) : options.radiusKm;
    const around = hasPoint ? await comuniWithin(db, { lat: v.lat!, lon: v.lon! }, widest) : null;
    const within = (km: number) => around?.filter((c) => c.km <= km) ?? null;
    const nearby = within(options.radiusKm);
    const km = new Map(nearby?.map((c) => [c.code, c.km]));
    const levers = opts.levers ?? {};
    const shape = await indexShape(meili, uid, { now, cvObsoleteMonths: opts.cvObsoleteMonths }, opts.rereadShape);
    const planOptions = {
      now,
      cvObsoleteMonths: opts.cvObsoleteMonths,
      commuteValues: shape.commuteValues,
      obsoleteFewer: shape.obsoleteFewer && !levers.freshSince,
      relaxed: opts.relaxed ?? [],
    };
    const plan = buildMatchPlan(vacancy, {
      ...planOptions,
      nearby,
      includeObsolete: options.includeObsolete,
      recentSince: options.preferLessPresented ? recentSince : null,
    });
    const filter = plan.resultFilter();
    const hitContext: HitContext = { now, relaxed: opts.relaxed, freshSince, recentSince, today };
    const hitOf = (hit: unknown) => toHit(vacancy, hit, km, hitContext);
    const rank = options.preferLessPresented ? byRankLessPresented : byRank;
    const silent = plan.mustHaves.filter((m) => m.unknownFilter);
    const counts = [
      countQuery(uid, filter),
      ...plan.mustHaves.map((m) => countQuery(uid, plan.resultFilter(m.requirement.id))),
      ...silent.map((m) => countQuery(uid, `(${filter}) AND (${m.unknownFilter})`)),
    ];
    // What each choice would change: the same plan with obsolete CVs toggled, and with each radius.
    const controlQueries = opts.withControls
      ? [
          countQuery(uid, buildMatchPlan(vacancy, { ...planOptions, nearby, includeObsolete: !options.includeObsolete }).resultFilter()),
          countQuery(uid, `(${filter}) AND ${recentlyPresentedFilter(recentSince)}`),
          countQuery(uid, `(${filter}) AND (${cohortFilter})`),
          ...(hasPoint
            ? radii.map((r) =>
                countQuery(
                  uid,
                  buildMatchPlan(
                    { ...vacancy, radiusKm: r },
                    { ...planOptions, nearby: within(r), includeObsolete: options.includeObsolete },
                  ).resultFilter(),
                ),
              )
            : []),
        ]
      : [];
    const planned = performance.now();
    // Round 1: the total in a request of its own, since it decides how the page is built. The other counts
    // (relaxations, "da verificare", what each choice would change) go out at the same time in a second request and
    // are read after the page: Meilisearch serves the two on two cores, and the page's queries do not wait for them
    // (measured: README, *Prestazioni*).
    const otherCounts = [...counts.slice(1), ...controlQueries];
    const sendOthers = () => {
      const sent = otherCounts.length ? meili.multiSearch({ queries: otherCounts }).then((r) => r.results) : Promise.resolve([]);
      // Awaited after the page; until then a failure must not surface as an unhandled rejection.
      sent.catch(() => {});
      return sent;
    };
    let total: number;
    let others: Promise<MultiSearchResult<Record<string, unknown>>[]>;
    if (levers.countsTogether) {
      const { results } = await meili.multiSearch({ queries: [counts[0], ...otherCounts] });
      total = exactTotal(results[0]);
      others = Promise.resolve(results.slice(1));
    } else {
      const totalRequest = meili.multiSearch({ queries: [counts[0]] });
      const early = levers.countsAfterTotal ? null : sendOthers();
      total = exactTotal((await totalRequest).results[0]);
      others = early ?? sendOthers();
    }
    const countedAt = performance.now();
    const fetchAll = opts.fetchAll ?? FETCH_ALL;
    const scoreFields = rankFields(vacancy);
    /** People ranked on scoreFields only: read in full once the page is known. */
    const partial = new Set<string>();
    const walk: MatchResult["walk"] = { rounds: 0, counted: 0, taken: 0, countsMs: 0, readMs: 0 };
    /** One step of the level walk (its counts or its reads), timed for bench:match. */
    const walkSearch = async (queries: MultiSearchQuery[], spent: "countsMs" | "readMs") => {
      const t = performance.now();
      const results = levers.walkInOneRequest ? (await meili.multiSearch({ queries })).results : await searchInTwo(meili, queries);
      walk[spent] += performance.now() - t;
      return results;
    };
    /** The first `want` people of `where` (`count` of them in all) in rank order. */
    const ranked = async (where: string, count: number, want: number): Promise<MatchHit[]> => {
      let hits: MatchHit[] = [];
      if (want <= 0 || count <= 0) return hits;
      if (count <= fetchAll) {
        // A set larger than the page is ranked on the score's fields, then only the page is read in full.
        const fields = levers.readAllFields || count <= want ? RETRIEVE : scoreFields;
        const { results: all } = await meili.multiSearch({
          queries: [{ indexUid: uid, q: "", filter: where, limit: count, attributesToRetrieve: fields }],
        });
        const top = all[0].hits.map(hitOf).sort(rank).slice(0, want);
        if (fields !== RETRIEVE) for (const h of top) partial.add(h.id);
        return top;
      }
      const perRound = levers.levelsPerRound ?? LEVELS_PER_ROUND;
      for (let next = 0; next < plan.levels.length && hits.length < want; next += perRound) {
        const batch = plan.levels.slice(next, next + perRound).map((l) => `${where} AND (${l.filter})`);
        walk.rounds++;
        walk.counted += batch.length;
        const perComune = await walkSearch(
          batch.map((f) => (nearby ? byComuneQuery(uid, f) : countQuery(uid, f))),
          "countsMs",
        );
        // Each level's nearest people; without a workplace position, its freshest.
        const slices: { filter: string; limit: number }[] = [];
        let need = want - hits.length;
        for (const [i, f] of batch.entries()) {
          if (need <= 0) break;
          const level = nearby
            ? levelSlices(f, perComune[i].facetDistribution?.comuneCode ?? {}, nearby, need)
            : [{ filter: f, limit: Math.min(need, exactTotal(perComune[i])) }].filter((s) => s.limit > 0);
          slices.push(...level);
          if (level.length) walk.taken++;
          need -= level.reduce((n, s) => n + s.limit, 0);
        }
        if (!slices.length) continue;
        const results = await walkSearch(
          slices.map((s): MultiSearchQuery => ({
            indexUid: uid,
            q: "",
            filter: s.filter,
            sort: FRESHEST_FIRST,
            limit: s.limit,
            attributesToRetrieve: RETRIEVE,
          })),
          "readMs",
        );
        hits.push(...results.flatMap((r) => r.hits.map(hitOf)).sort(rank));
      }
      hits = hits.slice(0, want);
      return hits;
    };
    let hits: MatchHit[];
    if (options.cohortFirst) {
      // «Prima i lavoratori in ricollocazione»: the cohort workers of the results in rank order, then everyone else.
      const inCohort = `(${filter}) AND (${cohortFilter})`;
      const { results: c } = await meili.multiSearch({ queries: [countQuery(uid, inCohort)] });
      const cohortTotal = exactTotal(c[0]);
      const first = await ranked(inCohort, cohortTotal, limit);
      hits = [...first, ...(await ranked(`(${filter}) AND NOT (${cohortFilter})`, total - cohortTotal, limit - first.length))];
    } else hits = await ranked(filter, total, limit);
    hits = await readInFull(meili, uid, hits.slice(offset), partial, hitOf);
    const rest = await others;
    const relaxation: MatchResult["relaxation"] = plan.mustHaves.map((m, i) => ({
      requirementId: m.requirement.id,
      extra: Math.max(0, exactTotal(rest[i]) - total),
    }));
    const toVerify = silent.map((m, i) => ({ requirementId: m.requirement.id, count: exactTotal(rest[plan.mustHaves.length + i]) }));
    let controls: MatchControls | undefined;
    if (opts.withControls) {
      const c = rest.slice(counts.length - 1);
      controls = {
        obsolete: Math.abs(exactTotal(c[0]) - total),
        recentlyPresented: exactTotal(c[1]),
        cohort: exactTotal(c[2]),
        radius: hasPoint ? radii.map((r, i) => ({ km: r, total: exactTotal(c[3 + i]) })) : [],
      };
    }
    const rankedAt = performance.now();
    if (page === 1 && opts.selfApplied?.length) await addSelfApplications(meili, uid, vacancy, km, hits, opts.selfApplied, hitContext);
    if (opts.employerId) await addOutplacementNotes(db, opts.employerId, hits, today);
    const totalPages = Math.max(1, Math.min(MAX_MATCH_PAGE, Math.ceil(total / pageSize)));
    return {
      plan,
      total,
      offset,
      page,
      totalPages,
      options,
      controls,
      relaxation,
      toVerify,
      hits,
      indexUid: uid,
      settingsVersion: candidatesIndex.settingsVersion,
      serverMs: Math.round(performance.now() - started),
      phasesMs: {
        plan: planned - started,
        counts: countedAt - planned,
        rank: rankedAt - countedAt,
        notes: performance.now() - rankedAt,
      },
      walk,
    };
  } catch (e) {
    if (e instanceof DomainError) throw e;
    if (isMeiliUnreachable(e)) throw new SearchUnavailableError();
    throw e;
  }
}
