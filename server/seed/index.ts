import type { Kysely, Transaction } from "kysely";
import type { DB } from "~/db/types";
import { seedCandidates } from "./candidates";
import { seedGeneratedCandidates } from "./candidates-generated";
import { seedHiresDemo } from "./hires";
import { seedInternships } from "./internships";
import { seedL68 } from "./l68";
import { seedOutplacement } from "./outplacement";
import { seedReservedVacancyDemo } from "./placement";
import { seedPlatform, type DemoRefs } from "./platform";
import { seedShortlistDemo } from "./shortlists";
import { seedVacancies } from "./vacancies";

export { DEMO_ACCOUNTS, DEMO_PASSWORD, withCheckDigit } from "./platform";

/**
 * Each context adds its demo data here, in dependency order. Every seed is
 * deterministic (fixed data or a seeded generator).
 */
// seedGeneratedCandidates stays after the hand-written candidates (a few thousand synthetic CVs for the search demo).
const CONTEXT_SEEDS: ((trx: Transaction<DB>, refs: DemoRefs) => Promise<void>)[] = [
  seedL68,
  seedCandidates,
  seedGeneratedCandidates,
  seedVacancies,
  seedShortlistDemo,
  seedReservedVacancyDemo,
  seedOutplacement,
  seedInternships,
  seedHiresDemo,
];

/** Loads the demo data into an empty database only (no users yet). Returns whether it did. */
export async function seedDemoData(db: Kysely<DB>): Promise<boolean> {
  const any = await db.selectFrom("users").select("id").limit(1).executeTakeFirst();
  if (any) return false;
  await db.transaction().execute(async (trx) => {
    const refs = await seedPlatform(trx);
    for (const seed of CONTEXT_SEEDS) await seed(trx, refs);
  });
  return true;
}
