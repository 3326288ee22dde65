import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Piscina } from "piscina";
import { DomainError } from "~/domain/errors";
import { getEnv } from "~/utils/env.server";
import { plural } from "~/utils/plural";
import { log } from "~/utils/logger.server";

/** Extracted text kept in PostgreSQL (and indexed): enough for any real CV, bounded for the index. */
export const MAX_TEXT_CHARS = 100_000;

export interface PdfLimits {
  timeoutMs: number;
  memoryMb: number;
  maxPages: number;
  workers: number;
}

export function pdfLimits(): PdfLimits {
  const env = getEnv();
  return {
    timeoutMs: env.CV_PDF_TIMEOUT_SECONDS * 1000,
    memoryMb: env.CV_PDF_MAX_MEMORY_MB,
    maxPages: env.CV_PDF_MAX_PAGES,
    workers: env.CV_PDF_WORKERS,
  };
}

type WorkerResult =
  | { outcome: "ok"; text: string; pageCount: number }
  | { outcome: "too-many-pages"; pageCount: number }
  | { outcome: "unreadable"; reason: string };

/** A PDF over one of the limits below; the CV routes show the message next to the file input. */
export class PdfLimitError extends DomainError {}

export const UNREADABLE = "Il PDF è danneggiato o protetto da password e non si può leggere: esportalo di nuovo e riprova";

const FIELD = "cv";

const tooComplex = (maxPages: number) =>
  new PdfLimitError(
    `Il PDF è troppo complesso da leggere: caricane una versione più semplice (massimo ${maxPages} pagine)`,
    FIELD,
    "unreadable",
  );

/**
 * Text of a PDF, extracted in a pool of worker threads (piscina) so that no PDF can stall the server: a 340 KB PDF
 * had kept the event loop busy for 35 s and taken 1 GB. Hard limits: wall time (the thread is terminated), memory
 * (`resourceLimits` for the heap, the worker's watchdog for decoded buffers), pages and characters. At most
 * `workers` PDFs are parsed at once, the others wait (at most as long as one parse may last) in a short queue.
 */
export async function extractPdfText(bytes: Uint8Array, limits: PdfLimits = pdfLimits()): Promise<{ text: string; pageCount: number }> {
  const pool = poolFor(limits);
  const release = await pool.slots.acquire(limits.timeoutMs);
  // The thread gets its own copy: the transfer detaches it, and the caller keeps the bytes it stores.
  const copy = new Uint8Array(bytes);
  let result: WorkerResult;
  try {
    result = await pool.piscina.run(
      { bytes: copy, maxPages: limits.maxPages, maxChars: MAX_TEXT_CHARS, maxMemoryBytes: limits.memoryMb * 1_048_576 },
      { signal: AbortSignal.timeout(limits.timeoutMs), transferList: [copy.buffer] },
    );
  } catch (e) {
    if (isLimitFailure(e)) throw tooComplex(limits.maxPages);
    throw e;
  } finally {
    release();
  }
  if (result.outcome === "too-many-pages") {
    throw new PdfLimitError(
      `Il PDF ha ${plural(result.pageCount, "pagina", "pagine")}: un CV può averne al massimo ${limits.maxPages}. Caricane una versione più breve`,
      FIELD,
      "unreadable",
    );
  }
  if (result.outcome === "unreadable") {
    throw new DomainError(UNREADABLE, FIELD);
  }
  return { text: result.text, pageCount: result.pageCount };
}

/** Aborted for time, over the heap limit, over the buffer watchdog: all mean "this PDF costs too much". */
function isLimitFailure(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  return e.name === "AbortError" || code === "ERR_WORKER_OUT_OF_MEMORY" || code === "PDF_MEMORY_LIMIT";
}

interface Pool {
  key: string;
  piscina: Piscina;
  slots: Slots;
}

let current: Pool | null = null;

function poolFor(limits: PdfLimits): Pool {
  const key = `${limits.workers}:${limits.memoryMb}`;
  if (current?.key === key) return current;
  void current?.piscina.destroy();
  const piscina = new Piscina({
    filename: workerUrl(),
    minThreads: 0,
    maxThreads: limits.workers,
    // A warm thread (pdfjs loaded) for a minute after an upload, none at rest.
    idleTimeout: 60_000,
    // The worker is plain JavaScript: no TypeScript loader inherited from `node --import tsx`.
    execArgv: [],
    // pdfjs keeps timers and promises running between its steps: no synchronous Atomics wait between tasks.
    atomics: "disabled",
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, stackSizeMb: 4 },
    // Lower priority than the thread that answers requests (Linux nice value of the worker thread).
    niceIncrement: 10,
  });
  // A thread that dies with no task (it cannot, but an unhandled 'error' would end the process).
  piscina.on("error", (e) => log().error({ err: e }, "[cv] errore di un worker di lettura dei PDF"));
  current = { key, piscina, slots: new Slots(limits.workers, limits.workers * 8) };
  return current;
}

/**
 * The worker module next to this file (vitest, tsx) or, from the Remix server bundle (build/index.js, where
 * import.meta.url is the bundle), the same file under the project folder the server runs from, like `public/build`.
 */
function workerUrl(): string {
  const name = "pdf-text.worker.mjs";
  const candidates = [fileURLToPath(new URL(`./${name}`, import.meta.url)), path.resolve("app/domain/candidates", name)];
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error(`PDF worker not found (looked for ${candidates.join(", ")})`);
  return pathToFileURL(found).href;
}

/** At most `size` PDFs parsed at once and `queue` waiting; a wait longer than one parse may last is refused. */
class Slots {
  private busy = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(
    private readonly size: number,
    private readonly queue: number,
  ) {}

  async acquire(maxWaitMs: number): Promise<() => void> {
    if (this.busy >= this.size) {
      if (this.waiting.length >= this.queue) throw busy();
      await new Promise<void>((resolve, reject) => {
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(wake), 1);
          reject(busy());
        }, maxWaitMs);
        this.waiting.push(wake);
      });
    } else {
      this.busy++;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // The slot passes straight to the next waiter, or is freed.
      const next = this.waiting.shift();
      if (next) next();
      else this.busy--;
    };
  }
}

const busy = () => new DomainError("In questo momento si stanno leggendo molti PDF: riprova tra qualche secondo", FIELD, "unavailable");
