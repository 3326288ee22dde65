import { describe, expect, it } from "vitest";
import type { L68RecordKind, L68RecordStatus } from "~/db/tables/l68";
import { exemptionContribution, selfCertificationContribution, selfCertifiedPositions } from "~/domain/l68/calculator/contribution";
import { addMonths } from "~/domain/l68/calculator/dates";
import { computeQuota } from "~/domain/l68/calculator/quota";
import { RECORD_FORM_SCHEMAS, RECORD_KINDS, RecordEventSchema } from "~/domain/l68/records/record-schema";
import { parseQuotaInput } from "~/domain/l68/calculator/schema";
import { availableEvents, isInForce, nextRecordStatus, RECORD_TRANSITIONS } from "~/domain/l68/records/states";
import { easterSunday, splitByYear, workingDays } from "~/domain/l68/calculator/working-days";

const STATUSES: L68RecordStatus[] = ["submitted", "approved", "rejected", "withdrawn", "closed"];

describe("record state tables (states.ts)", () => {
  it("every kind but the self-certification waits for the office, which approves, rejects or closes", () => {
    for (const kind of RECORD_KINDS.filter((k) => k !== "autocertificazione_60")) {
      expect(nextRecordStatus(kind, "submitted", "approve")).toBe("approved");
      expect(nextRecordStatus(kind, "submitted", "reject")).toBe("rejected");
      expect(nextRecordStatus(kind, "submitted", "withdraw")).toBe("withdrawn");
      expect(nextRecordStatus(kind, "submitted", "close")).toBeNull();
      expect(nextRecordStatus(kind, "approved", "close")).toBe("closed");
      expect(nextRecordStatus(kind, "approved", "withdraw")).toBeNull();
      expect(nextRecordStatus(kind, "approved", "reject")).toBeNull();
    }
  });

  it("the 60 per mille self-certification is in force when filed: never approved, only contested, withdrawn or closed", () => {
    expect(nextRecordStatus("autocertificazione_60", "submitted", "approve")).toBeNull();
    expect(nextRecordStatus("autocertificazione_60", "submitted", "reject")).toBe("rejected");
    expect(nextRecordStatus("autocertificazione_60", "submitted", "close")).toBe("closed");
    expect(isInForce("autocertificazione_60", "submitted")).toBe(true);
    expect(isInForce("esonero", "submitted")).toBe(false);
    expect(isInForce("esonero", "approved")).toBe(true);
  });

  it("rejected, withdrawn and closed are final for every kind", () => {
    for (const kind of RECORD_KINDS)
      for (const s of ["rejected", "withdrawn", "closed"] as const) expect(RECORD_TRANSITIONS[kind][s] ?? {}).toEqual({});
  });

  it("the employer only withdraws; the office never withdraws", () => {
    for (const kind of RECORD_KINDS as readonly L68RecordKind[]) {
      for (const status of STATUSES) {
        expect(availableEvents(kind, status, "employer").every((e) => e === "withdraw")).toBe(true);
        expect(availableEvents(kind, status, "officer")).not.toContain("withdraw");
      }
    }
    expect(availableEvents("esonero", "submitted", "officer")).toEqual(["approve", "reject"]);
    expect(availableEvents("esonero", "approved", "employer")).toEqual([]);
  });
});

describe("working days (docs/legal/l68.md#s1-7)", () => {
  it("Easter and Easter Monday", () => {
    expect(easterSunday(2026)).toBe("2026-04-05");
    expect(easterSunday(2025)).toBe("2025-04-20");
    expect(easterSunday(2024)).toBe("2024-03-31");
  });

  it("2026: 254 working days on a 5-day week, 303 on a 6-day week", () => {
    // 261 weekdays minus 1/1, 6/1, Easter Monday, 1/5, 2/6, 8/12, 25/12 (25/4, 15/8, 26/12 on Saturday, 1/11 on Sunday).
    expect(workingDays("2026-01-01", "2026-12-31", 5)).toBe(254);
    expect(workingDays("2026-01-01", "2026-12-31", 6)).toBe(303);
    expect(workingDays("2026-04-06", "2026-04-06", 5)).toBe(0);
    expect(workingDays("2026-04-07", "2026-04-07", 5, ["2026-04-07"])).toBe(0);
    expect(workingDays("2026-03-02", "2026-03-08", 5)).toBe(5);
  });

  it("periods are cut at 31 December; six months later is clamped to the month's end", () => {
    expect(splitByYear("2025-07-01", "2026-06-30")).toEqual([
      { year: 2025, from: "2025-07-01", to: "2025-12-31" },
      { year: 2026, from: "2026-01-01", to: "2026-06-30" },
    ]);
    expect(addMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonths("2026-03-15", 6)).toBe("2026-09-15");
  });
});

const input = (fullTime: number) => {
  const parsed = parseQuotaInput({
    date: "2026-03-01",
    employer: { type: "private" },
    workforce: [{ count: fullTime, contract: "indeterminato" }],
  });
  if (!parsed.ok) throw new Error("invalid");
  return parsed.data;
};

