/**
 * The matching of a reserved vacancy (or of a structured available post) against the province's
 * list (elenco del collocamento mirato, art. 8 L. 68/1999). Pure and client-safe.
 *
 * Binding rules (a person who fails one is «non idonea»): the ones of the numeric referral
 * (matching.ts: province, capacities, night shifts, barriers, public transport) and no referral
 * already in progress. Rules that only inform the officer (they never exclude: art. 9 L. 68/1999
 * refers people by ranking and capacities, not by the employer's preferences):
 * - distance: the person's domicile from the workplace, in km between the comuni's centroids; beyond
 *   the vacancy's radius it is marked, never excluded;
 * - qualification: the CP2021 profession asked (the vacancy's, or the post's qualification) against
 *   the professions of the person's CV in Rosa (experiences and preferences): same unit, same
 *   3-digit group (e.g. 4.3.1), another one, or unknown (no CV linked to the enrolment).
 * Order: the people who fit first, each group in ranking order (the graduatoria's position).
 */
import { roundKm } from "~/domain/reference";
import { formatNumber } from "~/utils/format";
import { postChecks, type PersonConditions, type PostConditions, type PostCheckTopic } from "./matching";

export interface MatchRequirements extends PostConditions {
  /** CP2021 unit asked: the vacancy's profession, or the post's qualification. */
  occupationCode: string;
  /** «Milano (MI)»: the workplace, for the distance sentence. */
  workplaceLabel: string;
  /** The vacancy's radius in km; null when matching a post alone. */
  radiusKm: number | null;
}

export interface MatchPerson extends PersonConditions {
  busy: boolean;
  /** From the domicile's comune to the workplace's; null when a centroid is missing. */
  distanceKm: number | null;
  /** CP2021 codes of the person's CV (experiences and preferences); null: no CV linked. */
  occupations: readonly string[] | null;
}

export type MatchTopic = PostCheckTopic | "availability" | "distance" | "qualification";

export interface MatchCheck {
  topic: MatchTopic;
  ok: boolean;
  /** A failed binding check makes the person «non idonea»; the others only inform. */
  binding: boolean;
  text: string;
}

export type Affinity = "same" | "group" | "other" | "unknown";

export interface PersonMatch {
  fits: boolean;
  checks: MatchCheck[];
  affinity: Affinity;
  beyondRadius: boolean;
}

const group = (code: string) => code.split(".").slice(0, 3).join(".");

/** Same CP2021 unit, same 3-digit group, another profession, or no CV to tell. */
export function occupationAffinity(asked: string, occupations: readonly string[] | null): Affinity {
  if (!occupations || occupations.length === 0) return "unknown";
  if (occupations.includes(asked)) return "same";
  if (occupations.some((o) => group(o) === group(asked))) return "group";
  return "other";
}

const AFFINITY_TEXT: Record<Affinity, (asked: string) => string> = {
  same: (c) => `Esperienza o preferenza nella professione richiesta (CP2021 ${c})`,
  group: (c) => `Esperienza o preferenza in una professione dello stesso gruppo CP2021 (${group(c)})`,
  other: (c) => `Nessuna esperienza o preferenza nella professione richiesta (CP2021 ${c}): da valutare al colloquio`,
  unknown: () => "Qualifica non nota: la persona non ha un CV collegato nella banca dati",
};

const km = (n: number) => `${formatNumber(roundKm(n))} km`;

export function assessPerson(req: MatchRequirements, person: MatchPerson): PersonMatch {
  const checks: MatchCheck[] = postChecks(req, person).checks.map((c) => ({ ...c, binding: true }));
  if (person.busy) checks.push({ topic: "availability", ok: false, binding: true, text: "Ha già un avviamento in corso" });
  const beyondRadius = req.radiusKm !== null && person.distanceKm !== null && person.distanceKm > req.radiusKm;
  checks.push(
    person.distanceKm === null
      ? { topic: "distance", ok: true, binding: false, text: "Distanza dalla sede non calcolabile" }
      : {
          topic: "distance",
          ok: !beyondRadius,
          binding: false,
          text: `Domicilio a ${km(person.distanceKm)} dalla sede di ${req.workplaceLabel}${beyondRadius ? `, oltre i ${km(req.radiusKm!)} indicati nell'offerta` : ""}`,
        },
  );
  const affinity = occupationAffinity(req.occupationCode, person.occupations);
  checks.push({
    topic: "qualification",
    ok: affinity === "same" || affinity === "group",
    binding: false,
    text: AFFINITY_TEXT[affinity](req.occupationCode),
  });
  return { fits: checks.every((c) => c.ok || !c.binding), checks, affinity, beyondRadius };
}

export interface MatchRow<T> {
  person: T;
  position: number;
  match: PersonMatch;
}

/** The people who fit first, then the others; each group by ranking position. */
export function orderMatches<T>(rows: readonly MatchRow<T>[]): MatchRow<T>[] {
  return [...rows].sort((a, b) => Number(b.match.fits) - Number(a.match.fits) || a.position - b.position);
}

export interface MatchCounts {
  /** Active people in the province's list (the graduatoria). */
  total: number;
  fitting: number;
  excluded: number;
  /** Among those who fit: same profession or group, and within the vacancy's radius. */
  fittingSameOccupation: number;
  fittingWithinRadius: number;
}

export function countMatches(rows: readonly MatchRow<unknown>[]): MatchCounts {
  const fitting = rows.filter((r) => r.match.fits);
  return {
    total: rows.length,
    fitting: fitting.length,
    excluded: rows.length - fitting.length,
    fittingSameOccupation: fitting.filter((r) => r.match.affinity === "same" || r.match.affinity === "group").length,
    fittingWithinRadius: fitting.filter((r) => !r.match.beyondRadius).length,
  };
}
