import { describe, expect, it } from "vitest";
import { matchingFields, significantTokens } from "~/domain/matching/fields";
import { buildMatchPlan, distanceCondition, scoreLevels, strengthFilters, type MatchVacancy } from "~/domain/matching/query";
import {
  mustHaveFilter,
  REQUIREMENT_FIELDS,
  requirementCheck,
  requirementStatus,
  type MatchRequirement,
  type RequirementDoc,
} from "~/domain/matching/requirements";

const NOW = new Date("2026-11-23T10:00:00Z");
/** Milano and two comuni around it, nearest first (as comuniWithin gives them). */
const NEARBY = [
  { code: "015146", km: 0 },
  { code: "015182", km: 4.2 },
  { code: "015171", km: 12.5 },
];
const OCC = "5.1.2.2.0";

function req(over: Partial<MatchRequirement>): MatchRequirement {
  return {
    id: over.id ?? `r-${Math.random()}`,
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
  };
}

function doc(over: Partial<RequirementDoc> = {}): RequirementDoc {
  return {
    licences: [],
    licenceCategories: [],
    educationLevel: 0,
    experienceCodes: [],
    experienceYears: [],
    languageLevels: [],
    languages: [],
    certificateTokens: [],
    skillTokens: [],
    ...over,
  };
}

function vacancy(over: Partial<MatchVacancy> = {}): MatchVacancy {
  return {
    id: "v1",
    occupationCode: OCC,
    lat: 45.46,
    lon: 9.19,
    radiusKm: 20,
    workingTime: "full_time",
    shifts: false,
    startDate: null,
    l68Reserved: "no",
    requirements: [],
    ...over,
  };
}

