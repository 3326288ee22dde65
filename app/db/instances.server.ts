import os from "node:os";
import { sql, type Expression, type SqlBool } from "kysely";
import pg from "pg";
import type { Db } from "./db.server";
import { log } from "~/utils/logger.server";

/**
 * Several portal processes may share one PostgreSQL (README, "Più istanze").
 * Each registers in server_instances and holds, on a connection of its own, a
 * session advisory lock (INSTANCE_LOCK_CLASS, id). PostgreSQL drops the lock
 * when that process or connection dies, so "is this instance alive?" is a
 * question to pg_locks, never a guess from heartbeats and clocks.
 */
export const INSTANCE_LOCK_CLASS = 7240;
/** Advisory locks (JOB_LOCK_CLASS, hashtext(job name)) held while a periodic job runs. */
export const JOB_LOCK_CLASS = 7241;

// Shared through globalThis: the Remix build and the Express server hold separate module instances (docs/engineering-notes.md#p11).
const holder = globalThis as unknown as { __rosaInstance?: { id: number; client: pg.Client } };

/** The id of this portal process, or null outside a portal (CLI, tests). */
export function currentInstanceId(): number | null {
  return holder.__rosaInstance?.id ?? null;
}

/** True (as SQL) while the instance with this id holds its lock in this database. */
export function isLiveInstance(instanceId: Expression<number | null>): Expression<SqlBool> {
  return sql<SqlBool>`exists (
    select 1 from pg_locks
    where locktype = 'advisory' and granted and objsubid = 2
      and database = (select oid from pg_database where datname = current_database())
      and classid = ${INSTANCE_LOCK_CLASS}::oid and objid::bigint = ${instanceId}
  )`;
}

/** Registers this process and takes its liveness lock; the returned function releases both. */
export async function registerInstance(db: Db, databaseUrl: string): Promise<() => Promise<void>> {
  const row = await db
    .insertInto("server_instances")
    .values({ host: os.hostname(), pid: process.pid })
    .returning("id")
    .executeTakeFirstOrThrow();
  const client = new pg.Client({ connectionString: databaseUrl });
  // Losing this connection means other instances see us as dead; say so loudly (the lock cannot be re-taken safely
  // after others may have closed our imports, so the operator should restart this process).
  client.on("error", (e) => log().error({ err: e }, "[istanza] connessione del lock di istanza persa: riavvia questo processo"));
  await client.connect();
  await client.query("select pg_advisory_lock($1, $2)", [INSTANCE_LOCK_CLASS, row.id]);
  holder.__rosaInstance = { id: row.id, client };
  return async () => {
    holder.__rosaInstance = undefined;
    await client.end().catch(() => {});
    await db
      .deleteFrom("server_instances")
      .where("id", "=", row.id)
      .execute()
      .catch(() => {});
  };
}

/** Rows of instances that are gone (crashed ones never delete themselves). */
export async function forgetDeadInstances(db: Db): Promise<number> {
  const rows = await db
    .deleteFrom("server_instances")
    .where((eb) => eb.not(isLiveInstance(eb.ref("server_instances.id"))))
    .returning("id")
    .execute();
  return rows.length;
}
