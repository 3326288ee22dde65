/**
 * `npm run db:restore -- FILE`: replaces the database with a backup made by
 * `npm run db:backup`, then rebuilds the search indexes from it. Uses
 * DATABASE_URL/MEILI_URL if set, otherwise the embedded servers in DATA_DIR.
 * Every portal process must be stopped meanwhile.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { reindexAll } from "../../search/reindex.server";
import { restoreDatabase } from "../backup";
import { withPlatform } from "./with-platform";
import { plural } from "../../app/utils/plural";

const { positionals } = parseArgs({ allowPositionals: true, strict: true });
if (positionals.length !== 1) {
  console.error("Uso: npm run db:restore -- FILE");
  process.exit(2);
}
const file = path.resolve(positionals[0]);

await withPlatform(
  async ({ db, meili, databaseUrl }) => {
    const started = performance.now();
    const { header, rows } = await restoreDatabase(databaseUrl, file);
    const total = Object.values(rows).reduce((a, b) => a + b, 0);
    console.log(
      `Ripristinato il backup del ${header.createdAt} (${plural(total, "riga", "righe")}, migrazione ${header.migration}) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
    // PostgreSQL is the source of truth: the indexes are rebuilt from what was just restored.
    for (const r of await reindexAll(db, meili))
      console.log(`Indice ${r.name}: ${plural(r.documents, "documento ricostruito", "documenti ricostruiti")}.`);
  },
  { seed: false },
);