describe("requirement kinds: filter and test agree", () => {
  it("education: at or above the EQF level, 'none' needs no filter", () => {
    const r = req({ kind: "education", studyLevel: 4 });
    const check = requirementCheck(r, OCC);
    expect(check).toMatchObject({ mode: "filter", filter: "educationLevel >= 4" });
    expect(requirementStatus(r, OCC, doc({ educationLevel: 4 }))).toBe("met");
    expect(requirementStatus(r, OCC, doc({ educationLevel: 6 }))).toBe("met");
    expect(requirementStatus(r, OCC, doc({ educationLevel: 3 }))).toBe("missing");
    expect(requirementCheck(req({ kind: "education", studyLevel: 0 }), OCC)).toEqual({ mode: "always" });
  });

  it("experience: minimum whole years in the vacancy's occupation", () => {
    const r = req({ kind: "experience", years: 2 });
    expect(requirementCheck(r, OCC)).toMatchObject({ filter: `experienceYears = "${OCC}:2"` });
    const fields = matchingFields(
      {
        preferences: [],
        experiences: [{ occupation_code: OCC, started_on: "2023-01-01", ended_on: "2025-06-30" }],
        languages: [],
        certificates: [],
        itSkills: [],
      },
      NOW,
    );
    expect(fields.experienceYears).toEqual([`${OCC}:1`, `${OCC}:2`]);
    expect(requirementStatus(r, OCC, doc(fields))).toBe("met");
    expect(requirementStatus(req({ kind: "experience", years: 3 }), OCC, doc(fields))).toBe("missing");
    expect(requirementCheck(req({ kind: "experience", years: 0 }), OCC)).toMatchObject({ filter: `experienceCodes = "${OCC}"` });
  });

  it("language: at or above the CEFR level", () => {
    const r = req({ kind: "language", languageCode: "001", cefrLevel: "B1" });
    expect(requirementCheck(r, OCC)).toMatchObject({ filter: 'languageLevels = "001:B1"' });
    const b2 = matchingFields({
      preferences: [],
      experiences: [],
      languages: [{ language_code: "001", level: "B2" }],
      certificates: [],
      itSkills: [],
    });
    expect(b2.languageLevels).toEqual(["001:A1", "001:A2", "001:B1", "001:B2"]);
    const withEn = doc({ ...b2, languages: ["001"] });
    expect(requirementStatus(r, OCC, withEn)).toBe("met");
    expect(requirementStatus(req({ kind: "language", languageCode: "001", cefrLevel: "C1" }), OCC, withEn)).toBe("missing");
  });

  it("language: a mother tongue meets any level; a CV that never mentions the language is kept as «da verificare»", () => {
    const italianC2 = req({ kind: "language", languageCode: "003", cefrLevel: "C2" });
    const native = matchingFields({
      preferences: [],
      experiences: [],
      languages: [{ language_code: "001", level: "A2" }],
      motherTongues: ["003"],
      certificates: [],
      itSkills: [],
    });
    expect(native.languageLevels).toEqual(["001:A1", "001:A2", "003:A1", "003:A2", "003:B1", "003:B2", "003:C1", "003:C2"]);
    expect(requirementStatus(italianC2, OCC, doc({ ...native, languages: ["001", "003"] }))).toBe("met");
    // Silent about Italian: neither met nor missing.
    expect(requirementStatus(italianC2, OCC, doc({ languageLevels: ["en:A1"], languages: ["001"] }))).toBe("to_verify");
    // Italian A2 stated: below the level asked is missing, not "da verificare".
    expect(
      requirementStatus(
        req({ kind: "language", languageCode: "003", cefrLevel: "B1" }),
        OCC,
        doc({ languageLevels: ["003:A1", "003:A2"], languages: ["003"] }),
      ),
    ).toBe("missing");
    const check = requirementCheck(italianC2, OCC);
    expect(check.mode === "filter" && mustHaveFilter(check)).toBe('(languageLevels = "003:C2") OR (NOT languages = "003")');
  });

  it("licence: a higher category includes the one it presupposes; Muletto is a certificate", () => {
    const r = req({ kind: "licence", licenceCode: "02", licenceCategory: "B" });
    const check = requirementCheck(r, OCC);
    expect(check.mode === "filter" && check.filter.startsWith("licenceCategories IN [")).toBe(true);
    expect(requirementStatus(r, OCC, doc({ licenceCategories: ["C"] }))).toBe("met");
    expect(requirementStatus(r, OCC, doc({ licenceCategories: ["AM"] }))).toBe("missing");
    expect(requirementStatus(req({ kind: "licence", licenceCategory: "C" }), OCC, doc({ licenceCategories: ["B"] }))).toBe("missing");
    const muletto = req({ kind: "certificate", description: "Muletto (conduzione di carrelli elevatori)" });
    expect(requirementCheck(muletto, OCC)).toMatchObject({ filter: 'certificateTokens = "muletto"' });
  });

  it("licence: the CV's ministerial licence without category counts as its lowest category; F, UE, extra UE by code", () => {
    const cv = (licences: { licence_code: string; licence_category: string | null }[]) =>
      doc({
        licences: licences.map((l) => l.licence_code),
        ...matchingFields({ preferences: [], experiences: [], languages: [], licences, certificates: [], itSkills: [] }, NOW),
      });
    const plainC = cv([{ licence_code: "03", licence_category: null }]);
    expect(plainC.licenceCategories).toEqual(["C1"]);
    // «Patente C» meets «Patente B» and a vacancy that asks «Patente C» by code; not the EU category C itself.
    expect(requirementStatus(req({ kind: "licence", licenceCode: "02" }), OCC, plainC)).toBe("met");
    expect(requirementStatus(req({ kind: "licence", licenceCode: "03" }), OCC, plainC)).toBe("met");
    expect(requirementStatus(req({ kind: "licence", licenceCode: "03", licenceCategory: "C" }), OCC, plainC)).toBe("missing");
    const ce = cv([{ licence_code: "05", licence_category: "CE" }]);
    expect(requirementStatus(req({ kind: "licence", licenceCode: "03", licenceCategory: "C" }), OCC, ce)).toBe("met");
    const f = req({ kind: "licence", licenceCode: "06" });
    expect(requirementCheck(f, OCC)).toMatchObject({ filter: 'licences = "06"' });
    expect(requirementStatus(f, OCC, cv([{ licence_code: "06", licence_category: null }]))).toBe("met");
    expect(requirementStatus(f, OCC, ce)).toBe("missing");
  });

  it("certificate «CQC…»: any CQC among the CV's certificates (merci or persone), as before among its licences", () => {
    const cqc = req({ kind: "certificate", description: "CQC (carta di qualificazione del conducente) — trasporto merci" });
    expect(requirementCheck(cqc, OCC)).toMatchObject({ filter: 'certificateTokens = "cqc"' });
    const merci = matchingFields(
      {
        preferences: [],
        experiences: [],
        languages: [],
        certificates: ["CQC persone (carta di qualificazione del conducente)"],
        itSkills: [],
      },
      NOW,
    );
    expect(requirementStatus(cqc, OCC, doc(merci))).toBe("met");
    expect(requirementStatus(cqc, OCC, doc({ certificateTokens: ["haccp"] }))).toBe("missing");
  });

  it("certificate and skill: every significant word, generic words ignored; no words = manual check", () => {
    expect(significantTokens("Attestato HACCP")).toEqual(["haccp"]);
    const cert = req({ kind: "certificate", description: "Attestato HACCP" });
    expect(requirementCheck(cert, OCC)).toMatchObject({ filter: 'certificateTokens = "haccp"' });
    expect(requirementStatus(cert, OCC, doc({ certificateTokens: ["haccp"] }))).toBe("met");
    const skill = req({ kind: "skill", description: "Excel avanzato" });
    expect(requirementStatus(skill, OCC, doc({ skillTokens: ["avanzato", "excel"] }))).toBe("met");
    expect(requirementStatus(skill, OCC, doc({ skillTokens: ["excel"] }))).toBe("missing");
    expect(requirementCheck(req({ kind: "certificate", description: "Attestato di corso" }), OCC)).toEqual({ mode: "manual" });
  });
});

