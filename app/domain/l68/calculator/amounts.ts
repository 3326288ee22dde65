/**
 * Amounts and legal parameters of L. 68/1999 by validity date (docs/legal/l68.md#s1-7, #s1-11, #s4).
 *
 * Money is held in euro cents as bigint: no floating point anywhere. Pre-2002 amounts
 * were set in lire; the euro equivalents (Lit. 25,000 = € 12.91 …) are used for them.
 * Every period carries `verified`: false marks values or start dates docs/legal/l68.md#s5
 * lists as not confirmed by a source — the explanation says so when one is used.
 */

export interface Period<T> {
  /** First day of validity (ISO date, inclusive). */
  readonly from: string;
  readonly value: T;
  /** Legal act that set the value, as cited to the user. */
  readonly act: string;
  readonly verified: boolean;
}

/** The entry in force on `date` (ISO yyyy-mm-dd); periods must be sorted by `from`. */
export function inForce<T>(periods: readonly Period<T>[], date: string): Period<T> {
  let found: Period<T> | undefined;
  for (const p of periods) if (p.from <= date) found = p;
  if (!found) throw new RangeError(`nessun valore in vigore al ${date}`);
  return found;
}

/**
 * Contributo esonerativo per working day per exempted unit (art. 5 c. 3 and c. 3-bis).
 * 39.21 from 2022-01-01 (DM 30 Sept 2021 n. 193) is confirmed by official sources (S12, S19);
 * the date of the 12.91 → 30.64 step is not (docs/legal/l68.md#s5): 2008-01-01 (L. 247/2007) is our
 * best knowledge.
 */
export const CONTRIBUTO_ESONERATIVO: readonly Period<bigint>[] = [
  { from: "1999-01-01", value: 1291n, act: "art. 5 c. 3 L. 68/1999 (Lit. 25.000)", verified: false },
  { from: "2008-01-01", value: 3064n, act: "art. 5 c. 3 L. 68/1999 come modificato (€ 30,64)", verified: false },
  { from: "2022-01-01", value: 3921n, act: "DM 30 settembre 2021 n. 193", verified: true },
];

/**
 * Art. 15 c. 4 sanction per working day per missing disabled worker: five times the
 * contributo since D.Lgs. 185/2016 (153.20 = 5 × 30.64; 196.05 = 5 × 39.21). Earlier steps
 * (Lit. 100,000 = 51.65 → 62.77) have unverified dates (docs/legal/l68.md#s1-11, #s5).
 */
export const UNCOVERED_SANCTION_DAILY: readonly Period<bigint>[] = [
  { from: "1999-01-01", value: 5165n, act: "art. 15 c. 4 L. 68/1999 (Lit. 100.000)", verified: false },
  { from: "2011-01-01", value: 6277n, act: "art. 15 c. 4 L. 68/1999, importo rivalutato (DM 15 dicembre 2010)", verified: false },
  { from: "2016-10-08", value: 15320n, act: "art. 15 c. 4 L. 68/1999 come modificato dal D.Lgs. 185/2016", verified: false },
  { from: "2022-01-01", value: 19605n, act: "art. 15 c. 4 L. 68/1999 e DM 30 settembre 2021 n. 193", verified: true },
];

export interface ProspettoSanction {
  readonly baseCents: bigint;
  readonly perDayCents: bigint;
}

/** Art. 15 c. 1: late or omitted prospetto informativo (docs/legal/l68.md#s1-11). */
export const PROSPETTO_SANCTION: readonly Period<ProspettoSanction>[] = [
  {
    from: "1999-01-01",
    value: { baseCents: 51646n, perDayCents: 2582n },
    act: "art. 15 c. 1 L. 68/1999 (Lit. 1.000.000 + 50.000 al giorno)",
    verified: false,
  },
  {
    from: "2011-01-01",
    value: { baseCents: 63511n, perDayCents: 3076n },
    act: "art. 15 c. 1 L. 68/1999 e DM 15 dicembre 2010",
    verified: false,
  },
  {
    from: "2022-01-01",
    value: { baseCents: 70243n, perDayCents: 3402n },
    act: "art. 15 c. 1 L. 68/1999 e DM 30 settembre 2021 n. 194",
    verified: true,
  },
];

/**
 * Cap on the coverage through art. 12-bis conventions, in % of the disabled quota:
 * the article exists since L. 247/2007; 10 % raised to 60 % by art. 14-bis DL 159/2025
 * conv. L. 198/2025 (GU 30 Dec 2025, in force the day after) (docs/legal/l68.md#s1-10).
 */
