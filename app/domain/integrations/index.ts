/** The client-safe public entry of the integrations context (the open API's clients, scopes and forms). */
export { API_SCOPE_LIST, API_SCOPES, API_TOKEN_PATTERN, isApiScope, type ApiScope } from "./scopes";
export { ApiClientCreateSchema, ApiClientRevokeSchema, scopeField, scopesOf, type ApiClientCreateInput } from "./schema";
