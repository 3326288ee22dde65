import { describe, expect, it } from "vitest";
import { dueFollowups, followupCheckpoints } from "~/domain/outplacement/followups";
import {
  jobQuality,
  nextOutcomeState,
  OUTCOME_STATES,
  OUTCOME_TRANSITIONS,
  outcomeTypeForHire,
  referenceDate,
} from "~/domain/outplacement/outcomes";

describe("outcome state table", () => {
  it("allows only DECLARED → VERIFIED | REJECTED | ENDED and VERIFIED → ENDED", () => {
    expect(nextOutcomeState("DECLARED", "verify")).toBe("VERIFIED");
    expect(nextOutcomeState("DECLARED", "reject")).toBe("REJECTED");
    expect(nextOutcomeState("VERIFIED", "end")).toBe("ENDED");
    expect(nextOutcomeState("VERIFIED", "reject")).toBeNull();
    expect(nextOutcomeState("VERIFIED", "verify")).toBeNull();
    expect(nextOutcomeState("REJECTED", "verify")).toBeNull();
    expect(nextOutcomeState("ENDED", "end")).toBeNull();
  });

  it("has a row for every state and no move out of the final ones", () => {
    expect(Object.keys(OUTCOME_TRANSITIONS).sort()).toEqual([...OUTCOME_STATES].sort());
    expect(OUTCOME_TRANSITIONS.REJECTED).toEqual({});
    expect(OUTCOME_TRANSITIONS.ENDED).toEqual({});
  });
});

describe("t0 (reference date)", () => {
  const base = { dismissalOn: "2026-03-31", cigsFrom: "2026-02-01", agreementOn: "2026-01-15" };
  it("is the termination date for the dismissed", () => {
    expect(referenceDate({ ...base, situation: "DISMISSED" })).toBe("2026-03-31");
  });
  it("is the later of the agreement and the CIGS start for CIGS", () => {
    expect(referenceDate({ ...base, situation: "CIGS_ZERO_HOURS" })).toBe("2026-02-01");
    expect(referenceDate({ ...base, situation: "CIGS_PARTIAL", cigsFrom: "2025-12-01" })).toBe("2026-01-15");
    expect(referenceDate({ ...base, situation: "CIGS_PARTIAL", cigsFrom: null })).toBe("2026-01-15");
  });
  it("is the agreement date in the notice period", () => {
    expect(referenceDate({ ...base, situation: "NOTICE_PERIOD" })).toBe("2026-01-15");
  });
  it("lets an explicit t0 win and is null when the dates are missing", () => {
    expect(referenceDate({ ...base, situation: "DISMISSED", t0On: "2026-05-02" })).toBe("2026-05-02");
    expect(referenceDate({ situation: "DISMISSED", dismissalOn: null, cigsFrom: null, agreementOn: null })).toBeNull();
  });
});

describe("the outcome a hire through a rosa closes with", () => {
  const h = { startOn: "2026-06-01", sameEmployer: false };
  it("maps the CO tipologia and the duration", () => {
    expect(outcomeTypeForHire({ ...h, contractType: "A.01.00", endOn: null })).toBe("EMPLOYED_OPEN_ENDED");
    expect(outcomeTypeForHire({ ...h, contractType: "A.03.00", endOn: null })).toBe("EMPLOYED_OPEN_ENDED");
    expect(outcomeTypeForHire({ ...h, contractType: "A.02.00", endOn: "2026-12-01" })).toBe("EMPLOYED_FIXED_GE6M");
    expect(outcomeTypeForHire({ ...h, contractType: "A.02.00", endOn: "2026-11-30" })).toBe("EMPLOYED_FIXED_LT6M");
    expect(outcomeTypeForHire({ ...h, contractType: "A.02.00", endOn: null })).toBe("EMPLOYED_FIXED_LT6M");
    expect(outcomeTypeForHire({ ...h, contractType: null, engagement: "agency", endOn: "2026-08-31" })).toBe("EMPLOYED_FIXED_LT6M");
    expect(outcomeTypeForHire({ ...h, contractType: "A.01.00", engagement: "agency", endOn: null })).toBe("EMPLOYED_OPEN_ENDED");
    expect(outcomeTypeForHire({ ...h, contractType: null, engagement: "self_employed", endOn: null })).toBe("SELF_EMPLOYED");
  });
  it("leaves traineeships and collaborations open", () => {
    expect(outcomeTypeForHire({ ...h, contractType: "C.01.00", endOn: "2026-12-01" })).toBeNull();
    expect(outcomeTypeForHire({ ...h, contractType: "B.03.00", endOn: null })).toBeNull();
  });
  it("says re-hired when the hiring employer is the dismissing one", () => {
    expect(outcomeTypeForHire({ ...h, sameEmployer: true, contractType: "A.01.00", endOn: null })).toBe("REHIRED_SAME_EMPLOYER");
    expect(jobQuality({ type: "REHIRED_SAME_EMPLOYER", startOn: "2026-06-01", endOn: "2026-09-01" })).toBe("fixed_lt6m");
  });
});

describe("follow-ups at 3/6/12 months", () => {
  it("computes the checkpoints from t0 and their status", () => {
    const c = followupCheckpoints("2026-01-31", { 3: "2026-05-02" }, "2026-07-20");
    expect(c.map((x) => [x.months, x.dueOn, x.status])).toEqual([
      [3, "2026-04-30", "done"],
      [6, "2026-07-31", "due"],
      [12, "2027-01-31", "future"],
    ]);
    expect(followupCheckpoints(null, {}, "2026-07-20")).toEqual([]);
  });
  it("lists what is overdue or due soon, oldest first", () => {
    const due = dueFollowups(
      [
        { id: "a", t0: "2026-01-01", done: {} },
        { id: "b", t0: "2026-03-01", done: { 3: "2026-06-02" } },
      ],
      "2026-07-01",
    );
    expect(due.map((d) => [d.member.id, d.months, d.status])).toEqual([
      ["a", 3, "overdue"],
      ["a", 6, "due"],
    ]);
  });
});
