import type { Insertable, SelectQueryBuilder, Selectable, Updateable } from "kysely";
import type { Trx } from "~/db/db.server";
import type { DB } from "~/db/types";
import { recordAudit, type Actor, type AuditEntry } from "~/domain/audit/index.server";
import { DomainError, StaleVersionError } from "~/domain/errors";

/**
 * The server half of a workflow move (docs/decisions/0006-transition-tables-row-lock-audit.md): lock the row within
 * what the person may see, compare the version they saw, then write the move, its timeline row and its audit entry,
 * all in the caller's transaction. Each context keeps its table, its preconditions, its messages and its notices.
 */

/**
 * Locks the one row `query` selects (already scoped to what the actor may see) for the rest of the transaction: none is
 * «not found» with `notFound`; a version other than `version` is someone else's change meanwhile (null: no check).
 */
export async function lockRow<TB extends keyof DB, O extends { version: number }>(
  query: SelectQueryBuilder<DB, TB, O>,
  version: number | null | undefined,
  notFound: string,
): Promise<O> {
  const row = await query.forUpdate().executeTakeFirst();
  if (!row) throw new DomainError(notFound, "_form", "not_found");
  if (version != null && row.version !== version) throw new StaleVersionError();
  return row as O;
}

/** The tables whose rows move through a workflow: an id, a version and the time of the last change. */
export type VersionedTable = {
  [T in keyof DB]: "id" | "version" | "updated_at" extends keyof DB[T] ? T : never;
}[keyof DB];

export interface TransitionWrite<T extends VersionedTable, L extends keyof DB> {
  table: T;
  /** The locked row: its id and the version it had. */
  row: { id: string; version: number };
  /** The new state and whatever the move changes with it; the version and `updated_at` are set here. */
  patch: Updateable<DB[T]>;
  now?: Date;
  /** The workflow's own timeline row, where it keeps one. */
  log?: { table: L; values: Insertable<DB[L]> };
  /** The audit entry of the move (its entity is the row). */
  audit: { actor: Actor; entry: Omit<AuditEntry, "entityId"> };
}

/** Writes a move on a row locked by `lockRow`: patch, version + 1, `updated_at`, timeline row, audit. Returns the new row. */
export async function applyTransition<T extends VersionedTable, L extends keyof DB = never>(
  trx: Trx,
  move: TransitionWrite<T, L>,
): Promise<Selectable<DB[T]>> {
  const now = move.now ?? new Date();
  const set = { ...move.patch, version: move.row.version + 1, updated_at: now };
  // One generic table: Kysely cannot check the columns of a table chosen by a type parameter, the caller's patch is typed.
  const updated = await (trx as unknown as Trx)
    .updateTable(move.table as "vacancies")
    .set(set as Updateable<DB["vacancies"]>)
    .where("id", "=", move.row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (move.log) await trx.insertInto(move.log.table).values(move.log.values).execute();
  await recordAudit(trx, move.audit.actor, { ...move.audit.entry, entityId: move.row.id });
  return updated as unknown as Selectable<DB[T]>;
}
