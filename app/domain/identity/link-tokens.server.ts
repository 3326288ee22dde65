import { createHash, randomBytes } from "node:crypto";

/**
 * Tokens for links sent by e-mail (invitations, account activation). Only the
 * hash is stored, so a database leak does not leak usable links.
 */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(24).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}
