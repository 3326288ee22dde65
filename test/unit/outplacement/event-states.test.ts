import { describe, expect, it } from "vitest";
import { EVENT_STATES, EVENT_TRANSITIONS, EVENT_TYPES, availableEventMoves, nextEventState } from "~/domain/outplacement";

describe("redundancy event state table", () => {
  it("follows the collective dismissal through the union and administrative phases", () => {
    expect(nextEventState("draft", "announce", "collective_dismissal_l223")).toBe("announced");
    expect(nextEventState("announced", "open_union_phase", "collective_dismissal_l223")).toBe("union_phase");
    expect(nextEventState("union_phase", "sign_agreement", "collective_dismissal_l223")).toBe("agreement_signed");
    expect(nextEventState("union_phase", "open_admin_phase", "collective_dismissal_l223")).toBe("admin_phase");
    expect(nextEventState("admin_phase", "close_no_agreement", "collective_dismissal_l223")).toBe("closed_no_agreement");
    expect(nextEventState("closed_no_agreement", "activate_cohort", "collective_dismissal_l223")).toBe("cohort_active");
    expect(nextEventState("cohort_active", "start_monitoring", "collective_dismissal_l223")).toBe("monitoring");
    expect(nextEventState("monitoring", "close", "collective_dismissal_l223")).toBe("closed");
  });
  it("opens the union phase only for L. 223 and the plan exam only for L. 234", () => {
    expect(nextEventState("announced", "open_union_phase", "site_closure_l234")).toBeNull();
    expect(nextEventState("announced", "receive_plan", "site_closure_l234")).toBe("plan_exam");
    expect(nextEventState("announced", "receive_plan", "collective_dismissal_l223")).toBeNull();
    expect(nextEventState("plan_exam", "close_no_agreement", "site_closure_l234")).toBe("closed_no_agreement");
  });
  it("lets CIGS agreements follow the announcement directly", () => {
    for (const t of ["cigs_transition_22ter", "cigs_relocation_24bis", "cigs_other", "multi_employer_gol_p5"] as const)
      expect(nextEventState("announced", "sign_agreement", t)).toBe("agreement_signed");
    expect(nextEventState("announced", "sign_agreement", "collective_dismissal_l223")).toBeNull();
  });
  it("cancels only before the cohort is taken in charge", () => {
    for (const s of EVENT_STATES) {
      const canCancel = !!EVENT_TRANSITIONS[s].cancel;
      expect(canCancel, s).toBe(
        ["draft", "announced", "union_phase", "admin_phase", "plan_exam", "agreement_signed", "closed_no_agreement"].includes(s),
      );
    }
  });
  it("offers no move from the final states, and only moves that lead somewhere for every type", () => {
    for (const t of EVENT_TYPES) {
      expect(availableEventMoves("closed", t)).toEqual([]);
      expect(availableEventMoves("cancelled", t)).toEqual([]);
      for (const s of EVENT_STATES) for (const m of availableEventMoves(s, t)) expect(nextEventState(s, m, t)).not.toBeNull();
    }
  });
});
