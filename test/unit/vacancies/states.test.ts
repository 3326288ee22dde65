import { describe, expect, it } from "vitest";
import type { VacancyStatus } from "~/db/tables/vacancies";
import { availableEvents, nextVacancyStatus, VACANCY_TRANSITIONS } from "~/domain/vacancies/states";

describe("vacancy transition table", () => {
  it("walks the happy path with the right actors", () => {
    let s: VacancyStatus = "draft";
    s = nextVacancyStatus(s, "submit", "employer")!;
    expect(s).toBe("submitted");
    s = nextVacancyStatus(s, "validate", "officer")!;
    expect(s).toBe("validated");
    s = nextVacancyStatus(s, "publish", "officer")!;
    expect(s).toBe("published");
    s = nextVacancyStatus(s, "start_preselection", "officer")!;
    expect(s).toBe("in_preselection");
    expect(nextVacancyStatus(s, "close", "employer")).toBe("closed");
  });

  it("sends back and resubmits", () => {
    expect(nextVacancyStatus("submitted", "return", "officer")).toBe("returned");
    expect(nextVacancyStatus("returned", "submit", "employer")).toBe("submitted");
  });

  it("refuses moves by the wrong actor", () => {
    expect(nextVacancyStatus("submitted", "validate", "employer")).toBeNull();
    expect(nextVacancyStatus("draft", "submit", "officer")).toBeNull();
    expect(nextVacancyStatus("published", "expire", "employer")).toBeNull();
    expect(nextVacancyStatus("submitted", "return", "employer")).toBeNull();
  });

  it("refuses moves that skip a step", () => {
    expect(nextVacancyStatus("draft", "publish", "officer")).toBeNull();
    expect(nextVacancyStatus("submitted", "publish", "officer")).toBeNull();
    expect(nextVacancyStatus("draft", "validate", "officer")).toBeNull();
    expect(nextVacancyStatus("returned", "validate", "officer")).toBeNull();
  });

  it("expires only live or validated vacancies, and closed is final", () => {
    for (const s of ["validated", "published", "in_preselection"] as const) expect(nextVacancyStatus(s, "expire", "system")).toBe("closed");
    for (const s of ["draft", "submitted", "returned", "closed"] as const) expect(nextVacancyStatus(s, "expire", "system")).toBeNull();
    expect(VACANCY_TRANSITIONS.closed).toEqual({});
  });

  it("can cancel from every open state", () => {
    for (const s of Object.keys(VACANCY_TRANSITIONS) as VacancyStatus[]) {
      if (s !== "closed") expect(VACANCY_TRANSITIONS[s].cancel?.to, s).toBe("closed");
    }
  });

  it("lists only the buttons an actor may use", () => {
    expect(availableEvents("submitted", "officer").sort()).toEqual(["cancel", "return", "validate"]);
    expect(availableEvents("submitted", "employer")).toEqual(["cancel"]);
    expect(availableEvents("closed", "officer")).toEqual([]);
  });
});
