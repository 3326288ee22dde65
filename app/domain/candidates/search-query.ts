import { z } from "zod";
import { nearestSlices } from "~/domain/reference";
import { todayInItaly } from "~/utils/dates";
import { OUTPLACEMENT_PRIORITY_SORT, outplacementPriorityFilter } from "./outplacement-priority";

/**
 * The officer's candidate search, as pure functions: the URL parameters
 * (zod, Italian messages), the Meilisearch multi-search they become, and the
 * reading of the answer (facet counts, why a result matched, distance).
 * No I/O here, so every rule is unit-tested; search.server.ts runs it.
 */

export const PAGE_SIZE = 20;

/**
 * Meilisearch caps `totalHits` at `pagination.maxTotalHits` (10,000), but its facet
 * counts are computed over the whole matching set. Every CV has exactly one value
 * of `consentVisible` (true or false), so the sum of that facet's counts is the
 * exact number of matches: every count a user sees is read this way.
 */
export const COUNT_FACET = "consentVisible";

export function exactTotal(result: {
  totalHits?: number;
  estimatedTotalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
}): number {
  const counts = result.facetDistribution?.[COUNT_FACET];
  if (counts) return Object.values(counts).reduce((n, c) => n + c, 0);
  return result.totalHits ?? result.estimatedTotalHits ?? 0;
}
export const MAX_PAGE = 50; // 1,000 results: past that an officer refines the query
export const RADIUS_OPTIONS = [5, 10, 20, 30, 50, 100] as const;
export const SORT_LABELS = {
  relevance: "Pertinenza",
  distance: "Distanza",
  freshness: "CV aggiornato più di recente",
  outplacement: "Prima i lavoratori in ricollocazione",
} as const;
export type SortKey = keyof typeof SORT_LABELS;

export const AVAILABILITY_LABELS: Record<string, string> = {
  full_time: "Tempo pieno",
  part_time: "Part-time",
  shifts: "Turni",
  weekends: "Fine settimana",
  relocate: "Disponibile a trasferirsi",
  own_vehicle: "Automunito",
};

export const FRESHNESS_LABELS = { fresh: "Aggiornato", obsolete: "Obsoleto" } as const;
export const CONSENT_LABELS: Record<string, string> = { true: "Consenso dato", false: "Consenso ritirato o assente" };

/**
 * Facets shown on the page. "any": values are OR-ed and counted as if the
 * facet itself were not filtered (disjunctive); "all": every value is required
 * (availability: turni AND fine settimana).
 */
export const FACETS = [
  { param: "province", attribute: "provinceCode", label: "Provincia di domicilio", mode: "any" },
  { param: "group", attribute: "occupationGroups", label: "Grande gruppo professionale (propensioni)", mode: "any" },
  { param: "occupation", attribute: "occupationCodes", label: "Professione desiderata", mode: "any" },
  { param: "licence", attribute: "licences", label: "Patenti di guida", mode: "any" },
  { param: "language", attribute: "languages", label: "Lingue", mode: "any" },
  { param: "education", attribute: "studyLevel", label: "Titolo di studio più alto", mode: "any" },
  { param: "availability", attribute: "availability", label: "Disponibilità", mode: "all" },
  { param: "consent", attribute: "consentVisible", label: "Consenso alla visibilità", mode: "any" },
  { param: "protected", attribute: "protectedCategory", label: "Categoria protetta (L. 68/99)", mode: "any", restricted: true },
] as const satisfies readonly { param: string; attribute: string; label: string; mode: "any" | "all"; restricted?: boolean }[];

export type FacetParam = (typeof FACETS)[number]["param"];

const facetValue = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N} ._'-]{1,60}$/u, "Valore del filtro non valido");

