import type { Meilisearch } from "meilisearch";
import type { Db } from "~/db/db.server";
import type { ProtectedCategory } from "~/db/tables/candidates";
import type { Role } from "~/db/types";
import { DomainError } from "~/domain/errors";
import { roleHas } from "~/domain/identity";
import { getEnv } from "~/utils/env.server";
import { roundKm } from "~/domain/reference";
import { comunePoints, comuniWithin } from "~/domain/reference/index.server";
import { resolveComune } from "~/domain/reference/index.server";
import { searchText, unitsNamedBy } from "~/domain/professions";
import { indexUid } from "../../../search/client.server";
import { todayInItaly } from "~/utils/dates";
import { obsoleteCutoffSeconds } from "./freshness";
import { inOutplacementPriority } from "./outplacement-priority";
import { STUDY_LEVELS } from "~/domain/reference";
import { LANGUAGE_LABELS, LICENCE_LABELS, PROTECTED_CATEGORY_LABELS } from "./schema";
import {
  AVAILABILITY_LABELS,
  CONSENT_LABELS,
  FACETS,
  FRESHNESS_LABELS,
  MAX_PAGE,
  PAGE_SIZE,
  buildCandidateSearch,
  exactTotal,
  byDistancePage,
  inDistanceOrder,
  facetsFor,
  matchReasons,
  readFacetCounts,
  restOfPage,
  type CandidateSearchInput,
  type FacetCount,
  type MatchReason,
  type SearchContext,
} from "./search-query";

export interface CandidateHit {
  id: string;
  fullName: string;
  comune: string;
  preferences: string[];
  licences: string[];
  languages: string[];
  educationLevel: number;
  /** Highest ministerial level of study (-1: none). */
  studyLevel: number;
  availability: string[];
  cvUpdatedAt: string;
  obsolete: boolean;
  consentVisible: boolean;
  /** Present only for users allowed to see it (placement officers). */
  protectedCategory?: ProtectedCategory;
  distanceKm: number | null;
  reasons: MatchReason[];
  /** In «ricollocazione» priority today: the cohort events and the last day (YYYY-MM-DD) of the window; null otherwise. */
  outplacement: { events: { id: string; title: string }[]; priorityTo: string } | null;
}

export interface FacetView {
  param: string;
  label: string;
  mode: "any" | "all";
  values: (FacetCount & { label: string })[];
  /** Values not asked for (the professions until the officer opens them, search-query.ts occupationsCounted). */
  collapsed?: boolean;
}

export interface CandidateSearchResult {
  hits: CandidateHit[];
  total: number;
  page: number;
  totalPages: number;
  facets: FacetView[];
  center: { label: string; lat: number; lon: number } | null;
}

interface RawHit {
  id: string;
  fullName: string;
  comuneName: string;
  provinceCode: string;
  preferenceTitles: string[];
  licences: string[];
  languages: string[];
  educationLevel: number;
  studyLevel?: number;
  availability: string[];
  cvUpdatedAt: number;
  consentVisible: boolean;
  protectedCategory?: ProtectedCategory;
  comuneCode: string;
  outplacementPriorityFrom: number | null;
  outplacementPriorityTo: number | null;
  outplacementEventIds?: string[];
  _formatted?: Record<string, unknown>;
}

