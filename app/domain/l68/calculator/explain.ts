/**
 * Italian wording for the calculator's explanation: labels with their legal basis
 * (docs/legal/l68.md#s1-2 table) and number/money/date formatting in Italian style.
 */
import type { ContractType, ExclusionType } from "./schema";
import { type Rational, rational, toDecimal } from "./rational";
import { formatNumber } from "~/utils/format";

/** Why a worker is outside the base di computo: label and legal basis (docs/legal/l68.md#s1-2). */
export interface ExclusionReason {
  label: string;
  basis: string;
}

export const CONTRACT_EXCLUSIONS: Partial<Record<ContractType, ExclusionReason>> = {
  apprendistato: { label: "apprendisti", basis: "art. 47 c. 3 D.Lgs. 81/2015" },
  dirigente: { label: "dirigenti", basis: "art. 4 c. 1 L. 68/1999" },
  somministrato: {
    label: "lavoratori somministrati (non si computano presso l'utilizzatore)",
    basis: "art. 4 c. 1 L. 68/1999 e art. 34 c. 3 D.Lgs. 81/2015",
  },
  domicilio: { label: "lavoratori a domicilio", basis: "art. 4 c. 1 L. 68/1999" },
  lsu: { label: "lavoratori socialmente utili (LSU)", basis: "art. 4 c. 1 L. 68/1999 e art. 7 D.Lgs. 81/2000" },
  socio_cooperativa: { label: "soci di cooperative di produzione e lavoro", basis: "art. 4 c. 1 L. 68/1999" },
  inserimento: { label: "lavoratori con contratto di inserimento o reinserimento", basis: "art. 4 c. 1 L. 68/1999" },
  formazione_lavoro: { label: "lavoratori con contratto di formazione e lavoro", basis: "prassi (prospetto informativo)" },
};

export const FIXED_TERM_EXCLUSION = (months: number): ExclusionReason => ({
  label: `lavoratori a tempo determinato di durata fino a ${months} mesi, proroghe comprese`,
  basis:
    months === 6 ? "art. 4 c. 1 L. 68/1999 come modificato dall'art. 46-bis DL 83/2012" : "art. 4 c. 1 L. 68/1999 (testo allora vigente)",
});

export const CATEGORY_EXCLUSIONS: Record<ExclusionType, ExclusionReason> = {
  cantiere_edile: { label: "personale di cantiere del settore edile", basis: "art. 5 c. 2 L. 68/1999" },
  trasporto_viaggiante: {
    label: "personale viaggiante e navigante del trasporto aereo, marittimo e terrestre",
    basis: "art. 5 c. 2 L. 68/1999",
  },
  estero: { label: "lavoratori assunti per attività all'estero, per la durata di tale attività", basis: "art. 4 c. 1 L. 68/1999" },
  telelavoro_escluso: {
    label: "telelavoratori per conciliazione vita-lavoro previsti da accordo collettivo",
    basis: "art. 23 D.Lgs. 80/2015",
  },
  stagionale_agricolo_breve: {
    label: "stagionali agricoli con non più di 180 giornate lavorate nell'anno",
    basis: "nota INL 43/2018",
  },
  impianti_fune: { label: "personale addetto al trasporto negli impianti a fune", basis: "art. 5 c. 2 L. 68/1999" },
  autotrasporto: { label: "personale viaggiante dell'autotrasporto", basis: "art. 5 c. 2 L. 68/1999" },
  sottosuolo: { label: "lavoratori del sottosuolo e del trasporto del minerale", basis: "classificazione del prospetto informativo" },
  emersione: { label: "lavoratori emersi dal lavoro irregolare", basis: "art. 4 c. 1 L. 68/1999 e art. 1 c. 4-bis L. 383/2001" },
  passaggio_appalto: { label: "lavoratori acquisiti per passaggio di appalto", basis: "classificazione del prospetto informativo" },
  sostituto: {
    label: "sostituti di lavoratori assenti con diritto alla conservazione del posto",
    basis: "prassi, per evitare doppi conteggi",
  },
  fuori_perimetro_art3: {
    label: "personale escluso dalla base per la natura del datore (partiti, sindacati, onlus, polizia e protezione civile)",
    basis: "art. 3 c. 3 e c. 4 L. 68/1999",
  },
};

/** 1234567n → "1.234.567". */
export function formatInt(n: bigint | number): string {
  return formatNumber(BigInt(n));
}

/** Exact value with Italian decimal comma; "circa" when it had to be cut at four digits. */
export function formatDecimal(x: Rational, minDigits = 0): string {
  const { text, exact } = toDecimal(x, { minDigits, maxDigits: 4 });
  const [int = "0", frac] = text.split(".");
  const body = frac === undefined ? formatInt(BigInt(int)) : `${formatInt(BigInt(int))},${frac}`;
  return exact ? body : `circa ${body}`;
}

/** Euro cents (or an exact fraction of cents) → "€ 79.674,72"; sub-cent digits kept if exact. */
export function formatEuro(cents: bigint | Rational): string {
  const value = typeof cents === "bigint" ? rational(cents, 100n) : rational(cents.num, cents.den * 100n);
  return `€ ${formatDecimal(value, 2)}`;
}

/** "2026-03-01" → "01/03/2026": a calendar day written the Italian way, with no time zone involved (unlike formatDate in app/utils/format.ts, which formats an instant in Europe/Rome). */
export function formatIsoDay(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** "1 lavoratore" / "3 lavoratori": Italian singular/plural. */
export function plural(n: bigint | number, one: string, many: string): string {
  return `${formatInt(n)} ${BigInt(n) === 1n ? one : many}`;
}
