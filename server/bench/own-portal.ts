/**
 * A portal of the bench's own (bench:load, bench:lighthouse): `server/index.ts` on a free loopback port,
 * a temporary DATA_DIR with the demo data, NODE_ENV=production. Only our own settings reach it: an exported
 * DATABASE_URL/MEILI_URL must not point a bench at real data. Needs `npm run build`.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export interface OwnPortal {
  base: string;
  /** What the portal printed so far (for the report of a failed bench). */
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts the portal and waits until /healthz answers (at most 3 minutes). */
export async function startOwnPortal(name: string): Promise<OwnPortal> {
  const root = path.resolve(import.meta.dirname, "../..");
  if (!fs.existsSync(path.join(root, "build/index.js"))) throw new Error("manca la build dell'interfaccia: esegui prima `npm run build`");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rosa-${name}-`));
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? dir,
    NODE_ENV: "production",
    PUBLIC_URL: base,
    DATA_DIR: dir,
    PORT: String(port),
    HOST: "127.0.0.1",
    SEED_DEMO: "true",
  };
  // The portal's log goes to a file, not through a pipe into this process: at thousands of requests a second the
  // bench would spend its own CPU (shared with the load generator) reading one log line per request.
  const logFile = path.join(dir, "portal.log");
  const logFd = fs.openSync(logFile, "w");
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], { cwd: root, env, stdio: ["ignore", logFd, logFd] });
  fs.closeSync(logFd);
  const output = () => {
    try {
      return fs.readFileSync(logFile, "utf8").slice(-20_000);
    } catch {
      return "";
    }
  };
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const until = Date.now() + 180_000;
  while (
    !(await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > until) {
      const printed = output();
      await stop();
      throw new Error(`il portale non si è avviato:\n${printed.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { base, output, stop };
}

/** A vacancy of the public board: the demo vacancies reach it once the search index has caught up with the seed. */
export async function boardVacancyId(base: string): Promise<string> {
  for (let i = 0; i < 120; i++) {
    const id = /href="\/offerte\/([0-9a-f-]{36})"/.exec(await (await fetch(`${base}/offerte`)).text())?.[1];
    if (id) return id;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("nessuna offerta pubblicata sulla bacheca");
}
