import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { loadMatchVacancy, runMatch } from "~/domain/matching/search.server";
import { createEmployer } from "../support/factories";
import { createMatchCandidate, createMatchVacancy, indexPending } from "../support/factories-shortlists";

// Roofers around Lodi: an occupation and a place no other test uses.
const OCC = "6.1.3.1.0";
let people: Record<string, string> = {};
let vacancyId: string;

beforeAll(async () => {
  people = {
    native: await createMatchCandidate({
      comune: "Lodi",
      preferences: [OCC],
      motherTongues: ["003"],
      languages: [{ code: "001", level: "A2" }],
    }),
    fluent: await createMatchCandidate({
      comune: "Lodi",
      preferences: [OCC],
      motherTongues: ["RUM"],
      languages: [{ code: "003", level: "B2" }],
    }),
    beginner: await createMatchCandidate({
      comune: "Lodi",
      preferences: [OCC],
      motherTongues: ["RUM"],
      languages: [{ code: "003", level: "A2" }],
    }),
    silent: await createMatchCandidate({ comune: "Lodi", preferences: [OCC], languages: [{ code: "001", level: "B2" }] }),
  };
  await indexPending();
  const employer = await createEmployer();
  vacancyId = (
    await createMatchVacancy({
      employerId: employer.id,
      comune: "Lodi",
      occupation: OCC,
      radiusKm: 10,
      requirements: [{ kind: "language", priority: "must", languageCode: "003", cefrLevel: "B1" }],
    })
  ).id;
});

describe("language requirements, mother tongue and «da verificare»", () => {
  it("is met by a mother tongue at any level, keeps a CV silent about the language as «da verificare» and counts it", async () => {
    const v = (await loadMatchVacancy(getDb(), vacancyId))!;
    const result = await runMatch(v, { cvObsoleteMonths: 6 });
    const status = (id: string) => result.hits.find((h) => h.id === id)?.explanation.requirements[0].status;
    expect(status(people.native)).toBe("met");
    expect(status(people.fluent)).toBe("met");
    expect(status(people.silent)).toBe("to_verify");
    expect(result.hits.map((h) => h.id)).not.toContain(people.beginner); // Italian A2 stated: below B1
    expect(result.total).toBe(3);
    expect(result.toVerify).toEqual([{ requirementId: v.requirements[0].id, count: 1 }]);
  });

  it("finds natives in the officer's language facet too", async () => {
    const doc = await import("../../search/client.server").then(({ getMeili, indexUid }) =>
      getMeili().index(indexUid("candidates")).getDocument(people.native),
    );
    expect(doc).toMatchObject({
      languages: ["001", "003"],
      motherTongues: ["003"],
      languageNames: expect.arrayContaining(["Italiano madrelingua"]),
    });
  });
});
