/**
 * One place per requirement kind that says both how it filters Meilisearch and
 * how it is tested on a document (pure). The explanation and the benchmark's
 * brute-force check use `requirementMet`, the search uses `requirementFilter`;
 * unit tests hold the two together.
 */
import { requirementLabel } from "~/domain/vacancies";
import type { VacancyRequirement } from "~/domain/vacancies";
import { eqfOfStudy } from "~/domain/reference";
import { LICENCE_SATISFIED_BY, LICENCES_OF_CODE } from "./codes";
import { significantTokens } from "./fields";

export type { RequirementKind } from "~/domain/vacancies";

export interface MatchRequirement extends VacancyRequirement {
  id: string;
  occupationCode: string | null;
}

/** The document fields a requirement can look at. */
export interface RequirementDoc {
  /** Ministerial licence codes (patenti.csv). */
  licences: string[];
  /** EU categories held (fields.ts licenceCategoryTokens). */
  licenceCategories: string[];
  educationLevel: number;
  experienceCodes: string[];
  experienceYears: string[];
  languageLevels: string[];
  /** Every language the CV mentions (mother tongues included): a requirement on a language it never mentions is "da verificare". */
  languages: string[];
  certificateTokens: string[];
  /** "patentino:07", "albo:0001" (fields.ts); absent from documents indexed before the certificates had codes. */
  certificateCodes?: string[];
  skillTokens: string[];
}

/**
 * The document fields each kind's check reads. Ranking a whole result set fetches only these (with the preference
 * codes, distance and freshness) and reads everything else for the page's people alone (search.server.ts).
 */
export const REQUIREMENT_FIELDS = {
  education: ["educationLevel"],
  experience: ["experienceCodes", "experienceYears"],
  language: ["languageLevels", "languages"],
  licence: ["licences", "licenceCategories"],
  certificate: ["certificateTokens", "certificateCodes"],
  skill: ["skillTokens"],
} as const satisfies Record<MatchRequirement["kind"], readonly (keyof RequirementDoc)[]>;

/** always: nothing to check (e.g. "no title"); filter: a Meilisearch filter; manual: the officer checks it (free text with no usable words). */
export type RequirementCheck =
  | { mode: "always" }
  | {
      mode: "filter";
      filter: string;
      test: (doc: RequirementDoc) => boolean;
      /**
       * People whose CV says nothing either way (a language it never mentions): never dropped
       * by a must-have, shown as "da verificare" for the officer to ask during the availability check.
       */
      unknown?: { filter: string; test: (doc: RequirementDoc) => boolean };
    }
  | { mode: "manual" };

export const q = (value: string) => JSON.stringify(value);

function tokensCheck(attribute: "certificateTokens" | "skillTokens", text: string): RequirementCheck {
  const tokens = significantTokens(text);
  if (!tokens.length) return { mode: "manual" };
  return {
    mode: "filter",
    filter: tokens.map((t) => `${attribute} = ${q(t)}`).join(" AND "),
    test: (doc) => tokens.every((t) => doc[attribute].includes(t)),
  };
}

