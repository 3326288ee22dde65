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