export const CandidateSearchSchema = z
  .object({
    q: z.string().trim().max(200, "Il testo della ricerca può avere al massimo 200 caratteri").default(""),
    comune: z.string().trim().max(80, "Comune troppo lungo").default(""),
    radiusKm: z.coerce
      .number({ error: "Scegli un raggio" })
      .refine((n) => (RADIUS_OPTIONS as readonly number[]).includes(n), "Scegli uno dei raggi proposti")
      .default(20),
    sort: z.enum(["relevance", "distance", "freshness", "outplacement"], { error: "Ordinamento non valido" }).default("relevance"),
    page: z.coerce
      .number({ error: "Pagina non valida" })
      .int("Pagina non valida")
      .min(1, "Pagina non valida")
      .max(MAX_PAGE, `Al massimo ${MAX_PAGE} pagine: affina la ricerca`)
      .default(1),
    freshness: z.enum(["", "fresh", "obsolete"], { error: "Valore non valido" }).default(""),
    /** «Solo lavoratori in ricollocazione»: the checkbox sends "on". */
    outplacement: z.enum(["", "on"], { error: "Valore non valido" }).default(""),
    /** «Mostra le professioni»: the counts of every profession are asked only on request (see occupationsCounted). */
    showOccupations: z.enum(["", "1"], { error: "Valore non valido" }).default(""),
    province: z.array(facetValue).max(20).default([]),
    group: z.array(facetValue).max(20).default([]),
    occupation: z.array(facetValue).max(20).default([]),
    licence: z.array(facetValue).max(20).default([]),
    language: z.array(facetValue).max(20).default([]),
    education: z.array(facetValue).max(13).default([]),
    availability: z.array(facetValue).max(6).default([]),
    consent: z
      .array(z.enum(["true", "false"], { error: "Valore non valido" }))
      .max(2)
      .default([]),
    protected: z
      .array(z.enum(["none", "art1", "art18"], { error: "Valore non valido" }))
      .max(3)
      .default([]),
  })
  .refine((v) => v.sort !== "distance" || v.comune !== "", { message: "Per ordinare per distanza indica un comune", path: ["comune"] });

export type CandidateSearchInput = z.infer<typeof CandidateSearchSchema>;

const MULTI = new Set<string>(FACETS.map((f) => f.param));

/** URL → raw object: facet parameters repeat (?province=MI&province=MB), the others are single. */
export function searchParamsToRaw(params: URLSearchParams): Record<string, unknown> {
  const raw = Object.create(null) as Record<string, unknown>;
  for (const key of new Set(params.keys())) {
    if (MULTI.has(key)) raw[key] = params.getAll(key).filter((v) => v !== "");
    else if (params.get(key) !== "") raw[key] = params.get(key);
  }
  return raw;
}

export interface SearchContext {
  /** Placement officers only: filter and count by protected category. */
  canSeeProtected: boolean;
  /** Lower bound of a fresh CV, in unix seconds (now − the obsolescence period). */
  freshSince: number;
  /** Centre of the radius, resolved from the comune by the server. */
  center: { lat: number; lon: number } | null;
  /**
   * The comuni within the radius, nearest first (set whenever `center` is).
   * Every CV is placed at its domicile comune's centroid, so "comune in this
   * list" is the radius (see app/domain/reference/places.server.ts).
   */
  nearby: string[] | null;
  indexUid: string;
  /** The text as the index reads it (app/domain/professions/vocabulary.ts searchText); the raw text when absent. */
  queryText?: string;
  /** CP2021 units the text names (unitsNamedBy): with relevance order, their candidates come first. */
  professionUnits?: string[];
  /** Today (YYYY-MM-DD, Italian time): the «ricollocazione» priority windows are read against it. */
  today?: string;
}

/** Highlight markers: control characters never found in CV text, turned into <mark> by React (no HTML injection). */
export const HL_PRE = "\u0002";
export const HL_POST = "\u0003";

/** Where a text match can come from, in the order the reasons are shown. */
export const MATCH_FIELDS = [
  { attribute: "preferenceTitles", label: "Propensione" },
  { attribute: "experienceTitles", label: "Esperienza" },
  { attribute: "skills", label: "Competenze e attestati" },
  { attribute: "preferenceNotes", label: "Note sulla propensione" },
  { attribute: "educationTitles", label: "Titolo di studio" },
  { attribute: "experienceTasks", label: "Mansioni svolte" },
  { attribute: "fullName", label: "Nome" },
  { attribute: "cvText", label: "Testo del CV" },
] as const;

const RETRIEVE = [
  "id",
  "fullName",
  "comuneName",
  "provinceCode",
  "preferenceTitles",
  "licences",
  "languages",
  "educationLevel",
  "studyLevel",
  "availability",
  "cvUpdatedAt",
  "consentVisible",
  "comuneCode",
  "outplacementPriorityFrom",
  "outplacementPriorityTo",
  "outplacementEventIds",
];

const q = (value: string) => JSON.stringify(value);

export function facetsFor(ctx: Pick<SearchContext, "canSeeProtected">) {
  return FACETS.filter((f) => !("restricted" in f && f.restricted) || ctx.canSeeProtected);
}

