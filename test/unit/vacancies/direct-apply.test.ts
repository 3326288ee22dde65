import { describe, expect, it } from "vitest";
import { acceptsDirectApplications } from "~/domain/vacancies/direct-apply";
import { buildJsonFeed } from "~/domain/vacancies/feeds";
import { buildJobPosting } from "~/domain/vacancies/job-posting";
import type { PublicVacancy } from "~/domain/vacancies/public-view";
import { publicVacancy } from "./fixtures";

const now = new Date("2026-12-01T10:00:00Z");
const baseUrl = "https://rosa.example.it";

describe("directApply: one rule for the page, the JSON-LD and the JSON feed", () => {
  const cases: [string, Partial<PublicVacancy>, boolean][] = [
    ["published, open", { status: "published" }, true],
    ["in preselection, open", { status: "in_preselection" }, true],
    ["anonymous (CPI appears)", { publicationMode: "anonymous", employerName: null, employerTaxCode: null }, true],
    ["closing today (Italian time)", { closingDate: "2026-12-01" }, true],
    ["closing date passed", { closingDate: "2026-11-30" }, false],
    ["closed", { status: "closed" }, false],
    ["only validated", { status: "validated" }, false],
    ["internal", { publicationMode: "internal" }, false],
  ];
  it.each(cases)("%s", (_label, overrides, expected) => {
    const v = publicVacancy(overrides);
    expect(acceptsDirectApplications(v, now)).toBe(expected);
    expect(buildJobPosting(v, { baseUrl, now }).directApply).toBe(expected);
  });

  it("the JSON feed says what the page's JSON-LD says", () => {
    const open = publicVacancy({ closingDate: "2099-12-31" });
    const feed = buildJsonFeed([open], baseUrl);
    const inFeed = (feed.items[0]._job_posting as { directApply: boolean }).directApply;
    expect(inFeed).toBe(buildJobPosting(open, { baseUrl }).directApply);
    expect(inFeed).toBe(true);
  });
});
