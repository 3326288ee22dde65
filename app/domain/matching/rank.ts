/**
 * The order of a match (pure): score, then distance, then CV freshness. The
 * index holds comune codes, not coordinates, so distance order is built from
 * per-comune counts (everyone in a comune sits at its centroid).
 */
import type { NearbyComune } from "~/domain/reference/geo";
import type { Explanation } from "./explain";
import { comuneList as list } from "./query";


interface Ranked {
  id: string;
  /** Unix seconds of the last CV update. */
  cvUpdatedAt: number;
  explanation: Pick<Explanation, "score" | "distanceKm">;
}

/** RANK_ORDER: score first, then nearest, then the most recently updated CV (id last, so equal rows keep one order). */
export function byRank(a: Ranked, b: Ranked): number {
  const e = a.explanation;
  const f = b.explanation;
  return f.score - e.score || (e.distanceKm ?? 0) - (f.distanceKm ?? 0) || b.cvUpdatedAt - a.cvUpdatedAt || a.id.localeCompare(b.id);
}

/**
 * The nearest `need` people of one score level, from its per-comune counts:
 * every comune nearer than the boundary one is taken whole (one query), the
 * boundary comune gives its freshest CVs (a second query). Exact, because
 * everyone in a comune is at the same distance.
 */
export function nearestSlices(level: string, counts: Record<string, number>, nearby: NearbyComune[], need: number): { filter: string; limit: number }[] {
  const whole: string[] = [];
  let taken = 0;
  for (const { code } of nearby) {
    const n = counts[code] ?? 0;
    if (!n) continue;
    if (taken + n > need) {
      return [
        ...(whole.length ? [{ filter: `(${level}) AND ${list(whole)}`, limit: taken }] : []),
        { filter: `(${level}) AND comuneCode = ${JSON.stringify(code)}`, limit: need - taken },
      ];
    }
    whole.push(code);
    taken += n;
    if (taken === need) break;
  }
  return whole.length ? [{ filter: `(${level}) AND ${list(whole)}`, limit: taken }] : [];
}

