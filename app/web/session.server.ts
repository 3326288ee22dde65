import { createCookie, redirect } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { recordAudit, type Actor } from "~/domain/audit/commands.server";
import { deleteSession, SESSION_HOURS } from "~/domain/identity/commands.server";
import { findSessionUser, type SessionUser } from "~/domain/identity/queries.server";
import { roleHas, type Permission } from "~/domain/identity/roles";
import { getEnv } from "~/utils/env.server";

export type { SessionUser };

function sessionCookie() {
  const env = getEnv();
  if (!env.SESSION_SECRET) throw new Error("SESSION_SECRET non impostato");
  return createCookie("rosa_session", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    // Secure whenever the portal is served over https (always in production behind TLS).
    secure: (env.PUBLIC_URL ?? "").startsWith("https:"),
    secrets: [env.SESSION_SECRET],
    maxAge: SESSION_HOURS * 3600,
  });
}

export async function readSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

export function sessionCookieHeader(sessionId: string): Promise<string> {
  return sessionCookie().serialize(sessionId);
}

export function clearSessionCookieHeader(): Promise<string> {
  return sessionCookie().serialize("", { maxAge: 0 });
}

// The root loader and the route's loader run for the same request: look the session up once.
const sessionLookups = new WeakMap<Request, Promise<{ sessionId: string | null; user: SessionUser | null }>>();

function lookupSession(request: Request) {
  let lookup = sessionLookups.get(request);
  if (!lookup) {
    lookup = readSessionId(request).then(async (sessionId) => ({
      sessionId,
      user: sessionId ? await findSessionUser(getDb(), sessionId) : null,
    }));
    sessionLookups.set(request, lookup);
  }
  return lookup;
}

export async function getCurrentUser(request: Request): Promise<SessionUser | null> {
  return (await lookupSession(request)).user;
}

export const CHANGE_PASSWORD_PATH = "/profilo/password";

/**
 * Logged-in user or a redirect to the login page (with a notice when the session has expired).
 * A user whose password was chosen by someone else is sent to the change-password page from any
 * other page that needs a login, until they change it.
 */
export async function requireUser(request: Request): Promise<SessionUser> {
  const { sessionId, user } = await lookupSession(request);
  if (user) {
    if (user.mustChangePassword && !new URL(request.url).pathname.startsWith(CHANGE_PASSWORD_PATH)) throw redirect(CHANGE_PASSWORD_PATH);
    return user;
  }
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: url.pathname + url.search });
  if (sessionId) params.set("scaduta", "1");
  throw redirect(`/accedi?${params}`, sessionId ? { headers: { "Set-Cookie": await clearSessionCookieHeader() } } : undefined);
}

export function forbidden(): Response {
  return new Response("Non hai i permessi per questa pagina", { status: 403, statusText: "Forbidden" });
}

export function notFound(message = "Pagina non trovata"): Response {
  return new Response(message, { status: 404, statusText: "Not Found" });
}

export async function requirePermission(request: Request, permission: Permission): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roleHas(user.role, permission)) throw forbidden();
  return user;
}

export async function requireEmployerUser(request: Request): Promise<SessionUser & { employerId: string }> {
  const user = await requirePermission(request, "employer:own");
  if (!user.employerId) throw forbidden();
  return user as SessionUser & { employerId: string };
}

export async function logout(request: Request, context: unknown): Promise<Response> {
  const sessionId = await readSessionId(request);
  const user = sessionId ? await findSessionUser(getDb(), sessionId) : null;
  if (sessionId) {
    await getDb()
      .transaction()
      .execute(async (trx) => {
        await deleteSession(trx, sessionId);
        if (user) await recordAudit(trx, actorOf(user, context), { action: "auth.logout", entityType: "user", entityId: user.id });
      });
  }
  return redirect("/", { headers: { "Set-Cookie": await clearSessionCookieHeader() } });
}

/** The Express server passes the client IP in the load context; tests call loaders without it. */
export function clientIp(context: unknown): string {
  const ip = (context as { clientIp?: string } | undefined)?.clientIp;
  return ip ?? "0.0.0.0";
}

export function actorOf(user: SessionUser | null, context: unknown): Actor {
  return { userId: user?.id ?? null, role: user?.role ?? null, ip: clientIp(context) };
}
