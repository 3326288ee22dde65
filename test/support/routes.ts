import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

export interface RouteOutcome {
  status: number;
  location: string | null;
  body: unknown;
}

type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;

/**
 * Calls a route loader/action the way Remix does and normalises what comes
 * back: a thrown or returned Response, a `data()` wrapper or a plain object.
 */
export async function callRoute(handler: Handler, request: Request, params: Record<string, string> = {}): Promise<RouteOutcome> {
  let result: unknown;
  try {
    result = await handler({ request, params, context: { clientIp: "127.0.0.1" } });
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) {
    return { status: result.status, location: result.headers.get("Location"), body: await result.text().catch(() => null) };
  }
  const maybeData = result as { type?: string; data?: unknown; init?: { status?: number } | null };
  if (maybeData && maybeData.type === "DataWithResponseInit") {
    return { status: maybeData.init?.status ?? 200, location: null, body: maybeData.data };
  }
  if (result instanceof Error) throw result;
  return { status: 200, location: null, body: result };
}

/**
 * The error messages of a form action's answer, one per field (first message), the form-level one as
 * `_form` and list fields by dotted path (`requirements.0.kind`): the same for conform's reply
 * (`{ result }`) and for the forms not yet moved to conform (`{ errors }`).
 */
export function formErrorsOf(body: unknown): Record<string, string> {
  const b = body as { errors?: Record<string, string>; result?: { error?: Record<string, string[] | null> } };
  if (!b?.result) return b?.errors ?? {};
  const errors: Record<string, string> = {};
  for (const [name, messages] of Object.entries(b.result.error ?? {})) {
    if (messages?.length) errors[name === "" ? "_form" : name.replace(/\[(\d+)\]/g, ".$1")] = messages[0];
  }
  return errors;
}

/** A form's nested value (a loader's `defaultValue` for conform) as the fields a browser would post: `education[0].title`. */
export function formFields(value: unknown, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value === "string") out[prefix] = value;
  else if (Array.isArray(value)) value.forEach((v, i) => Object.assign(out, formFields(v, `${prefix}[${i}]`)));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) Object.assign(out, formFields(v, prefix ? `${prefix}.${k}` : k));
  return out;
}
