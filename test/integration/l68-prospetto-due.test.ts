// The prospetto informativo is not owed when nothing changed since the last one sent (art. 40 c. 4
// DL 112/2008, docs/legal/l68.md#s1-6); it states the workforce at 31 December, not today's; the art. 17
// certificate carries the 60-day term still running.
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { requestCertificate } from "~/domain/l68/file/certificate.server";
import { addProtectedWorker, addWorkforceGroup } from "~/domain/l68/file/commands.server";
import { runL68Deadlines } from "~/domain/l68/alerts/deadlines.server";
import { buildProspettoDraft, prospettoDue, submitProspetto } from "~/domain/l68/file/prospetto.server";
import { addPost, withdrawPost } from "~/domain/placement/posts.server";
import { PostFormSchema } from "~/domain/placement/schema";
import { createL68Employer, fileVersion } from "../support/factories-l68";

const actor = { userId: null, role: "system", ip: null };

async function addGroup(employerId: string, count: number, on: string) {
  await withTransaction(async (trx) =>
    addWorkforceGroup(
      trx,
      actor,
      employerId,
      await fileVersion(employerId),
      { provinceCode: "MI", siteLabel: "", count, contract: "indeterminato" },
      on,
    ),
  );
}

async function addDisabled(employerId: string, name: string, on: string) {
  await withTransaction(async (trx) =>
    addProtectedWorker(
      trx,
      actor,
      employerId,
      await fileVersion(employerId),
      { workerName: name, provinceCode: "MI", category: "disabile_l68", contract: "indeterminato", hiredOn: on, disabilityPercent: 70 },
      on,
    ),
  );
}

/** 40 workers and 2 disabled (quota 2, covered) from June 2025, prospetto 2025 sent on time. */
async function compliantEmployerWithProspetto2025() {
  const e = await createL68Employer();
  await addGroup(e.employerId, 40, "2025-01-10");
  await withTransaction((trx) =>
    submitProspetto(trx, actor, e.employerId, { deadlineYear: 2025, availablePositions: "Addetto al magazzino" }, "2025-01-20"),
  );
  await addDisabled(e.employerId, "Anna Verdi", "2025-01-15");
  await addDisabled(e.employerId, "Bruno Gialli", "2025-01-15");
  return e;
}

const prospettoAlerts = (employerId: string) =>
  getDb()
    .selectFrom("l68_alerts")
    .select(["kind", "ref_key"])
    .where("employer_id", "=", employerId)
    .where("kind", "like", "prospetto%")
    .execute();