describe("contribution due (art. 5 c. 3 and 3-bis) with the calculator", () => {
  it("688 workers, 60 %, 2026: 29 units × 39.21 × 254 days, the same as computeQuota", () => {
    const c = exemptionContribution(input(688), 60, "2026-01-01", "2026-12-31", 5);
    const direct = computeQuota({ ...input(688), date: "2026-01-01", exemption: { percent: 60, workingDays: 254 } }).exemption!;
    expect(c.periods).toHaveLength(1);
    expect(c.periods[0]).toMatchObject({ workingDays: 254, maxUnits: 29, exemptedUnits: 29, dailyAmount: "39.21" });
    expect(c.totalAmount).toBe(direct.totalAmount);
    expect(c.totalAmount).toBe("288820.86");
  });

  it("sums the calendar years, each with its amount in force (30.64 in 2021, 39.21 from 2022)", () => {
    // Quota 7; 50 % of 7 = 3.50 → 3 (only > 0.50 rounds up).
    const c = exemptionContribution(input(100), 50, "2021-12-01", "2022-01-31", 5);
    expect(c.periods.map((p) => [p.year, p.dailyAmount, p.exemptedUnits])).toEqual([
      [2021, "30.64", 3],
      [2022, "39.21", 3],
    ]);
    const cents = c.periods.reduce((n, p) => n + Math.round(Number(p.totalAmount) * 100), 0);
    expect(Math.round(Number(c.totalAmount) * 100)).toBe(cents);
  });

  it("no exemption with a quota of 1 (regional rule, docs/legal/l68.md#s3-9)", () => {
    expect(exemptionContribution(input(20), 60, "2026-01-01", "2026-01-31", 5).periods[0].maxUnits).toBe(0);
  });

  it("60 per mille: R(7 % × workers) positions, never above the quota", () => {
    expect(selfCertifiedPositions(10, 5)).toBe(1); // 0.70 → 1
    expect(selfCertifiedPositions(7, 5)).toBe(0); // 0.49 → 0
    expect(selfCertifiedPositions(100, 5)).toBe(5); // 7 capped at 5
    const c = selfCertificationContribution(2, "2026-01-01", "2026-12-31", 5);
    expect(c.totalAmount).toBe("19918.68"); // 2 × 39.21 × 254
  });
});

describe("record forms (record-schema.ts)", () => {
  const base = { provinceCode: "mi", startsOn: "2026-01-01", endsOn: "2026-12-31", notes: "" };

  it("exemption: at most 60 %, an end date, the reason", () => {
    const ok = RECORD_FORM_SCHEMAS.esonero.safeParse({ ...base, percent: "50,5", weekDays: "5", reason: "Lavorazioni in altoforno" });
    expect(ok.success && ok.data).toMatchObject({ kind: "esonero", provinceCode: "MI", details: { percent: 50.5, weekDays: 5 } });
    const bad = RECORD_FORM_SCHEMAS.esonero.safeParse({ ...base, endsOn: "2025-12-31", percent: "61", weekDays: "5", reason: "x" });
    const fields = bad.success ? [] : bad.error.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["percent", "reason", "endsOn"]));
  });

  it("suspension: CIGS needs the share, a collective dismissal does not", () => {
    expect(RECORD_FORM_SCHEMAS.sospensione.safeParse({ ...base, suspensionType: "cigs" }).success).toBe(false);
    expect(RECORD_FORM_SCHEMAS.sospensione.safeParse({ ...base, suspensionType: "cigs", suspendedPercent: "101" }).success).toBe(false);
    expect(RECORD_FORM_SCHEMAS.sospensione.safeParse({ ...base, endsOn: "", suspensionType: "licenziamento_collettivo" }).success).toBe(
      true,
    );
  });

  it("art. 11: at least one hire, dates inside the convention, sorted", () => {
    const r = RECORD_FORM_SCHEMAS.convenzione_art11.safeParse({
      ...base,
      scheduleDate1: "2026-09-01",
      scheduleUnits1: "2",
      scheduleDate2: "2026-03-01",
      scheduleUnits2: "1",
    });
    expect(r.success && r.data.details).toEqual({
      schedule: [
        { date: "2026-03-01", units: 1 },
        { date: "2026-09-01", units: 2 },
      ],
    });
    expect(RECORD_FORM_SCHEMAS.convenzione_art11.safeParse(base).success).toBe(false);
    const out = RECORD_FORM_SCHEMAS.convenzione_art11.safeParse({ ...base, scheduleDate1: "2027-02-01", scheduleUnits1: "1" });
    expect(out.success ? null : out.error.issues[0].path).toEqual(["scheduleDate1"]);
  });

  it("a rejection needs its reason; the granted percentage stays within 60", () => {
    expect(RecordEventSchema.safeParse({ event: "reject", version: "1", note: "" }).success).toBe(false);
    expect(RecordEventSchema.safeParse({ event: "reject", version: "1", note: "Documentazione incompleta" }).success).toBe(true);
    expect(RecordEventSchema.safeParse({ event: "approve", version: "1", grantedPercent: "70" }).success).toBe(false);
  });
});
