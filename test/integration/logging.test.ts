import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { createLogger, replaceLogger } from "~/utils/logger.server";
import { runJobLogged } from "../../server/jobs";
import { loggedPath } from "../../server/request-log";
import { startHttpApp } from "../support/http-app";

/** The JSON lines the portal's logger writes, collected instead of printed. */
function collectLogs() {
  const lines: Record<string, unknown>[] = [];
  const restore = replaceLogger(createLogger("info", { write: (line: string) => void lines.push(JSON.parse(line)) }));
  return { lines, restore };
}

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe("logs", () => {
  it("log a failed after-commit effect with its stack, and keep the committed change", async () => {
    const logs = collectLogs();
    restore = logs.restore;
    const result = await withTransaction(async (_trx, afterCommit) => {
      afterCommit(() => {
        throw new Error("effetto di prova fallito");
      });
      return "salvato";
    });
    expect(result).toBe("salvato");
    const line = logs.lines.find((l) => String(l.msg).startsWith("[after-commit]"));
    expect(line).toMatchObject({ level: "error", err: { message: "effetto di prova fallito" } });
    expect((line!.err as { stack: string }).stack).toMatch(/logging\.test\.ts/);
  });

  it("log a failed periodic job with its name and stack, without throwing", async () => {
    const logs = collectLogs();
    restore = logs.restore;
    const job = {
      name: `prova-log-${randomUUID()}`,
      everyMs: 60_000,
      run: async () => {
        throw new Error("job di prova fallito");
      },
    };
    await runJobLogged(getDb(), job, { startedAt: new Date() });
    const line = logs.lines.find((l) => l.job === job.name);
    expect(line).toMatchObject({ level: "error", err: { message: "job di prova fallito" } });
    expect(String(line!.msg)).toContain(`«${job.name}» non è riuscito`);
    expect((line!.err as { stack: string }).stack).toMatch(/logging\.test\.ts/);
  });

  it("give every request an id, in the X-Request-Id header and in its log line, without cookies or tokens", async () => {
    const logs = collectLogs();
    restore = logs.restore;
    const app = await startHttpApp([
      { id: "routes/attivazione.$token", path: "attivazione/:token", module: { loader: () => null, default: () => null } },
    ]);
    try {
      const res = await fetch(`${app.origin}/attivazione/segreto-123?x=1`, { headers: { cookie: "rosa_session=abc" } });
      const id = res.headers.get("x-request-id");
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const forwarded = await fetch(`${app.origin}/attivazione/altro`, { headers: { "x-request-id": "proxy-id-12345" } });
      expect(forwarded.headers.get("x-request-id")).toBe("proxy-id-12345");
      const injected = await fetch(`${app.origin}/attivazione/altro`, { headers: { "x-request-id": "id con spazi <e> simboli" } });
      expect(injected.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      await new Promise((r) => setTimeout(r, 50));
      const line = logs.lines.find((l) => (l.req as { id?: string } | undefined)?.id === id);
      expect(line).toMatchObject({ level: "info", req: { method: "GET", path: "/attivazione/…" }, res: { status: 200 } });
      expect(JSON.stringify(logs.lines)).not.toMatch(/segreto-123|rosa_session/);
      expect(logs.lines.some((l) => (l.req as { id?: string } | undefined)?.id === "proxy-id-12345")).toBe(true);
    } finally {
      await app.close();
    }
  });

  it("keep one-time tokens out of logged paths", () => {
    expect(loggedPath("/invito/abc?x=1")).toBe("/invito/…");
    expect(loggedPath("/registrazione/candidato/conferma/tok")).toBe("/registrazione/candidato/conferma/…");
    expect(loggedPath("/offerte/123")).toBe("/offerte/123");
  });
});
