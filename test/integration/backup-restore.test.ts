import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { getEnv } from "~/utils/env.server";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { setConsent } from "~/domain/candidates/commands.server";
import { getMeili, indexUid } from "../../search/client.server";
import { candidatesIndex } from "../../app/domain/candidates/search-index.server";
import { drainOutbox } from "../../search/sync.server";
import { SYSTEM_ACTOR, createTestCandidate } from "../support/factories-candidates";

/**
 * `npm run db:backup` and `npm run db:restore` against the test run's own
 * PostgreSQL and Meilisearch (as with DATABASE_URL/MEILI_URL in production):
 * data changed or deleted after the backup comes back, data added after it
 * goes, sequences continue, and the search index is rebuilt to match.
 */
const root = path.resolve(import.meta.dirname, "../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rosa-backup-"));
const run = promisify(execFile);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(script: string, args: string[]) {
  return run(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: root,
    timeout: 240_000,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/root",
      NODE_ENV: "production",
      PUBLIC_URL: "http://localhost:3000",
      DATABASE_URL: getEnv().DATABASE_URL!,
      MEILI_INDEX_PREFIX: getEnv().MEILI_INDEX_PREFIX,
      MEILI_URL: inject("meiliUrl"),
      MEILI_MASTER_KEY: inject("meiliKey"),
      SESSION_SECRET: inject("sessionSecret"),
      DATA_DIR: dir,
      SEED_DEMO: "false",
    },
  });
}

const count = async (table: "candidates" | "audit_log" | "users") =>
  Number(
    (
      await getDb()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("backup and restore", () => {
  it("brings back the database as it was and rebuilds the search index from it", async () => {
    const db = getDb();
    const kept = await createTestCandidate({ "certificates.0.name": "Attestato prima del backup" });
    const deleted = await createTestCandidate({ "certificates.0.name": "Attestato da cancellare" });
    await drainOutbox(db);
    const before = { candidates: await count("candidates"), audit: await count("audit_log"), users: await count("users") };

    const file = path.join(dir, "rosa.rosa.gz");
    const backup = await cli("server/cli/db-backup.ts", ["--out", file]);
    expect(backup.stdout).toMatch(/Backup scritto in .*rosa\.rosa\.gz: [\d.]+ tabelle, [\d.]+ righe/);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);

    // After the backup: a change, a deletion and a new record, all synced to the index.
    await withTransaction((trx) => setConsent(trx, SYSTEM_ACTOR, kept.id, false));
    await withTransaction(async (trx) => {
      await trx.deleteFrom("candidates").where("id", "=", deleted.id).execute();
      await trx.insertInto("search_outbox").values({ index_uid: "candidates", document_id: deleted.id }).execute();
    });
    const added = await createTestCandidate({ "certificates.0.name": "Attestato dopo il backup" });
    await drainOutbox(db);
    expect(await getMeili().index(indexUid("candidates")).getDocument(added.id)).toMatchObject({ id: added.id });

    const restore = await cli("server/cli/db-restore.ts", [file]);
    expect(restore.stdout).toContain("Ripristinato il backup");
    expect(restore.stdout).toMatch(/Indice candidates: \d+ documenti ricostruiti/);

    expect({ candidates: await count("candidates"), audit: await count("audit_log"), users: await count("users") }).toEqual(before);
    const rows = await db
      .selectFrom("candidates")
      .select(["id", "consent_visible"])
      .where("id", "in", [kept.id, deleted.id, added.id])
      .execute();
    expect(rows.find((r) => r.id === kept.id)?.consent_visible).toBe(true);
    expect(rows.some((r) => r.id === deleted.id)).toBe(true);
    expect(rows.some((r) => r.id === added.id)).toBe(false);

    // The index equals PostgreSQL again: every document, nothing more.
    const ids = (await db.selectFrom("candidates").select("id").orderBy("id").execute()).map((r) => r.id);
    const expected = await candidatesIndex.loadDocuments(db, ids);
    const { results } = await getMeili().index(indexUid("candidates")).getDocuments({ limit: 100_000 });
    const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.id).localeCompare(String(b.id));
    expect(results.sort(byId)).toEqual((expected as unknown as Record<string, unknown>[]).sort(byId));

    // Sequences and the schema are usable: new writes (with their audit rows) work after a restore.
    await createTestCandidate({ "certificates.0.name": "Attestato dopo il ripristino" });
    expect(await count("audit_log")).toBeGreaterThan(before.audit);

    // A file that is not a backup is refused before the database is touched.
    const bogus = path.join(dir, "non-backup.gz");
    fs.writeFileSync(bogus, "ciao");
    await expect(cli("server/cli/db-restore.ts", [bogus])).rejects.toMatchObject({
      stderr: expect.stringContaining("non è un backup di Rosa"),
    });
    expect(await count("candidates")).toBe(before.candidates + 1);
  }, 300_000);
});
