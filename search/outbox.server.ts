import type { Trx } from "~/db/db.server";

/**
 * Records, inside the business transaction, that these documents changed.
 * The sync worker pushes their current state to Meilisearch after commit.
 */
export async function enqueueSearchSync(trx: Trx, indexName: string, documentIds: string[]): Promise<void> {
  if (!documentIds.length) return;
  await trx
    .insertInto("search_outbox")
    .values(documentIds.map((id) => ({ index_uid: indexName, document_id: id })))
    .execute();
}
