/**
 * `npm run search:reindex`: rebuilds every Meilisearch index from PostgreSQL
 * into a new index and swaps it in (searches keep working meanwhile), then
 * deletes the old copy. Safe to run while the portal is serving.
 */
import { withPlatform } from "./with-platform";
import { reindexAll } from "../../search/reindex.server";
import { plural } from "../../app/utils/plural";

await withPlatform(async ({ db, meili }) => {
  const results = await reindexAll(db, meili, {
    onProgress: (n) => process.stdout.isTTY && process.stdout.write(`\r  ${n} documenti inviati…`),
  });
  if (process.stdout.isTTY) process.stdout.write("\n");
  for (const r of results) {
    const rate = r.seconds > 0 ? Math.round(r.documents / r.seconds) : r.documents;
    console.log(
      `Indice ${r.name}: ${plural(r.documents, "documento ricostruito", "documenti ricostruiti")} in ${r.seconds.toFixed(1)} s (${rate} doc/s), scambiato senza interruzioni.`,
    );
  }
});
