import { describe, expect, it } from "vitest";
import { italianDateTime, italianLocalToDate } from "~/utils/dates";

/** Local time in Italy ↔ instants, whatever the server's zone, across both daylight-saving changes. */
describe("Italian local times", () => {
  it("reads a datetime-local typed in Italy as the instant it names (winter, summer, after the spring change)", () => {
    expect(italianLocalToDate("2026-01-15T10:30").toISOString()).toBe("2026-01-15T09:30:00.000Z");
    expect(italianLocalToDate("2026-07-01T10:30").toISOString()).toBe("2026-07-01T08:30:00.000Z");
    expect(italianLocalToDate("2026-03-29T03:30").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(italianLocalToDate("2026-10-25T12:00").toISOString()).toBe("2026-10-25T11:00:00.000Z");
  });

  it("writes an instant as the national formats' local date-time, and the two agree", () => {
    expect(italianDateTime("2026-07-01T08:30:00.000Z")).toBe("2026-07-01T10:30:00");
    expect(italianDateTime(new Date("2026-12-31T23:15:09.000Z"))).toBe("2027-01-01T00:15:09");
    for (const local of ["2026-02-10T07:05", "2026-08-20T23:59"]) expect(italianDateTime(italianLocalToDate(local))).toBe(`${local}:00`);
  });
});
