/**
 * The public entry of the integrations context for server code: the open API's clients and tokens
 * (docs/decisions/open-api.md).
 */
export {
  authenticateApiToken,
  createApiClient,
  generateApiToken,
  hashApiToken,
  listApiClients,
  recordApiCall,
  revokeApiClient,
  type ApiClient,
} from "./clients.server";
