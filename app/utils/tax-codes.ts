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

/**
 * The check character of the codice fiscale algorithm over any string of digits and capital letters: characters in odd
 * positions (1st, 3rd…) take the «dispari» table, the others their value (0–9, A=0…Z=25); the sum modulo 26 is the
 * letter. A person's code applies it to its first 15 characters; the SAP `identificativo_politica` to its own fields.
 */
export function codiceFiscaleCheckChar(text: string): string {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    // Positions are counted from 1: odd positions use the "dispari" table.
    sum += i % 2 === 0 ? ODD_VALUES[c] : evenValue(c);
  }
  return String.fromCharCode(65 + (sum % 26));
}

export function personCodiceFiscaleCheckChar(first15: string): string {
  return codiceFiscaleCheckChar(first15.slice(0, 15));
}

export function isValidPersonCodiceFiscale(value: string): boolean {
  return readPersonCodiceFiscale(value) !== null && personCodiceFiscaleCheckChar(value.slice(0, 15)) === value[15];
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
 * What the characters of a personal codice fiscale (capital letters, no spaces) say, read without checking its control
 * letter: the year's last two digits, the month, the day, the sex (women's days are increased by 40) and the Belfiore
 * code of the place of birth (a comune, or Zxxx for a foreign State). Null when it does not have a person's code shape.
 */
export function readPersonCodiceFiscale(
  cf: string,
): { yearTwoDigits: number; month: number; day: number; sex: "M" | "F"; birthPlace: string } | null {
  if (!PERSON_CF.test(cf)) return null;
  const rawDay = Number(deOmocode(cf.slice(9, 11)));
  if (!((rawDay >= 1 && rawDay <= 31) || (rawDay >= 41 && rawDay <= 71))) return null;
  return {
    yearTwoDigits: Number(deOmocode(cf.slice(6, 8))),
    month: MONTH_LETTERS.indexOf(cf[8]) + 1,
    day: rawDay > 40 ? rawDay - 40 : rawDay,
    sex: rawDay > 40 ? "F" : "M",
    birthPlace: cf[11] + deOmocode(cf.slice(12, 15)),
  };
}

/**
 * What a valid personal codice fiscale says about birth and sex (D.M. 23/12/1976): the year's last two
 * digits, the month, the day and the sex. Null when the code is invalid.
 */
export function decodePersonCodiceFiscale(value: string): { yearTwoDigits: number; month: number; day: number; sex: "M" | "F" } | null {
  const cf = normalizeTaxCode(value);
  const read = isValidPersonCodiceFiscale(cf) ? readPersonCodiceFiscale(cf) : null;
  return read && { yearTwoDigits: read.yearTwoDigits, month: read.month, day: read.day, sex: read.sex };
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
