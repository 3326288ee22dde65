/**
 * `npm run fuzz -- --minutes N [--seed S]`: the fuzzing of test/support/fuzz.ts for
 * longer than `npm test` allows, on its own PostgreSQL and Meilisearch in a
 * temporary folder. Prints requests sent and every failure (route, role, body);
 * exit code 1 if any.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDb } from "~/db/db.server";
import { parseEnv, setServiceUrls } from "~/utils/env.server";
import { fuzzActions, setupFuzzWorld } from "../../test/support/fuzz";
import { startPlatform } from "../platform";

const { values } = parseArgs({ options: { minutes: { type: "string", default: "5" }, seed: { type: "string" } } });
const minutes = Number(values.minutes);
if (!(minutes > 0)) {
  console.error("Uso: npm run fuzz -- --minutes N [--seed S]");
  process.exit(2);
}
const seed = values.seed ? Number(values.seed) : Date.now() % 1_000_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rosa-fuzz-"));
fs.chmodSync(dir, 0o755);
const env = parseEnv({ DATA_DIR: dir, NODE_ENV: "test" });
console.log(`Rosa — fuzzing delle azioni per ${minutes} minuti (seme ${seed}): avvio di PostgreSQL e Meilisearch in ${dir}…`);
const platform = await startPlatform(env, { persistent: false, seed: false });
let exitCode = 0;
try {
  setServiceUrls({
    DATABASE_URL: platform.databaseUrl,
    MEILI_URL: platform.meiliUrl,
    MEILI_MASTER_KEY: platform.meiliKey,
    SESSION_SECRET: platform.sessionSecret,
  });
  const world = await setupFuzzWorld();
  const report = await fuzzActions(world, { budgetMs: minutes * 60_000, seed, onProgress: (line) => console.log(line) });
  console.log(
    `\nRichieste inviate: ${report.requests} su ${report.targets} coppie rotta × ruolo in ${(report.durationMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `Stati: ${Object.entries(report.byStatus)
      .map(([s, n]) => `${s}×${n}`)
      .join(", ")}`,
  );
  console.log(`Problemi trovati: ${report.failures.length}`);
  for (const f of report.failures) {
    console.log(
      `\n- ${f.route} come ${f.role}: ${f.method} ${f.contentType}\n  corpo: ${JSON.stringify(f.body)}\n  problema: ${f.problem}`,
    );
  }
  exitCode = report.failures.length ? 1 : 0;
} finally {
  await closeDb().catch(() => {});
  await platform.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