describe("match plan", () => {
  it("grades preference strength with disjoint filters", () => {
    const tiers = strengthFilters(OCC);
    expect(tiers.map((t) => [t.strength, t.points])).toEqual([
      ["unit", 40],
      ["category", 30],
      ["class", 20],
      ["experience", 10],
    ]);
    expect(tiers[1].filter).toBe('occupationCategories = "5.1.2.2" AND NOT occupationCodes = "5.1.2.2.0"');
    expect(tiers[3].filter).toBe('experienceCodes = "5.1.2.2.0" AND NOT occupationClasses = "5.1.2"');
  });

  it("puts must-haves in the result filter and leaves relaxed ones out", () => {
    const lic = req({ id: "lic", kind: "licence", licenceCategory: "C" });
    const lang = req({ id: "lang", kind: "language", languageCode: "001", cefrLevel: "B2", position: 2 });
    const plan = buildMatchPlan(vacancy({ requirements: [lic, lang] }), {
      now: NOW,
      cvObsoleteMonths: 6,
      commuteValues: [],
      nearby: NEARBY,
      relaxed: ["lang"],
    });
    expect(plan.mustHaves.map((m) => m.requirement.id)).toEqual(["lic"]);
    expect(plan.relaxed.map((r) => r.id)).toEqual(["lang"]);
    expect(plan.resultFilter()).toContain("licenceCategories IN");
    expect(plan.resultFilter()).not.toContain("languageLevels");
    expect(plan.resultFilter("lic")).not.toContain("licenceCategories IN");
  });

  it("always requires consent, a fresh CV, hours, and the workplace radius", () => {
    const plan = buildMatchPlan(vacancy({ shifts: true, workingTime: "part_time" }), {
      now: NOW,
      cvObsoleteMonths: 6,
      commuteValues: [],
      nearby: NEARBY,
      relaxed: [],
    });
    const f = plan.resultFilter();
    expect(f).toContain("consentVisible = true");
    expect(f).toContain(`cvUpdatedAt >= ${Math.floor(Date.parse("2026-05-23T10:00:00Z") / 1000)}`);
    expect(f).toContain('availability = "part_time"');
    expect(f).toContain('availability = "shifts"');
    expect(f).toContain('comuneCode IN ["015146", "015182", "015171"]');
    expect(f).not.toContain("_geo");
  });

  it("names the obsolete CVs instead of the fresh ones when they are fewer, for the same cutoff", () => {
    const options = { now: NOW, cvObsoleteMonths: 6, commuteValues: [], nearby: NEARBY, relaxed: [] };
    const cutoff = Math.floor(Date.parse("2026-05-23T10:00:00Z") / 1000);
    const fresh = (obsoleteFewer: boolean) =>
      buildMatchPlan(vacancy(), { ...options, obsoleteFewer }).conditions.find((c) => c.key === "fresh")!.filter;
    expect(fresh(false)).toBe(`cvUpdatedAt >= ${cutoff}`);
    expect(fresh(true)).toBe(`NOT cvUpdatedAt < ${cutoff}`);
    expect(buildMatchPlan(vacancy(), { ...options, obsoleteFewer: true, includeObsolete: true }).resultFilter()).not.toContain(
      "cvUpdatedAt",
    );
  });

  it("leaves the radius out when the workplace has no coordinates", () => {
    const plan = buildMatchPlan(vacancy(), { now: NOW, cvObsoleteMonths: 6, commuteValues: [], nearby: null, relaxed: [] });
    expect(plan.conditions.map((c) => c.key)).not.toContain("distance");
  });

  it("honours the candidate's own maximum commute exactly, one clause per shorter value", () => {
    const g = distanceCondition(NEARBY, 20, [5, 30, 10, 5]);
    expect(g.startsWith('comuneCode IN ["015146", "015182", "015171"] AND (')).toBe(true);
    expect(g).toContain('(maxCommuteKm = 5 AND comuneCode IN ["015146", "015182"])');
    expect(g).toContain('(maxCommuteKm = 10 AND comuneCode IN ["015146", "015182"])');
    expect(g.match(/maxCommuteKm = 5 AND/g)).toHaveLength(1);
    expect(g).not.toContain("maxCommuteKm = 30");
    expect(g).toContain("maxCommuteKm >= 20");
    expect(g).toContain("maxCommuteKm IS NULL");
  });

  it("restricts an L. 68/99 reserved vacancy to enrolled people", () => {
    const plan = buildMatchPlan(vacancy({ l68Reserved: "art1" }), {
      now: NOW,
      cvObsoleteMonths: 6,
      commuteValues: [],
      nearby: NEARBY,
      relaxed: [],
    });
    expect(plan.resultFilter()).toContain('protectedCategory = "art1"');
  });

  it("turns preferable requirements into score levels, highest first", () => {
    const a = req({ id: "a", kind: "licence", licenceCategory: "B", priority: "nice", position: 1 });
    const b = req({ id: "b", kind: "education", studyLevel: 7, studyTitle: "71000000", priority: "nice", position: 2 });
    const plan = buildMatchPlan(vacancy({ requirements: [a, b] }), {
      now: NOW,
      cvObsoleteMonths: 6,
      commuteValues: [],
      nearby: NEARBY,
      relaxed: [],
    });
    expect(plan.nice.map((n) => [n.requirement.id, n.points])).toEqual([
      ["a", 10],
      ["b", 8],
    ]);
    const scores = plan.levels.map((l) => l.score);
    expect(scores[0]).toBe(58);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(new Set(scores).size).toBe(scores.length);
    expect(scoreLevels(plan.tiers, []).map((l) => l.score)).toEqual([40, 30, 20, 10]);
  });
});

