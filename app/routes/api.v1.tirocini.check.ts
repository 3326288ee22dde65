import type { ActionFunctionArgs } from "@remix-run/node";
import { type RejectionError, contractOutput, evaluateInternship, parseInternshipInput } from "~/domain/internships";
import { FORBIDDEN_SEGMENTS, FormInputError } from "~/utils/forms";
import { readBodyWithLimit } from "~/web/body.server";

/** Checker documents are a few hundred bytes: a larger body is refused unread. */
const MAX_BODY_BYTES = 65_536;

/**
 * Every body type reaches the action (app/web/request-guard.server.ts), so that a form, a text or no body at all is a
 * 400 with the contract's rejection, not the guard's 415 page.
 */
export const acceptedContentTypes = ["*"];

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
const rejected = (error: RejectionError = "INVALID_INPUT") => json({ rejected: true, error }, 400);

/** Anything but POST: 405, with a JSON body like the rest of the API. */
export function loader() {
  return json({ error: "Usa il metodo POST con un documento JSON (README, «Tirocini: verifica delle regole»)." }, 405, { Allow: "POST" });
}

/**
 * POST /api/v1/tirocini/check — the internship rules checker (docs/legal/tirocini.md#contratto) as JSON, public (no
 * personal data: the caller sends only counts and flags; nothing is stored or logged) and rate-limited like every
 * `/api/` path (server/rate-limit.ts). 200 with the check, also when it finds violations; 400 with
 * `{"rejected":true,"error":"INVALID_INPUT"|"UNKNOWN_REGION"}` for a body that is not a valid JSON document (or is sent
 * with another Content-Type than application/json). `?spiega=1` adds the Italian explanations (`messages`).
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return loader();
  // A JSON document only: a form, a text or a body without type is bad input, as the contract says.
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json" && !/^application\/[\w.+-]+\+json$/.test(type)) return rejected();
  let body: Uint8Array;
  try {
    body = await readBodyWithLimit(request, MAX_BODY_BYTES);
  } catch {
    // Too large (BodyTooLargeError) or cut short: either way not a document the checker can read.
    return rejected();
  }
  let raw: unknown;
  try {
    // Keys that reach an object's prototype are refused, as in forms (app/utils/forms.ts).
    raw = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body), (key, value) => {
      if (FORBIDDEN_SEGMENTS.has(key)) throw new FormInputError(`la chiave «${key}» non è ammessa`);
      return value;
    });
  } catch {
    return rejected();
  }
  const parsed = parseInternshipInput(raw);
  if (!parsed.ok) return rejected(parsed.error);
  const explain = new URL(request.url).searchParams.get("spiega") === "1";
  return json(contractOutput(evaluateInternship(parsed.input), { explain }));
}
