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
