import { describe, expect, it } from "vitest";
import {
  computeMilestones,
  milestoneKind,
  milestoneStatus,
  nextWorkingDayFrom,
  phaseDays,
  reminderDue,
  type MilestoneInput,
} from "~/domain/outplacement/milestones";

const base: MilestoneInput = {
  type: "collective_dismissal_l223",
  surplusAnnounced: 40,
  surplusFinal: null,
  communicationOn: null,
  unionRequestOn: null,
  unionPhaseEndOn: null,
  planReceivedOn: null,
  firstDismissalOn: null,
  procedureEndOn: null,
  agreementOn: null,
  cigsFrom: null,
  cigsTo: null,
};
const TODAY = "2026-12-06";
const find = (e: Partial<MilestoneInput>, rule: string, item?: string) =>
  computeMilestones({ ...base, ...e }, TODAY).find((m) => m.ruleId === rule && (item === undefined || m.item === item));

describe("L223-UNION", () => {
  it("asks the unions' request within 7 days and ends the union phase 45 days after the communication", () => {
    expect(find({ communicationOn: "2026-11-16" }, "L223-UNION", "union_request")?.dueOn).toBe("2026-11-23");
    expect(find({ communicationOn: "2026-11-16" }, "L223-UNION", "union_end")?.dueOn).toBe("2026-12-31");
  });
  it("halves the 45 days (rounded up to 23) under 10 workers, the final surplus prevailing over the announced one", () => {
    expect(phaseDays(45, 9)).toBe(23);
    expect(phaseDays(45, 10)).toBe(45);
    expect(find({ communicationOn: "2026-11-16", surplusAnnounced: 9 }, "L223-UNION", "union_end")?.dueOn).toBe("2026-12-09");
    expect(find({ communicationOn: "2026-11-16", surplusAnnounced: 9, surplusFinal: 12 }, "L223-UNION", "union_end")?.dueOn).toBe(
      "2026-12-31",
    );
  });
  it("is done by the union request date and by the agreement", () => {
    const e = { communicationOn: "2026-11-16", unionRequestOn: "2026-11-20", agreementOn: "2026-12-10" };
    expect(find(e, "L223-UNION", "union_request")?.status).toBe("done");
    expect(find(e, "L223-UNION", "union_end")?.doneOn).toBe("2026-12-10");
  });
  it("does not apply without the communication, nor to other types", () => {
    expect(find({}, "L223-UNION")).toBeUndefined();
    expect(find({ type: "site_closure_l234", communicationOn: "2026-11-16" }, "L223-UNION")).toBeUndefined();
  });
});

describe("L223-ADMIN", () => {
  it("runs 30 days from the end of a union phase without agreement", () => {
    expect(find({ communicationOn: "2026-10-01", unionPhaseEndOn: "2026-11-15" }, "L223-ADMIN")?.dueOn).toBe("2026-12-15");
  });
  it("is halved to 15 days under 10 workers", () => {
    expect(find({ communicationOn: "2026-10-01", unionPhaseEndOn: "2026-10-24", surplusAnnounced: 6 }, "L223-ADMIN")?.dueOn).toBe(
      "2026-11-08",
    );
  });
  it("does not open when the agreement came in the union phase", () => {
    expect(find({ communicationOn: "2026-10-01", unionPhaseEndOn: "2026-11-15", agreementOn: "2026-11-10" }, "L223-ADMIN")).toBeUndefined();
    expect(find({ communicationOn: "2026-10-01", agreementOn: "2026-11-10" }, "L223-ADMIN")).toBeUndefined();
  });
  it("is done by an agreement in the administrative seat", () => {
    expect(find({ communicationOn: "2026-10-01", unionPhaseEndOn: "2026-11-15", agreementOn: "2026-12-01" }, "L223-ADMIN")?.status).toBe(
      "done",
    );
  });
});

describe("L223-LIST", () => {
  it("is due 7 days after the first dismissal (peremptory: the employer's)", () => {
    const m = find({ firstDismissalOn: "2026-12-01" }, "L223-LIST");
    expect(m?.dueOn).toBe("2026-12-08");
    expect(m?.status).toBe("due_soon");
    expect(find({ firstDismissalOn: "2026-11-20" }, "L223-LIST")?.status).toBe("overdue");
  });
});

describe("L223-WINDOW", () => {
  it("opens 120 days for the dismissals from the end of the procedure (recorded, else the agreement)", () => {
    expect(find({ procedureEndOn: "2026-11-30" }, "L223-WINDOW")?.dueOn).toBe("2027-03-30");
    expect(find({ agreementOn: "2026-12-01" }, "L223-WINDOW")?.dueOn).toBe("2027-03-31");
  });
  it("after an administrative phase without agreement, runs from its legal end", () => {
    // Union phase ended 15 Nov, administrative 30 days → 15 Dec, window to 14 Apr 2027.
    expect(find({ communicationOn: "2026-10-01", unionPhaseEndOn: "2026-11-15" }, "L223-WINDOW")?.dueOn).toBe("2027-04-14");
  });
  it("is a window, not a deadline", () => {
    expect(find({ procedureEndOn: "2026-11-30" }, "L223-WINDOW")?.status).toBe("running");
    expect(milestoneKind("L223-WINDOW", "window")).toBe("window");
  });
});

