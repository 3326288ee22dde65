/**
 * Why a candidate is in the list (pure): which preference matched and how
 * strongly, each requirement met or missing, distance, CV age, and a score
 * that is the visible sum of its parts.
 */
import { STRENGTH, STRENGTH_ORDER, type Strength } from "./codes";
import { codePrefix } from "./fields";
import { roundKm } from "~/domain/reference";
import type { MatchVacancy } from "./query";
import { scoredNice } from "./query";
import { matchRequirementLabel, requirementMetBy, requirementStatus, type RequirementDoc, type RequirementStatus } from "./requirements";

export interface ExplainDoc extends RequirementDoc {
  occupationCodes: string[];
  occupationCategories: string[];
  occupationClasses: string[];
  /** The preferences' titles, a label only: a result set ranked on rankFields is read without them. */
  preferenceTitles?: string[];
  cvUpdatedAt: number;
}

export interface Explanation {
  strength: { grade: Strength; label: string; points: number; slot: number | null; preference: string | null } | null;
  requirements: {
    id: string;
    label: string;
    priority: "must" | "nice";
    status: RequirementStatus;
    points: number;
    relaxed: boolean;
    /** A met certificate requirement naming an official paper: by the CV certificate's code or by its words. */
    metBy?: "code" | "words";
  }[];
  distanceKm: number | null;
  cvAgeDays: number;
  parts: { label: string; points: number }[];
  score: number;
}

/** The strongest grade and the preference slot (1–3) it comes from. */
export function preferenceStrength(occupationCode: string, doc: ExplainDoc): Explanation["strength"] {
  const category = codePrefix(occupationCode, 4);
  const klass = codePrefix(occupationCode, 3);
  const isUnit = occupationCode.split(".").length === 5;
  const slotOf = (pred: (code: string) => boolean) => doc.occupationCodes.findIndex(pred);
  const found: Record<Strength, number> = {
    unit: isUnit ? slotOf((c) => c === occupationCode) : -1,
    category: slotOf((c) => codePrefix(c, 4) === category),
    class: slotOf((c) => codePrefix(c, 3) === klass),
    experience: doc.experienceCodes.includes(occupationCode) ? 0 : -1,
  };
  const grade = STRENGTH_ORDER.find((g) => found[g] >= 0);
  if (!grade) return null;
  const fromPreference = grade !== "experience";
  return {
    grade,
    label: STRENGTH[grade].label,
    points: STRENGTH[grade].points,
    slot: fromPreference ? found[grade] + 1 : null,
    preference: fromPreference ? (doc.preferenceTitles?.[found[grade]] ?? doc.occupationCodes[found[grade]]) : null,
  };
}

export function explainMatch(
  v: MatchVacancy,
  doc: ExplainDoc,
  opts: { now: Date; distanceKm: number | null; relaxed?: string[] },
): Explanation {
  const relaxed = opts.relaxed ?? [];
  const strength = preferenceStrength(v.occupationCode, doc);
  const points = new Map(scoredNice(v, relaxed).scored.map((n) => [n.requirement.id, n.points]));
  const requirements = [...v.requirements]
    .sort((a, b) => a.position - b.position)
    .map((r) => {
      const status = requirementStatus(r, v.occupationCode, doc);
      const metBy = status === "met" ? requirementMetBy(r, doc) : null;
      return {
        ...(metBy ? { metBy } : {}),
        id: r.id,
        label: matchRequirementLabel(r),
        priority: r.priority,
        status,
        points: status === "met" ? (points.get(r.id) ?? 0) : 0,
        relaxed: relaxed.includes(r.id),
      };
    });
  const parts: Explanation["parts"] = [];
  if (strength) parts.push({ label: `Propensione: ${strength.label}`, points: strength.points });
  for (const r of requirements) if (r.points > 0) parts.push({ label: `Requisito preferibile: ${r.label}`, points: r.points });
  return {
    strength,
    requirements,
    distanceKm: opts.distanceKm == null ? null : roundKm(opts.distanceKm),
    cvAgeDays: Math.max(0, Math.floor((opts.now.getTime() / 1000 - doc.cvUpdatedAt) / 86_400)),
    parts,
    score: parts.reduce((sum, p) => sum + p.points, 0),
  };
}