/** How the requirement is checked; `occupationCode` is the vacancy's, used by experience requirements without their own. */
export function requirementCheck(r: MatchRequirement, vacancyOccupation: string): RequirementCheck {
  switch (r.kind) {
    case "education": {
      const eqf = eqfOfStudy(r.studyLevel, r.studyTitle);
      if (eqf === null) return { mode: "manual" };
      if (eqf <= 0) return { mode: "always" };
      return { mode: "filter", filter: `educationLevel >= ${eqf}`, test: (doc) => doc.educationLevel >= eqf };
    }
    case "experience": {
      const code = r.occupationCode ?? vacancyOccupation;
      const years = Math.max(0, r.years ?? 0);
      if (years === 0) return { mode: "filter", filter: `experienceCodes = ${q(code)}`, test: (doc) => doc.experienceCodes.includes(code) };
      const token = `${code}:${Math.min(years, 50)}`;
      return { mode: "filter", filter: `experienceYears = ${q(token)}`, test: (doc) => doc.experienceYears.includes(token) };
    }
    case "language": {
      // The CV and the vacancy speak the same ministerial codes (lingue.csv).
      const code = r.languageCode;
      if (!code) return { mode: "manual" };
      // A mother tongue counts as the top level (fields.ts languageLevelTokens).
      const token = `${code}:${r.nativeSpeaker ? "C2" : (r.cefrLevel ?? "A1")}`;
      return {
        mode: "filter",
        filter: `languageLevels = ${q(token)}`,
        test: (doc) => doc.languageLevels.includes(token),
        unknown: { filter: `NOT languages = ${q(code)}`, test: (doc) => !doc.languages.includes(code) },
      };
    }
    case "licence": {
      // The EU category when the vacancy gives it, else every category of the ministerial code; a licence without
      // categories (F, UE, extra UE) by its code.
      const cat = r.licenceCategory ?? "";
      const accepted = cat ? (LICENCE_SATISFIED_BY[cat] ?? [cat]) : (LICENCES_OF_CODE[r.licenceCode ?? ""] ?? []);
      if (!accepted.length) {
        const code = r.licenceCode;
        if (!code) return { mode: "manual" };
        return { mode: "filter", filter: `licences = ${q(code)}`, test: (doc) => doc.licences.includes(code) };
      }
      return {
        mode: "filter",
        filter: `licenceCategories IN [${accepted.map(q).join(", ")}]`,
        test: (doc) => doc.licenceCategories.some((l) => accepted.includes(l)),
      };
    }
    case "certificate": {
      // The driver qualification card: any CQC of the CV's certificates (merci or persone), whatever the requirement adds.
      if (/^CQC\b/.test(r.description))
        return { mode: "filter", filter: `certificateTokens = "cqc"`, test: (doc) => doc.certificateTokens.includes("cqc") };
      if (r.patentinoCode || r.alboCode) {
        // The CV's certificate naming the same official paper, or (as before the CV had codes) the words of the description.
        const code = certificateRequirementCode(r)!;
        const byCode: RequirementCheck = {
          mode: "filter",
          filter: `certificateCodes = ${q(code)}`,
          test: (doc) => (doc.certificateCodes ?? []).includes(code),
        };
        const byWords = r.description ? tokensCheck("certificateTokens", r.description) : null;
        if (byWords?.mode !== "filter") return byCode;
        return {
          mode: "filter",
          filter: `(${byCode.filter}) OR (${byWords.filter})`,
          test: (doc) => byCode.test(doc) || byWords.test(doc),
        };
      }
      return tokensCheck("certificateTokens", r.description.startsWith("Muletto (") ? "muletto" : r.description);
    }
    case "skill":
      return tokensCheck("skillTokens", r.description);
  }
}

/** "patentino:07" / "albo:0001": the official paper a certificate requirement names, as the CV documents carry it. */
export function certificateRequirementCode(r: Pick<MatchRequirement, "patentinoCode" | "alboCode">): string | null {
  return r.patentinoCode ? `patentino:${r.patentinoCode}` : r.alboCode ? `albo:${r.alboCode}` : null;
}

/** How a met certificate requirement with an official code is met: by the CV's code or by the words (null otherwise). */
export function requirementMetBy(r: MatchRequirement, doc: RequirementDoc): "code" | "words" | null {
  if (r.kind !== "certificate") return null;
  const code = certificateRequirementCode(r);
  if (!code) return null;
  return (doc.certificateCodes ?? []).includes(code) ? "code" : "words";
}

/** manual: nobody can filter on it; to_verify: the CV says nothing about it (the officer asks). */
export type RequirementStatus = "met" | "missing" | "manual" | "to_verify";

export function requirementStatus(r: MatchRequirement, vacancyOccupation: string, doc: RequirementDoc): RequirementStatus {
  const check = requirementCheck(r, vacancyOccupation);
  if (check.mode === "always") return "met";
  if (check.mode === "manual") return "manual";
  if (check.test(doc)) return "met";
  return check.unknown?.test(doc) ? "to_verify" : "missing";
}

/** What a must-have keeps: who meets it, and who cannot be judged from the CV. */
export function mustHaveFilter(check: Extract<RequirementCheck, { mode: "filter" }>): string {
  return check.unknown ? `(${check.filter}) OR (${check.unknown.filter})` : check.filter;
}

export function matchRequirementLabel(r: MatchRequirement): string {
  return requirementLabel(r);
}
