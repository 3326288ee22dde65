// The obligation file adds up: Σ units of the pending 60-day obligations = units still to cover
// (missing_after_exemptions of the latest snapshot); «Adempiuto» only after a hire, an exemption or
// a convention; a hire on a reserved vacancy or from a referral of the collocamento mirato is a
// protected worker of the file.
import { describe, expect, it } from "vitest";
import { getDb, type Trx } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { addProtectedWorker, addWorkforceGroup, recordWorkerLeft, removeWorkforceGroup } from "~/domain/l68/file/commands.server";
import { nextObligationStatus, splitResolution } from "~/domain/l68/file/obligations.server";
import { transitionReferral } from "~/domain/placement/referrals.server";
import { recordHire } from "~/domain/shortlists/commands.server";
import { todayInItaly } from "~/utils/dates";
import { seedL68 } from "../../server/seed/l68";
import { seedPlatform } from "../../server/seed/platform";
import * as workspace from "~/routes/operatore.collocamento-mirato._index";
import { request } from "../support/factories";
import { callRoute } from "../support/routes";
import { createL68Employer, createPlacementOfficer, fileVersion } from "../support/factories-l68";
import { createMatchCandidate, createMatchVacancy, insertPresentedShortlist } from "../support/factories-shortlists";

const actor = { userId: null, role: "system", ip: null };
const today = todayInItaly();

/** Σ pending obligation units and the latest snapshot's missing units, for every file (or one). */
async function identity(db: Trx | ReturnType<typeof getDb>, employerId?: string) {
  let snapshots = db
    .selectFrom("l68_snapshots")
    .distinctOn("employer_id")
    .select(["employer_id", "missing_after_exemptions"])
    .orderBy("employer_id")
    .orderBy("id", "desc");
  if (employerId) snapshots = snapshots.where("employer_id", "=", employerId);
  const rows = await snapshots.execute();
  const out: { employerId: string; missing: number; pending: number }[] = [];
  for (const r of rows) {
    const { n } = await db
      .selectFrom("l68_obligations")
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("units"), eb.lit(0)).as("n"))
      .where("employer_id", "=", r.employer_id)
      .where("status", "in", ["open", "overdue", "request_filed"])
      .executeTakeFirstOrThrow();
    out.push({ employerId: r.employer_id, missing: r.missing_after_exemptions, pending: Number(n) });
  }
  return out;
}

/** Units of the obligations met by a hire. */
async function hiredUnits(db: Trx, employerId: string) {
  const { n } = await db
    .selectFrom("l68_obligations")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("units"), eb.lit(0)).as("n"))
    .where("employer_id", "=", employerId)
    .where("status", "=", "met")
    .where("resolution", "=", "hire")
    .executeTakeFirstOrThrow();
  return Number(n);
}

class Rollback extends Error {}

