import { Kysely, PostgresDialect, type Transaction } from "kysely";
import pg from "pg";
import { getEnv } from "~/utils/env.server";
import type { DB } from "./types";
import { log } from "~/utils/logger.server";

export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;

// The Remix server build bundles its own copy of app modules, so the Express
// server and the routes can only share one pool through globalThis (docs/engineering-notes.md#p11).
const holder = globalThis as unknown as { __rosaDb?: { url: string; db: Db } };

// Return numeric/bigint columns as JS numbers where safe (counts).
pg.types.setTypeParser(20, (v) => Number(v)); // int8: counts and bigserial ids fit in 2^53

/**
 * The pool's own type parsers (pg's global ones stay untouched): a DATE column comes back as its
 * `YYYY-MM-DD` text. pg's default makes a Date at local midnight, which shifts the day with the
 * server's time zone. timestamptz stays a Date.
 */
const DATE_OID = 1082;
export const poolTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === DATE_OID && format !== "binary"
      ? (v: string) => v
      : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

export function createDb(url: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max, types: poolTypes });
  // Idle clients get 57P01 when PostgreSQL stops; without a listener the process crashes (docs/engineering-notes.md#p8).
  pool.on("error", (e) => {
    if (!/57P01|terminating connection/.test(e.message)) log().error({ err: e }, "[db pool] errore di una connessione inattiva");
  });
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

/** Lazy: the server sets DATABASE_URL only after starting the embedded PostgreSQL. */
export function getDb(): Db {
  const url = getEnv().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL non impostato: il server non ha avviato il database");
  if (!holder.__rosaDb || holder.__rosaDb.url !== url) {
    holder.__rosaDb = { url, db: createDb(url) };
  }
  return holder.__rosaDb.db;
}

export async function closeDb() {
  const current = holder.__rosaDb;
  holder.__rosaDb = undefined;
  await current?.db.destroy();
}
