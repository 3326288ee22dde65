import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";

/**
 * Request bodies read with a size limit. `request.formData()`, `request.text()` and `request.json()` read the whole
 * body into memory before anyone can look at its size, so a chunked upload (no Content-Length) of 300 MB was buffered
 * before a 5 MB check. Here the declared length is checked first and the stream is counted as it is read: reading stops
 * at the first byte over the limit.
 *
 * Reading stops without cancelling the request's stream on purpose: under the Express adapter, cancelling it destroys
 * the socket, and the client would get a reset instead of our 413. `server/body-limit.ts` closes the connection once the
 * response has been sent.
 */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`Request body over ${maxBytes} bytes`);
  }
}

/** A multipart body that cannot be parsed (truncated, no boundary, bad part headers). */
export class MalformedBodyError extends Error {}

/** Refuses early when the client declares a length over the limit (browsers always do). */
export function declaresMoreThan(request: Request, maxBytes: number): boolean {
  const declared = Number(request.headers.get("Content-Length") ?? "");
  return Number.isFinite(declared) && declared > maxBytes;
}

/**
 * The request body as a stream that errors with BodyTooLargeError past `maxBytes`. The source is read only as fast as
 * this stream is, and is released (not cancelled) when this one stops or is cancelled.
 */
export function limitedBody(request: Request, maxBytes: number): ReadableStream<Uint8Array> {
  const source = request.body?.getReader();
  let total = 0;
  const release = () => {
    try {
      source?.releaseLock();
    } catch {
      // A pending read keeps the lock: the source is left unread, which is what we want.
    }
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!source) return controller.close();
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await source.read();
      } catch (e) {
        return controller.error(e);
      }
      if (chunk.done) return controller.close();
      total += chunk.value.byteLength;
      if (total > maxBytes) {
        release();
        return controller.error(new BodyTooLargeError(maxBytes));
      }
      controller.enqueue(chunk.value);
    },
    cancel: release,
  });
}

/** The whole body, at most `maxBytes` of it; BodyTooLargeError otherwise (without reading further). */
export async function readBodyWithLimit(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (declaresMoreThan(request, maxBytes)) throw new BodyTooLargeError(maxBytes);
  const reader = limitedBody(request, maxBytes).getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
  }
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

export interface LimitedMultipart {
  /** The fields read (all of them, or those before the point where the limit was passed). */
  form: FormData;
  /** The body, or one of its parts, was over the limit: the form is what came before it. */
  tooLarge: boolean;
}

/**
 * Parses a multipart form with Remix's streaming parser: no part over `maxPartBytes`, no body over `maxBytes`. When the
 * limit is passed, the fields read until then are returned (the file input comes last in our forms, so what the user
 * typed is kept) and the rest of the body is never read. With a declared length over the limit, the fields before the
 * first file are read, for the same reason, and nothing after them.
 */
export async function readMultipartWithLimit(
  request: Request,
  opts: { maxBytes: number; maxPartBytes: number },
): Promise<LimitedMultipart> {
  const form = new FormData();
  // A browser declares the length: when it is over the limit, the fields are still read but no file byte is.
  const declaredTooLarge = declaresMoreThan(request, opts.maxBytes);
  const memory = unstable_createMemoryUploadHandler({ maxPartSize: opts.maxPartBytes });
  const limited = new Request(request.url, {
    method: "POST",
    headers: request.headers,
    body: limitedBody(request, opts.maxBytes),
    duplex: "half",
  } as RequestInit);
  try {
    // Each part is appended as soon as it is read, so a failure later keeps the fields before it.
    await unstable_parseMultipartFormData(limited, async (part) => {
      if (declaredTooLarge && part.filename !== undefined) throw new BodyTooLargeError(opts.maxBytes);
      const value = await memory(part);
      if (value !== undefined && value !== null) form.append(part.name, value);
      return undefined;
    });
  } catch (e) {
    if (e instanceof BodyTooLargeError || e instanceof MaxPartSizeExceededError) return { form, tooLarge: true };
    throw new MalformedBodyError(e instanceof Error ? e.message : String(e));
  }
  return { form, tooLarge: false };
}
