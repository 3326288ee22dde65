import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { loadMatchVacancy, runMatch } from "~/domain/matching/search.server";
import { createEmployer } from "../support/factories";
import { createMatchCandidate, createMatchVacancy, indexPending } from "../support/factories-shortlists";

/**
 * Matching on the CV's national codes (docs/legal/national-systems.md#cv-codes). The CVs are written as the migration
 * writes the old values (the factory converts «CE», «CQC_MERCI»… with the same rules): ministerial licence + EU
 * category, the CQC as a certificate with its text; a licence typed without category is its lowest one.
 */
const OCC = "7.4.2.3.0"; // truck drivers around Cremona: an occupation and a place no other test uses
let people: Record<string, string> = {};
const vacancies: Record<string, string> = {};

beforeAll(async () => {
  const cv = (licences: string[], extra: Parameters<typeof createMatchCandidate>[0] = {}) =>
    createMatchCandidate({ comune: "Cremona", preferences: [OCC], licences, ...extra });
  people = {
    trucker: await cv(["B", "C", "CE", "CQC_MERCI"], { languages: [{ code: "001", level: "B1" }] }),
    busDriver: await cv(["B", "D", "CQC_PERSONE"]),
    plainC: await cv(["02", "03"]),
    noCard: await cv(["B", "C"], { certificates: ["HACCP"] }),
  };
  await indexPending();
  const employer = await createEmployer();
  const vacancy = async (requirements: NonNullable<Parameters<typeof createMatchVacancy>[0]["requirements"]>) =>
    (await createMatchVacancy({ employerId: employer.id, comune: "Cremona", occupation: OCC, radiusKm: 10, requirements })).id;
  vacancies.cqc = await vacancy([
    { kind: "licence", priority: "must", licenceCategory: "C" },
    { kind: "certificate", priority: "must", description: "CQC (carta di qualificazione del conducente)" },
    { kind: "language", priority: "nice", languageCode: "001", cefrLevel: "B1" },
  ]);
  vacancies.code = await vacancy([{ kind: "licence", priority: "must", licenceCode: "03" }]);
});

const run = async (id: string) => runMatch((await loadMatchVacancy(getDb(), id))!, { cvObsoleteMonths: 6 });

describe("matching the CV's ministerial licences, CQC certificates and language codes", () => {
  it("a vacancy's «Patente C» + «CQC» requirements find the migrated CV with C/CE and the CQC merci certificate", async () => {
    const result = await run(vacancies.cqc);
    expect(result.hits.map((h) => h.id)).toEqual([people.trucker]);
    const [hit] = result.hits;
    expect(hit.explanation.requirements.map((r) => r.status)).toEqual(["met", "met", "met"]);
  });

  it("a requirement by ministerial code alone accepts every category under it, and a plain «Patente C» (C1)", async () => {
    const ids = (await run(vacancies.code)).hits.map((h) => h.id).sort();
    expect(ids).toEqual([people.trucker, people.plainC, people.noCard].sort());
  });

  it("the search document carries ministerial codes for the facet and EU categories for matching", async () => {
    const doc = await import("../../search/client.server").then(({ getMeili, indexUid }) =>
      getMeili().index(indexUid("candidates")).getDocument(people.trucker),
    );
    expect(doc).toMatchObject({
      licences: ["02", "03", "05"],
      licenceCategories: ["B", "C", "CE"],
      languages: ["001"],
      skills: expect.arrayContaining(["CQC merci (carta di qualificazione del conducente)"]),
    });
  });
});
