/** Great-circle distance in km between two points (haversine, Earth radius 6,371 km). Pure, client-safe. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A comune within a radius and its distance from the centre. */
export interface NearbyComune {
  code: string;
  km: number;
}

/** Distances rounded to 100 m, as shown to officers. */
export const roundKm = (km: number) => Math.round(km * 10) / 10;

/** A run of one comune's people in a distance-ordered list: skip `offset` of them, take `limit`. */
export interface ComuneSlice {
  code: string;
  offset: number;
  limit: number;
  /** Every person of the comune is taken. */
  whole: boolean;
}

/**
 * Places skip+1 … skip+take of a distance order, from per-comune counts and the
 * comuni nearest first. Every CV sits at its comune's centroid, so walking the
 * comuni and skipping whole ones is the exact distance order (the order within
 * one comune is the engine's: relevance or freshness).
 */
export function nearestSlices(countsByComune: Record<string, number>, byDistance: string[], skip: number, take: number): ComuneSlice[] {
  const out: ComuneSlice[] = [];
  for (const code of byDistance) {
    if (take <= 0) break;
    const n = countsByComune[code] ?? 0;
    if (skip >= n) {
      skip -= n;
      continue;
    }
    const limit = Math.min(take, n - skip);
    out.push({ code, offset: skip, limit, whole: skip === 0 && limit === n });
    skip = 0;
    take -= limit;
  }
  return out;
}
