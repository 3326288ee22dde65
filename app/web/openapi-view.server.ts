import { openApiDocument } from "./openapi.server";

/**
 * The OpenAPI document reduced to what the reference page (/api-aperta) shows: operations with their parameters,
 * body and responses, and the schemas as property tables. Computed on the server, so that the page needs no script.
 */
type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  description?: string;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
};

const refName = (ref: string) => ref.split("/").pop() ?? ref;

/** A short Italian description of a schema's type: «testo», «intero (0–1000000)», «elenco di Offerta»… */
export function typeLabel(s: JsonSchema | undefined): string {
  if (!s) return "—";
  if (s.$ref) return refName(s.$ref);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return alternatives.map(typeLabel).join(" oppure ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return `uno tra ${s.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  const type = Array.isArray(s.type) ? s.type.join(" | ") : s.type;
  const range = s.minimum !== undefined || s.maximum !== undefined ? ` (${s.minimum ?? "…"}–${s.maximum ?? "…"})` : "";
  switch (type) {
    case "string":
      return s.format === "uuid"
        ? "UUID"
        : s.format === "uri"
          ? "URL"
          : s.format === "email"
            ? "e-mail"
            : s.pattern
              ? `testo (${s.pattern})`
              : "testo";
    case "integer":
      return `intero${range}`;
    case "number":
      return `numero${range}`;
    case "boolean":
      return "vero/falso";
    case "null":
      return "null";
    case "array":
      return `elenco di ${typeLabel(s.items)}`;
    case "object":
      return s.properties ? "oggetto (vedi sotto)" : "oggetto";
    default:
      return type ?? "qualsiasi";
  }
}

export interface PropertyRow {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

/** The rows of an object schema, nested objects flattened with dotted names (`host.activeTrainees`). */
export function propertyRows(s: JsonSchema | undefined, prefix = ""): PropertyRow[] {
  if (!s?.properties) return [];
  return Object.entries(s.properties).flatMap(([name, p]) => {
    const inner = p.anyOf?.find((a) => a.properties) ?? p;
    const full = prefix + name;
    const row: PropertyRow = {
      name: full,
      type: typeLabel(p),
      required: s.required?.includes(name) ?? false,
      description: [p.description ?? "", p.default !== undefined ? `Predefinito: ${JSON.stringify(p.default)}.` : ""]
        .filter(Boolean)
        .join(" "),
    };
    const nested = inner.properties
      ? propertyRows(inner, `${full}.`)
      : inner.items?.properties
        ? propertyRows(inner.items, `${full}[].`)
        : [];
    return [row, ...nested];
  });
}

export function apiReference(baseUrl: string) {
  const doc = openApiDocument(baseUrl) as unknown as {
    info: { title: string; version: string; description: string };
    paths: Record<string, Record<string, Operation>>;
    components?: { schemas?: Record<string, JsonSchema>; securitySchemes?: Record<string, { description?: string }> };
  };
  type Operation = {
    operationId: string;
    summary?: string;
    description?: string;
    tags?: string[];
    security?: Record<string, string[]>[];
    parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema }[];
    requestBody?: { content: Record<string, { schema: JsonSchema }> };
    responses: Record<string, { description: string; content?: Record<string, { schema?: JsonSchema }> }>;
  };
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const scopes = (op.security ?? []).flatMap((s) => s.bearerAuth ?? []);
      const tokenNeeded = !(op.security ?? []).some((s) => Object.keys(s).length === 0);
      const body = op.requestBody ? Object.values(op.requestBody.content)[0]?.schema : undefined;
      return {
        id: op.operationId,
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? "",
        description: op.description ?? "",
        tag: op.tags?.[0] ?? "",
        access: tokenNeeded ? `Token con l'ambito ${scopes.map((s) => `«${s}»`).join(", ")}` : "Pubblico (token facoltativo)",
        parameters: (op.parameters ?? []).map((p) => ({
          name: p.name,
          in: p.in === "path" ? "percorso" : p.in === "query" ? "query" : p.in,
          required: !!p.required,
          type: typeLabel(p.schema),
          description: [
            p.description ?? p.schema?.description ?? "",
            p.schema?.default !== undefined ? `Predefinito: ${JSON.stringify(p.schema.default)}.` : "",
          ]
            .filter(Boolean)
            .join(" "),
        })),
        body: body ? { type: typeLabel(body), rows: body.$ref ? [] : propertyRows(body) } : null,
        responses: Object.entries(op.responses).map(([status, r]) => {
          const [type, content] = Object.entries(r.content ?? {})[0] ?? [];
          return { status, description: r.description, type: type ? `${type}: ${typeLabel(content?.schema)}` : "" };
        }),
      };
    }),
  );
  const schemas = Object.entries(doc.components?.schemas ?? {}).map(([name, s]) => ({
    name,
    description: s.description ?? "",
    rows: propertyRows(s),
  }));
  return { title: doc.info.title, version: doc.info.version, description: doc.info.description, operations, schemas };
}