/**
 * The professions facet has hundreds of values (640 in the demo data, every CP2021 unit in a region): its counts
 * were the slowest part of the page (p95 53 ms of 80 at 1,000,000 CVs, docs/performance.md) and most of its
 * HTML. They are asked only when the officer opens the list («Mostra le professioni») or has chosen one.
 */
export function occupationsCounted(input: Pick<CandidateSearchInput, "showOccupations" | "occupation">): boolean {
  return input.showOccupations === "1" || input.occupation.length > 0;
}

/** The facets whose counts this page shows. */
function countedFacets(input: CandidateSearchInput, ctx: Pick<SearchContext, "canSeeProtected">) {
  return facetsFor(ctx).filter((f) => f.param !== "occupation" || occupationsCounted(input));
}

/** One filter expression per active facet, keyed by param, plus the fixed parts. */
export function filterParts(input: CandidateSearchInput, ctx: SearchContext) {
  const facets: Partial<Record<FacetParam, string>> = {};
  for (const f of facetsFor(ctx)) {
    const values = input[f.param];
    if (!values.length) continue;
    const attr = f.attribute;
    facets[f.param] = f.mode === "all" ? values.map((v) => `${attr} = ${q(v)}`).join(" AND ") : `${attr} IN [${values.map(q).join(", ")}]`;
  }
  const geo = ctx.center && ctx.nearby ? `comuneCode IN [${ctx.nearby.map(q).join(", ")}]` : null;
  const freshness = freshnessFilter(input.freshness || null, ctx.freshSince);
  // «Solo lavoratori in ricollocazione»: a fixed filter like the radius (every count, facets included, is of the cohort workers).
  const cohort = input.outplacement === "on" ? outplacementPriorityFilter(ctx.today ?? todayInItaly()) : null;
  return { facets, geo: cohort ? (and([geo, cohort]) ?? null) : geo, freshness };
}

/**
 * The fresh or the obsolete CVs. `obsoleteFewer`: the fresh ones are named as "not obsolete", which Meilisearch evaluates
 * from the smaller set when obsolete CVs are the fewer; the same people, since every CV has a date (README, *Prestazioni*).
 */
export function freshnessFilter(value: "fresh" | "obsolete", freshSince: number, obsoleteFewer?: boolean): string;
export function freshnessFilter(value: "fresh" | "obsolete" | null, freshSince: number, obsoleteFewer?: boolean): string | null;
export function freshnessFilter(value: "fresh" | "obsolete" | null, freshSince: number, obsoleteFewer = false): string | null {
  if (value === "fresh") return obsoleteFewer ? `NOT cvUpdatedAt < ${freshSince}` : `cvUpdatedAt >= ${freshSince}`;
  if (value === "obsolete") return `cvUpdatedAt < ${freshSince}`;
  return null;
}

const and = (parts: (string | null | undefined)[]) => {
  const present = parts.filter((p): p is string => !!p);
  return present.length ? present.map((p) => `(${p})`).join(" AND ") : undefined;
};

export interface BuiltSearch {
  queries: Record<string, unknown>[];
  /** What each extra query counts: a disjunctive facet without its own filter, or the freshness split. */
  roles: (
    { kind: "main" } | { kind: "tier" } | { kind: "facet"; param: FacetParam } | { kind: "freshness"; counts: "fresh" | "obsolete" }
  )[];
}

/**
 * The Meilisearch multi-search for one page of results. Query 0 gives the hits
 * and the counts of facets without a selection; each disjunctive facet with a
 * selection gets a counting query without its own filter; one more query
 * counts the freshness bucket the main query cannot show.
 */