describe("prospetto not owed when nothing changed (art. 40 c. 4 DL 112/2008)", () => {
  it("no reminder, no overdue alert, no refusal of the certificate, no late sanction", async () => {
    const e = await compliantEmployerWithProspetto2025();
    // The 2025 prospetto stated 40 workers and none disabled at 31/12/2024; the two hires changed the figures: 2026 owed.
    const owed = await prospettoDue(getDb(), e.employerId, 2026);
    expect(owed).toMatchObject({ owed: true, reason: "changed", lastSentYear: 2025 });
    expect(owed.changes.map((c) => c.field)).toEqual(["disabiliInForza"]);
    await withTransaction((trx) =>
      submitProspetto(trx, actor, e.employerId, { deadlineYear: 2026, availablePositions: "Addetto al magazzino" }, "2026-01-25"),
    );

    // 2027: nothing changed during 2026.
    const due = await prospettoDue(getDb(), e.employerId, 2027);
    expect(due).toMatchObject({ owed: false, reason: "unchanged", lastSentYear: 2026, changes: [] });
    const run = await runL68Deadlines(getDb(), new Date("2027-01-20T09:00:00Z"));
    await runL68Deadlines(getDb(), new Date("2027-02-03T09:00:00Z"));
    expect(run.prospettoNotOwed).toBeGreaterThanOrEqual(1);
    expect(await prospettoAlerts(e.employerId)).toEqual([]);
    const certificate = await withTransaction((trx) => requestCertificate(trx, actor, e.employerId, "2027-03-01"));
    expect(certificate.reasons).toEqual([]);
    expect(certificate.compliant).toBe(true);
    // Sent anyway, late: nothing was owed, so no sanction.
    const voluntary = await withTransaction((trx) =>
      submitProspetto(trx, actor, e.employerId, { deadlineYear: 2027, availablePositions: "Addetto al magazzino" }, "2027-03-02"),
    );
    expect(voluntary).toMatchObject({ daysLate: 0, sanction: "0.00" });
  });

  it("a change of the base makes it owed again: reminded, flagged after 31 January, certificate refused", async () => {
    const e = await compliantEmployerWithProspetto2025();
    await withTransaction((trx) => submitProspetto(trx, actor, e.employerId, { deadlineYear: 2026, availablePositions: "" }, "2026-01-25"));
    await addGroup(e.employerId, 8, "2026-09-01"); // 48: still band 36–50, quota 2, but the base changed
    const due = await prospettoDue(getDb(), e.employerId, 2027);
    expect(due).toMatchObject({ owed: true, reason: "changed" });
    expect(due.changes).toEqual(expect.arrayContaining([expect.objectContaining({ field: "baseComputo", from: 40, to: 48 })]));
    await runL68Deadlines(getDb(), new Date("2027-01-20T09:00:00Z"));
    await runL68Deadlines(getDb(), new Date("2027-02-03T09:00:00Z"));
    expect((await prospettoAlerts(e.employerId)).map((a) => a.kind).sort()).toEqual(["prospetto_overdue", "prospetto_reminder"]);
    const certificate = await withTransaction((trx) => requestCertificate(trx, actor, e.employerId, "2027-03-01"));
    expect(certificate.reasons.join(" ")).toContain("Prospetto informativo 2027 non inviato");
  });

  it("a new available post makes it owed (the posts are among the figures of art. 40 c. 4); withdrawn again, it is not", async () => {
    const e = await compliantEmployerWithProspetto2025();
    await withTransaction((trx) => submitProspetto(trx, actor, e.employerId, { deadlineYear: 2026, availablePositions: "" }, "2026-01-25"));
    expect(await prospettoDue(getDb(), e.employerId, 2027)).toMatchObject({ owed: false, reason: "unchanged" });
    const form = PostFormSchema.parse({
      task: "Addetto all'archivio digitale",
      occupation: "4.1.1.1.0",
      posts: "2",
      comune: "Milano (MI)",
      architecturalBarriers: "no",
      nightShifts: "no",
      publicTransport: "si",
    });
    const id = await withTransaction((trx) => addPost(trx, actor, e.employerId, form));
    const due = await prospettoDue(getDb(), e.employerId, 2027);
    expect(due).toMatchObject({ owed: true, reason: "changed" });
    expect(due.changes).toEqual([expect.objectContaining({ field: "postiDisponibili", from: "", to: expect.stringContaining("2 posti") })]);
    await withTransaction((trx) => withdrawPost(trx, actor, e.employerId, id));
    expect(await prospettoDue(getDb(), e.employerId, 2027)).toMatchObject({ owed: false, reason: "unchanged" });
  });

  it("states the workforce at 31 December, not today's", async () => {
    const e = await compliantEmployerWithProspetto2025();
    await addGroup(e.employerId, 30, "2026-01-10"); // after 31/12/2025: not in the 2026 prospetto
    const draft = await buildProspettoDraft(getDb(), e.employerId, 2026);
    expect(draft.organicoFonte).toBe("snapshot");
    expect(draft.riepilogoNazionale).toMatchObject({ baseComputo: 40, disabiliInForza: 2 });
    const next = await buildProspettoDraft(getDb(), e.employerId, 2027);
    expect(next.riepilogoNazionale.baseComputo).toBe(70);
  });
});

describe("art. 17 certificate with units inside the 60-day term", () => {
  it("is issued and states the pending term", async () => {
    const e = await createL68Employer();
    await addGroup(e.employerId, 20, "2026-03-01");
    await withTransaction((trx) => submitProspetto(trx, actor, e.employerId, { deadlineYear: 2026, availablePositions: "" }, "2026-03-02"));
    const issued = await withTransaction((trx) => requestCertificate(trx, actor, e.employerId, "2026-03-11"));
    expect(issued.compliant).toBe(true);
    expect(issued.pending).toEqual({ units: 1, dueOn: "2026-04-30" });
    const row = await getDb()
      .selectFrom("l68_certificates")
      .select(["pending_units"])
      .where("id", "=", issued.certificateId)
      .executeTakeFirstOrThrow();
    expect(row.pending_units).toBe(1);
  });
});
