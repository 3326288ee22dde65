import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { setConsent } from "~/domain/candidates/commands.server";
import { setServiceUrls } from "~/utils/env.server";
import { freePort, startMeilisearch, type RunningService } from "../../server/embedded-services";
import { getMeili, indexUid } from "../../search/client.server";
import { candidatesIndex } from "../../app/domain/candidates/search-index.server";
import { reindex } from "../../search/reindex.server";
import { drainOutbox, processOutboxOnce } from "../../search/sync.server";
import { SYSTEM_ACTOR, createTestCandidate } from "../support/factories-candidates";

/**
 * Meilisearch stops in the middle of a series of updates: every write still
 * commits, nothing is lost, and once it is back the index equals PostgreSQL.
 * This test runs its own Meilisearch so it can stop it without disturbing others.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rosa-outage-"));
const masterKey = "outage-test-master-key-0123456789";
let port: number;
let meili: RunningService;

beforeAll(async () => {
  port = await freePort();
  meili = await startMeilisearch({ dataDir: dir, port, masterKey });
  setServiceUrls({ MEILI_URL: meili.url, MEILI_MASTER_KEY: masterKey });
  await drainOutbox(getDb()).catch(() => 0);
});

afterAll(async () => {
  await meili?.stop();
  setServiceUrls({ MEILI_URL: inject("meiliUrl"), MEILI_MASTER_KEY: inject("meiliKey") });
  fs.rmSync(dir, { recursive: true, force: true });
});

async function indexMatchesPostgres() {
  const ids = (await getDb().selectFrom("candidates").select("id").orderBy("id").execute()).map((r) => r.id);
  const expected = await candidatesIndex.loadDocuments(getDb(), ids);
  const { results } = await getMeili().index(indexUid("candidates")).getDocuments({ limit: 100_000 });
  const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.id).localeCompare(String(b.id));
  expect(results.sort(byId)).toEqual((expected as unknown as Record<string, unknown>[]).sort(byId));
  return ids.length;
}

describe("Meilisearch down and back", () => {
  it("keeps accepting writes while Meilisearch is down and converges to PostgreSQL exactly afterwards", async () => {
    await reindex(getDb(), getMeili(), "candidates");
    const people: string[] = [];
    for (let i = 0; i < 4; i++) people.push((await createTestCandidate({ "certificates.0.name": `Attestato interruzione ${i}` })).id);
    await drainOutbox(getDb());
    await indexMatchesPostgres();

    const failures: number[] = [];
    for (let step = 0; step < 24; step++) {
      if (step === 8) await meili.stop();
      if (step === 16) meili = await startMeilisearch({ dataDir: dir, port, masterKey });
      // Each step is a committed business change: consent toggles, new CVs, a deletion.
      if (step % 3 === 0) people.push((await createTestCandidate({ "certificates.0.name": `Attestato passo ${step}` })).id);
      else if (step === 13) {
        const victim = people.shift()!;
        await withTransaction(async (trx) => {
          await trx.deleteFrom("candidates").where("id", "=", victim).execute();
          await trx.insertInto("search_outbox").values({ index_uid: "candidates", document_id: victim }).execute();
        });
      } else await withTransaction((trx) => setConsent(trx, SYSTEM_ACTOR, people[step % people.length], step % 2 === 0));
      try {
        await processOutboxOnce(getDb());
      } catch {
        failures.push(step);
      }
    }
    // Every step while Meilisearch was down failed to sync, and the changes waited in the outbox.
    expect(failures).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
    await drainOutbox(getDb());
    expect(await getDb().selectFrom("search_outbox").select("id").execute()).toEqual([]);
    expect(await indexMatchesPostgres()).toBeGreaterThan(5);
  });
});
