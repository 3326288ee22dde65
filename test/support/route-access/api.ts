import { ALL, type Rule } from "./actors";

/**
 * The open API (docs/decisions/open-api.md). The exports for authorised systems take an integrator's bearer token,
 * never a session: without one, 401 for everybody. The public vacancy is 404 for a vacancy that is not on the board.
 */
export const ROUTE_ACCESS: Record<string, Rule> = {
  "api.v1.offerte.ts": { loader: ALL },
  "api.v1.offerte.$vacancyId.ts": { loader: [], params: "vacancyId" }, // the other employer's vacancy is not published
  "api.v1.openapi[.]json.ts": { loader: ALL },
  "api.v1.esportazioni.cliclavoro.$vacancyId.ts": { loader: [], params: "vacancyId" },
  "api.v1.esportazioni.unilav.$hireId.ts": { loader: [] },
  "api.v1.esportazioni.sap.$candidateId.ts": { loader: [], params: "candidateId" },
  "api-aperta.tsx": { loader: ALL },
  "admin.api.tsx": { loader: ["admin"], action: ["admin"] },
};
