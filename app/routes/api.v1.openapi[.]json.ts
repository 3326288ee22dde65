import { openApiDocument } from "~/web/openapi.server";
import { apiJson } from "~/web/api.server";
import { publicBaseUrl } from "~/web/action.server";

/** GET /api/v1/openapi.json — the OpenAPI 3.1 document of the open API, generated from the zod schemas. Public. */
export function loader() {
  return apiJson(openApiDocument(publicBaseUrl()), 200, { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" });
}
