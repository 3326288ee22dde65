import { ZxcvbnFactory, type ZxcvbnResult } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as italian from "@zxcvbn-ts/language-it";
import { DomainError } from "~/domain/errors";

/**
 * Password acceptance in the spirit of NIST SP 800-63B §5.1.1.2: at least 12
 * characters (the zod field), no composition rules, but refuse passwords that
 * are common, predictable or built from the user's own name or e-mail.
 *
 * zxcvbn estimates the guesses an attacker needs with the common-password lists
 * (language-common) and Italian words, names and surnames (language-it). Score 3
 * means about 10^8 guesses or more: enough against online guessing (which the
 * login lockout throttles) and, with argon2id, costly offline. Server side only:
 * the dictionaries weigh over 1 MB and must never reach a browser bundle.
 */
const MIN_SCORE = 3;
/** Parts of the name or e-mail shorter than this are too generic to refuse (e.g. "de", "it"). */
const MIN_PERSONAL_TOKEN = 4;

let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...italian.dictionary },
    graphs: common.adjacencyGraphs,
    translations: italian.translations,
  });
  return factory;
}

export interface PasswordOwner {
  email?: string | null;
  fullName?: string | null;
}

/** The words of the user's name and e-mail that must not appear in their password. */
function personalTokens(owner: PasswordOwner): string[] {
  const tokens = new Set<string>();
  const email = owner.email?.toLowerCase().trim() ?? "";
  const [local = "", domain = ""] = email.split("@");
  if (local.length >= MIN_PERSONAL_TOKEN) tokens.add(local);
  for (const part of [...local.split(/[^\p{L}\p{N}]+/u), ...(owner.fullName ?? "").toLowerCase().split(/[^\p{L}\p{N}]+/u)]) {
    if (part.length >= MIN_PERSONAL_TOKEN) tokens.add(part);
  }
  const domainName = domain.split(".")[0] ?? "";
  // A company's own domain ("panificiolombardo") is as guessable as the user's name.
  if (domainName.length >= 6) tokens.add(domainName);
  return [...tokens];
}

const PREDICTABLE_PATTERNS = new Set(["sequence", "spatial", "repeat", "date"]);

/**
 * Why the password is refused, in Italian, or null when it is acceptable.
 * Pure and synchronous (about 5–30 ms), so tests and domain commands call it directly.
 */
export function passwordWeakness(password: string, owner: PasswordOwner = {}): string | null {
  const lowered = password.toLowerCase();
  const personal = personalTokens(owner);
  if (personal.some((token) => lowered.includes(token))) {
    return "La password contiene il tuo nome o la tua e-mail: scegline una che non si possa ricavare dai tuoi dati.";
  }
  const result: ZxcvbnResult = estimator().check(password, personal);
  if (result.score >= MIN_SCORE) return null;
  const matches = result.sequence;
  if (matches.some((m) => m.pattern === "dictionary" && m.dictionaryName === "userInputs")) {
    return "La password contiene il tuo nome o la tua e-mail: scegline una che non si possa ricavare dai tuoi dati.";
  }
  if (matches.some((m) => m.pattern === "dictionary" && m.dictionaryName === "passwords-common")) {
    return "Questa password è tra le più usate (o ne è una piccola variante) ed è tra le prime che un attaccante prova. Scegline una diversa: una frase di tre o quattro parole non collegate è facile da ricordare e difficile da indovinare.";
  }
  if (matches.some((m) => PREDICTABLE_PATTERNS.has(m.pattern))) {
    return "La password è una sequenza prevedibile (caratteri ripetuti, tasti vicini, numeri in fila o una data). Scegline una diversa: una frase di tre o quattro parole non collegate è facile da ricordare e difficile da indovinare.";
  }
  return "La password è troppo facile da indovinare (parole comuni o nomi propri). Allungala o usa una frase di tre o quattro parole non collegate.";
}

export class WeakPasswordError extends DomainError {}

/** Throws a DomainError on `field` when the password would be refused. */
export function assertAcceptablePassword(password: string, owner: PasswordOwner, field = "password") {
  const weakness = passwordWeakness(password, owner);
  if (weakness) throw new WeakPasswordError(weakness, field);
}
