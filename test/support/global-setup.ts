import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { parseEnv } from "~/utils/env.server";
import { startPlatform } from "../../server/platform";

declare module "vitest" {
  export interface ProvidedContext {
    /** The maintenance database of the test cluster: setup-env.ts creates each file's database from it. */
    adminDatabaseUrl: string;
    /** Migrated, with the reference data: the template every test file's database is copied from. */
    templateDatabase: string;
    meiliUrl: string;
    meiliKey: string;
    sessionSecret: string;
  }
}

/**
 * Real embedded PostgreSQL + Meilisearch in a throwaway folder on free ports, once per run. The migrated
 * database (with the reference data) becomes a template: every test file gets a copy of it of its own
 * (test/support/setup-env.ts), so no file sees rows another file wrote.
 */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rosa-it-"));
  fs.chmodSync(dir, 0o755); // mkdtemp is 0700; postgres runs as the 'postgres' OS user
  const env = parseEnv({ DATA_DIR: dir, NODE_ENV: "test" });
  const platform = await startPlatform(env, { persistent: false, seed: false }).catch((e) => {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  });
  const template = new URL(platform.databaseUrl);
  const templateDatabase = template.pathname.slice(1);
  const admin = new URL(platform.databaseUrl);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  // No connections allowed: CREATE DATABASE … TEMPLATE needs a template nobody is connected to.
  await client.query(`alter database ${client.escapeIdentifier(templateDatabase)} with is_template true allow_connections false`);
  await client.end();
  project.provide("adminDatabaseUrl", admin.toString());
  project.provide("templateDatabase", templateDatabase);
  project.provide("meiliUrl", platform.meiliUrl);
  project.provide("meiliKey", platform.meiliKey ?? "");
  project.provide("sessionSecret", platform.sessionSecret);
  return async () => {
    await platform.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
