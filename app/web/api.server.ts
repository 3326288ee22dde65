import { getDb } from "~/db/db.server";
import { type ApiClient, authenticateApiToken, recordApiCall } from "~/domain/integrations/index.server";
import { API_SCOPES, type ApiScope } from "~/domain/integrations";
import { clientIp } from "./session.server";

/**
 * The HTTP side of the open API (docs/decisions/open-api.md): JSON answers, Italian errors, the integrators' bearer
 * tokens and the audit of their calls. Rate limits are applied before the route by server/rate-limit.ts (per IP for
 * anonymous calls, per token for an integrator's).
 */
export const apiJson = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });

export const apiError = (status: number, message: string, headers: Record<string, string> = {}) =>
  apiJson({ error: message }, status, headers);

const UNAUTHORIZED = 'Bearer realm="Rosa API"';

/** The bearer token of the request: none, a token, or an Authorization header that is not `Bearer <token>`. */
export function bearerOf(request: Request): { kind: "none" } | { kind: "token"; token: string } | { kind: "malformed" } {
  const header = request.headers.get("Authorization");
  if (header === null) return { kind: "none" };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? { kind: "token", token: match[1] } : { kind: "malformed" };
}

/**
 * The integrator calling a public endpoint, or null for an anonymous call. A token that is sent but not valid is a 401
 * (thrown as a Response): an integrator learns at once that its token was revoked.
 */
export async function optionalApiClient(request: Request): Promise<ApiClient | null> {
  const bearer = bearerOf(request);
  if (bearer.kind === "none") return null;
  const client = bearer.kind === "token" ? await authenticateApiToken(getDb(), bearer.token) : null;
  if (!client) {
    throw apiError(401, "Token non valido o revocato: chiedi un nuovo token all'amministratore di Rosa.", {
      "WWW-Authenticate": UNAUTHORIZED,
    });
  }
  return client;
}

/** The integrator calling an endpoint for authorised systems: 401 without a valid token, 403 without the scope. */
export async function requireApiScope(request: Request, context: unknown, scope: ApiScope, route: string): Promise<ApiClient> {
  const bearer = bearerOf(request);
  if (bearer.kind === "none") {
    throw apiError(401, "Autenticazione richiesta: invia il token nell'intestazione «Authorization: Bearer <token>».", {
      "WWW-Authenticate": UNAUTHORIZED,
    });
  }
  const client = await optionalApiClient(request);
  if (!client) throw apiError(401, "Token non valido o revocato.", { "WWW-Authenticate": UNAUTHORIZED });
  if (!client.scopes.includes(scope)) {
    await auditApiCall(context, client, { scope, route, status: 403 });
    throw apiError(403, `Il token non ha l'ambito «${scope}» (${API_SCOPES[scope]}): chiedilo all'amministratore di Rosa.`);
  }
  return client;
}

/** Audits an integrator's call (anonymous calls of the public endpoints are not audited: they return no personal data). */
export async function auditApiCall(
  context: unknown,
  client: ApiClient | null,
  call: {
    scope: ApiScope | null;
    route: string;
    status: number;
    entityType?: string;
    entityId?: string | null;
    employerId?: string | null;
    personId?: string | null;
  },
): Promise<void> {
  if (!client) return;
  await recordApiCall(getDb(), { client, ip: clientIp(context), ...call });
}
