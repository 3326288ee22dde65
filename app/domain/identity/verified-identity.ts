/**
 * The identity an SPID/CIE gateway asserts (docs/decisions/0027-spid-cie-sign-in-through-oidc.md), read from the claims of the ID token and of
 * the userinfo answer. Pure and client-safe. SPID sends the fiscal number as «TINIT-<codice fiscale>»
 * (`https://attributes.eid.gov.it/fiscal_number`); gateways that translate SPID and CIE to plain OpenID Connect often
 * use `fiscal_number` or `fiscalNumber`. Only a person's 16-character codice fiscale with a valid check letter is
 * accepted: it is the key that links the identity to a Rosa account.
 */
import { isValidPersonCodiceFiscale } from "~/utils/tax-codes";

export const FISCAL_NUMBER_CLAIMS = [
  "https://attributes.eid.gov.it/fiscal_number",
  "fiscal_number",
  "fiscalNumber",
  "fiscal_code",
] as const;

export interface VerifiedIdentity {
  /** The person's codice fiscale, upper case, without the «TINIT-» prefix. */
  taxCode: string;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  /** The subject at the gateway (kept in the audit log, not as a key). */
  subject: string;
}

export type IdentityProblem = "no_fiscal_number" | "invalid_fiscal_number";

const text = (value: unknown, max = 200): string | null =>
  typeof value === "string" && value.trim() !== "" ? value.trim().slice(0, max) : null;

/** The codice fiscale of a claim value: «TINIT-RSSMRA80A01H501U», «rssmra80a01h501u» … or null. */
export function taxCodeOfClaim(value: unknown): string | null {
  const raw = text(value, 40);
  if (!raw) return null;
  const code = raw
    .toUpperCase()
    .replace(/^TINIT-/, "")
    .replace(/\s+/g, "");
  return isValidPersonCodiceFiscale(code) ? code : null;
}

/** Reads the identity from the merged claims; the configured claim name is tried first. */
export function identityFromClaims(
  claims: Record<string, unknown>,
  preferredClaim?: string,
): { ok: true; identity: VerifiedIdentity } | { ok: false; problem: IdentityProblem } {
  const names = preferredClaim ? [preferredClaim, ...FISCAL_NUMBER_CLAIMS] : FISCAL_NUMBER_CLAIMS;
  const present = names.map((n) => claims[n]).filter((v) => text(v, 40) !== null);
  if (present.length === 0) return { ok: false, problem: "no_fiscal_number" };
  const taxCode = taxCodeOfClaim(present[0]);
  if (!taxCode) return { ok: false, problem: "invalid_fiscal_number" };
  const email = text(claims.email, 254);
  return {
    ok: true,
    identity: {
      taxCode,
      givenName: text(claims.given_name) ?? text(claims.name),
      familyName: text(claims.family_name),
      email: email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email.toLowerCase() : null,
      subject: text(claims.sub, 255) ?? "",
    },
  };
}
