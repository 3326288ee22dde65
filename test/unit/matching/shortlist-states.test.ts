import { describe, expect, it } from "vitest";
import type { ShortlistCandidateState } from "~/db/tables/shortlists";
import { availableCandidateEvents, nextCandidateState, SHORTLIST_TRANSITIONS } from "~/domain/shortlists/states";

describe("shortlist candidate transition table", () => {
  it("follows the happy path proposed → contacting → available → presented → interview → hired", () => {
    let s: ShortlistCandidateState = "proposed";
    s = nextCandidateState(s, "start_contact", "officer")!;
    s = nextCandidateState(s, "candidate_confirm", "candidate")!;
    expect(s).toBe("available");
    s = nextCandidateState(s, "present", "officer")!;
    s = nextCandidateState(s, "schedule_interview", "employer")!;
    expect(nextCandidateState(s, "hire", "employer")).toBe("hired");
  });

  it("refuses presenting anybody who has not confirmed", () => {
    for (const s of ["proposed", "contacting", "not_available", "unreachable", "not_interested"] as const)
      expect(nextCandidateState(s, "present", "officer")).toBeNull();
  });

  it("treats no answer by the deadline as not available, and only the system fires it", () => {
    expect(nextCandidateState("contacting", "deadline_expired", "system")).toBe("not_available");
    expect(nextCandidateState("contacting", "deadline_expired", "officer")).toBeNull();
  });

  it("lets the employer decide only on presented people", () => {
    for (const s of ["proposed", "contacting", "available"] as const) {
      expect(availableCandidateEvents(s, "employer")).toEqual([]);
    }
    expect(availableCandidateEvents("presented", "employer").sort()).toEqual(["hire", "reject", "schedule_interview", "select"]);
  });

  it("has terminal states with no way out", () => {
    for (const s of ["hired", "not_selected", "withdrew"] as const) expect(Object.keys(SHORTLIST_TRANSITIONS[s])).toEqual([]);
  });

  it("lets only the candidate confirm or decline", () => {
    expect(nextCandidateState("contacting", "candidate_confirm", "officer")).toBeNull();
    expect(nextCandidateState("contacting", "candidate_decline", "candidate")).toBe("not_available");
  });
});
