/**
 * `npm run seed:candidates -- --count N [--seed testo]`: adds N synthetic
 * candidates (deterministic for a given seed and day) to the CV database,
 * in bulk, then rebuilds the search index with a swap (no downtime).
 * All or nothing: every row and its search outbox entry commit in ONE transaction, so a failure leaves neither rows
 * nor index entries behind, and rows committed before a crash of the reindex are still indexed from the outbox
 * (by the next run, `npm run search:reindex` or the running portal). Codici fiscali already in the database are
 * never generated again (candidate-writer.ts), so a second run or a run on the demo database does not collide.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { drainOutbox } from "../../search/sync.server";
import { reindex } from "../../search/reindex.server";
import { generateCandidates, generatorToday } from "../seed/candidate-writer";
import { withPlatform } from "./with-platform";
import { plural } from "../../app/utils/plural";

const Args = z.object({
  count: z.coerce
    .number({ error: "--count deve essere un numero" })
    .int("--count deve essere intero")
    .min(1, "--count almeno 1")
    .max(5_000_000, "--count al massimo 5.000.000"),
  seed: z.string().min(1).default("rosa"),
});

const { values } = parseArgs({ options: { count: { type: "string", default: "1000" }, seed: { type: "string" } }, strict: true });
const parsed = Args.safeParse(values);
if (!parsed.success) {
  console.error(parsed.error.issues.map((i) => i.message).join("\n"));
  process.exit(2);
}
const { count, seed } = parsed.data;

await withPlatform(async ({ db, meili }) => {
  const started = performance.now();
  await generateCandidates(db, {
    count,
    seed,
    today: generatorToday(),
    createdBy: null,
    enqueue: true,
    atomic: true,
    onBatch: (n) => process.stdout.isTTY && process.stdout.write(`\r  ${n}/${count} candidati scritti…`),
  });
  if (process.stdout.isTTY) process.stdout.write("\n");
  const wrote = (performance.now() - started) / 1000;
  console.log(`${plural(count, "candidato sintetico scritto", "candidati sintetici scritti")} in PostgreSQL in ${wrote.toFixed(1)} s.`);
  const r = await reindex(db, meili, "candidates");
  await drainOutbox(db);
  console.log(`Indice di ricerca ricostruito: ${plural(r.documents, "documento", "documenti")} in ${r.seconds.toFixed(1)} s.`);
});
