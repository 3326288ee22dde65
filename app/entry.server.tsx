import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse } from "@remix-run/react";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { log } from "~/utils/logger.server";
import { NonceContext } from "~/utils/nonce";

const ABORT_DELAY = 5_000;

export const streamTimeout = ABORT_DELAY;

/**
 * Errors of loaders, actions and rendering that no route handled (thrown Responses are answers, not errors): logged
 * with their stack and the request id. An aborted request (the browser went away) is not an error.
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  // A 4xx answer (no route matches, a thrown 404/403) is in the request log already; only server errors are logged here.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  const requestId = typeof context.requestId === "string" ? context.requestId : undefined;
  log().error({ err: error, reqId: requestId, method: request.method, path: new URL(request.url).pathname }, "[remix] errore non gestito");
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Set by server/security-headers.ts and named in this response's Content-Security-Policy.
  const nonce = typeof loadContext.cspNonce === "string" && loadContext.cspNonce ? loadContext.cspNonce : undefined;
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const app = (
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>
    );
    const { pipe, abort } = renderToPipeableStream(app, {
      nonce,
      [waitForAll ? "onAllReady" : "onShellReady"]() {
        shellRendered = true;
        const body = new PassThrough();
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) log().error({ err: error, reqId: loadContext.requestId }, "[remix] errore durante il rendering");
      },
    });
    setTimeout(abort, ABORT_DELAY + 1000);
  });
}
