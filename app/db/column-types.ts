/**
 * Column types the schema cannot state, used by kysely-codegen's overrides (server/db-types.ts) in
 * app/db/schema.generated.ts. Only types here: no imports of the generated file (no cycles).
 */

/** Field → previous and new value, e.g. { legalName: { from: "A S.r.l.", to: "B S.r.l." } }. */
export type RevalidationChanges = Partial<Record<"legalName" | "taxCode", { from: string; to: string }>>;
