import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { expectConsoleError } from "../support/console-errors";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { setConsent, updateCandidate } from "~/domain/candidates/commands.server";
import { setServiceUrls } from "~/utils/env.server";
import * as searchRoute from "~/routes/operatore.candidati._index";
import { freePort, startMeilisearch, type RunningService } from "../../server/embedded-services";
import { getMeili, indexUid } from "../../search/client.server";
import { candidatesIndex } from "../../app/domain/candidates/search-index.server";
import { reindex } from "../../search/reindex.server";
import { drainOutbox, kickSyncWorker, startSyncWorker, stopSyncWorker } from "../../search/sync.server";
import { SYSTEM_ACTOR, candidateInput, createTestCandidate } from "../support/factories-candidates";
import { cookieFor, createUserWithRole, request } from "../support/factories";
import { callRoute } from "../support/routes";

/**
 * The embedded Meilisearch is killed with SIGKILL in the middle of a stream of
 * candidate updates made through the domain, with the sync worker running as in
 * the portal. Every write commits; the supervisor starts Meilisearch again; the
 * outbox brings the index back to exactly what PostgreSQL holds: 0 lost.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rosa-fault-"));
const masterKey = "fault-test-master-key-0123456789";
let meili: RunningService;

beforeAll(async () => {
  meili = await startMeilisearch({ dataDir: dir, port: await freePort(), masterKey });
  setServiceUrls({ MEILI_URL: meili.url, MEILI_MASTER_KEY: masterKey });
  await drainOutbox(getDb()).catch(() => 0);
});

afterAll(async () => {
  stopSyncWorker();
  await meili?.stop();
  setServiceUrls({ MEILI_URL: inject("meiliUrl"), MEILI_MASTER_KEY: inject("meiliKey") });
  await drainOutbox(getDb()).catch(() => 0);
  fs.rmSync(dir, { recursive: true, force: true });
});

async function until(what: string, check: () => Promise<boolean>, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`Timeout: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("Meilisearch killed during writes", () => {
  it("restarts it under supervision and the index converges to PostgreSQL with nothing lost", async () => {
    // The supervisor, the sync worker and the search page report the outage this test provokes.
    expectConsoleError(/^\[meilisearch\] (terminato|di nuovo attivo)/, /^\[search-sync\] Meilisearch/, /^\[candidate-search\]/);
    await reindex(getDb(), getMeili(), "candidates");
    const officer = await cookieFor((await createUserWithRole("preselection_officer")).id);
    const people: { id: string; version: number }[] = [];
    for (let i = 0; i < 5; i++) people.push({ id: (await createTestCandidate()).id, version: 1 });
    startSyncWorker(getDb, 100);

    const firstPid = meili.pid!;
    let searchWhileDown: Awaited<ReturnType<typeof callRoute>> | undefined;
    const WRITES = 60;
    for (let i = 0; i < WRITES; i++) {
      if (i === 20) {
        process.kill(firstPid, "SIGKILL");
        // Right after the crash, before the restart delay: the officer's search says so in Italian.
        searchWhileDown = await callRoute(searchRoute.loader, request("/operatore/candidati?q=commesso", { cookie: officer }));
      }
      const person = people[i % people.length];
      if (i % 4 === 3) {
        await withTransaction((trx) => setConsent(trx, SYSTEM_ACTOR, person.id, i % 8 === 3 ? false : true));
      } else {
        const input = candidateInput({ "certificates.0.name": `Attestato scrittura ${i}`, "itSkills.0.skill": `Gestionale ${i}` });
        const row = await getDb()
          .selectFrom("candidates")
          .select(["version", "tax_code"])
          .where("id", "=", person.id)
          .executeTakeFirstOrThrow();
        await withTransaction((trx) =>
          updateCandidate(
            trx,
            SYSTEM_ACTOR,
            { ...input, taxCode: row.tax_code, candidateId: person.id, version: row.version },
            { bySelf: false, canSetProtectedCategory: true },
          ),
        );
      }
      kickSyncWorker(getDb);
      await new Promise((r) => setTimeout(r, 25));
    }

    expect(searchWhileDown?.status).toBe(503);
    expect((searchWhileDown?.body as { unavailable: boolean }).unavailable).toBe(true);
    // The supervisor started a new process on the same address.
    await until("Meilisearch riavviato", async () => meili.pid !== firstPid && (await fetch(`${meili.url}/health`)).ok);
    await until("outbox vuota", async () => (await getDb().selectFrom("search_outbox").select("id").execute()).length === 0);

    const ids = (await getDb().selectFrom("candidates").select("id").orderBy("id").execute()).map((r) => r.id);
    const expected = await candidatesIndex.loadDocuments(getDb(), ids);
    const { results } = await getMeili().index(indexUid("candidates")).getDocuments({ limit: 100_000 });
    const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.id).localeCompare(String(b.id));
    // Erased CVs (right to erasure) have no document: compare with what PostgreSQL says the index should hold.
    expect(results.length).toBe(expected.length);
    expect(results.sort(byId)).toEqual((expected as unknown as Record<string, unknown>[]).sort(byId));
    // The last write of every person is what the index holds.
    for (const p of people) {
      const doc = results.find((d) => d.id === p.id) as Record<string, unknown>;
      expect(JSON.stringify(doc)).toMatch(/scrittura 5\d/);
    }
  }, 120_000);
});
