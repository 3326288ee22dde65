/**
 * Where people are, for radius searches. Every CV is placed at its domicile
 * comune's centroid, so "within R km" is "domicile in one of the comuni within
 * R km": the search index filters on a list of comune codes (a facet lookup)
 * instead of geo points. Meilisearch rewrites its whole geo store on every
 * document batch (1.8–3.0 s per one-document update at 200,000 candidates,
 * against 0.11 s without `_geo`), which broke the 1 s sync target.
 */
import type { Db } from "~/db/db.server";
import { distanceKm, type NearbyComune } from "./geo";

type Point = { lat: number; lon: number };

// Reference data that changes only with a new ISTAT release (and a restart): read once per process.
const cache = globalThis as unknown as { __rosaComuniPoints?: Promise<Map<string, Point>> };

/** Every comune's centroid by ISTAT code (about 7,900, a few hundred KB). */
export function comunePoints(db: Db): Promise<Map<string, Point>> {
  cache.__rosaComuniPoints ??= db
    .selectFrom("comuni")
    .select(["istat_code", "lat", "lon"])
    .where("lat", "is not", null)
    .where("lon", "is not", null)
    .execute()
    .then((rows) => new Map(rows.map((r) => [r.istat_code, { lat: r.lat!, lon: r.lon! }])))
    .catch((e) => {
      cache.__rosaComuniPoints = undefined;
      throw e;
    });
  return cache.__rosaComuniPoints;
}

// Searches repeat the same few centres and radii (a CPI's comuni, the vacancy's workplace): the last
// answers are kept, since a pass over the 7,894 centroids cost about 1 ms per request (CPU profile).
const RECENT_RADII = 256;
const recentRadii = new Map<string, NearbyComune[]>();

/** The comuni within the radius, nearest first (ties by code, so the order is stable). Callers must not modify the list. */
export async function comuniWithin(db: Db, center: Point, radiusKm: number): Promise<NearbyComune[]> {
  const key = `${center.lat},${center.lon},${radiusKm}`;
  const known = recentRadii.get(key);
  if (known) return known;
  const out: NearbyComune[] = [];
  for (const [code, p] of await comunePoints(db)) {
    const km = distanceKm(center, p);
    if (km <= radiusKm) out.push({ code, km });
  }
  out.sort((a, b) => a.km - b.km || a.code.localeCompare(b.code));
  if (recentRadii.size >= RECENT_RADII) recentRadii.delete(recentRadii.keys().next().value!);
  recentRadii.set(key, out);
  return out;
}
