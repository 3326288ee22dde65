// @ts-check
/**
 * Text extraction of an uploaded PDF, run in a worker thread of the pool in `pdf-text.server.ts`, never on the main
 * thread: a crafted PDF can make pdfjs decode hundreds of megabytes or walk thousands of pages. Plain JavaScript on
 * purpose, so the worker needs no TypeScript loader (it runs the same under `node --import tsx`, vitest and the build).
 *
 * Limits enforced here: pages (refused before any is read), characters kept, and memory. The heap is capped by the
 * pool's `resourceLimits`; decoded streams live in ArrayBuffers outside that heap, so a watchdog checks heap plus
 * external memory every 50 ms and ends the thread with `PDF_MEMORY_LIMIT`. Wall time is enforced by the pool.
 */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const WATCHDOG_MS = 50;

/**
 * @param {{ bytes: Uint8Array; maxPages: number; maxChars: number; maxMemoryBytes: number }} task
 * @returns {Promise<{ outcome: "ok"; text: string; pageCount: number } | { outcome: "too-many-pages"; pageCount: number } | { outcome: "unreadable"; reason: string }>}
 */
export default async function extractText({ bytes, maxPages, maxChars, maxMemoryBytes }) {
  const watchdog = setInterval(() => {
    const usage = process.memoryUsage();
    if (usage.heapUsed + usage.external > maxMemoryBytes) {
      // Thrown outside the task's promise on purpose: an uncaught error ends the thread, and pdfjs with it.
      throw Object.assign(new Error("PDF text extraction over its memory limit"), { code: "PDF_MEMORY_LIMIT" });
    }
  }, WATCHDOG_MS);
  const task = getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  try {
    let pdf;
    try {
      pdf = await task.promise;
    } catch (e) {
      return { outcome: "unreadable", reason: e instanceof Error ? e.name : "unknown" };
    }
    if (pdf.numPages > maxPages) return { outcome: "too-many-pages", pageCount: pdf.numPages };
    let text = "";
    try {
      for (let i = 1; i <= pdf.numPages && text.length <= maxChars; i++) {
        const page = await pdf.getPage(i);
        const content = await page.getTextContent();
        for (const item of content.items) {
          if ("str" in item) text += item.str + " ";
          if (text.length > maxChars) break;
        }
        text += "\n";
      }
    } catch (e) {
      return { outcome: "unreadable", reason: e instanceof Error ? e.name : "unknown" };
    }
    return {
      outcome: "ok",
      text: text
        .slice(0, maxChars)
        .replace(/[ \t]+/g, " ")
        .replace(/ ?\n ?/g, "\n")
        // eslint-disable-next-line no-control-regex -- NUL characters are stripped on purpose
        .replace(/\u0000/g, "")
        .trim(),
      pageCount: pdf.numPages,
    };
  } finally {
    clearInterval(watchdog);
    await task.destroy();
  }
}