export function buildCandidateSearch(input: CandidateSearchInput, ctx: SearchContext): BuiltSearch {
  const parts = filterParts(input, ctx);
  const visible = countedFacets(input, ctx);
  const allFacetFilters = Object.values(parts.facets);
  const base = { indexUid: ctx.indexUid, q: ctx.queryText ?? input.q };
  const tiered = input.sort === "relevance" && !!input.q && !!ctx.professionUnits?.length;
  // Distance order is built by the server from per-comune counts (byDistancePage): the index holds no coordinates.
  const byComune = input.sort === "distance" && !!ctx.center && !!ctx.nearby?.length;
  // «Prima i lavoratori in ricollocazione»: the latest-ending priority window first, then everyone else by relevance.
  const sort = input.sort === "freshness" ? ["cvUpdatedAt:desc"] : input.sort === "outplacement" ? [OUTPLACEMENT_PRIORITY_SORT] : undefined;
  const main = {
    ...base,
    filter: and([...allFacetFilters, parts.geo, parts.freshness]),
    facets: [
      ...new Set([
        ...visible.filter((f) => !(f.mode === "any" && input[f.param].length)).map((f) => f.attribute),
        COUNT_FACET,
        ...(byComune ? ["comuneCode"] : []),
      ]),
    ],
    page: input.page,
    // With a profession tier the hits come from the tier queries (tierQueries), in distance order from byDistancePage's
    // queries (20 hits with highlights thrown away cost p50 4–6 ms at 200,000 CVs, bench:search): this one counts.
    hitsPerPage: tiered || byComune ? 0 : PAGE_SIZE,
    sort,
    attributesToRetrieve: ctx.canSeeProtected ? [...RETRIEVE, "protectedCategory"] : RETRIEVE,
    ...(input.q
      ? {
          attributesToHighlight: MATCH_FIELDS.filter((m) => m.attribute !== "cvText" && m.attribute !== "experienceTasks").map(
            (m) => m.attribute,
          ),
          attributesToCrop: ["cvText", "experienceTasks", "preferenceNotes"],
          cropLength: 16,
          highlightPreTag: HL_PRE,
          highlightPostTag: HL_POST,
        }
      : {}),
  };
  const queries: Record<string, unknown>[] = [main];
  const roles: BuiltSearch["roles"] = [{ kind: "main" }];
  if (tiered) {
    const { facets: _f, ...hitsQuery } = main;
    queries.push({ ...hitsQuery, hitsPerPage: PAGE_SIZE, filter: and([main.filter, professionFilter(ctx.professionUnits!)]) });
    roles.push({ kind: "tier" });
  }
  for (const f of visible) {
    if (f.mode !== "any" || !input[f.param].length) continue;
    const others = Object.entries(parts.facets)
      .filter(([p]) => p !== f.param)
      .map(([, v]) => v);
    queries.push({ ...base, filter: and([...others, parts.geo, parts.freshness]), facets: [f.attribute], hitsPerPage: 0, page: 1 });
    roles.push({ kind: "facet", param: f.param });
  }
  // Freshness is a moving threshold, not a stored value: count the bucket the main query does not already give.
  const counts = input.freshness === "obsolete" ? "fresh" : "obsolete";
  queries.push({
    ...base,
    filter: and([...allFacetFilters, parts.geo, freshnessFilter(counts, ctx.freshSince)]),
    facets: [COUNT_FACET],
    hitsPerPage: 0,
    page: 1,
  });
  roles.push({ kind: "freshness", counts });
  return { queries, roles };
}

/** Candidates with a preference or an experience in one of these units. */
export function professionFilter(units: string[]): string {
  const list = units.map(q).join(", ");
  return `occupationCodes IN [${list}] OR experienceCodes IN [${list}]`;
}

/**
 * Profession before everything else: when the text names CP2021 units, their
 * candidates are listed first (tier query, built with the page), then the other
 * matches. Given what the tier query found for this page, the query for the rest
 * of the page, or null when the tier filled it.
 */
export function restOfPage(
  built: BuiltSearch,
  input: CandidateSearchInput,
  ctx: SearchContext,
  tierTotal: number,
  tierHits: number,
): Record<string, unknown> | null {
  if (tierHits >= PAGE_SIZE) return null;
  const main = built.queries[0];
  const { facets: _f, page: _p, hitsPerPage: _h, ...rest } = main;
  return {
    ...rest,
    filter: and([main.filter as string | undefined, `NOT (${professionFilter(ctx.professionUnits ?? [])})`]),
    offset: Math.max(0, (input.page - 1) * PAGE_SIZE - tierTotal),
    limit: PAGE_SIZE - tierHits,
  };
}

export interface FacetCount {
  value: string;
  count: number;
  selected: boolean;
}

interface MeiliResult {
  hits: Record<string, unknown>[];
  totalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
}

