import type { ServerBuild } from "@remix-run/node";
import { ZodError } from "zod";
import { domainErrorPage } from "./errors.server";
import { CONTROL_CHARS, FormInputError, checkFieldName, stripControlChars } from "~/utils/forms";
import { log } from "~/utils/logger.server";

/**
 * One guard around every loader and action of the build (server/app.ts wraps
 * the Remix build with `guardBuild`), so that no route has to remember it:
 *
 * - an address whose path or query contains control characters (`?q=%00`) is a 400;
 * - an action accepts only HTML form bodies (`application/x-www-form-urlencoded`,
 *   `multipart/form-data`): JSON or anything else is a 415, unless the route
 *   module exports `acceptedContentTypes` (the L. 68 JSON API; `["*"]` lets every body through to an action that
 *   answers bad ones itself, as the internship checker API does);
 * - an urlencoded form is read here, at most MAX_FORM_BYTES, its field names are
 *   checked (no `__proto__`/`constructor`/`prototype`, list indices ≤ 99) and its
 *   text is stripped of control characters before the action sees it;
 * - what the action throws because of bad input that got past validation (PostgreSQL
 *   "invalid text representation" and similar, a ZodError) becomes a 400 with an Italian
 *   message instead of a 500, and is logged so the missing validation gets fixed.
 *
 * Each refusal is a thrown Response: Remix renders the route's error page with that status.
 */

export const MAX_FORM_BYTES = 1_048_576;
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/** PostgreSQL data exceptions that only bad input can cause (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
const CLIENT_SQLSTATES: Record<string, string> = {
  "22001": "un valore è troppo lungo",
  "22003": "un numero è fuori dall'intervallo ammesso",
  "22007": "una data o un orario non sono validi",
  "22008": "una data o un orario sono fuori dall'intervallo ammesso",
  "22021": "il testo contiene caratteri non ammessi",
  "22P02": "un valore non è nel formato atteso",
  "22P05": "il testo contiene caratteri non ammessi",
};

type Args = { request: Request; params: Record<string, string | undefined>; context: unknown };
type Handler = (args: never) => unknown;

export interface GuardOptions {
  /** Body types the action reads itself (e.g. ["application/json"]). */
  acceptedContentTypes?: readonly string[];
  /** Where the request went, for the log. */
  routeId?: string;
}

