import { createHash, randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { Db, Trx } from "~/db/db.server";
import { type Actor, recordAudit } from "~/domain/audit/index.server";
import { DomainError, StaleVersionError } from "~/domain/errors";
import { API_TOKEN_PATTERN, type ApiScope, isApiScope } from "./scopes";

/**
 * The open API's clients and their tokens (docs/decisions/open-api.md). A token is 256 random bits shown once to the
 * administrator who creates it; the database keeps only its SHA-256 (a slow password hash adds nothing to a random
 * secret of this size) and its first characters. A revoked token is refused from the next request.
 */
export interface ApiClient {
  id: string;
  name: string;
  scopes: ApiScope[];
}

export const hashApiToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export function generateApiToken(): string {
  return `rosa_${randomBytes(32).toString("base64url")}`;
}

/** Creates a client and returns its token, the only time it is ever readable. Audited in the caller's transaction. */
export async function createApiClient(
  trx: Trx,
  actor: Actor,
  input: { name: string; contactEmail?: string | null; scopes: ApiScope[] },
): Promise<{ client: ApiClient; token: string }> {
  if (input.scopes.length === 0) throw new DomainError("Scegli almeno un ambito", "scope_vacancies_read");
  const token = generateApiToken();
  const row = await trx
    .insertInto("api_clients")
    .values({
      name: input.name,
      contact_email: input.contactEmail ?? null,
      scopes: input.scopes,
      token_hash: hashApiToken(token),
      token_prefix: token.slice(0, 9),
      created_by: actor.userId,
    })
    .returning(["id", "name"])
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: "api_client.created",
    entityType: "api_client",
    entityId: row.id,
    details: { name: row.name, scopes: input.scopes },
  });
  return { client: { id: row.id, name: row.name, scopes: input.scopes }, token };
}

/** Revokes a client's token (row lock and version check, as every state change); revoking twice is a conflict. */
export async function revokeApiClient(trx: Trx, actor: Actor, clientId: string, version: number): Promise<{ name: string }> {
  const current = await trx
    .selectFrom("api_clients")
    .select(["id", "name", "version", "revoked_at"])
    .where("id", "=", clientId)
    .forUpdate()
    .executeTakeFirst();
  if (!current) throw new DomainError("Token non trovato", "_form", "not_found");
  if (current.version !== version) throw new StaleVersionError();
  if (current.revoked_at) throw new DomainError("Il token è già revocato", "_form", "conflict");
  await trx
    .updateTable("api_clients")
    .set({ revoked_at: sql<Date>`now()`, revoked_by: actor.userId, version: current.version + 1 })
    .where("id", "=", clientId)
    .execute();
  await recordAudit(trx, actor, {
    action: "api_client.revoked",
    entityType: "api_client",
    entityId: clientId,
    details: { name: current.name },
  });
  return { name: current.name };
}

export async function listApiClients(db: Db) {
  return db
    .selectFrom("api_clients as a")
    .leftJoin("users as u", "u.id", "a.created_by")
    .select([
      "a.id",
      "a.name",
      "a.contact_email",
      "a.scopes",
      "a.token_prefix",
      "a.created_at",
      "a.last_used_at",
      "a.revoked_at",
      "a.version",
      "u.full_name as created_by_name",
    ])
    .orderBy("a.revoked_at", (o) => o.desc().nullsFirst())
    .orderBy("a.created_at", "desc")
    .execute();
}

/**
 * The client a bearer token belongs to, or null (malformed, unknown or revoked). `last_used_at` is refreshed at most
 * once a minute, so that a busy client does not write on every call.
 */
export async function authenticateApiToken(db: Db, token: string): Promise<ApiClient | null> {
  if (!API_TOKEN_PATTERN.test(token)) return null;
  const row = await db
    .selectFrom("api_clients")
    .select(["id", "name", "scopes", "last_used_at"])
    .where("token_hash", "=", hashApiToken(token))
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > 60_000) {
    await db
      .updateTable("api_clients")
      .set({ last_used_at: sql<Date>`now()` })
      .where("id", "=", row.id)
      .execute();
  }
  return { id: row.id, name: row.name, scopes: row.scopes.filter(isApiScope) };
}

/**
 * One audit row per call of an integrator (and per call that returns a person's data): who called, with which scope,
 * which route, and whose data went out.
 */
export async function recordApiCall(
  db: Db,
  call: {
    client: ApiClient | null;
    ip: string | null;
    scope: ApiScope | null;
    route: string;
    status: number;
    entityType?: string;
    entityId?: string | null;
    employerId?: string | null;
    personId?: string | null;
  },
): Promise<void> {
  await recordAudit(
    db,
    { userId: null, role: call.client ? "api_client" : null, ip: call.ip },
    {
      action: "api.called",
      entityType: call.entityType ?? "api_client",
      entityId: call.entityId ?? call.client?.id ?? null,
      employerId: call.employerId ?? null,
      details: {
        clientId: call.client?.id ?? null,
        clientName: call.client?.name ?? null,
        scope: call.scope,
        route: call.route,
        status: call.status,
        ...(call.personId ? { personId: call.personId } : {}),
      },
    },
  );
}
