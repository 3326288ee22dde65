import { ALL, type Rule } from "./actors";

/** The internship rules checker API: public (counts and flags only, nothing stored), rate-limited like every /api/ path. */
export const ROUTE_ACCESS: Record<string, Rule> = {
  "api.v1.tirocini.check.ts": { loader: ALL, action: ALL },
};
