import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { getDb } from "~/db/db.server";
import { getEnv } from "~/utils/env.server";
import { SEARCH_WRITE_LOCK } from "../../search/sync.server";
import { freePort } from "../../server/embedded-services";
import { ensureBuild, startPortal, type PortalProcess } from "../support/server-process";

/**
 * SIGTERM while a search sync batch is in flight: the portal stops accepting requests, waits for the batch (and the
 * jobs) to finish, then closes the pool and exits 0. The batch is held in flight by the test, which owns the search
 * write lock the batch needs, and lets it go only after the signal.
 */
let portal: PortalProcess | undefined;
let holder: pg.Client | undefined;

beforeAll(() => ensureBuild(), 300_000);
afterAll(async () => {
  await holder?.end().catch(() => {});
  if (portal && portal.child.exitCode === null) {
    portal.child.kill("SIGKILL");
    await portal.exited;
  }
});

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timeout: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("graceful stop", () => {
  it("on SIGTERM waits for the search sync batch in flight, then exits 0", async () => {
    const db = getDb();
    holder = new pg.Client({ connectionString: getEnv().DATABASE_URL! });
    await holder.connect();
    await holder.query("select pg_advisory_lock($1)", [SEARCH_WRITE_LOCK]);
    const documentId = randomUUID();
    await db.insertInto("search_outbox").values({ index_uid: "vacancies", document_id: documentId }).execute();

    const port = await freePort();
    portal = await startPortal({
      PORT: String(port),
      DATABASE_URL: getEnv().DATABASE_URL!,
      MEILI_INDEX_PREFIX: getEnv().MEILI_INDEX_PREFIX,
      MEILI_URL: inject("meiliUrl"),
      MEILI_MASTER_KEY: inject("meiliKey"),
      SESSION_SECRET: inject("sessionSecret"),
    });
    const pid = portal.child.pid!;
    // The portal's sync worker has read the outbox and now waits for the write lock the test holds.
    await until("the sync batch waits for the search write lock", async () => {
      const { rows } = await holder!.query<{ n: number }>(
        `select count(*)::int as n from pg_locks l join pg_stat_activity a on a.pid = l.pid
          where l.locktype = 'advisory' and not l.granted and l.objid = $1 and a.application_name is distinct from 'test'`,
        [SEARCH_WRITE_LOCK],
      );
      return rows[0]!.n > 0;
    });

    process.kill(pid, "SIGTERM");
    await until("the portal starts its graceful stop", () => portal!.output().includes("[arresto] SIGTERM"), 10_000);
    // No longer accepting connections…
    await until(
      "the port is closed",
      () =>
        fetch(`${portal!.url}/healthz`).then(
          () => false,
          () => true,
        ),
      10_000,
    );
    // …but still waiting for the batch: the process is alive and the row is still in the outbox.
    await new Promise((r) => setTimeout(r, 1500));
    expect(portal.child.exitCode).toBeNull();
    expect(await db.selectFrom("search_outbox").select("id").where("document_id", "=", documentId).executeTakeFirst()).toBeDefined();

    await holder.query("select pg_advisory_unlock($1)", [SEARCH_WRITE_LOCK]);
    await portal.exited;
    expect(portal.child.exitCode, portal.output()).toBe(0);
    // The batch finished before the pool closed: the row was sent and removed.
    expect(await db.selectFrom("search_outbox").select("id").where("document_id", "=", documentId).executeTakeFirst()).toBeUndefined();
    expect(portal.output()).toContain("[arresto] completato");
  }, 180_000);
});
