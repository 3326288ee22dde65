import fs from "node:fs";
import path from "node:path";
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll } from "vitest";
import { createDb, getDb } from "~/db/db.server";
import { getEnv } from "~/utils/env.server";

/**
 * A throwaway database for a test of one migration: created empty before the file's tests, dropped after. The test
 * migrates it to `previous` (the migration just before `migration`), fills it as production would be, then migrates
 * across the change (and back). Typed `Kysely<any>` like the migrations themselves (frozen, not tied to today's tables).
 */
export function migrationScratchDb(migration: string, connections = 2) {
  const names = fs
    .readdirSync(path.resolve(import.meta.dirname, "../../migrations"))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => f.replace(/\.ts$/, ""))
    .sort();
  const index = names.indexOf(migration);
  if (index < 1) throw new Error(`Migrazione ${migration} non trovata (o è la prima)`);
  const dbName = `rosa_migration_${index}_${Date.now().toString(36)}`;
  const scratch = { previous: names[index - 1]!, db: undefined as unknown as Kysely<any> };
  beforeAll(async () => {
    await sql.raw(`create database ${dbName}`).execute(getDb());
    const url = new URL(getEnv().DATABASE_URL!);
    url.pathname = `/${dbName}`;
    scratch.db = createDb(url.toString(), connections) as unknown as Kysely<any>;
  });
  afterAll(async () => {
    await scratch.db?.destroy();
    await sql.raw(`drop database if exists ${dbName} with (force)`).execute(getDb());
  });
  return scratch;
}
