/**
 * Checksums of Italian tax identifiers (client-safe, pure).
 * - Partita IVA / codice fiscale of a legal entity: 11 digits, Luhn-like check digit.
 * - Codice fiscale of a person: 16 characters, check letter (D.M. 23/12/1976), omocodia allowed.
 */

export function isValidPartitaIva(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  if (/^0{11}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(value[i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === Number(value[10]);
}

const ODD_VALUES: Record<string, number> = {
  "0": 1,
  "1": 0,
  "2": 5,
  "3": 7,
  "4": 9,
  "5": 13,
  "6": 15,
  "7": 17,
  "8": 19,
  "9": 21,
  A: 1,
  B: 0,
  C: 5,
  D: 7,
  E: 9,
  F: 13,
  G: 15,
  H: 17,
  I: 19,
  J: 21,
  K: 2,
  L: 4,
  M: 18,
  N: 20,
  O: 11,
  P: 3,
  Q: 6,
  R: 8,
  S: 12,
  T: 14,
  U: 16,
  V: 10,
  W: 22,
  X: 25,
  Y: 24,
  Z: 23,
};

function evenValue(c: string): number {
  return /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 65;
}

const PERSON_CF = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

export function personCodiceFiscaleCheckChar(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = first15[i];
    // Positions are counted from 1: odd positions use the "dispari" table.
    sum += i % 2 === 0 ? ODD_VALUES[c] : evenValue(c);
  }
  return String.fromCharCode(65 + (sum % 26));
}

export function isValidPersonCodiceFiscale(value: string): boolean {
  if (!PERSON_CF.test(value)) return false;
  const dayDigits = value.slice(9, 11).replace(/[LMNPQRSTUV]/g, (c) => String("LMNPQRSTUV".indexOf(c)));
  const day = Number(dayDigits);
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return false;
  return personCodiceFiscaleCheckChar(value.slice(0, 15)) === value[15];
}

/** An employer's codice fiscale: 11 digits for companies, 16 characters for sole traders. */
export function isValidCodiceFiscale(value: string): boolean {
  return value.length === 11 ? isValidPartitaIva(value) : isValidPersonCodiceFiscale(value);
}

export function normalizeTaxCode(value: string): string {
  return value.replace(/\s+/g, "").toUpperCase();
}

const MONTH_LETTERS = "ABCDEHLMPRST";
/** Omocodia: the digits of a person's code may be replaced by letters (L=0 … V=9) when two people share a code. */
const deOmocode = (s: string) => s.replace(/[LMNPQRSTUV]/g, (c) => String("LMNPQRSTUV".indexOf(c)));

/**
 * What a valid personal codice fiscale says about birth and sex (D.M. 23/12/1976): the year's last two
 * digits, the month, the day and the sex (women's days are increased by 40). Null when the code is invalid.
 */
export function decodePersonCodiceFiscale(value: string): { yearTwoDigits: number; month: number; day: number; sex: "M" | "F" } | null {
  const cf = normalizeTaxCode(value);
  if (!isValidPersonCodiceFiscale(cf)) return null;
  const rawDay = Number(deOmocode(cf.slice(9, 11)));
  return {
    yearTwoDigits: Number(deOmocode(cf.slice(6, 8))),
    month: MONTH_LETTERS.indexOf(cf[8]) + 1,
    day: rawDay > 40 ? rawDay - 40 : rawDay,
    sex: rawDay > 40 ? "F" : "M",
  };
}

/**
 * Why a codice fiscale does not belong to a person born on `birthDate` ("YYYY-MM-DD") of `sex`, in Italian,
 * or null when it is consistent. Catches the usual slips (someone else's code, day and month swapped).
 */
export function taxCodeMismatch(value: string, person: { birthDate: string; sex: "M" | "F" }): string | null {
  const decoded = decodePersonCodiceFiscale(value);
  if (!decoded) return "Codice fiscale non valido: il carattere di controllo non corrisponde";
  const [y, m, d] = person.birthDate.split("-").map(Number);
  if (decoded.yearTwoDigits !== y % 100 || decoded.month !== m || decoded.day !== d)
    return "Il codice fiscale non corrisponde alla data di nascita indicata: controlla entrambi";
  if (decoded.sex !== person.sex) return "Il codice fiscale non corrisponde al sesso indicato: controlla entrambi";
  return null;
}