const refuse = (status: number, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

function mediaType(request: Request): string {
  return (request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
}

/** 400 for an address with control characters or broken percent-encoding in its path or query. */
export function checkUrl(url: string): void {
  const parsed = new URL(url);
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    throw refuse(400, "Indirizzo non valido: codifica dei caratteri errata.");
  }
  if (CONTROL_CHARS.test(path)) throw refuse(400, "Indirizzo non valido: contiene caratteri di controllo.");
  for (const [key, value] of parsed.searchParams) {
    if (CONTROL_CHARS.test(key) || CONTROL_CHARS.test(value))
      throw refuse(400, "Indirizzo non valido: un parametro contiene caratteri di controllo.");
  }
}

async function readBounded(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("Content-Length"));
  if (declared > limit) throw refuse(413, `Modulo troppo grande: al massimo ${Math.round(limit / 1024)} kB.`);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw refuse(413, `Modulo troppo grande: al massimo ${Math.round(limit / 1024)} kB.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The request with its urlencoded form checked and cleaned (names refused, text stripped). */
async function cleanUrlencoded(request: Request): Promise<Request> {
  const params = new URLSearchParams(await readBounded(request, MAX_FORM_BYTES));
  const clean = new URLSearchParams();
  for (const [name, value] of params) {
    try {
      checkFieldName(name);
    } catch (e) {
      if (e instanceof FormInputError) throw refuse(400, e.message);
      throw e;
    }
    clean.append(name, stripControlChars(value));
  }
  const headers = new Headers(request.headers);
  headers.delete("Content-Length");
  headers.set("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8");
  return new Request(request.url, { method: request.method, headers, body: clean.toString(), signal: request.signal });
}

async function checkBody(request: Request, accepted: readonly string[]): Promise<Request> {
  if (["GET", "HEAD"].includes(request.method.toUpperCase())) return request;
  const type = mediaType(request);
  // "*": the action reads any body itself and answers bad ones in its own format (the internship checker API).
  if (accepted.includes("*")) return request;
  if (!type && !request.body)
    return new Request(request.url, { method: request.method, headers: withFormType(request.headers), body: "", signal: request.signal });
  if (accepted.includes(type)) return request;
  if (!FORM_TYPES.includes(type)) {
    const hint = accepted.length ? `usa ${accepted.join(" o ")}` : "invia i dati con il modulo della pagina";
    throw refuse(415, `Formato della richiesta non supportato (${type || "non indicato"}): ${hint}.`);
  }
  if (type === "application/x-www-form-urlencoded") return cleanUrlencoded(request);
  return withReadableMultipart(request);
}

/**
 * A multipart body is left to the action (uploads read it themselves, within their
 * own size limits), but one that cannot be parsed (no boundary, truncated) makes
 * `formData()` throw a TypeError: that becomes a 400 here instead of a 500.
 */
function withReadableMultipart(request: Request): Request {
  const formData = request.formData.bind(request);
  Object.defineProperty(request, "formData", {
    value: async () => {
      try {
        return await formData();
      } catch {
        throw refuse(400, "Modulo non leggibile: ricarica la pagina e invia di nuovo i dati.");
      }
    },
  });
  return request;
}

function withFormType(source: Headers): Headers {
  const headers = new Headers(source);
  headers.set("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8");
  return headers;
}

const pgCode = (e: unknown) => (e && typeof e === "object" && "code" in e && typeof e.code === "string" ? e.code : undefined);

/** A thrown error caused by bad input → a 400 Response (logged); anything else is rethrown as it is. */
export function clientErrorResponse(e: unknown, where: string): Response | undefined {
  if (e instanceof Response) return undefined;
  const code = pgCode(e);
  const sqlReason = code ? CLIENT_SQLSTATES[code] : undefined;
  let reason: string | undefined;
  if (sqlReason && e instanceof Error && e.constructor.name === "DatabaseError") reason = sqlReason;
  else if (e instanceof ZodError) reason = "i dati non sono nel formato atteso";
  else if (e instanceof FormInputError) return refuse(400, e.message);
  else if (e instanceof URIError) reason = "un indirizzo o un parametro ha una codifica errata";
  if (!reason) return undefined;
  log().warn({ err: e, where, code }, `[rosa] input non valido arrivato oltre la validazione in ${where}`);
  return refuse(400, `Richiesta non valida: ${reason}. Controlla i dati e riprova.`);
}

export function guardHandler<H extends Handler>(kind: "loader" | "action", handler: H, options: GuardOptions = {}): H {
  const guarded = async (args: Args) => {
    checkUrl(args.request.url);
    const request = kind === "action" ? await checkBody(args.request, options.acceptedContentTypes ?? []) : args.request;
    try {
      return await (handler as unknown as (a: Args) => unknown)({ ...args, request });
    } catch (e) {
      const response = clientErrorResponse(e, `${kind} ${options.routeId ?? new URL(args.request.url).pathname}`) ?? domainErrorPage(e);
      if (response) throw response;
      throw e;
    }
  };
  return guarded as unknown as H;
}

type RouteModule = { loader?: Handler; action?: Handler; acceptedContentTypes?: readonly string[] };

/** The route module with its loader and action guarded. */
export function guardRouteModule<M extends RouteModule>(mod: M, routeId?: string): M {
  const options: GuardOptions = { acceptedContentTypes: mod.acceptedContentTypes, routeId };
  return {
    ...mod,
    ...(mod.loader ? { loader: guardHandler("loader", mod.loader, options) } : {}),
    ...(mod.action ? { action: guardHandler("action", mod.action, options) } : {}),
  };
}

const guardedBuilds = new WeakMap<ServerBuild, ServerBuild>();

/** The Remix build with every route module guarded (memoised: Remix derives its router from the build object). */
export function guardBuild(build: ServerBuild): ServerBuild {
  let guarded = guardedBuilds.get(build);
  if (!guarded) {
    const routes: ServerBuild["routes"] = {};
    for (const [id, route] of Object.entries(build.routes)) {
      routes[id] = { ...route, module: guardRouteModule(route.module as RouteModule, id) as typeof route.module };
    }
    guarded = { ...build, routes };
    guardedBuilds.set(build, guarded);
  }
  return guarded;
}
