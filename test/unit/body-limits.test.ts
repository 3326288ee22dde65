import { describe, expect, it } from "vitest";
import { BodyTooLargeError, readBodyWithLimit, readMultipartWithLimit } from "~/web/body.server";
import { parseEnv } from "~/utils/env.server";

/** A streamed request body of `chunks` × `size` bytes that records how many chunks were pulled. */
function streamed(chunks: number, size: number, headers: Record<string, string> = {}) {
  const pulled = { count: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.count === chunks) return controller.close();
      pulled.count++;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  return { request: new Request("http://localhost/", { method: "POST", headers, body, duplex: "half" } as RequestInit), pulled };
}

describe("readBodyWithLimit", () => {
  it("returns a body within the limit", async () => {
    const { request } = streamed(4, 1000);
    expect((await readBodyWithLimit(request, 4000)).length).toBe(4000);
  });
  it("stops at the first chunk over the limit, without reading the rest", async () => {
    const { request, pulled } = streamed(1000, 1000);
    await expect(readBodyWithLimit(request, 4500)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulled.count).toBeLessThan(10);
  });
  it("refuses a declared length over the limit before reading", async () => {
    const { request, pulled } = streamed(10, 1000, { "Content-Length": "10000" });
    await expect(readBodyWithLimit(request, 4500)).rejects.toBeInstanceOf(BodyTooLargeError);
    // The stream itself prefetches one chunk (its high-water mark); nothing is read by us.
    expect(pulled.count).toBeLessThanOrEqual(1);
  });
});

describe("readMultipartWithLimit", () => {
  const boundary = "----limite";
  const multipart = (fileBytes: number) => {
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nscritto a mano\r\n--${boundary}\r\nContent-Disposition: form-data; name="documento"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
    const body = new Blob([head, new Uint8Array(fileBytes).fill(0x25), `\r\n--${boundary}--\r\n`]);
    return new Request("http://localhost/", {
      method: "POST",
      headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
      body: body.stream(),
      duplex: "half",
    } as RequestInit);
  };
  it("reads the fields and the file within the limits", async () => {
    const { form, tooLarge } = await readMultipartWithLimit(multipart(1000), { maxBytes: 10_000, maxPartBytes: 2000 });
    expect(tooLarge).toBe(false);
    expect(form.get("note")).toBe("scritto a mano");
    expect((form.get("documento") as File).size).toBe(1000);
  });
  it("a file over its limit: the fields before it are kept, the file is not", async () => {
    const { form, tooLarge } = await readMultipartWithLimit(multipart(5000), { maxBytes: 100_000, maxPartBytes: 2000 });
    expect(tooLarge).toBe(true);
    expect(form.get("note")).toBe("scritto a mano");
    expect(form.get("documento")).toBeNull();
  });
  it("a body over its limit stops there", async () => {
    const { tooLarge } = await readMultipartWithLimit(multipart(50_000), { maxBytes: 10_000, maxPartBytes: 100_000 });
    expect(tooLarge).toBe(true);
  });
});

describe("CV PDF settings", () => {
  it("have defaults and Italian messages", () => {
    expect(parseEnv({})).toMatchObject({ CV_PDF_TIMEOUT_SECONDS: 10, CV_PDF_MAX_MEMORY_MB: 256, CV_PDF_MAX_PAGES: 50, CV_PDF_WORKERS: 1 });
    expect(() => parseEnv({ CV_PDF_MAX_PAGES: "0", CV_PDF_TIMEOUT_SECONDS: "mai" })).toThrow(
      /CV_PDF_TIMEOUT_SECONDS: deve essere un numero di secondi.*CV_PDF_MAX_PAGES: almeno 1 pagina/,
    );
  });
});
