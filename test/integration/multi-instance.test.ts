import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { getEnv } from "~/utils/env.server";
import { getDb } from "~/db/db.server";
import { registerInstance } from "~/db/instances.server";
import { enqueueMail } from "~/domain/mail/commands.server";
import { JOBS, runJobIfDue } from "../../server/jobs";
import { freePort } from "../../server/embedded-services";
import { TEST_PASSWORD, createUserWithRole } from "../support/factories";
import { ensureBuild, startPortal, type PortalProcess } from "../support/server-process";
import { startTestSmtp } from "../support/smtp";

/**
 * Two portal processes on one PostgreSQL and one Meilisearch (README, "Più
 * istanze"): a session opened on one works on the other, every periodic job
 * runs once, each message leaves once, and the import recovery at start closes
 * only the imports of a dead process, never those of a live one.
 */
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let smtpPort: number;
let received: string[];
const portals: PortalProcess[] = [];
let releaseTestInstance: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ensureBuild();
  smtp = await startTestSmtp();
  ({ port: smtpPort, received } = smtp);
}, 300_000);

afterAll(async () => {
  await Promise.all(portals.map((p) => p.stop()));
  await releaseTestInstance?.();
  await smtp.stop();
});

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timeout: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("two portal processes on one database", () => {
  it("share sessions, run each periodic job once and close only the imports of dead processes", async () => {
    const db = getDb();
    const tag = `multi-${Date.now()}`;
    // Mail that earlier files left pending in this shared database would be delivered first (oldest first,
    // in batches) and push this file's messages past the wait: it is set aside, as if sent.
    await db.updateTable("mail_outbox").set({ sent_at: new Date() }).where("sent_at", "is", null).execute();
    // Pending mail for the two processes' delivery jobs.
    for (let i = 0; i < 6; i++) await enqueueMail(db, { to: `${tag}-${i}@example.it`, subject: `Prova ${tag} ${i}`, body: "x" });
    // One import of a process that died (its instance row exists, nobody holds its lock) and one of a live
    // process (this test process registers as an instance and holds its lock throughout).
    const officer = await createUserWithRole("preselection_officer");
    const dead = await db.insertInto("server_instances").values({ host: "altro-server", pid: 1 }).returning("id").executeTakeFirstOrThrow();
    releaseTestInstance = await registerInstance(db, getEnv().DATABASE_URL!);
    const live = await db.selectFrom("server_instances").select("id").orderBy("id", "desc").executeTakeFirstOrThrow();
    const imp = (instanceId: number) =>
      db
        .insertInto("candidate_imports")
        .values({ filename: `${tag}.csv`, status: "importing", total_rows: 10, created_by: officer.id, instance_id: instanceId })
        .returning("id")
        .executeTakeFirstOrThrow();
    const deadImport = await imp(dead.id);
    const liveImport = await imp(live.id);
    // Every job is due.
    await db.deleteFrom("job_leases").execute();

    const env = {
      DATABASE_URL: getEnv().DATABASE_URL!,
      MEILI_INDEX_PREFIX: getEnv().MEILI_INDEX_PREFIX,
      MEILI_URL: inject("meiliUrl"),
      MEILI_MASTER_KEY: inject("meiliKey"),
      SESSION_SECRET: inject("sessionSecret"),
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    };
    const [a, b] = await Promise.all([
      startPortal({ ...env, PORT: String(await freePort()) }),
      startPortal({ ...env, PORT: String(await freePort()) }),
    ]);
    portals.push(a, b);

    // Sessions live in PostgreSQL: log in on A, use the cookie on B.
    const login = await fetch(`${a.url}/accedi`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: a.url },
      body: new URLSearchParams({ email: officer.email, password: TEST_PASSWORD, redirectTo: "/operatore/candidati" }),
    });
    expect(login.status).toBe(302);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
    expect(cookie).toMatch(/^rosa_session=/);
    const onB = await fetch(`${b.url}/operatore/candidati`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain("Cerca candidati");
    const anonymousOnB = await fetch(`${b.url}/operatore/candidati`, { redirect: "manual" });
    expect(anonymousOnB.status).toBe(302);

    // Both processes tried every job at start; each ran once.
    const names = [...JOBS.map((j) => j.name), "posta"];
    await until("ogni attività eseguita", async () => {
      const rows = await db.selectFrom("job_leases").select(["name", "last_finished_at"]).execute();
      return names.every((n) => rows.some((r) => r.name === n && r.last_finished_at));
    });
    await until("posta consegnata", () => received.filter((m) => m.includes(tag)).length >= 6);
    await new Promise((r) => setTimeout(r, 1500));
    const leases = await db.selectFrom("job_leases").select(["name", "runs", "instance_id"]).execute();
    for (const job of JOBS) expect(leases.find((l) => l.name === job.name)?.runs, job.name).toBe(1);
    // The mail job may run again after its 15 s period; each message still leaves exactly once.
    for (let i = 0; i < 6; i++) expect(received.filter((m) => m.includes(`${tag}-${i}@example.it`)).length).toBe(1);

    const imports = await db
      .selectFrom("candidate_imports")
      .select(["id", "status"])
      .where("id", "in", [deadImport.id, liveImport.id])
      .execute();
    expect(imports.find((i) => i.id === deadImport.id)?.status).toBe("failed");
    expect(imports.find((i) => i.id === liveImport.id)?.status).toBe("importing");
    // The dead process's row is forgotten; the live ones stay.
    expect(await db.selectFrom("server_instances").select("id").where("id", "=", dead.id).executeTakeFirst()).toBeUndefined();
    await db.updateTable("candidate_imports").set({ status: "failed" }).where("id", "=", liveImport.id).execute();
  }, 300_000);

  it("runs a job once when many runners try it at the same moment", async () => {
    const db = getDb();
    let runs = 0;
    const job = {
      name: `prova concorrenza ${Date.now()}`,
      everyMs: 60_000,
      run: async () => {
        runs++;
        await new Promise((r) => setTimeout(r, 200));
      },
    };
    const results = await Promise.all(Array.from({ length: 6 }, () => runJobIfDue(db, job, { startedAt: new Date() })));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(runs).toBe(1);
    // Not due again within its period.
    expect(await runJobIfDue(db, job, { startedAt: new Date() })).toBe(false);
    await db.deleteFrom("job_leases").where("name", "=", job.name).execute();
  });
});
