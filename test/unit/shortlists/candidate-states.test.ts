import { describe, expect, it } from "vitest";
import type { ShortlistActorKind, ShortlistCandidateState } from "~/db/tables/shortlists";
import { DomainError } from "~/domain/errors";
import { candidateMove, nextCandidateState, SHORTLIST_TRANSITIONS, type ShortlistEvent } from "~/domain/shortlists/states";

type Row = [ShortlistCandidateState, ShortlistEvent, ShortlistCandidateState, ShortlistActorKind[]];

const O: ShortlistActorKind[] = ["officer"];
const C: ShortlistActorKind[] = ["candidate"];
const S: ShortlistActorKind[] = ["system"];
const EO: ShortlistActorKind[] = ["employer", "officer"];
const EOS: ShortlistActorKind[] = ["employer", "officer", "system"];
const OC: ShortlistActorKind[] = ["officer", "candidate"];
const ACTORS: ShortlistActorKind[] = ["officer", "employer", "candidate", "system"];

/** Every allowed move of a person in a rosa, written out by hand against the table. */
const ALLOWED: Row[] = [
  ["proposed", "start_contact", "contacting", O],
  ["proposed", "withdraw", "withdrew", OC],
  ["proposed", "reject", "not_selected", S],
  ["contacting", "mark_available", "available", O],
  ["contacting", "mark_not_available", "not_available", O],
  ["contacting", "mark_unreachable", "unreachable", O],
  ["contacting", "mark_not_interested", "not_interested", O],
  ["contacting", "candidate_confirm", "available", C],
  ["contacting", "candidate_decline", "not_available", C],
  ["contacting", "deadline_expired", "not_available", S],
  ["contacting", "withdraw", "withdrew", OC],
  ["contacting", "reject", "not_selected", S],
  ["available", "present", "presented", O],
  ["available", "withdraw", "withdrew", OC],
  ["available", "reject", "not_selected", S],
  ["not_available", "retry_contact", "contacting", O],
  ["unreachable", "retry_contact", "contacting", O],
  ["not_interested", "retry_contact", "contacting", O],
  ["presented", "schedule_interview", "interview", EO],
  ["presented", "select", "selected", EO],
  ["presented", "hire", "hired", EO],
  ["presented", "reject", "not_selected", EOS],
  ["presented", "withdraw", "withdrew", OC],
  ["interview", "select", "selected", EO],
  ["interview", "hire", "hired", EO],
  ["interview", "reject", "not_selected", EOS],
  ["interview", "withdraw", "withdrew", OC],
  ["selected", "hire", "hired", EO],
  ["selected", "reject", "not_selected", EOS],
  ["selected", "withdraw", "withdrew", OC],
];

function refusal(from: ShortlistCandidateState, event: ShortlistEvent, by: ShortlistActorKind) {
  try {
    candidateMove(from, event, by);
  } catch (e) {
    return e as DomainError;
  }
  return null;
}

describe("rosa candidate transition table", () => {
  it.each(ALLOWED.flatMap(([from, event, to, by]) => by.map((b) => [from, event, to, b] as const)))(
    "%s + %s → %s (by %s)",
    (from, event, to, by) => {
      expect(nextCandidateState(from, event, by)).toBe(to);
      expect(candidateMove(from, event, by)).toBe(to);
    },
  );

  it("allows nothing else, to nobody else", () => {
    const allowed = new Set(ALLOWED.flatMap(([f, e, , by]) => by.map((b) => `${f}:${e}:${b}`)));
    const states = Object.keys(SHORTLIST_TRANSITIONS) as ShortlistCandidateState[];
    const events = [...new Set(ALLOWED.map(([, e]) => e))];
    for (const from of states)
      for (const event of events)
        for (const by of ACTORS) if (!allowed.has(`${from}:${event}:${by}`)) expect(nextCandidateState(from, event, by)).toBeNull();
    const listed = Object.entries(SHORTLIST_TRANSITIONS).flatMap(([f, m]) => Object.keys(m).map((e) => `${f}:${e}`));
    expect(listed.sort()).toEqual([...new Set(ALLOWED.map(([f, e]) => `${f}:${e}`))].sort());
  });

  it("refuses a move the table does not allow with a conflict and the Italian message", () => {
    const hired = refusal("hired", "reject", "employer");
    expect(hired).toBeInstanceOf(DomainError);
    expect(hired!.kind).toBe("conflict");
    expect(hired!.message).toBe("Operazione «Non selezionato» non consentita: il candidato è «Assunto».");
    const byEmployer = refusal("contacting", "mark_available", "employer");
    expect(byEmployer!.kind).toBe("conflict");
    expect(byEmployer!.message).toBe("Operazione «Disponibile» non consentita: il candidato è «In contatto».");
    const unconfirmed = refusal("contacting", "present", "officer");
    expect(unconfirmed!.kind).toBe("conflict");
    expect(unconfirmed!.message).toBe("Si possono presentare solo i candidati che hanno confermato la disponibilità.");
  });
});
