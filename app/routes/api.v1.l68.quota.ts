import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/commands.server";
import { roleHas } from "~/domain/identity/roles";
import { canOfficerSeeEmployer } from "~/domain/l68/index.server";
import { computeQuota, type FieldError, parseQuotaInput } from "~/domain/l68";
import { BodyTooLargeError, readBodyWithLimit } from "~/web/body.server";
import { FORBIDDEN_SEGMENTS, FormInputError } from "~/utils/forms";
import { actorOf, getCurrentUser } from "~/web/session.server";
import { auditApiCall, optionalApiClient } from "~/web/api.server";

const MAX_BODY_BYTES = 2_000_000;

/** A JSON API: the request guard (app/web/request-guard.server.ts) lets this body type through. */
export const acceptedContentTypes = ["application/json"];

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
const errors = (list: FieldError[], status = 400) => json({ errors: list }, status);

const QuerySchema = z.object({ employerId: z.uuid().optional() });

/**
 * POST /api/v1/l68/quota — the L. 68/1999 calculator as JSON (docs/l68-calculator.md). Public, like the internship
 * checker: the caller sends only counts and nothing is stored (docs/decisions/open-api.md). `?employerId=` ties the
 * computation to a company in the audit log, and so needs a session: an employer user (l68:own) may name only its own
 * company, a placement officer (l68:manage) one of its province.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return errors([{ field: "documento", message: "usa il metodo POST" }], 405);
  const client = await optionalApiClient(request);
  const query = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return errors([{ field: "employerId", message: "identificativo dell'azienda non valido" }]);
  const employerId = query.data.employerId;
  const user = employerId ? await getCurrentUser(request) : null;
  if (employerId) {
    if (!user)
      return errors([{ field: "employerId", message: "autenticazione richiesta: accedi a Rosa per legare il calcolo a un'azienda" }], 401);
    const officer = roleHas(user.role, "l68:manage");
    if (!officer && !(roleHas(user.role, "l68:own") && user.employerId)) {
      return errors(
        [{ field: "employerId", message: "non hai i permessi per legare il calcolo della quota di riserva a un'azienda" }],
        403,
      );
    }
    const allowed = officer ? await canOfficerSeeEmployer(getDb(), user, employerId) : employerId === user.employerId;
    if (!allowed) return errors([{ field: "employerId", message: "non puoi calcolare la quota per questa azienda" }], 403);
  }

  let body: Uint8Array;
  try {
    // Streamed to the limit: a larger body (declared or chunked) is refused without being read.
    body = await readBodyWithLimit(request, MAX_BODY_BYTES);
  } catch (e) {
    if (e instanceof BodyTooLargeError) return errors([{ field: "documento", message: "documento troppo grande (massimo 2 MB)" }], 413);
    return errors([{ field: "documento", message: "il corpo della richiesta non è stato ricevuto per intero" }]);
  }
  let raw: unknown;
  try {
    // Keys that reach an object's prototype are refused, as in forms (app/utils/forms.ts).
    raw = JSON.parse(new TextDecoder().decode(body), (key, value) => {
      if (FORBIDDEN_SEGMENTS.has(key)) throw new FormInputError(`la chiave «${key}» non è ammessa`);
      return value;
    });
  } catch (e) {
    if (e instanceof FormInputError) return errors([{ field: "documento", message: e.message }]);
    return errors([{ field: "documento", message: "il corpo della richiesta deve essere un documento JSON valido" }]);
  }
  const parsed = parseQuotaInput(raw);
  if (!parsed.ok) return errors(parsed.errors);
  const result = computeQuota(parsed.data);
  await auditApiCall(context, client, { scope: null, route: "/api/v1/l68/quota", status: 200 });
  if (employerId && user) {
    await recordAudit(getDb(), actorOf(user, context), {
      action: "l68.quota_computed",
      entityType: "employer",
      entityId: employerId,
      employerId,
      details: { baseComputo: result.baseComputo, quotaDisabili: result.quotaDisabili },
    });
  }
  return json(result);
}