/** The titles of the redundancy events of the page's cohort workers (one query per page). */
async function eventTitles(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom("outplacement_events").select(["id", "title"]).where("id", "in", ids).execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** The radius centre: an unknown or ambiguous comune is the user's mistake (400), not an empty result. */
async function resolveCenter(db: Db, text: string) {
  if (!text) return null;
  const comune = await resolveComune(db, text);
  const point = comune ? (await comunePoints(db)).get(comune.istatCode) : undefined;
  if (!comune || !point)
    throw new DomainError("Comune sconosciuto: scegli un comune dall'elenco, ad esempio «Milano (MI)»", "comune", "invalid");
  return { label: comune.label, ...point };
}

/** Labels of provinces and CP2021 codes: reference data, read once per process (they change only with a new ISTAT release and a restart). */
const labelCache = globalThis as unknown as {
  __rosaSearchLabels?: Promise<{ province: Record<string, string>; occupation: Record<string, string> }>;
};

function referenceLabels(db: Db) {
  labelCache.__rosaSearchLabels ??= (async () => {
    const [provinces, occupations] = await Promise.all([
      db.selectFrom("comuni").select(["province_code", "province_name"]).distinct().execute(),
      db.selectFrom("occupations").select(["code", "title"]).where("level", "in", [1, 5]).execute(),
    ]);
    const cap = (t: string) => (t === t.toUpperCase() ? t.charAt(0) + t.slice(1).toLowerCase() : t);
    return {
      province: Object.fromEntries(provinces.map((r) => [r.province_code, `${r.province_name} (${r.province_code})`])),
      occupation: Object.fromEntries(occupations.map((r) => [r.code, `${cap(r.title)} (${r.code})`])),
    };
  })().catch((e) => {
    labelCache.__rosaSearchLabels = undefined;
    throw e;
  });
  return labelCache.__rosaSearchLabels;
}

async function valueLabels(db: Db, facet: string): Promise<Record<string, string>> {
  switch (facet) {
    case "province":
      return (await referenceLabels(db)).province;
    case "group":
    case "occupation":
      return (await referenceLabels(db)).occupation;
    case "licence":
      return LICENCE_LABELS;
    case "language":
      return LANGUAGE_LABELS;
    case "education":
      return STUDY_LEVELS;
    case "availability":
      return AVAILABILITY_LABELS;
    case "consent":
      return CONSENT_LABELS;
    case "protected":
      return PROTECTED_CATEGORY_LABELS;
    case "freshness":
      return FRESHNESS_LABELS;
    default:
      return {};
  }
}

/**
 * The steps of one search page, for bench:search's breakdown: the radius centre and its comuni (PostgreSQL), the first
 * multi-search, the rest of the page after the named profession's candidates, the pages of distance order, and what
 * follows (labels, event titles, the hits as shown). A step that the query does not need is not reported.
 */
export type SearchStep = "comune" | "ricerca" | "resto" | "distanza" | "etichette";

/**
 * Runs the officer's candidate search with the user's permissions applied:
 * protected category facet, filter and field only with candidates:health.
 * Callers must have checked candidates:read (the route does).
 */
export async function searchCandidates(
  db: Db,
  meili: Meilisearch,
  user: { role: Role },
  input: CandidateSearchInput,
  now = new Date(),
  trace?: (step: SearchStep, ms: number) => void,
): Promise<CandidateSearchResult> {
  // Defence in depth: the route already asked for candidates:read; an employer must never reach Meilisearch.
  if (!roleHas(user.role, "candidates:read")) throw new DomainError("Non hai i permessi per questa pagina", "_form", "forbidden");
  let stepStart = performance.now();
  const lap = (step: SearchStep) => {
    if (!trace) return;
    const t = performance.now();
    trace(step, t - stepStart);
    stepStart = t;
  };
  const center = await resolveCenter(db, input.comune);
  const nearby = center ? await comuniWithin(db, center, input.radiusKm) : null;
  if (center) lap("comune");
  const kmByComune = new Map(nearby?.map((c) => [c.code, c.km]));
  const ctx: SearchContext = {
    canSeeProtected: roleHas(user.role, "candidates:health"),
    freshSince: obsoleteCutoffSeconds(now, getEnv().CV_OBSOLETE_MONTHS),
    center,
    nearby: nearby?.map((c) => c.code) ?? null,
    indexUid: indexUid("candidates"),
    queryText: searchText(input.q),
    professionUnits: unitsNamedBy(input.q),
    today: todayInItaly(now),
  };
  const built = buildCandidateSearch(input, ctx);
  const { results } = await meili.multiSearch({ queries: built.queries as never });
  lap("ricerca");
  const main = results[0] as unknown as {
    hits: RawHit[];
    totalHits?: number;
    totalPages?: number;
    facetDistribution?: Record<string, Record<string, number>>;
  };
  const tierIdx = built.roles.findIndex((r) => r.kind === "tier");
  if (tierIdx >= 0) {
    // The candidates of the units the text names first, then the other matches (search-query.ts restOfPage).
    const tier = results[tierIdx] as unknown as { hits: RawHit[]; totalHits?: number };
    const rest = restOfPage(built, input, ctx, tier.totalHits ?? 0, tier.hits.length);
    const more = rest ? ((await meili.multiSearch({ queries: [rest] as never })).results[0].hits as unknown as RawHit[]) : [];
    main.hits = [...tier.hits, ...more];
    if (rest) lap("resto");
  }
  if (input.sort === "distance" && ctx.nearby?.length) {
    const pageQueries = byDistancePage(built.queries[0], main.facetDistribution?.comuneCode ?? {}, ctx.nearby, input.page);
    const pages = pageQueries.length ? (await meili.multiSearch({ queries: pageQueries as never })).results : [];
    main.hits = inDistanceOrder(
      pages.flatMap((r) => r.hits as unknown as RawHit[]),
      ctx.nearby,
    );
    if (pageQueries.length) lap("distanza");
  }
  const counts = readFacetCounts(input, built, results as never, ctx);

  const facets: FacetView[] = [];
  for (const f of [...facetsFor(ctx), { param: "freshness", label: "Aggiornamento del CV", mode: "any" as const }]) {
    const values = counts[f.param as keyof typeof counts];
    // A facet readFacetCounts did not count (the professions until asked for, search-query.ts occupationsCounted).
    if (!values) {
      facets.push({ param: f.param, label: f.label, mode: f.mode, values: [], collapsed: true });
      continue;
    }
    const labels = await valueLabels(db, f.param);
    facets.push({ param: f.param, label: f.label, mode: f.mode, values: values.map((v) => ({ ...v, label: labels[v.value] ?? v.value })) });
  }

  const today = ctx.today!;
  const inPriority = (h: RawHit) =>
    inOutplacementPriority(
      { outplacementPriorityFrom: h.outplacementPriorityFrom ?? null, outplacementPriorityTo: h.outplacementPriorityTo ?? null },
      today,
    );
  const titles = await eventTitles(db, [...new Set(main.hits.filter(inPriority).flatMap((h) => h.outplacementEventIds ?? []))]);
  const hits = main.hits.map((h): CandidateHit => ({
    id: h.id,
    fullName: h.fullName,
    comune: `${h.comuneName} (${h.provinceCode})`,
    preferences: h.preferenceTitles,
    licences: h.licences,
    languages: h.languages,
    educationLevel: h.educationLevel,
    studyLevel: h.studyLevel ?? -1,
    availability: h.availability,
    cvUpdatedAt: new Date(h.cvUpdatedAt * 1000).toISOString(),
    obsolete: h.cvUpdatedAt < ctx.freshSince,
    consentVisible: h.consentVisible,
    ...(ctx.canSeeProtected ? { protectedCategory: h.protectedCategory } : {}),
    distanceKm: kmByComune.has(h.comuneCode) ? roundKm(kmByComune.get(h.comuneCode)!) : null,
    reasons: matchReasons(h._formatted),
    outplacement: inPriority(h)
      ? {
          events: (h.outplacementEventIds ?? []).map((id) => ({ id, title: titles.get(id) ?? "Evento di crisi" })),
          priorityTo: new Date(h.outplacementPriorityTo! * 1000).toISOString().slice(0, 10),
        }
      : null,
  }));
  const total = exactTotal(main);
  lap("etichette");
  return { hits, total, page: input.page, totalPages: Math.max(1, Math.min(MAX_PAGE, Math.ceil(total / PAGE_SIZE))), facets, center };
}

/** The search parameters worth recording in the audit log (no personal data comes back in it). */
export function auditableSearch(input: CandidateSearchInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (Array.isArray(v) ? v.length : v !== "" && k !== "page") out[k] = v;
  return out;
}

export { FACETS };