/** Merges the answers of buildCandidateSearch into counts per facet (selected values are always listed). */
export function readFacetCounts(
  input: CandidateSearchInput,
  built: BuiltSearch,
  results: MeiliResult[],
  ctx: Pick<SearchContext, "canSeeProtected">,
) {
  const facets: Partial<Record<FacetParam | "freshness", FacetCount[]>> = {};
  const distributionFor = (attribute: string, param: FacetParam) => {
    const idx = built.roles.findIndex((r) => r.kind === "facet" && r.param === param);
    return results[idx >= 0 ? idx : 0]?.facetDistribution?.[attribute] ?? {};
  };
  for (const f of countedFacets(input, ctx)) {
    const dist = { ...distributionFor(f.attribute, f.param) };
    for (const v of input[f.param]) dist[v] ??= 0;
    facets[f.param] = Object.entries(dist)
      .map(([value, count]) => ({ value, count, selected: (input[f.param] as string[]).includes(value) }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, "it"));
  }
  const total = results[0] ? exactTotal(results[0]) : 0;
  const freshIdx = built.roles.findIndex((r) => r.kind === "freshness");
  const role = built.roles[freshIdx] as { kind: "freshness"; counts: "fresh" | "obsolete" };
  const other = results[freshIdx] ? exactTotal(results[freshIdx]) : 0;
  const fresh = role.counts === "fresh" ? other : input.freshness === "fresh" ? total : total - other;
  const obsolete = role.counts === "obsolete" ? other : total;
  facets.freshness = [
    { value: "fresh", count: fresh, selected: input.freshness === "fresh" },
    { value: "obsolete", count: obsolete, selected: input.freshness === "obsolete" },
  ];
  return facets;
}

export interface MatchReason {
  label: string;
  /** Text split into plain and highlighted parts. */
  parts: { text: string; hit: boolean }[];
}

/** Splits a highlighted string at the markers. */
export function splitHighlight(text: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  const re = new RegExp(`${HL_PRE}(.*?)${HL_POST}`, "gs");
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index), hit: false });
    parts.push({ text: m[1], hit: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), hit: false });
  return parts;
}

/** Why a hit matched: the first highlighted values of each field, at most `limit` reasons. */
export function matchReasons(formatted: Record<string, unknown> | undefined, limit = 3): MatchReason[] {
  if (!formatted) return [];
  const reasons: MatchReason[] = [];
  for (const field of MATCH_FIELDS) {
    const value = formatted[field.attribute];
    const texts = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string" && v.includes(HL_PRE));
    for (const text of texts.slice(0, 1)) reasons.push({ label: field.label, parts: splitHighlight(text) });
    if (reasons.length >= limit) break;
  }
  return reasons;
}

/**
 * The page of a distance-sorted search, from the per-comune counts of the main query: the comuni that contribute hits
 * to the page, nearest first. A run of comuni whose hits all fall on the page is one query (`comuneCode IN […]`), a
 * comune cut by the page's edge one query of its own with its offset: at most three queries instead of one per comune
 * (bench:search, page steps: one per comune cost p95 27,8 ms at 200,000 CVs). `inDistanceOrder` then puts the hits
 * back comune by comune: Meilisearch ranks each document on its own (ranking rules, then its internal id), so hits of
 * one comune keep, in a query over several comuni, the order they have in a query of their own.
 */
export function byDistancePage(
  main: Record<string, unknown>,
  countsByComune: Record<string, number>,
  nearbyByDistance: string[],
  page: number,
): Record<string, unknown>[] {
  const { page: _p, hitsPerPage: _h, facets: _f, sort: _s, ...rest } = main;
  const query = (codes: string[], offset: number, limit: number) => ({
    ...rest,
    filter: and([
      main.filter as string | undefined,
      codes.length === 1 ? `comuneCode = ${q(codes[0])}` : `comuneCode IN [${codes.map(q).join(", ")}]`,
    ]),
    offset,
    limit,
  });
  const queries: Record<string, unknown>[] = [];
  let whole: { codes: string[]; limit: number } | null = null;
  for (const slice of nearestSlices(countsByComune, nearbyByDistance, (page - 1) * PAGE_SIZE, PAGE_SIZE)) {
    if (slice.whole) {
      whole ??= { codes: [], limit: 0 };
      whole.codes.push(slice.code);
      whole.limit += slice.limit;
      continue;
    }
    if (whole) queries.push(query(whole.codes, 0, whole.limit));
    whole = null;
    queries.push(query([slice.code], slice.offset, slice.limit));
  }
  if (whole) queries.push(query(whole.codes, 0, whole.limit));
  return queries;
}

/** The hits of `byDistancePage`'s queries, comune by comune from the nearest (a stable sort: relevance within one). */
export function inDistanceOrder<T extends { comuneCode: string }>(hits: T[], nearbyByDistance: string[]): T[] {
  const rank = new Map(nearbyByDistance.map((code, i) => [code, i]));
  return [...hits].sort((a, b) => rank.get(a.comuneCode)! - rank.get(b.comuneCode)!);
}
