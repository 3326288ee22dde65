import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../server/embedded-services";
import { ensureBuild, startPortal, type PortalProcess } from "../support/server-process";

/**
 * The portal is killed with SIGKILL (no exit handler runs): its embedded
 * PostgreSQL and Meilisearch stay up as orphans holding the data folder and
 * their ports. The next start must find them through the pid files in DATA_DIR,
 * stop them and start normally.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rosa-orphans-"));
fs.chmodSync(dir, 0o755);
let portal: PortalProcess | undefined;

const alive = (pid: number) => {
  try {
    return !/\)\s+[ZX]\s/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
};
const pidIn = (file: string) => Number.parseInt(fs.readFileSync(file, "utf8").split("\n")[0], 10);

beforeAll(() => ensureBuild(), 300_000);

afterAll(async () => {
  await portal?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("start over orphaned embedded servers", () => {
  it("stops the orphans of a killed portal and starts again on the same ports", async () => {
    const env = {
      DATA_DIR: dir,
      PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
      EMBEDDED_MEILI_PORT: String(await freePort()),
    };
    const first = await startPortal(env);
    const pgPid = pidIn(path.join(dir, "postgres/postmaster.pid"));
    const meiliPid = pidIn(path.join(dir, "meili/meilisearch.pid"));
    first.child.kill("SIGKILL");
    await first.exited;
    // The situation of the report: both servers survive their portal.
    expect(alive(pgPid)).toBe(true);
    expect(alive(meiliPid)).toBe(true);

    portal = await startPortal(env);
    expect(portal.output()).toContain("rimasto attivo da un avvio precedente");
    expect(alive(pgPid)).toBe(false);
    expect(alive(meiliPid)).toBe(false);
    const health = await fetch(`${portal.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, database: true, search: true });
    const page = await fetch(`${portal.url}/offerte`);
    expect(page.status).toBe(200);

    // Servers whose portal is alive are not orphans: a second portal on the same DATA_DIR refuses to start
    // and leaves them alone.
    await expect(startPortal(env)).rejects.toThrow(/in uso da un altro processo di Rosa/);
    expect((await fetch(`${portal.url}/healthz`)).status).toBe(200);
  }, 300_000);
});
