import { describe, expect, it } from "vitest";
import { explainMatch, type ExplainDoc } from "~/domain/matching/explain";
import type { MatchVacancy } from "~/domain/matching/query";
import type { MatchRequirement } from "~/domain/matching/requirements";

const NOW = new Date("2026-11-23T10:00:00Z");
const r = (over: Partial<MatchRequirement>): MatchRequirement => ({
  id: "x",
  position: 1,
  kind: "licence",
  priority: "must",
  description: "",
  studyLevel: null,
  studyTitle: null,
  years: null,
  languageCode: null,
  cefrLevel: null,
  nativeSpeaker: false,
  licenceCode: null,
  licenceCategory: null,
  patentinoCode: null,
  alboCode: null,
  occupationCode: null,
  ...over,
});
const vacancy: MatchVacancy = {
  id: "v",
  occupationCode: "5.1.2.2.0",
  lat: 45,
  lon: 9,
  radiusKm: 20,
  workingTime: "full_time",
  shifts: false,
  startDate: null,
  l68Reserved: "no",
  requirements: [
    r({ id: "lic", kind: "licence", licenceCategory: "B", priority: "must", position: 1 }),
    r({ id: "en", kind: "language", languageCode: "001", cefrLevel: "B1", priority: "nice", position: 2 }),
    r({ id: "edu", kind: "education", studyLevel: 7, studyTitle: "71000000", priority: "nice", position: 3 }),
    r({ id: "free", kind: "skill", description: "Buona conoscenza", priority: "nice", position: 4 }),
  ],
};
const base: ExplainDoc = {
  occupationCodes: ["4.1.1.1.0", "5.1.2.2.0"],
  occupationCategories: ["4.1.1.1", "5.1.2.2"],
  occupationClasses: ["4.1.1", "5.1.2"],
  preferenceTitles: ["Impiegato", "Commesso"],
  experienceCodes: [],
  experienceYears: [],
  languageLevels: ["001:A1", "001:A2", "001:B1"],
  languages: ["001"],
  licences: ["02"],
  licenceCategories: ["B"],
  educationLevel: 4,
  certificateTokens: [],
  skillTokens: [],
  cvUpdatedAt: Math.floor(Date.parse("2026-11-13T10:00:00Z") / 1000),
};

describe("explainMatch", () => {
  it("names the matching preference slot and strength, each requirement, distance and CV age", () => {
    const e = explainMatch(vacancy, base, { now: NOW, distanceKm: 12.345 });
    expect(e.strength).toMatchObject({ grade: "unit", slot: 2, preference: "Commesso", points: 40 });
    expect(e.requirements.map((x) => [x.id, x.status, x.points])).toEqual([
      ["lic", "met", 0],
      ["en", "met", 10],
      ["edu", "missing", 0],
      ["free", "manual", 0],
    ]);
    expect(e.distanceKm).toBe(12.3);
    expect(e.cvAgeDays).toBe(10);
  });

  it("makes the score the visible sum of its parts", () => {
    const e = explainMatch(vacancy, { ...base, educationLevel: 6 }, { now: NOW, distanceKm: null });
    expect(e.parts.map((p) => p.points)).toEqual([40, 10, 8]);
    expect(e.score).toBe(58);
    expect(e.score).toBe(e.parts.reduce((s, p) => s + p.points, 0));
  });

  it("grades weaker links: category, class, experience without preference", () => {
    const cat = explainMatch(
      vacancy,
      { ...base, occupationCodes: ["5.1.2.2.9"], occupationCategories: ["5.1.2.2"], occupationClasses: ["5.1.2"] },
      { now: NOW, distanceKm: 0 },
    );
    expect(cat.strength).toMatchObject({ grade: "category", points: 30, slot: 1 });
    const cls = explainMatch(
      vacancy,
      { ...base, occupationCodes: ["5.1.2.4.0"], occupationCategories: ["5.1.2.4"], occupationClasses: ["5.1.2"] },
      { now: NOW, distanceKm: 0 },
    );
    expect(cls.strength).toMatchObject({ grade: "class", points: 20 });
    const exp = explainMatch(
      vacancy,
      {
        ...base,
        occupationCodes: ["8.1.1.1.0"],
        occupationCategories: ["8.1.1.1"],
        occupationClasses: ["8.1.1"],
        experienceCodes: ["5.1.2.2.0"],
      },
      { now: NOW, distanceKm: 0 },
    );
    expect(exp.strength).toMatchObject({ grade: "experience", points: 10, slot: null });
  });

  it("gives relaxed requirements no points and marks them", () => {
    const e = explainMatch(vacancy, base, { now: NOW, distanceKm: 0, relaxed: ["en"] });
    expect(e.requirements.find((x) => x.id === "en")).toMatchObject({ relaxed: true, points: 0 });
  });
});
