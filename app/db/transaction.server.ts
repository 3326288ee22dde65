import { getDb, type Trx } from "./db.server";
import { log } from "~/utils/logger.server";

type AfterCommit = () => Promise<unknown> | unknown;

// Hooks the server registers once (e.g. waking the search sync worker) that run
// after every committed transaction; on globalThis because the Remix build and
// the Express server hold separate module instances.
const hooks = globalThis as unknown as { __rosaCommitHooks?: AfterCommit[] };

export function onEveryCommit(cb: AfterCommit) {
  (hooks.__rosaCommitHooks ??= []).push(cb);
}

/**
 * The action owns the one transaction. Side effects (search sync, e-mail
 * delivery) are registered with `afterCommit` and run only once the commit
 * succeeded; their failures are logged, never turned into a failed request,
 * because the durable record (outbox rows) is already committed.
 */
export async function withTransaction<T>(fn: (trx: Trx, afterCommit: (cb: AfterCommit) => void) => Promise<T>): Promise<T> {
  const callbacks: AfterCommit[] = [];
  const result = await getDb()
    .transaction()
    .execute((trx) => fn(trx, (cb) => callbacks.push(cb)));
  for (const cb of [...callbacks, ...(hooks.__rosaCommitHooks ?? [])]) {
    try {
      await cb();
    } catch (e) {
      log().error({ err: e }, "[after-commit] un effetto dopo il commit è fallito (la modifica è salvata)");
    }
  }
  return result;
}
