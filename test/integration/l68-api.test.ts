import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import * as api from "~/routes/api.v1.l68.quota";
import { cookieFor, createUserWithRole } from "../support/factories";
import { createL68Employer, createPlacementOfficer, jsonRequest } from "../support/factories-l68";

const PATH = "/api/v1/l68/quota";
const VALID = { date: "2026-03-01", employer: { type: "private" }, workforce: [{ count: 20, contract: "indeterminato" }] };

async function post(body: unknown, cookie?: string, query = "") {
  const response = (await api.action({ request: jsonRequest(PATH + query, body, cookie), params: {}, context: {} })) as Response;
  return { status: response.status, type: response.headers.get("Content-Type"), body: await response.json() };
}

describe("POST /api/v1/l68/quota (contract)", () => {
  let employer: Awaited<ReturnType<typeof createL68Employer>>;
  let officer: Awaited<ReturnType<typeof createPlacementOfficer>>;
  beforeAll(async () => {
    employer = await createL68Employer();
    officer = await createPlacementOfficer("MI");
  });

  it("public without employerId (docs/decisions/open-api.md); employerId needs a session with l68 permissions", async () => {
    const anonymous = await post(VALID);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toMatchObject({ baseComputo: 20, quotaDisabili: 1 });
    const tied = await post(VALID, undefined, `?employerId=${employer.employerId}`);
    expect(tied.status).toBe(401);
    expect(tied.type).toContain("application/json");
    expect(tied.body.errors[0]).toEqual({ field: "employerId", message: expect.stringContaining("autenticazione") });
    for (const role of ["admin", "preselection_officer", "candidate"] as const) {
      const cookie = await cookieFor((await createUserWithRole(role)).id);
      expect((await post(VALID, cookie)).status, role).toBe(200);
      const r = await post(VALID, cookie, `?employerId=${employer.employerId}`);
      expect(r.status, role).toBe(403);
      expect(r.body.errors).toHaveLength(1);
    }
  });

  it("computes for an employer and for a placement officer", async () => {
    for (const cookie of [employer.cookie, officer.cookie]) {
      const r = await post(VALID, cookie);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ baseComputo: 20, band: "15-35", quotaDisabili: 1, coveredDisabili: 0, uncoveredDisabili: 1 });
      expect(r.body.explanation.length).toBeGreaterThan(2);
      expect(Object.keys(r.body).at(-1)).toBe("explanation");
    }
  });

  it("money as two-digit strings (exemption and sanction)", async () => {
    const r = await post(
      {
        ...VALID,
        workforce: [{ count: 700, contract: "indeterminato" }],
        exemption: { percent: 60, workingDays: 254 },
        sanction: { workingDays: 20 },
      },
      officer.cookie,
    );
    expect(r.status).toBe(200);
    expect(r.body.quotaDisabili).toBe(49);
    expect(r.body.exemption.dailyAmount).toBe("39.21");
    expect(r.body.sanction.dailyPerWorker).toBe("196.05");
  });

  it("accepts the exemption cap, the art. 4 c. 3-bis routes and the legacy art. 18 flag", async () => {
    const r = await post(
      {
        ...VALID,
        workforce: [
          { count: 196, contract: "indeterminato" },
          { count: 10, contract: "indeterminato", protected: "art18", art18InForceAt2000: true },
          { count: 1, contract: "indeterminato", protected: "disabile_art4", invalidityCategory: 1 },
          { count: 1, contract: "indeterminato", protected: "disabile_art4", disabilityPercent: 45.5, psychicDisability: true },
        ],
        exemption: { percent: 80, workingDays: 1, capPercent: 80 },
        suspension: { suspendedShare: 0.5 },
      },
      officer.cookie,
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // Base 204: quotas 14 and 2, half suspended → 7 and 1; 2 covered; offset min(1, 9, 10, 5) = 1 → 4 uncovered.
    expect(r.body).toMatchObject({
      quotaDisabiliBeforeSuspension: 14,
      quotaDisabili: 7,
      quotaArt18BeforeSuspension: 2,
      quotaArt18: 1,
      coveredDisabili: 2,
      legacyArt18Offset: 1,
      uncoveredDisabili: 4,
      exemption: { maxUnits: 6, exemptedUnits: 4 }, // 80 % of 7 = 5.6 → 6
    });
  });

  it("400 with Italian field errors for bad input", async () => {
    const cases: [unknown, string][] = [
      [{ ...VALID, workforce: [{ count: -1, contract: "indeterminato" }] }, "workforce.0.count"],
      [{ ...VALID, workforce: [{ count: 2, contract: "indeterminato", weeklyHours: 45, fullTimeHours: 40 }] }, "workforce.0.weeklyHours"],
      [{ ...VALID, workforce: [{ count: 2, contract: "determinato" }] }, "workforce.0.months"],
      [
        { ...VALID, workforce: [{ contract: "indeterminato", protected: "disabile_art4", disabilityPercent: 120 }] },
        "workforce.0.disabilityPercent",
      ],
      [{ ...VALID, date: "1998-12-31" }, "date"],
      [{ ...VALID, extra: true }, "extra"],
      [
        { ...VALID, workforce: [{ contract: "indeterminato", protected: "disabile_l68", invalidityCategory: 2 }] },
        "workforce.0.invalidityCategory",
      ],
      [{ ...VALID, workforce: [{ contract: "indeterminato", psychicDisability: true }] }, "workforce.0.psychicDisability"],
      [
        {
          ...VALID,
          workforce: [{ contract: "indeterminato", protected: "disabile_art4", art18InForceAt2000: true, disabilityPercent: 70 }],
        },
        "workforce.0.art18InForceAt2000",
      ],
      [{ ...VALID, exemption: { percent: 60, workingDays: 1, capPercent: 81 } }, "exemption.capPercent"],
      [{ ...VALID, legacyArt18Offset: true }, "legacyArt18Offset"],
      ["{not json", "documento"],
    ];
    for (const [body, field] of cases) {
      const r = await post(body, employer.cookie);
      expect(r.status, field).toBe(400);
      const error = r.body.errors.find((e: { field: string }) => e.field === field);
      expect(error, JSON.stringify(r.body)).toBeTruthy();
      expect(error.message).toMatch(/[a-zà-ù]/);
    }
  });

  it("employerId: an employer only its own (audited), an officer only its province", async () => {
    const other = await createL68Employer();
    expect((await post(VALID, employer.cookie, `?employerId=${other.employerId}`)).status).toBe(403);
    expect((await post(VALID, employer.cookie, `?employerId=${employer.employerId}`)).status).toBe(200);
    expect((await post(VALID, employer.cookie, "?employerId=nope")).status).toBe(400);
    const audit = await getDb()
      .selectFrom("audit_log")
      .select("action")
      .where("employer_id", "=", employer.employerId)
      .where("action", "=", "l68.quota_computed")
      .execute();
    expect(audit.length).toBe(1);
    expect((await post(VALID, officer.cookie, `?employerId=${other.employerId}`)).status).toBe(200);
    const turin = await createPlacementOfficer("TO");
    expect((await post(VALID, turin.cookie, `?employerId=${other.employerId}`)).status).toBe(403);
  });
});
