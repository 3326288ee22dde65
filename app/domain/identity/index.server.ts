/**
 * The public entry of the identity context for server code: what other contexts use (app/domain/<context>/x imports
 * another context only from here or from its client-safe index.ts; .dependency-cruiser.cjs enforces it).
 */
export { DuplicateEmailError, createUser, createUserWithHash, isUniqueViolation } from "./commands.server";
export { consumeLink, createEmailLink, findOpenLink, lockOpenLink, revokeOpenLinks } from "./email-links.server";
export { hashToken, newLinkToken } from "./link-tokens.server";
export { assertAcceptablePassword } from "./password-policy.server";
export { hashPassword } from "./password.server";
export type { SessionUser } from "./queries.server";
