import { describe, expect, it } from "vitest";
import { nextActionState, registerCode, suggestedActivation } from "~/domain/outplacement/actions-states";
import { cohortRangeCounts, formatHours, hoursSummary, parseHours, rangeStatus, type HoursAction } from "~/domain/outplacement/hours";
import { availablePlanEvents, nextPlanState, PLAN_COUNTING, PLAN_STATES, PLAN_TRANSITIONS } from "~/domain/outplacement/plans-states";

const RANGES = {
  "4E-IND": { min_minutes: 900, max_minutes: 1200 },
  "4E-GRUPPO": { min_minutes: 1500, max_minutes: 1800 },
  "2Ca": { min_minutes: 600, max_minutes: 900 },
};

const present = (hours: number) => ({ minutes: hours * 60, attendance: "present" as const });

describe("reinsertion plan states", () => {
  it("a draft is signed by an officer or the provider operator, never by Rosa", () => {
    expect(nextPlanState("draft", "sign", "officer")).toBe("signed");
    expect(nextPlanState("draft", "sign", "provider")).toBe("signed");
    expect(nextPlanState("draft", "sign", "system")).toBeNull();
  });
  it("the first attended session starts the plan; a signed revision supersedes the older version", () => {
    expect(nextPlanState("signed", "start", "system")).toBe("in_progress");
    expect(nextPlanState("signed", "supersede", "system")).toBe("superseded");
    expect(nextPlanState("in_progress", "supersede", "system")).toBe("superseded");
    expect(nextPlanState("draft", "supersede", "system")).toBeNull();
  });
  it("only an officer closes; superseded and closed are final", () => {
    expect(nextPlanState("in_progress", "close", "provider")).toBeNull();
    expect(nextPlanState("in_progress", "close", "officer")).toBe("closed");
    expect(Object.keys(PLAN_TRANSITIONS.superseded)).toEqual([]);
    expect(Object.keys(PLAN_TRANSITIONS.closed)).toEqual([]);
  });
  it("only signed and in-progress versions count", () => {
    expect(PLAN_STATES.filter((s) => PLAN_COUNTING.includes(s))).toEqual(["signed", "in_progress"]);
    expect(availablePlanEvents("draft", "provider")).toEqual(["sign"]);
  });
});

describe("plan actions", () => {
  it("follow the table", () => {
    expect(nextActionState("planned", "start")).toBe("in_progress");
    expect(nextActionState("scheduled", "start")).toBe("in_progress");
    expect(nextActionState("in_progress", "complete")).toBe("completed");
    expect(nextActionState("completed", "start")).toBeNull();
    expect(nextActionState("planned", "complete")).toBeNull();
  });
  it("map to the register's codes; training is not a register service", () => {
    expect(registerCode("4E", "individual")).toBe("4E-IND");
    expect(registerCode("4E", "group")).toBe("4E-GRUPPO");
    expect(registerCode("2Ca", "individual")).toBe("2Ca");
    expect(registerCode("2D", "group")).toBe("2D-GRUPPO");
    expect(registerCode("FORM", "group")).toBeNull();
  });
  it("the goal routes to coaching or to self-employment consultancy", () => {
    expect(suggestedActivation("employee")).toBe("2Ca");
    expect(suggestedActivation("self_employed")).toBe("2D");
  });
});

describe("hours against the standard", () => {
  it("places minutes below, within and above a range, bounds included", () => {
    expect(rangeStatus(899, RANGES["4E-IND"])).toBe("below");
    expect(rangeStatus(900, RANGES["4E-IND"])).toBe("within");
    expect(rangeStatus(1200, RANGES["4E-IND"])).toBe("within");
    expect(rangeStatus(1201, RANGES["4E-IND"])).toBe("above");
    expect(rangeStatus(10, null)).toBe("none");
  });

  const actions: HoursAction[] = [
    {
      serviceCode: "4E",
      mode: "individual",
      plannedMinutes: 1080,
      current: true,
      sessions: [present(2), present(2), { minutes: 120, attendance: "absent_unjustified" }],
    },
    { serviceCode: "4E", mode: "group", plannedMinutes: 1500, current: true, sessions: [present(3)] },
    // An older, superseded version: its sessions were delivered, its plan no longer counts.
    { serviceCode: "4E", mode: "individual", plannedMinutes: 600, current: false, sessions: [present(12)] },
    { serviceCode: "2Ca", mode: "individual", plannedMinutes: 720, current: true, sessions: [present(2)] },
    {
      serviceCode: "FORM",
      mode: "group",
      plannedMinutes: 2400,
      current: true,
      courseTitle: "Saldatura",
      courseTotalMinutes: 2400,
      sessions: [present(30), { minutes: 600, attendance: "absent_unjustified" }],
    },
  ];

  it("sums planned minutes of the current version and delivered minutes of attended sessions", () => {
    const s = hoursSummary(actions, RANGES);
    expect(s.fourE.individual).toMatchObject({ plannedMinutes: 1080, deliveredMinutes: 960, status: "within" });
    expect(s.fourE.group).toMatchObject({ plannedMinutes: 1500, deliveredMinutes: 180, status: "below" });
    expect(s.fourEMinutes).toBe(1140);
    expect(s.activatedMinutes).toBe(1260);
  });
  it("keeps training out of the 4E totals and gives its attendance", () => {
    const s = hoursSummary(actions, RANGES);
    expect(s.lines.map((l) => l.code)).toEqual(["2Ca", "4E-GRUPPO", "4E-IND"]);
    expect(s.training).toEqual([
      {
        title: "Saldatura",
        totalMinutes: 2400,
        attendedMinutes: 1800,
        unjustifiedMinutes: 600,
        attendancePct: 75,
        unjustifiedPct: 25,
        band: 1,
      },
    ]);
  });
  it("counts a cohort's members per range status", () => {
    const a = hoursSummary(actions, RANGES);
    const b = hoursSummary(
      [{ serviceCode: "4E", mode: "individual", plannedMinutes: 900, current: true, sessions: [present(21)] }],
      RANGES,
    );
    expect(cohortRangeCounts([a, b])).toEqual({ individual: { below: 0, within: 1, above: 1 }, group: { below: 1, within: 0, above: 0 } });
  });
  it("reads and writes hours the Italian way", () => {
    expect(parseHours("1,5")).toBe(90);
    expect(parseHours("2")).toBe(120);
    expect(parseHours("due")).toBeNull();
    expect(formatHours(90)).toBe("1,5 h");
    expect(formatHours(1200)).toBe("20 h");
  });
});
