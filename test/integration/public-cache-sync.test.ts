import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { onIndexSynced, drainOutbox } from "../../search/sync.server";
import { enqueueSearchSync } from "../../search/outbox.server";
import { createEmployer } from "../support/factories";
import { createMatchVacancy } from "../support/factories-shortlists";

describe("public page cache invalidation", () => {
  it("is told about a vacancy change only once Meilisearch has applied it", async () => {
    const synced: string[] = [];
    onIndexSynced((index) => synced.push(index));
    const vacancy = await createMatchVacancy({ employerId: (await createEmployer()).id, status: "published" });
    await drainOutbox(getDb());
    synced.length = 0;
    await withTransaction((trx) => enqueueSearchSync(trx, "vacancies", [vacancy.id]));
    expect(synced).toEqual([]);
    await drainOutbox(getDb());
    expect(synced).toContain("vacancies");
  });
});
