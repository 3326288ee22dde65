import type { Trx } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { createSession } from "~/domain/identity/commands.server";
import { redirectWithFlash } from "./flash.server";
import { sessionCookieHeader } from "./session.server";

/**
 * Creates an account and its first session in one transaction (a registration, an accepted invitation), then
 * redirects to `to` signed in, with `message` as the success flash. A `DomainError` of `create` reaches the caller.
 */
export async function signInNewAccount(create: (trx: Trx) => Promise<{ userId: string }>, to: string, message: string): Promise<Response> {
  const sessionId = await withTransaction(async (trx) => createSession(trx, (await create(trx)).userId, "password"));
  return redirectWithFlash(to, { type: "success", message }, { "Set-Cookie": await sessionCookieHeader(sessionId) });
}
