import fsSync, { promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Migrator, type Kysely, type Migration, type MigrationProvider } from "kysely";

const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../migrations");

/** Our own provider: Kysely's FileMigrationProvider imports from node_modules, which breaks .ts under vitest (docs/engineering-notes.md#p6). */
class DirMigrationProvider implements MigrationProvider {
  constructor(private dir: string) {}
  async getMigrations() {
    const out: Record<string, Migration> = {};
    for (const file of (await fs.readdir(this.dir)).sort()) {
      if (/\.(ts|js|mjs|mts)$/.test(file) && !file.endsWith(".d.ts")) {
        out[file.replace(/\.[^.]+$/, "")] = await import(pathToFileURL(path.join(this.dir, file)).href);
      }
    }
    return out;
  }
}

/** The newest migration this code knows (file names sort by their timestamp). */
export function latestMigrationName(): string {
  const names = fsSync
    .readdirSync(migrationsDir)
    .filter((f) => /\.(ts|js|mjs|mts)$/.test(f) && !f.endsWith(".d.ts"))
    .sort();
  return names[names.length - 1].replace(/\.[^.]+$/, "");
}

/** Applies the migrations up to and including `name` (restoring a backup made at that version). */
export async function migrateTo(db: Kysely<any>, name: string): Promise<void> {
  const migrator = new Migrator({ db, provider: new DirMigrationProvider(migrationsDir) });
  const { error, results } = await migrator.migrateTo(name);
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    throw new Error(`Migrazione ${failed ?? name} fallita: ${(error as Error).message ?? error}`);
  }
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new DirMigrationProvider(migrationsDir) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    throw new Error(`Migrazione ${failed ?? ""} fallita: ${(error as Error).message ?? error}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}
