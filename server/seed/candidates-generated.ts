import type { Transaction } from "kysely";
import type { DB } from "~/db/types";
import { recordAudit } from "~/domain/audit/commands.server";
import type { DemoRefs } from "./platform";
import { generateCandidates, generatorToday } from "./candidate-writer";

export const DEMO_GENERATED_CANDIDATES = 3000;

/**
 * A few thousand synthetic candidates for the demo CV database (after the
 * hand-written ones), recorded as created by the preselection officer. They
 * reach Meilisearch through the outbox once the portal's sync worker starts.
 */
export async function seedGeneratedCandidates(trx: Transaction<DB>, refs: DemoRefs): Promise<void> {
  const count = await generateCandidates(trx, {
    count: DEMO_GENERATED_CANDIDATES,
    seed: "rosa-demo",
    today: generatorToday(),
    createdBy: refs.preselectionOfficerId,
    enqueue: true,
    batchSize: 1000,
  });
  await recordAudit(
    trx,
    { userId: null, role: "system", ip: null },
    {
      action: "candidates.generated",
      entityType: "candidate",
      details: { count, seed: "rosa-demo", synthetic: true },
    },
  );
}
