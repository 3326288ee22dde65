/**
 * What an integrator's token may do on the open API (docs/decisions/open-api.md). Client-safe: the admin page lists
 * them, the API checks them. The public endpoints (vacancies, L. 68 calculator, internship checker) need no token;
 * `vacancies:read` lets an integrator call them under its own rate limit, with its calls audited.
 */
export const API_SCOPES = {
  "vacancies:read": "Offerte pubblicate (ricerca e dettaglio)",
  "exports:cliclavoro": "Esportazione ClicLavoro delle offerte pubblicate",
  "exports:unilav": "Dati UNILAV delle assunzioni",
  "exports:sap": "Politiche attive SAP di una persona",
} as const;

export type ApiScope = keyof typeof API_SCOPES;

export const API_SCOPE_LIST = Object.keys(API_SCOPES) as ApiScope[];

export const isApiScope = (s: string): s is ApiScope => s in API_SCOPES;

/** Tokens look like `rosa_` + 43 base64url characters (256 random bits). */
export const API_TOKEN_PATTERN = /^rosa_[A-Za-z0-9_-]{43}$/;
