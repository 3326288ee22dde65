import { describe, expect, it } from "vitest";
import {
  FINAL_INTERNSHIP_STATES,
  INTERNSHIP_EVENT_LABELS,
  INTERNSHIP_EVENTS,
  INTERNSHIP_STATE_LABELS,
  INTERNSHIP_STATES,
  INTERNSHIP_TRANSITIONS,
  availableInternshipEvents,
  nextInternshipState,
  type InternshipActorKind,
  type InternshipEvent,
  type InternshipState,
} from "~/domain/internships";

function walk(start: InternshipState, steps: [InternshipEvent, InternshipActorKind, InternshipState][]) {
  let s = start;
  for (const [event, by, expected] of steps) {
    const next = nextInternshipState(s, event, by);
    expect(next, `${s} --${event}/${by}-->`).toBe(expected);
    s = next!;
  }
  return s;
}

describe("internship transition table", () => {
  it("walks the whole path from the request to the attestazione with the right actors", () => {
    walk("requested", [
      ["start_scouting", "officer", "scouting"],
      ["choose_candidate", "employer", "candidate_chosen"],
      ["open_drafting", "officer", "drafting"],
      ["checks_failed", "system", "checks_failed"],
      ["checks_failed", "system", "checks_failed"],
      ["checks_passed", "system", "ready_to_sign"],
      ["sign", "officer", "partially_signed"],
      ["sign", "employer", "partially_signed"],
      ["sign", "candidate", "partially_signed"],
      ["signatures_complete", "system", "awaiting_co"],
      ["record_co", "employer", "awaiting_co"],
      ["start", "system", "active"],
      ["suspend", "officer", "suspended"],
      ["resume", "officer", "active"],
      ["extend", "officer", "active"],
      ["complete", "system", "completed"],
      ["issue_attestation", "officer", "attested"],
    ]);
  });

  it("goes through the regional authorisation only when the Region requires it", () => {
    expect(nextInternshipState("partially_signed", "signatures_complete", "system")).toBe("awaiting_co");
    expect(nextInternshipState("partially_signed", "signatures_complete", "system", { authorisationRequired: true })).toBe(
      "awaiting_authorisation",
    );
    expect(nextInternshipState("awaiting_authorisation", "authorise", "officer")).toBe("awaiting_co");
    expect(nextInternshipState("awaiting_authorisation", "authorise", "employer")).toBeNull();
    // The flag changes nothing for the other events.
    expect(nextInternshipState("ready_to_sign", "sign", "officer", { authorisationRequired: true })).toBe("partially_signed");
  });

  it("lets the employer or the officer name the trainee in the request, skipping the scouting", () => {
    expect(nextInternshipState("requested", "choose_candidate", "employer")).toBe("candidate_chosen");
    expect(nextInternshipState("requested", "choose_candidate", "officer")).toBe("candidate_chosen");
    expect(nextInternshipState("requested", "choose_candidate", "candidate")).toBeNull();
    expect(nextInternshipState("candidate_chosen", "start_scouting", "officer")).toBe("scouting");
  });

  it("sends an edited PFI back to drafting from ready_to_sign and partially_signed only", () => {
    expect(nextInternshipState("ready_to_sign", "edit", "employer")).toBe("drafting");
    expect(nextInternshipState("partially_signed", "edit", "officer")).toBe("drafting");
    expect(nextInternshipState("partially_signed", "edit", "candidate")).toBeNull();
    for (const s of ["awaiting_co", "active", "drafting"] as const) expect(nextInternshipState(s, "edit", "officer")).toBeNull();
  });

  it("ends early: interruption by any party while running, attestazione or closing after it", () => {
    for (const by of ["employer", "officer", "candidate"] as const) {
      expect(nextInternshipState("active", "interrupt", by)).toBe("interrupted");
      expect(nextInternshipState("suspended", "interrupt", by)).toBe("interrupted");
    }
    expect(nextInternshipState("interrupted", "issue_attestation", "officer")).toBe("attested");
    expect(nextInternshipState("interrupted", "close", "officer")).toBe("closed_without_attestation");
    expect(nextInternshipState("completed", "close", "officer")).toBe("closed_without_attestation");
  });

  it("allows cancelling any time before the start and never after", () => {
    const before: InternshipState[] = [
      "requested",
      "scouting",
      "candidate_chosen",
      "drafting",
      "checks_failed",
      "ready_to_sign",
      "partially_signed",
      "awaiting_authorisation",
      "awaiting_co",
    ];
    for (const s of before) {
      expect(nextInternshipState(s, "cancel", "employer"), s).toBe("cancelled");
      expect(nextInternshipState(s, "cancel", "officer"), s).toBe("cancelled");
    }
    // The system cancels only an internship whose chosen trainee's data are erased.
    expect(nextInternshipState("scouting", "cancel", "system")).toBeNull();
    expect(nextInternshipState("candidate_chosen", "cancel", "system")).toBe("cancelled");
    for (const s of INTERNSHIP_STATES.filter((x) => !before.includes(x))) expect(nextInternshipState(s, "cancel", "officer"), s).toBeNull();
    // The trainee can withdraw only once they are the chosen one.
    expect(nextInternshipState("requested", "cancel", "candidate")).toBeNull();
    expect(nextInternshipState("candidate_chosen", "cancel", "candidate")).toBe("cancelled");
    expect(nextInternshipState("awaiting_co", "cancel", "candidate")).toBe("cancelled");
  });

  it("lets only the officer reject, up to ready_to_sign (and a refused regional authorisation)", () => {
    for (const s of [
      "requested",
      "scouting",
      "candidate_chosen",
      "drafting",
      "checks_failed",
      "ready_to_sign",
      "awaiting_authorisation",
    ] as const) {
      expect(nextInternshipState(s, "reject", "officer"), s).toBe("rejected");
      expect(nextInternshipState(s, "reject", "employer"), s).toBeNull();
    }
    for (const s of ["partially_signed", "awaiting_co", "active", "completed"] as const)
      expect(nextInternshipState(s, "reject", "officer")).toBeNull();
  });

  it("refuses moves by the wrong actor", () => {
    expect(nextInternshipState("requested", "start_scouting", "employer")).toBeNull();
    expect(nextInternshipState("drafting", "checks_passed", "officer")).toBeNull();
    expect(nextInternshipState("awaiting_co", "start", "employer")).toBeNull();
    expect(nextInternshipState("awaiting_co", "record_co", "candidate")).toBeNull();
    expect(nextInternshipState("active", "complete", "employer")).toBeNull();
    expect(nextInternshipState("active", "suspend", "employer")).toBeNull();
    expect(nextInternshipState("completed", "issue_attestation", "employer")).toBeNull();
    expect(nextInternshipState("partially_signed", "signatures_complete", "officer")).toBeNull();
  });

  it("lets the officer record the conclusion past the end date without waiting for the job", () => {
    expect(nextInternshipState("active", "complete", "officer")).toBe("completed");
    expect(nextInternshipState("suspended", "complete", "officer")).toBeNull();
  });

  it("keeps the final states final", () => {
    for (const s of FINAL_INTERNSHIP_STATES) {
      expect(INTERNSHIP_TRANSITIONS[s]).toEqual({});
      for (const by of ["employer", "officer", "candidate", "system"] as const) expect(availableInternshipEvents(s, by)).toEqual([]);
    }
  });

  it("reaches every state from requested, and every non-final state can move on", () => {
    const seen = new Set<InternshipState>(["requested"]);
    const queue: InternshipState[] = ["requested"];
    while (queue.length) {
      const s = queue.shift()!;
      for (const move of Object.values(INTERNSHIP_TRANSITIONS[s])) {
        for (const to of [move!.to, move!.toWhenAuthorisationRequired].filter(Boolean) as InternshipState[]) {
          if (!seen.has(to)) {
            seen.add(to);
            queue.push(to);
          }
        }
      }
    }
    expect([...seen].sort()).toEqual([...INTERNSHIP_STATES].sort());
    for (const s of INTERNSHIP_STATES)
      if (!FINAL_INTERNSHIP_STATES.includes(s)) expect(Object.keys(INTERNSHIP_TRANSITIONS[s]).length, s).toBeGreaterThan(0);
  });

  it("lists only the buttons this actor may press", () => {
    expect(availableInternshipEvents("requested", "officer")).toEqual(["start_scouting", "choose_candidate", "cancel", "reject"]);
    expect(availableInternshipEvents("requested", "employer")).toEqual(["choose_candidate", "cancel"]);
    expect(availableInternshipEvents("requested", "candidate")).toEqual([]);
    expect(availableInternshipEvents("drafting", "system")).toEqual(["checks_passed", "checks_failed", "cancel"]);
    expect(availableInternshipEvents("active", "candidate")).toEqual(["interrupt"]);
  });

  it("has an Italian label for every state and event", () => {
    for (const s of INTERNSHIP_STATES) expect(INTERNSHIP_STATE_LABELS[s]).toMatch(/^[A-ZÀ-Ù]/);
    for (const e of INTERNSHIP_EVENTS) expect(INTERNSHIP_EVENT_LABELS[e]).toMatch(/^[A-ZÀ-Ù]/);
    expect(new Set(Object.values(INTERNSHIP_STATE_LABELS)).size).toBe(INTERNSHIP_STATES.length);
  });
});
