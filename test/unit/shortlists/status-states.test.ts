import { describe, expect, it } from "vitest";
import type { ShortlistStatus } from "~/db/tables/shortlists";
import { DomainError } from "~/domain/errors";
import { nextShortlistStatus, SHORTLIST_STATUS_TRANSITIONS, shortlistMove, type ShortlistStatusEvent } from "~/domain/shortlists/states";

const STATUSES: ShortlistStatus[] = ["open", "presented", "closed"];
const EVENTS: ShortlistStatusEvent[] = ["present", "close"];

const ALLOWED: [ShortlistStatus, ShortlistStatusEvent, ShortlistStatus][] = [
  ["open", "present", "presented"],
  ["open", "close", "closed"],
  ["presented", "present", "presented"],
  ["presented", "close", "closed"],
];

function refusal(from: ShortlistStatus, event: ShortlistStatusEvent) {
  try {
    shortlistMove(from, event);
  } catch (e) {
    return e;
  }
  return null;
}

describe("rosa status transition table", () => {
  it.each(ALLOWED)("%s + %s → %s", (from, event, to) => {
    expect(nextShortlistStatus(from, event)).toBe(to);
    expect(shortlistMove(from, event)).toBe(to);
  });

  it("allows nothing else", () => {
    const allowed = new Set(ALLOWED.map(([f, e]) => `${f}:${e}`));
    for (const from of STATUSES)
      for (const event of EVENTS) if (!allowed.has(`${from}:${event}`)) expect(nextShortlistStatus(from, event)).toBeNull();
    const listed = Object.entries(SHORTLIST_STATUS_TRANSITIONS).flatMap(([f, m]) => Object.keys(m).map((e) => `${f}:${e}`));
    expect(listed.sort()).toEqual([...allowed].sort());
  });

  it("refuses any move of a closed rosa with a conflict and the Italian message", () => {
    for (const event of EVENTS) {
      const error = refusal("closed", event);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).kind).toBe("conflict");
      expect((error as DomainError).message).toBe("La rosa è chiusa");
    }
  });
});
