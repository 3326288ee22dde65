import { randomBytes } from "node:crypto";
import { Meilisearch } from "meilisearch";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { setEnv, setServiceUrls } from "~/utils/env.server";
import { registerPortalSearchIndexes, SEARCH_INDEXES } from "../../server/search-indexes";
import { applySearchSettings } from "../../search/setup.server";

/**
 * Each integration test file gets a database of its own, copied from the migrated template the global
 * setup prepared (test/support/global-setup.ts), and search indexes of its own (a MEILI_INDEX_PREFIX per
 * file): nothing a file writes is seen by another, and the order of the files does not matter.
 */
const suffix = `${process.pid.toString(36)}_${randomBytes(3).toString("hex")}`;
const database = `rosa_t_${suffix}`;
const adminUrl = inject("adminDatabaseUrl");

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

await admin((c) =>
  c.query(`create database ${c.escapeIdentifier(database)} template ${c.escapeIdentifier(inject("templateDatabase"))} strategy file_copy`),
);
const url = new URL(adminUrl);
url.pathname = `/${database}`;
const indexPrefix = `rosa_t_${suffix}_`;
setEnv({ MEILI_INDEX_PREFIX: indexPrefix });
setServiceUrls({
  DATABASE_URL: url.toString(),
  MEILI_URL: inject("meiliUrl"),
  MEILI_MASTER_KEY: inject("meiliKey"),
  SESSION_SECRET: inject("sessionSecret"),
});
registerPortalSearchIndexes();
const meili = new Meilisearch({ host: inject("meiliUrl"), apiKey: inject("meiliKey") });
await applySearchSettings(meili);

afterAll(async () => {
  // Connections still open (a pool the file did not close) are ended by FORCE.
  await admin((c) => c.query(`drop database if exists ${c.escapeIdentifier(database)} with (force)`));
  await Promise.all(SEARCH_INDEXES.map((d) => meili.deleteIndex(`${indexPrefix}${d.name}`).catch(() => {})));
});
