import { getDb, type Trx } from "~/db/db.server";

/** Thrown to roll the transaction back once the check has passed. */
class Rollback extends Error {}

/**
 * Runs `check` in a transaction that is always rolled back, and returns what it returns: for checks on the demo data,
 * which the seeds write in one go while the test database is shared by the file's other tests. A failing check's error
 * propagates as it is.
 */
export async function inRolledBackTransaction<T>(check: (trx: Trx) => Promise<T>): Promise<T> {
  let result: { value: T } | undefined;
  await getDb()
    .transaction()
    .execute(async (trx) => {
      result = { value: await check(trx) };
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return result!.value;
}
