/** Headcount bands of the company forms (zod-free: the public registration page imports it, see schema.server.ts). */
export const HEADCOUNT_BANDS = {
  "0-9": "Da 0 a 9 dipendenti",
  "10-14": "Da 10 a 14 dipendenti",
  "15-35": "Da 15 a 35 dipendenti",
  "36-50": "Da 36 a 50 dipendenti",
  "51-249": "Da 51 a 249 dipendenti",
  "250+": "250 dipendenti o più",
} as const;