describe("REQUIREMENT_FIELDS: each kind's check reads only its listed fields", () => {
  // Ranking reads a whole result set with these fields alone (search.server.ts rankFields): a field a check reads but
  // the list lacks would change a status, so a score, so the order.
  const rich = doc({
    licences: ["02"],
    licenceCategories: ["AM", "B"],
    educationLevel: 7,
    experienceCodes: [OCC],
    experienceYears: [`${OCC}:1`, `${OCC}:2`, `${OCC}:3`],
    languageLevels: ["001:A1", "001:A2", "001:B1"],
    languages: ["001", "002"],
    certificateTokens: ["cqc", "haccp"],
    certificateCodes: ["patentino:07"],
    skillTokens: ["excel", "haccp"],
  });
  // Mentions English below the level asked: "missing", where a CV silent on English would be "da verificare".
  const lowEnglish = doc({ languages: ["001"], languageLevels: ["001:A1"] });
  const requirements = [
    req({ kind: "education", studyLevel: 4 }),
    req({ kind: "experience", years: 0 }),
    req({ kind: "experience", years: 3 }),
    req({ kind: "language", languageCode: "001", cefrLevel: "B1" }),
    req({ kind: "licence", licenceCategory: "B" }),
    req({ kind: "licence", licenceCode: "02" }),
    req({ kind: "certificate", description: "CQC merci" }),
    req({ kind: "certificate", description: "Attestato HACCP" }),
    req({ kind: "certificate", description: "Patentino fitosanitario", patentinoCode: "07" }),
    req({ kind: "skill", description: "Excel" }),
  ];
  it.each(requirements.map((r) => [`${r.kind} ${r.description || r.licenceCategory || r.years || r.languageCode || r.studyLevel}`, r]))(
    "%s",
    (_name, r) => {
      for (const full of [rich, lowEnglish, doc()]) {
        const only = Object.fromEntries(REQUIREMENT_FIELDS[r.kind].map((f) => [f, full[f]]));
        expect(requirementStatus(r, OCC, { ...doc(), ...only })).toBe(requirementStatus(r, OCC, full));
      }
      expect(requirementStatus(r, OCC, rich)).toBe("met");
    },
  );
});
