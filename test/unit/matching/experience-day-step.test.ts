import { describe, expect, it } from "vitest";
import { experienceDayStep, experienceYearsByCode } from "~/domain/matching";

/**
 * refreshExperienceYears skips its read when two times share a day step: that is exact only if no job in progress
 * changes its years between them. Every start date of four years around each anniversary, at every hour of a day.
 */
describe("the day step of jobs in progress", () => {
  it("changes no one's years within a step, and the years of a job start moving only at a new step", () => {
    const DAY = 86_400_000;
    const base = Date.parse("2026-12-05T00:00:00Z");
    const hours = Array.from({ length: 48 }, (_, h) => new Date(base + h * 3_600_000 + 59 * 60_000));
    let changes = 0;
    for (let back = 1_090; back <= 1_470; back++) {
      const job = [{ occupation_code: "6.2.1.2.0", started_on: new Date(base - back * DAY).toISOString().slice(0, 10), ended_on: null }];
      for (let i = 1; i < hours.length; i++) {
        const [a, b] = [hours[i - 1], hours[i]];
        const same = experienceYearsByCode(job, a).get("6.2.1.2.0") === experienceYearsByCode(job, b).get("6.2.1.2.0");
        if (!same) {
          changes++;
          expect(experienceDayStep(a)).not.toBe(experienceDayStep(b));
        }
      }
    }
    // The anniversaries in that span did change someone's years (the check above ran).
    expect(changes).toBeGreaterThan(0);
    expect(experienceDayStep(new Date("2026-12-05T11:59:59Z"))).toBe(experienceDayStep(new Date("2026-12-04T12:00:00Z")));
    expect(experienceDayStep(new Date("2026-12-05T12:00:00Z"))).toBe(experienceDayStep(new Date("2026-12-05T11:59:59Z")) + 1);
  });
});
