import fs from "node:fs";
import path from "node:path";
import { DB_TYPES_FILE, generateDbTypesFromMigrations } from "../db-types";

/**
 * `npm run db:types`: migrates a scratch database in a throwaway embedded PostgreSQL and writes the Kysely
 * table types kysely-codegen derives from it to app/db/schema.generated.ts. `--check` (or `npm run
 * db:types:check`) writes nothing and fails when the committed file differs from what the migrations give.
 * `--print` writes the source to stdout.
 */
const check = process.argv.includes("--check");
const print = process.argv.includes("--print");
const source = await generateDbTypesFromMigrations();
const relative = path.relative(process.cwd(), DB_TYPES_FILE);
if (print) {
  process.stdout.write(source);
} else if (check) {
  const committed = fs.existsSync(DB_TYPES_FILE) ? fs.readFileSync(DB_TYPES_FILE, "utf8") : "";
  if (committed !== source) {
    const [before, after] = [new Set(committed.split("\n")), new Set(source.split("\n"))];
    const changed = [
      ...[...before].filter((l) => !after.has(l)).map((l) => `- ${l}`),
      ...[...after].filter((l) => !before.has(l)).map((l) => `+ ${l}`),
    ];
    console.error(
      `${relative} non corrisponde alle migrazioni: esegui npm run db:types e committa il file.\n${changed.slice(0, 40).join("\n")}`,
    );
    process.exitCode = 1;
  } else {
    console.log(`${relative} corrisponde alle migrazioni.`);
  }
} else {
  fs.writeFileSync(DB_TYPES_FILE, source);
  console.log(`Scritto ${relative}.`);
}
