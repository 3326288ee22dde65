/**
 * `npm run db:backup [-- --out FILE]`: writes the whole PostgreSQL database to a
 * compressed file (format in server/backup.ts). Uses DATABASE_URL if set,
 * otherwise the embedded PostgreSQL in DATA_DIR (the portal must then be stopped).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase } from "../backup";
import { withPlatform } from "./with-platform";
import { plural } from "../../app/utils/plural";

const { values } = parseArgs({ options: { out: { type: "string" } }, strict: true });
const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
const file = path.resolve(values.out ?? `rosa-backup-${stamp}.rosa.gz`);

await withPlatform(
  async ({ databaseUrl }) => {
    const started = performance.now();
    const { header, rows } = await backupDatabase(databaseUrl, file);
    const total = Object.values(rows).reduce((a, b) => a + b, 0);
    console.log(
      `Backup scritto in ${file}: ${plural(header.tables.length, "tabella", "tabelle")}, ${plural(total, "riga", "righe")}, migrazione ${header.migration} (${((performance.now() - started) / 1000).toFixed(1)} s).`,
    );
  },
  { seed: false },
);
