/**
 * The provincial ranking (graduatoria) of the people enrolled for targeted placement (art. 8 c. 2
 * L. 68/1999: «un elenco, con unica graduatoria»). The criteria are set by the region; Rosa keeps
 * them as parameters by validity date, like the amounts (l68/calculator/amounts.ts), and computes with exact
 * rationals (l68/calculator/rational.ts). Higher score, higher rank.
 *
 * Criteria implemented, and where each weight comes from. None of the weights is in the project's
 * sources (docs/legal/placement.md#ranking): each is marked `verified: false` and the page says so.
 * - The list of criteria — seniority of enrolment, family burden, economic situation, degree of
 *   disability — is the one the provinces apply «seguendo i criteri indicati dalla legge» (Provincia
 *   di Lodi, graduatoria L. 68/99; national act: DPR 333/2000 and DPCM 13 gennaio 2000, from memory).
 * - Disability: 1 point per percentage point; seniority: 2 points per full month of enrolment, at
 *   most 72 (36 months); ISEE: 25 points at € 0, 0.5 fewer per full € 500, never below 0, none
 *   without a valid ISEE; ties: longer enrolment first, then the younger person — Agenzia regionale
 *   per il lavoro Emilia-Romagna, «Criteri di calcolo per la formazione delle graduatorie».
 * - Family burden: 12 points per dependant — Provincia di Lecco's table (there −12 on a scale where
 *   fewer points rank higher; turned into +12 here). Mixing the two acts is Rosa's choice, to show
 *   all four criteria: a region enters its own parameters as a new period.
 * - Last tie-break (ours, for a deterministic order): tax code, then the enrolment's id.
 */
import { add, cmp, max0, mul, rational, sub, ZERO, type Rational } from "./rational-extra";

export interface RankingParameters {
  /** First day of validity (ISO date, inclusive). */
  readonly from: string;
  readonly label: string;
  readonly disability: { readonly pointsPerPercent: Rational; readonly source: string; readonly verified: boolean };
  readonly seniority: {
    readonly pointsPerMonth: Rational;
    readonly maxPoints: Rational;
    readonly source: string;
    readonly verified: boolean;
  };
  readonly income: {
    readonly pointsAtZero: Rational;
    readonly stepCents: bigint;
    readonly pointsPerStep: Rational;
    readonly source: string;
    readonly verified: boolean;
  };
  readonly family: { readonly pointsPerDependant: Rational; readonly source: string; readonly verified: boolean };
  readonly tieBreak: string;
}

const ER = "Agenzia regionale per il lavoro Emilia-Romagna, criteri di calcolo delle graduatorie del collocamento mirato";

export const RANKING_PARAMETERS: readonly RankingParameters[] = [
  {
    from: "2000-01-01",
    label: "Criteri regionali (parametri dimostrativi di Rosa)",
    disability: { pointsPerPercent: rational(1), source: `${ER}: punti pari alla percentuale di invalidità`, verified: false },
    seniority: { pointsPerMonth: rational(2), maxPoints: rational(72), source: `${ER}: 2 punti per mese, massimo 72`, verified: false },
    income: {
      pointsAtZero: rational(25),
      stepCents: 50000n,
      pointsPerStep: rational(1, 2),
      source: `${ER}: ISEE pari a zero 25 punti, 0,5 in meno ogni € 500; senza ISEE valido nessun punto`,
      verified: false,
    },
    family: {
      pointsPerDependant: rational(12),
      source: "Provincia di Lecco, graduatoria L. 68/99: 12 punti per persona a carico (segno invertito)",
      verified: false,
    },
    tieBreak:
      "A parità di punteggio precede chi è iscritto da più tempo, poi la persona più giovane (criteri Emilia-Romagna); poi il codice fiscale.",
  },
];

/** The parameters in force on `date`. */
export function rankingParametersOn(date: string): RankingParameters {
  let found: RankingParameters | undefined;
  for (const p of RANKING_PARAMETERS) if (p.from <= date) found = p;
  if (!found) throw new RangeError(`nessun criterio di graduatoria in vigore al ${date}`);
  return found;
}

export interface RankingEntry {
  id: string;
  taxCode: string;
  birthDate: string;
  enrolledOn: string;
  /** "67.5" or a number: the percentage from the assessment (health data). */
  disabilityPercent: string | number;
  familyDependants: number;
  /** ISEE in euro cents; null: no valid ISEE presented. */
  iseeCents: bigint | null;
}

export interface ScoreParts {
  disability: Rational;
  seniority: Rational;
  income: Rational;
  family: Rational;
  total: Rational;
  months: number;
}

/** Full months from `from` to `to` (ISO dates): 2026-01-31 → 2026-02-28 is 0, → 2026-03-01 is 1. */
export function fullMonths(from: string, to: string): number {
  if (to < from) return 0;
  const [fy, fm, fd] = from.split("-").map(Number);
  const [ty, tm, td] = to.split("-").map(Number);
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(0, months);
}

/** "67.50" → 6750/100, exactly. */
export function decimalText(value: string | number): Rational {
  const text = String(value).trim();
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new RangeError(`percentuale non valida: ${text}`);
  const frac = m[2] ?? "";
  return rational(BigInt(m[1] + frac), 10n ** BigInt(frac.length));
}

export function scoreOf(e: RankingEntry, date: string, p: RankingParameters = rankingParametersOn(date)): ScoreParts {
  const disability = mul(decimalText(e.disabilityPercent), p.disability.pointsPerPercent);
  const months = fullMonths(e.enrolledOn, date);
  const rawSeniority = mul(rational(months), p.seniority.pointsPerMonth);
  const seniority = cmp(rawSeniority, p.seniority.maxPoints) > 0 ? p.seniority.maxPoints : rawSeniority;
  const income =
    e.iseeCents === null ? ZERO : max0(sub(p.income.pointsAtZero, mul(rational(e.iseeCents / p.income.stepCents), p.income.pointsPerStep)));
  const family = mul(rational(e.familyDependants), p.family.pointsPerDependant);
  return { disability, seniority, income, family, total: add(add(disability, seniority), add(income, family)), months };
}

/** Deterministic order: score, earlier enrolment, younger person, tax code, id. */
export function compareRanked(a: RankingEntry & { score: Rational }, b: RankingEntry & { score: Rational }): number {
  return (
    cmp(b.score, a.score) ||
    a.enrolledOn.localeCompare(b.enrolledOn) ||
    b.birthDate.localeCompare(a.birthDate) ||
    (a.taxCode < b.taxCode ? -1 : a.taxCode > b.taxCode ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export interface Ranked<T extends RankingEntry> {
  entry: T;
  position: number;
  parts: ScoreParts;
}

/** The graduatoria on `date`: every entry with its position (1-based) and its score parts. */
export function rank<T extends RankingEntry>(
  entries: readonly T[],
  date: string,
  p: RankingParameters = rankingParametersOn(date),
): Ranked<T>[] {
  const scored = entries.map((entry) => ({ entry, parts: scoreOf(entry, date, p) }));
  scored.sort((x, y) => compareRanked({ ...x.entry, score: x.parts.total }, { ...y.entry, score: y.parts.total }));
  return scored.map((s, i) => ({ ...s, position: i + 1 }));
}