describe("L223-PRECEDENCE", () => {
  it("gives 6 months of re-hiring precedence per dismissal date, clamped to the month's end", () => {
    const all = computeMilestones({ ...base, firstDismissalOn: "2026-08-31", dismissalDates: ["2026-09-15", "2026-08-31"] }, TODAY).filter(
      (m) => m.ruleId === "L223-PRECEDENCE",
    );
    expect(all.map((m) => [m.item, m.dueOn])).toEqual([
      ["2026-08-31", "2027-02-28"],
      ["2026-09-15", "2027-03-15"],
    ]);
  });
});

describe("L68-SUSP", () => {
  it("suspends the quota from the communication to the end of the procedure + 6 months with at least 5 dismissals", () => {
    const m = find({ communicationOn: "2026-10-01", agreementOn: "2026-11-10", surplusFinal: 40 }, "L68-SUSP");
    expect([m?.startsOn, m?.dueOn]).toEqual(["2026-10-01", "2027-05-10"]);
  });
  it("only for the procedure with fewer than 5 dismissals", () => {
    const m = find({ communicationOn: "2026-10-01", agreementOn: "2026-11-10", surplusAnnounced: 4, surplusFinal: 3 }, "L68-SUSP");
    expect(m?.dueOn).toBe("2026-11-10");
  });
  it("covers the CIGS period for CIGS events", () => {
    const m = find({ type: "cigs_transition_22ter", cigsFrom: "2026-01-01", cigsTo: "2026-12-31" }, "L68-SUSP");
    expect([m?.startsOn, m?.dueOn]).toEqual(["2026-01-01", "2026-12-31"]);
  });
  it("waits for the procedure's end", () => {
    expect(find({ communicationOn: "2026-11-16" }, "L68-SUSP")).toBeUndefined();
  });
});

describe("L234-PLAN", () => {
  const closure = { type: "site_closure_l234" as const, communicationOn: "2026-10-01" };
  it("asks the plan within 60 days of the notice and forbids dismissals for 180 days", () => {
    expect(find(closure, "L234-PLAN", "plan")?.dueOn).toBe("2026-11-30");
    const notice = find(closure, "L234-PLAN", "notice_180");
    expect([notice?.kind, notice?.dueOn, notice?.status]).toEqual(["not_before", "2027-03-30", "running"]);
  });
  it("examines the plan for 120 days from its receipt", () => {
    const e = { ...closure, planReceivedOn: "2026-11-20" };
    expect(find(e, "L234-PLAN", "plan")?.status).toBe("done");
    expect(find(e, "L234-PLAN", "exam_end")?.dueOn).toBe("2027-03-20");
  });
});

describe("ADR-24BIS", () => {
  it("gives the workers 30 days from the 24-bis agreement, moved to the next working day", () => {
    expect(find({ type: "cigs_relocation_24bis", agreementOn: "2026-11-10" }, "ADR-24BIS")?.dueOn).toBe("2026-12-10");
    // 30 days from 26 Nov 2026 = 26 Dec (holiday, Saturday) → 27 Dec is Sunday → 28 Dec.
    expect(find({ type: "cigs_relocation_24bis", agreementOn: "2026-11-26" }, "ADR-24BIS")?.dueOn).toBe("2026-12-28");
    expect(find({ type: "cigs_transition_22ter", agreementOn: "2026-11-10" }, "ADR-24BIS")).toBeUndefined();
  });
  it("knows Easter Monday", () => {
    expect(nextWorkingDayFrom("2027-03-29")).toBe("2027-03-30");
  });
});

describe("status and reminders", () => {
  it("classifies a deadline", () => {
    const m = { kind: "due" as const, startsOn: null, doneOn: null };
    expect(milestoneStatus({ ...m, dueOn: "2026-12-05" }, TODAY)).toBe("overdue");
    expect(milestoneStatus({ ...m, dueOn: "2026-12-13" }, TODAY)).toBe("due_soon");
    expect(milestoneStatus({ ...m, dueOn: "2026-12-14" }, TODAY)).toBe("upcoming");
  });
  it("reminds 7 days and 1 day before, never after nor when done", () => {
    expect(reminderDue({ kind: "due", dueOn: "2026-12-13", doneOn: null }, TODAY)).toBe(7);
    expect(reminderDue({ kind: "due", dueOn: "2026-12-07", doneOn: null }, TODAY)).toBe(1);
    expect(reminderDue({ kind: "due", dueOn: "2026-12-05", doneOn: null }, TODAY)).toBeNull();
    expect(reminderDue({ kind: "due", dueOn: "2026-12-07", doneOn: "2026-12-06" }, TODAY)).toBeNull();
    expect(reminderDue({ kind: "window", dueOn: "2026-12-07", doneOn: null }, TODAY)).toBe(1);
  });
});

describe("terms that fall on a holiday", () => {
  it("use the national calendar of the L. 68 count: San Francesco (4 October) from 2026, Easter Monday, Sundays", () => {
    expect(nextWorkingDayFrom("2027-10-04")).toBe("2027-10-05");
    expect(nextWorkingDayFrom("2025-10-04")).toBe("2025-10-04");
    expect(nextWorkingDayFrom("2026-04-06")).toBe("2026-04-07");
    expect(nextWorkingDayFrom("2026-12-06")).toBe("2026-12-07");
  });
});
