import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Kysely, PostgresDialect as KyselyPostgresDialect, sql } from "kysely";
import { generate, PostgresDialect, type DatabaseMetadata } from "kysely-codegen";
import pg from "pg";
import { migrateToLatest } from "./migrate";
import { startPostgres } from "./embedded-services";

function scratchDb(url: string): Kysely<any> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on("error", () => {}); // the scratch server stops under idle clients
  return new Kysely<any>({ dialect: new KyselyPostgresDialect({ pool }) });
}

/** The committed output: app/db/ reads its table types from here (see app/db/types.ts). */
export const DB_TYPES_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../app/db/schema.generated.ts");

/**
 * Columns whose values a `check (column in ('a', 'b'))` constraint lists get that union as their type
 * (kysely-codegen only narrows PostgreSQL enums by itself): the narrowing comes from the schema, so the
 * drift check also catches a value added to a constraint. The named types the code uses (Role,
 * VacancyStatus…) are aliases of these columns (app/db/tables/*.ts).
 */
async function narrowCheckedColumns(db: Kysely<any>, metadata: DatabaseMetadata): Promise<DatabaseMetadata> {
  const { rows } = await sql<{ table_name: string; column_name: string; definition: string }>`
    select c.relname as table_name, a.attname as column_name, pg_get_constraintdef(k.oid) as definition
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    join pg_attribute a on a.attrelid = c.oid and a.attnum = k.conkey[1]
    where k.contype = 'c' and cardinality(k.conkey) = 1
    order by 1, 2, 3`.execute(db);
  const allowed = new Map<string, string[]>();
  for (const row of rows) {
    const m = /^CHECK \(\(\(?(\w+)\)? = ANY \(\(?ARRAY\[(.*)\]\)?(?:::text\[\])?\)\)\)$/.exec(row.definition);
    if (!m || m[1] !== row.column_name) continue;
    const values = [...m[2].matchAll(/'((?:[^']|'')*)'::(?:text|character varying)/g)].map((v) => v[1].replaceAll("''", "'"));
    if (values.length) allowed.set(`${row.table_name}.${row.column_name}`, values);
  }
  for (const table of metadata.tables) {
    for (const column of table.columns) {
      const values = allowed.get(`${table.name}.${column.name}`);
      if (values && column.dataType === "text" && !column.isArray) column.enumValues = values;
    }
  }
  return metadata;
}

/** The TypeScript source kysely-codegen writes for the database at `url` (already migrated). */
export async function generateDbTypes(url: string): Promise<string> {
  const db = scratchDb(url);
  try {
    return await generate({
      db,
      // DATE as "YYYY-MM-DD" text: the pool's DATE parser (app/db/db.server.ts).
      dialect: new PostgresDialect({ dateParser: "string", numericParser: "string" }),
      excludePattern: "kysely_migration*",
      postprocess: ({ db: introspected, metadata }) => narrowCheckedColumns(introspected, metadata),
      // int8 (counts, bigserial ids) is parsed to a number by app/db/db.server.ts; jsonb is written as a
      // JSON string (pg would turn a JS array into a PostgreSQL array) and read back parsed, typed by its reader.
      typeMapping: { int8: "number", jsonb: "ColumnType<unknown, string, string>" },
      customImports: {
        RevalidationChanges: "./column-types#RevalidationChanges",
        ShortlistCandidateState: "./tables/shortlists#ShortlistCandidateState",
      },
      overrides: {
        columns: {
          "employers.revalidation_changes": "ColumnType<RevalidationChanges | null, string | null, string | null>",
          // The history of shortlist_candidates.state (whose check constraint gives the union).
          "shortlist_transitions.from_state": "ShortlistCandidateState",
          "shortlist_transitions.to_state": "ShortlistCandidateState",
        },
      },
      outFile: null,
      typeOnlyImports: true,
    });
  } finally {
    await db.destroy();
  }
}

/** Migrates a scratch database in a throwaway embedded PostgreSQL and returns its generated types. */
export async function generateDbTypesFromMigrations(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rosa-dbtypes-"));
  fs.chmodSync(dir, 0o755);
  try {
    const server = await startPostgres({ dataDir: dir, port: 0, persistent: false, database: "rosa_types" });
    try {
      const db = scratchDb(server.url);
      try {
        await migrateToLatest(db);
      } finally {
        await db.destroy();
      }
      return await generateDbTypes(server.url);
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
