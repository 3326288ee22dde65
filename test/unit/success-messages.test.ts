import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EVENT_DONE_MESSAGES as SHORTLIST_DONE } from "~/domain/shortlists/states";
import { EVENT_DONE_MESSAGES as VACANCY_DONE } from "~/domain/vacancies/states";

const all = [...Object.values(VACANCY_DONE).flatMap((m) => [m.employer, m.officer]), ...Object.values(SHORTLIST_DONE)];

describe("success messages are written for people", () => {
  it.each(all)("«%s» is a full Italian sentence, not «Fatto: …»", (message) => {
    expect(message).not.toMatch(/^Fatto\b|: registrato\.$/);
    expect(message).toMatch(/^[A-ZÈ].*\.$/);
    expect(message.split(" ").length).toBeGreaterThanOrEqual(3);
  });

  it("no route flashes «Fatto» or a bare label", () => {
    const dir = path.resolve("app/routes");
    const offenders = readdirSync(dir)
      .filter((f) => /\.tsx?$/.test(f))
      .filter((f) => /message(?:: | = )["`]Fatto|: registrato\.`/.test(readFileSync(path.join(dir, f), "utf8")));
    expect(offenders).toEqual([]);
    expect(readFileSync(path.resolve("app/web/actions/vacancy-transition.server.ts"), "utf8")).not.toMatch(/Fatto/);
  });
});
