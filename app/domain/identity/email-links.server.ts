import type { Insertable, Kysely, Selectable } from "kysely";
import type { Db, Trx } from "~/db/db.server";
import type { DB } from "~/db/types";
import { hashToken, newLinkToken } from "./link-tokens.server";

/**
 * Single-use links sent by e-mail: employer invitations, candidate account invitations, password
 * resets and the e-mail check of a candidate's self-registration. Each lives in its own table with the
 * same life: a new link supersedes the open ones of the same scope, it works until it expires, and it
 * is consumed once. Only the hash of the token is stored (see link-tokens.server.ts). What the flows
 * check, say, audit and send stays in the flows; this module only knows the rows.
 */
const LINK_TABLES = {
  employer_invitations: { consumed: "accepted_at", revoked: "revoked_at" },
  candidate_invitations: { consumed: "accepted_at", revoked: "revoked_at" },
  password_resets: { consumed: "used_at", revoked: "revoked_at" },
  candidate_registrations: { consumed: "verified_at", revoked: "superseded_at" },
} as const;

export type LinkTable = keyof typeof LINK_TABLES;
type Row<T extends LinkTable> = Selectable<DB[T]>;
type Scope<T extends LinkTable> = Partial<Row<T>>;

export type LinkValidity = { days: number } | { hours: number } | { minutes: number };

const validityMs = (v: LinkValidity) => ("days" in v ? v.days * 86_400_000 : "hours" in v ? v.hours * 3_600_000 : v.minutes * 60_000);

// The four tables differ only in the names of two columns, and Kysely cannot type a query over a table
// chosen at run time: the queries below run untyped, the signatures carry the types.
const untyped = (db: Db | Trx) => db as unknown as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Stores a new link valid for `validFor`: returns the row id and the token to put in the e-mail.
 * Supersede the open links of the same scope first ({@link revokeOpenLinks}) when only the newest may work.
 */
export async function createEmailLink<T extends LinkTable>(
  trx: Trx,
  table: T,
  values: Omit<Insertable<DB[T]>, "token_hash" | "expires_at">,
  validFor: LinkValidity,
  opts: { token?: { token: string; tokenHash: string }; now?: Date } = {},
): Promise<{ id: string; token: string }> {
  const { token, tokenHash } = opts.token ?? newLinkToken();
  const expiresAt = new Date((opts.now ?? new Date()).getTime() + validityMs(validFor));
  const row = await untyped(trx)
    .insertInto(table as string)
    .values({ ...values, token_hash: tokenHash, expires_at: expiresAt })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id as string, token };
}

/**
 * Revokes (supersedes) the links of a scope not yet consumed nor revoked: every column of `where` equal,
 * every column of `whereNot` different. Returns the rows it revoked.
 */
export async function revokeOpenLinks<T extends LinkTable>(
  trx: Trx,
  table: T,
  scope: { where: Scope<T>; whereNot?: Scope<T> },
  now = new Date(),
): Promise<Row<T>[]> {
  const cols = LINK_TABLES[table];
  let query = untyped(trx)
    .updateTable(table as string)
    .set({ [cols.revoked]: now })
    .where(cols.consumed, "is", null)
    .where(cols.revoked, "is", null);
  for (const [column, value] of Object.entries(scope.where)) query = query.where(column, "=", value);
  for (const [column, value] of Object.entries(scope.whereNot ?? {})) query = query.where(column, "!=", value);
  return (await query.returningAll().execute()) as Row<T>[];
}

function openLinkQuery<T extends LinkTable, C extends keyof Row<T> & string>(
  db: Db | Trx,
  table: T,
  token: string,
  columns: readonly C[],
  now: Date,
) {
  const cols = LINK_TABLES[table];
  return untyped(db)
    .selectFrom(table as string)
    .select(columns as readonly string[])
    .where("token_hash", "=", hashToken(token))
    .where(cols.consumed, "is", null)
    .where(cols.revoked, "is", null)
    .where("expires_at", ">", now);
}

/** The link behind a token if it still works (not consumed, not revoked, not expired), for a page to show. */
export async function findOpenLink<T extends LinkTable, C extends keyof Row<T> & string>(
  db: Db | Trx,
  table: T,
  token: string,
  columns: readonly C[],
  now = new Date(),
): Promise<Pick<Row<T>, C> | undefined> {
  return (await openLinkQuery(db, table, token, columns, now).executeTakeFirst()) as Pick<Row<T>, C> | undefined;
}

/** The same, with the row locked until the transaction ends, so a link is consumed only once. */
export async function lockOpenLink<T extends LinkTable, C extends keyof Row<T> & string>(
  trx: Trx,
  table: T,
  token: string,
  columns: readonly C[],
  now = new Date(),
): Promise<Pick<Row<T>, C> | undefined> {
  return (await openLinkQuery(trx, table, token, columns, now).forUpdate().executeTakeFirst()) as Pick<Row<T>, C> | undefined;
}

/** Marks a link consumed (accepted, used, verified), with any other column the flow sets at the same time. */
export async function consumeLink<T extends LinkTable>(trx: Trx, table: T, id: string, extra: Partial<Row<T>> = {}, now = new Date()) {
  await untyped(trx)
    .updateTable(table as string)
    .set({ ...extra, [LINK_TABLES[table].consumed]: now })
    .where("id", "=", id)
    .execute();
}
