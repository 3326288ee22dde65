import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { recordsCsv } from "~/domain/l68/records/records-csv";
import { listRecordsForExport } from "~/domain/l68/records/records-queries.server";
import { seedL68 } from "../../server/seed/l68";
import { seedPlatform } from "../../server/seed/platform";

/** Thrown to roll the demo data back: the test database is shared by the other files. */
class Rollback extends Error {}

describe("L. 68 demo seed", () => {
  it(
    "declares the workforces and files a referral request, an approved art. 11 convention and an exemption request with its contribution",
    { timeout: 60_000 },
    async () => {
      let checked = false;
      await getDb()
        .transaction()
        .execute(async (trx) => {
          const refs = await seedPlatform(trx);
          await seedL68(trx, refs);
          const latest = (employerId: string) =>
            trx
              .selectFrom("l68_snapshots")
              .selectAll()
              .where("employer_id", "=", employerId)
              .orderBy("id", "desc")
              .limit(1)
              .executeTakeFirstOrThrow();
          const records = (employerId: string) =>
            trx
              .selectFrom("l68_records")
              .leftJoin("l68_documents", "l68_documents.record_id", "l68_records.id")
              .select([
                "l68_records.kind",
                "l68_records.status",
                "l68_records.details",
                "l68_documents.file_name",
                "l68_documents.sha256",
                "l68_documents.content",
              ])
              .where("l68_records.employer_id", "=", employerId)
              .orderBy("l68_records.created_at")
              .execute();

          // The bakery: unchanged quota (the E2E tests start from it), its obligation met by the request.
          expect(await latest(refs.employers.bakery)).toMatchObject({
            base_computo: 19,
            quota_disabili: 1,
            uncovered_disabili: 1,
            missing_after_exemptions: 1,
          });
          const bakery = await records(refs.employers.bakery);
          expect(bakery.map((r) => [r.kind, r.status])).toEqual([["richiesta_nominativa", "submitted"]]);
          const obligation = await trx
            .selectFrom("l68_obligations")
            .select("status")
            .where("employer_id", "=", refs.employers.bakery)
            .executeTakeFirstOrThrow();
          expect(obligation.status).toBe("request_filed");

          // The logistics company: base 120, quota 8, 3 covered, 3 planned in the convention → 2 missing.
          expect(await latest(refs.employers.logistics)).toMatchObject({
            base_computo: 120,
            quota_disabili: 8,
            covered_disabili: 3,
            uncovered_disabili: 2,
            missing_after_exemptions: 2,
          });
          const logistics = await records(refs.employers.logistics);
          expect(logistics.map((r) => [r.kind, r.status])).toEqual([
            ["convenzione_art11", "approved"],
            ["esonero", "submitted"],
          ]);
          const schedule = (logistics[0].details as { schedule: { units: number }[] }).schedule;
          expect(schedule.map((s) => s.units)).toEqual([1, 1, 1]);
          const contribution = (
            logistics[1].details as { contribution: { periods: { exemptedUnits: number; dailyAmount: string }[]; totalAmount: string } }
          ).contribution;
          expect(contribution.periods.every((p) => p.exemptedUnits === 2)).toBe(true);
          expect(Number(contribution.totalAmount)).toBeGreaterThan(0);

          // Every record has its PDF, with the checksum of its bytes.
          for (const r of [...bakery, ...logistics]) {
            expect(Buffer.from(r.content!).subarray(0, 5).toString()).toBe("%PDF-");
            expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
          }
          // The demo officer (MI) follows the logistics company through its Milan hub, and exports its records.
          const csv = recordsCsv(await listRecordsForExport(trx, { province: "MI", employerId: refs.employers.logistics }));
          expect(csv).toContain("Convenzione art. 11");
          expect(csv).toContain("Esonero parziale (art. 5 c. 3)");
          checked = true;
          throw new Rollback();
        })
        .catch((e) => {
          if (!(e instanceof Rollback)) throw e;
        });
      expect(checked).toBe(true);
    },
  );
});
