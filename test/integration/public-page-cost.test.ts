import pg from "pg";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { loader as rootLoader } from "~/root";
import { loader as boardLoader } from "~/routes/offerte._index";
import { loader as vacancyLoader } from "~/routes/offerte.$vacancyId";
import { drainOutbox } from "../../search/sync.server";
import { createEmployer } from "../support/factories";
import { withTransaction } from "~/db/transaction.server";
import { enqueueSearchSync } from "../../search/outbox.server";
import { insertVacancy } from "../support/factories-vacancies";
import { callRoute } from "../support/routes";

/**
 * What one anonymous view of the job board costs the database: the root loader and the page's loader, as Remix runs
 * them for a document request. Counted on pg's client (every query of the pool goes through it), nothing replaced.
 * A count, not a time, so it holds on a loaded machine (docs/performance.md).
 */
const queries: string[] = [];
const originalQuery = pg.Client.prototype.query;
function countQueries() {
  queries.length = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    queries.push(typeof first === "string" ? first : (first?.text ?? ""));
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
}
afterEach(() => {
  pg.Client.prototype.query = originalQuery;
});

let vacancyId: string;
beforeAll(async () => {
  const vacancy = await insertVacancy((await createEmployer()).id, { status: "published" });
  vacancyId = vacancy.id;
  await withTransaction((trx) => enqueueSearchSync(trx, "vacancies", [vacancyId]));
  await drainOutbox(getDb());
});

async function anonymousView(path: string, loader: typeof boardLoader | typeof vacancyLoader, params: Record<string, string> = {}) {
  const request = new Request(`http://localhost${path}`);
  countQueries();
  const [root, page] = await Promise.all([callRoute(rootLoader as never, request), callRoute(loader as never, request, params)]);
  pg.Client.prototype.query = originalQuery;
  return { root, page, queries: [...queries] };
}

describe("cost of an anonymous public page", () => {
  it("the board: no query at all (the hits come from the search index, no session lookup)", async () => {
    const view = await anonymousView("/offerte", boardLoader);
    expect(view.page.status).toBe(200);
    expect(JSON.stringify(view.page.body)).toContain(vacancyId);
    expect(view.queries).toEqual([]);
  });

  it("a vacancy: no session lookup, 3 queries (state, detail with the employer, requirements)", async () => {
    const view = await anonymousView(`/offerte/${vacancyId}`, vacancyLoader, { vacancyId });
    expect(view.page.status).toBe(200);
    expect(view.queries.filter((q) => /\bsessions\b/.test(q))).toEqual([]);
    expect(view.queries.length).toBeLessThanOrEqual(3);
  });
});