export const ART12BIS_CAP_PERCENT: readonly Period<bigint>[] = [
  { from: "1999-01-01", value: 0n, act: "art. 12-bis non ancora in vigore", verified: true },
  { from: "2008-01-01", value: 10n, act: "art. 12-bis L. 68/1999 (L. 247/2007)", verified: true },
  { from: "2025-12-31", value: 60n, act: "art. 12-bis L. 68/1999 come modificato dalla L. 198/2025", verified: true },
];

/**
 * Fixed-term contracts up to this many months (including extensions) are outside the base
 * (art. 4 c. 1): 6 since art. 46-bis DL 83/2012, 9 before (docs/legal/l68.md#s1-2, #e2).
 */
export const FIXED_TERM_EXCLUDED_MONTHS: readonly Period<number>[] = [
  { from: "1999-01-01", value: 9, act: "art. 4 c. 1 L. 68/1999 (testo originario)", verified: true },
  { from: "2012-06-26", value: 6, act: "art. 4 c. 1 L. 68/1999 come modificato dall'art. 46-bis DL 83/2012", verified: true },
];

/**
 * Cap of the partial exemption when the authorisation states no other: 60 % of the quota
 * (DM 357/2000; docs/legal/l68.md#s1-7, #s3-10). The employer's file never grants more.
 */
export const EXEMPTION_MAX_PERCENT = 60n;

/**
 * Highest cap the calculator accepts as an explicit parameter (`exemption.capPercent`): the 80 %
 * reported for some sectors could not be verified (docs/legal/l68.md#s1-7, #s5), so it is never a default.
 */
export const EXEMPTION_CAP_LIMIT_PERCENT = 80;

/** Intellectual or psychic disability counts under art. 4 c. 3-bis above this reduction (strictly >). */
export const ART4_PSYCHIC_MIN_DISABILITY_PERCENT = 45;

/**
 * Work accident / occupational disease: the INAIL degree above which the worker counts (strictly >;
 * art. 4 c. 4 L. 68/1999 and art. 3 c. 4 DPR 333/2000 — the DPR's wording could not be read in
 * this session: docs/legal/l68.md#s5, so the explanation says "non verificato").
 */
export const INAIL_MIN_DISABILITY_PERCENT = 33;

/** Art. 4 c. 3-bis: categories 1 to this one of the war-pension tables (DPR 915/1978) count. */
export const ART4_MAX_INVALIDITY_CATEGORY = 6;

/** Day on which art. 18 workers had to be in force for the legacy offset (art. 18 c. 1; PRODIS "17/01/2000"). */
export const ART18_LEGACY_IN_FORCE_ON = "2000-01-17";

/** Minimum mission length for a disabled agency worker to count at the user (art. 34 c. 3 D.Lgs. 81/2015). */
export const AGENCY_MISSION_MIN_MONTHS = 12;

/** Capacity reduction from which art. 4 c. 3-bis / c. 4 workers count (≥, docs/legal/l68.md#s3-3). */
export const ART4_MIN_DISABILITY_PERCENT = 60;

/** Last day on which private 15–35 employers were obliged only on a new hire (docs/legal/l68.md#s1-1 item 2). */
export const NEW_HIRE_ONLY_REGIME_UNTIL = "2017-12-31";

/** Euro cents → "79674.72" (the API/CLI money format). */
export function formatCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const text = `${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
  return negative ? `-${text}` : text;
}

export const contributoAt = (date: string) => inForce(CONTRIBUTO_ESONERATIVO, date);
export const uncoveredSanctionAt = (date: string) => inForce(UNCOVERED_SANCTION_DAILY, date);
export const prospettoSanctionAt = (date: string) => inForce(PROSPETTO_SANCTION, date);
export const art12bisCapAt = (date: string) => inForce(ART12BIS_CAP_PERCENT, date);
export const fixedTermExcludedMonthsAt = (date: string) => inForce(FIXED_TERM_EXCLUDED_MONTHS, date);

/**
 * Sanction for a prospetto informativo filed `daysLate` calendar days after the deadline
 * (art. 15 c. 1). The daily increase runs from the day after the deadline, so one day
 * late costs 702.43 + 34.02 = 736.45 (docs/legal/l68.md#s3-11, Confapi Emilia S13). `date` picks
 * the amounts in force (the deadline). Returns euro cents; 0 when not late.
 */
export function prospettoLateSanctionCents(date: string, daysLate: number): bigint {
  if (!Number.isSafeInteger(daysLate) || daysLate < 0) throw new RangeError("giorni di ritardo non validi");
  if (daysLate === 0) return 0n;
  const { baseCents, perDayCents } = prospettoSanctionAt(date).value;
  return baseCents + perDayCents * BigInt(daysLate);
}