describe("the obligation file reconciles", () => {
  it("transition table: «met» only by resolve; ended obligations never move again", () => {
    expect(nextObligationStatus("open", "resolve")).toBe("met");
    expect(nextObligationStatus("request_filed", "expire")).toBeNull();
    expect(nextObligationStatus("met", "withdraw_request")).toBeNull();
    expect(nextObligationStatus("lapsed", "resolve")).toBeNull();
    expect(splitResolution({ covered: 1, exempted: 0, conventions: 0 }, { covered: 2, exempted: 1, conventions: 0 }, 3)).toEqual([
      { resolution: "hire", units: 1 },
      { resolution: "exemption", units: 1 },
      { resolution: "lapsed", units: 1 },
    ]);
  });

  it("on the demo data", { timeout: 60_000 }, async () => {
    let checked = false;
    await getDb()
      .transaction()
      .execute(async (trx) => {
        // Other files leave referrals of their own in this database: only the demo's are checked.
        const earlier = (await trx.selectFrom("l68_referrals").select("id").execute()).map((r) => r.id);
        const refs = await seedPlatform(trx);
        await seedL68(trx, refs);
        const rows = await identity(trx);
        expect(rows.length).toBeGreaterThan(0);
        for (const r of rows) expect({ ...r, pending: r.pending }).toEqual({ ...r, pending: r.missing });
        // Convention places are allocated to provinces: their sum is the national figure of the snapshot.
        const latest = await trx
          .selectFrom("l68_snapshots")
          .distinctOn("employer_id")
          .select(["employer_id", "input", "result"])
          .orderBy("employer_id")
          .orderBy("id", "desc")
          .execute();
        let withConventions = 0;
        for (const s of latest) {
          const input = s.input as { conventions?: { art11OpenPositions: number; art12bisWorkers: number } };
          const national = (input.conventions?.art11OpenPositions ?? 0) + (input.conventions?.art12bisWorkers ?? 0);
          const provinces = (s.result as { provinces: { conventionPlaces?: number }[] }).provinces;
          expect(provinces.reduce((n, p) => n + (p.conventionPlaces ?? 0), 0)).toBe(national);
          if (national > 0) withConventions++;
        }
        expect(withConventions).toBeGreaterThan(0);
        // Targeted placement demo: a numeric referral in progress and a nominative one with its nulla osta.
        let demoReferrals = trx
          .selectFrom("l68_referrals")
          .select(["id", "kind", "status", "employer_id", "nulla_osta_number"])
          .orderBy("kind");
        if (earlier.length) demoReferrals = demoReferrals.where("id", "not in", earlier);
        const referrals = await demoReferrals.execute();
        expect(referrals.map((r) => [r.kind, r.status])).toEqual([
          ["nominativa", "referred"],
          ["numerica", "referred"],
        ]);
        expect(referrals[0].nulla_osta_number).toMatch(/^NO-MI-/);
        // The hire from the numeric referral covers a unit: the oldest pending unit is met by hire and the file still adds up.
        const numeric = referrals[1];
        const [before] = await identity(trx, numeric.employer_id);
        const hiredBefore = await hiredUnits(trx, numeric.employer_id);
        await transitionReferral(
          trx,
          { userId: refs.placementOfficerId, role: "placement_officer", ip: null },
          "MI",
          numeric.id,
          "hire",
          2,
          today,
          {
            outcome: "hired",
            version: 2,
            hiredOn: today,
            contract: "indeterminato",
            months: null,
            note: null,
          },
        );
        const [after] = await identity(trx, numeric.employer_id);
        expect(after.pending).toBe(after.missing);
        expect(after.missing).toBe(before.missing - 1);
        expect(await hiredUnits(trx, numeric.employer_id)).toBe(hiredBefore + 1);
        checked = true;
        throw new Rollback();
      })
      .catch((e) => {
        if (!(e instanceof Rollback)) throw e;
      });
    expect(checked).toBe(true);
  });

  it("on randomised workforces, after every change", { timeout: 120_000 }, async () => {
    // A small deterministic generator: the same sequence on every run, so a failure can be replayed.
    let seed = 20261205;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const provinces = ["MI", "TO", "RM", "NA"];
    for (let run = 0; run < 6; run++) {
      const e = await createL68Employer();
      const groups: string[] = [];
      const workers: string[] = [];
      for (let step = 0; step < 8; step++) {
        const version = await fileVersion(e.employerId);
        const op = rnd(10);
        await withTransaction(async (trx) => {
          if (op < 4 || groups.length === 0) {
            await addWorkforceGroup(
              trx,
              actor,
              e.employerId,
              version,
              { provinceCode: provinces[rnd(4)], siteLabel: "", count: 5 + rnd(80), contract: "indeterminato" },
              today,
            );
            const g = await trx
              .selectFrom("l68_workforce_groups")
              .select("id")
              .where("employer_id", "=", e.employerId)
              .orderBy("created_at", "desc")
              .limit(1)
              .executeTakeFirstOrThrow();
            groups.push(g.id);
          } else if (op < 7) {
            await addProtectedWorker(
              trx,
              actor,
              e.employerId,
              version,
              {
                workerName: `Lavoratore ${step}`,
                provinceCode: provinces[rnd(4)],
                category: rnd(4) === 0 ? "art18" : "disabile_l68",
                contract: "indeterminato",
                hiredOn: today,
              },
              today,
            );
            const w = await trx
              .selectFrom("l68_protected_workers")
              .select("id")
              .where("employer_id", "=", e.employerId)
              .orderBy("created_at", "desc")
              .limit(1)
              .executeTakeFirstOrThrow();
            workers.push(w.id);
          } else if (op < 8 && workers.length) {
            await recordWorkerLeft(trx, actor, e.employerId, version, { workerId: workers.shift()!, leftOn: today }, today);
          } else {
            await removeWorkforceGroup(trx, actor, e.employerId, version, groups.splice(rnd(groups.length), 1)[0], today);
          }
        });
        const [row] = await identity(getDb(), e.employerId);
        expect(row.pending, `run ${run} step ${step} op ${op}`).toBe(row.missing);
      }
      // Nothing is «met» without a hire, an exemption or a convention (here: only hires).
      const ended = await getDb()
        .selectFrom("l68_obligations")
        .select(["status", "resolution"])
        .where("employer_id", "=", e.employerId)
        .where("status", "in", ["met", "lapsed"])
        .execute();
      for (const o of ended) expect(o.status === "met" ? o.resolution : "lapsed").toBe(o.status === "met" ? "hire" : o.resolution);
    }
  });

  it("a hire on a reserved vacancy covers the unit and meets the obligation", async () => {
    const e = await createL68Employer();
    const officer = await createPlacementOfficer("MI");
    await withTransaction(async (trx) =>
      addWorkforceGroup(
        trx,
        actor,
        e.employerId,
        await fileVersion(e.employerId),
        { provinceCode: "MI", siteLabel: "", count: 20, contract: "indeterminato" },
        today,
      ),
    );
    const vacancy = await createMatchVacancy({ employerId: e.employerId, l68Reserved: "art1", status: "published" });
    const shortlistId = await insertPresentedShortlist(e.employerId, vacancy.id);
    const candidateId = await createMatchCandidate({ protectedCategory: "art1" });
    const row = await getDb()
      .insertInto("shortlist_candidates")
      .values({
        shortlist_id: shortlistId,
        candidate_id: candidateId,
        rank: 1,
        score: 1,
        explanation: "{}",
        state: "selected",
        presented_at: new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const officerActor = { userId: officer.userId, role: "placement_officer", ip: null };
    await withTransaction((trx) =>
      recordHire(
        trx,
        officerActor,
        { kind: "officer", userId: officer.userId },
        {
          rowId: row.id,
          version: 1,
          contractType: "A.01.00",
          startDate: today,
          endDate: null,
          workingTime: "F",
          weeklyHours: 40,
          ccnl: "042",
          contractLevel: "4",
          qualification: "5.1.2.2.0.1",
          grossPay: null,
          workComune: "Milano (MI)",
          l68Reserved: true,
          requestChannel: "telefono",
        },
      ),
    );
    const worker = await getDb()
      .selectFrom("l68_protected_workers")
      .select(["category", "hire_id", "province_code"])
      .where("employer_id", "=", e.employerId)
      .executeTakeFirstOrThrow();
    expect(worker).toMatchObject({ category: "disabile_l68", province_code: "MI" });
    expect(worker.hire_id).toBeTruthy();
    const obligations = await getDb()
      .selectFrom("l68_obligations")
      .select(["status", "resolution", "units"])
      .where("employer_id", "=", e.employerId)
      .execute();
    expect(obligations).toEqual([{ status: "met", resolution: "hire", units: 1 }]);
    const [id] = await identity(getDb(), e.employerId);
    expect(id).toMatchObject({ missing: 0, pending: 0 });
    // The workspace's «Offerte riservate» column lists the vacancy, its hire and its rosa.
    const page = await callRoute(workspace.loader, request("/operatore/collocamento-mirato", { cookie: officer.cookie }));
    const rows = (page.body as { rows: { id: string; reserved: { id: string; hired: number; shortlists: { id: string }[] }[] }[] }).rows;
    expect(rows.find((r) => r.id === e.employerId)?.reserved).toEqual([
      expect.objectContaining({ id: vacancy.id, hired: 1, shortlists: [expect.objectContaining({ id: shortlistId })] }),
    ]);
  });

  it("a fall of the workforce is not «Adempiuto»: the obligation lapses", async () => {
    const e = await createL68Employer();
    await withTransaction(async (trx) =>
      addWorkforceGroup(
        trx,
        actor,
        e.employerId,
        await fileVersion(e.employerId),
        { provinceCode: "MI", siteLabel: "", count: 20, contract: "indeterminato" },
        today,
      ),
    );
    const g = await getDb()
      .selectFrom("l68_workforce_groups")
      .select("id")
      .where("employer_id", "=", e.employerId)
      .executeTakeFirstOrThrow();
    await withTransaction(async (trx) => removeWorkforceGroup(trx, actor, e.employerId, await fileVersion(e.employerId), g.id, today));
    const obligations = await getDb()
      .selectFrom("l68_obligations")
      .select(["status", "resolution"])
      .where("employer_id", "=", e.employerId)
      .execute();
    expect(obligations).toEqual([{ status: "lapsed", resolution: "lapsed" }]);
  });
});
