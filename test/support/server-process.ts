import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Tests that start the real portal (server/index.ts) need the Remix build.
 * `npm test` builds before vitest; a lone `vitest run` of such a file builds here.
 */
export function ensureBuild() {
  if (fs.existsSync(path.join(root, "build/index.js"))) return;
  execFileSync(process.execPath, [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "build"], {
    cwd: root,
    stdio: "ignore",
    timeout: 300_000,
  });
}

export interface PortalProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  stop(): Promise<void>;
}

/** Starts `node --import tsx server/index.ts` with this environment and waits until it listens. */
export async function startPortal(env: Record<string, string>, timeoutMs = 120_000): Promise<PortalProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/root",
      NODE_ENV: "production",
      PUBLIC_URL: `http://127.0.0.1:${env.PORT}`,
      HOST: "127.0.0.1",
      SEED_DEMO: "false",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${env.PORT}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`Il portale è terminato durante l'avvio:\n${out}`);
    if (out.includes("Rosa è pronto")) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Il portale non si è avviato in tempo:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    url,
    output: () => out,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
