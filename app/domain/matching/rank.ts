/**
 * The order of a match (pure): score, then distance, then CV freshness. The
 * index holds comune codes, not coordinates, so distance order is built from
 * per-comune counts (everyone in a comune sits at its centroid).
 */
import { nearestSlices, type NearbyComune } from "~/domain/reference";
import type { Explanation } from "./explain";
import { comuneList as list } from "./query";

interface Ranked {
  id: string;
  /** Unix seconds of the last CV update. */
  cvUpdatedAt: number;
  /** Presented to an employer within the exposure window (only compared when the officer favours the less presented). */
  recentlyPresented?: boolean;
  explanation: Pick<Explanation, "score" | "distanceKm">;
}

/** RANK_ORDER: score first, then nearest, then the most recently updated CV (id last, so equal rows keep one order). */
export function byRank(a: Ranked, b: Ranked): number {
  const e = a.explanation;
  const f = b.explanation;
  return f.score - e.score || (e.distanceKm ?? 0) - (f.distanceKm ?? 0) || b.cvUpdatedAt - a.cvUpdatedAt || a.id.localeCompare(b.id);
}

/** RANK_ORDER_LESS_PRESENTED: as byRank, with the recently presented after the others of their score. */
export function byRankLessPresented(a: Ranked, b: Ranked): number {
  return b.explanation.score - a.explanation.score || Number(!!a.recentlyPresented) - Number(!!b.recentlyPresented) || byRank(a, b);
}

/**
 * The nearest `need` people of one score level, from its per-comune counts:
 * the comuni taken whole in one query, the boundary comune's freshest CVs in a
 * second one. Exact, because everyone in a comune is at the same distance.
 */
export function levelSlices(
  level: string,
  counts: Record<string, number>,
  nearby: NearbyComune[],
  need: number,
): { filter: string; limit: number }[] {
  const slices = nearestSlices(
    counts,
    nearby.map((c) => c.code),
    0,
    need,
  );
  const whole = slices.filter((s) => s.whole);
  const partial = slices.filter((s) => !s.whole);
  return [
    ...(whole.length
      ? [{ filter: `(${level}) AND ${list(whole.map((s) => s.code))}`, limit: whole.reduce((n, s) => n + s.limit, 0) }]
      : []),
    ...partial.map((s) => ({ filter: `(${level}) AND comuneCode = ${JSON.stringify(s.code)}`, limit: s.limit })),
  ];
}
