import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { InternshipInputSchema } from "~/domain/internships";
import { API_SCOPES } from "~/domain/integrations";
import { QuotaInputSchema } from "~/domain/l68/calculator";
import { BoardFilterSchema } from "~/domain/vacancies/board.server";
import {
  ApiVacancyDetail,
  ApiVacancyList,
  ErrorBody,
  FieldErrorsBody,
  InternshipCheckBody,
  InternshipRejectionBody,
  QuotaResultBody,
  XsdProblemsBody,
} from "./api-schemas.server";

/**
 * The OpenAPI 3.1 document of the open API, generated from the zod schemas (the domain's input schemas, the response
 * schemas of app/web/api-schemas.server.ts) with `zod-openapi` (docs/decisions/open-api.md). Served at
 * /api/v1/openapi.json and rendered on /api-aperta; the contract tests validate every response against it.
 */

const json = (schema: z.ZodType, description: string) => ({ description, content: { "application/json": { schema } } });
const xml = (description: string) => ({ description, content: { "application/xml": { schema: { type: "string" as const } } } });
const error = (description: string) => json(ErrorBody, description);

const RATE_LIMITED = error("Troppe richieste: riprova dopo i secondi indicati da `Retry-After`.");
const UNAUTHORIZED = error("Token mancante, non valido o revocato.");
const FORBIDDEN = error("Il token non ha l'ambito richiesto.");

/** Public endpoints: no token needed; an integrator's token is accepted (its own limit, calls audited). */
const PUBLIC_SECURITY: Record<string, string[]>[] = [{}, { bearerAuth: [] }];
const scoped = (scope: keyof typeof API_SCOPES) => [{ bearerAuth: [scope] }];

type Response = ReturnType<typeof json> | ReturnType<typeof xml>;
const exportResponses = (ok: Response, extra: ZodOpenApiResponsesObject = {}): ZodOpenApiResponsesObject => ({
  "200": ok,
  "401": UNAUTHORIZED,
  "403": FORBIDDEN,
  "404": error("Non trovato."),
  "429": RATE_LIMITED,
  ...extra,
});

const operations: Record<string, Record<string, ZodOpenApiOperationObject>> = {
  "/api/v1/offerte": {
    get: {
      operationId: "elencoOfferte",
      tags: ["Offerte"],
      summary: "Offerte pubblicate",
      description: "Le offerte della bacheca pubblica (/offerte) con gli stessi filtri, 20 per pagina, con il totale esatto.",
      security: PUBLIC_SECURITY,
      requestParams: { query: BoardFilterSchema },
      responses: {
        "200": json(ApiVacancyList, "Una pagina di offerte."),
        "400": json(FieldErrorsBody, "Filtri non validi (per esempio un comune sconosciuto)."),
        "401": UNAUTHORIZED,
        "429": RATE_LIMITED,
        "503": error("Ricerca momentaneamente non disponibile."),
      },
    },
  },
  "/api/v1/offerte/{vacancyId}": {
    get: {
      operationId: "dettaglioOfferta",
      tags: ["Offerte"],
      summary: "Un'offerta pubblicata",
      security: PUBLIC_SECURITY,
      requestParams: { path: z.object({ vacancyId: z.uuid().meta({ description: "Identificativo dell'offerta" }) }) },
      responses: {
        "200": json(ApiVacancyDetail, "L'offerta."),
        "401": UNAUTHORIZED,
        "404": error("Offerta non trovata tra quelle pubblicate."),
        "429": RATE_LIMITED,
      },
    },
  },
  "/api/v1/l68/quota": {
    post: {
      operationId: "quotaL68",
      tags: ["Collocamento mirato"],
      summary: "Calcolo della quota di riserva (L. 68/99)",
      description:
        "Calcolo puro: nulla è salvato. Con `employerId` il calcolo è registrato per quell'azienda e serve una sessione di Rosa (azienda o operatore del collocamento mirato).",
      security: PUBLIC_SECURITY,
      requestParams: { query: z.object({ employerId: z.uuid().optional().meta({ description: "Azienda a cui legare il calcolo" }) }) },
      requestBody: { required: true, content: { "application/json": { schema: QuotaInputSchema } } },
      responses: {
        "200": json(QuotaResultBody, "Quota, scoperture, importi e spiegazione."),
        "400": json(FieldErrorsBody, "Documento non valido."),
        "401": json(FieldErrorsBody, "`employerId` senza una sessione, o token non valido."),
        "403": json(FieldErrorsBody, "Non puoi legare il calcolo a questa azienda."),
        "405": json(FieldErrorsBody, "Metodo diverso da POST."),
        "413": json(FieldErrorsBody, "Documento troppo grande (oltre 2 MB)."),
        "429": RATE_LIMITED,
      },
    },
  },
  "/api/v1/tirocini/check": {
    post: {
      operationId: "verificaTirocinio",
      tags: ["Tirocini"],
      summary: "Verifica delle regole di un tirocinio extracurricolare",
      description:
        "Contratto stabile: 200 con la verifica anche quando trova violazioni; 400 `{rejected, error}` per un documento non valido.",
      security: [{}],
      requestParams: {
        query: z.object({ spiega: z.literal("1").optional().meta({ description: "Aggiunge le spiegazioni in italiano" }) }),
      },
      requestBody: { required: true, content: { "application/json": { schema: InternshipInputSchema } } },
      responses: {
        "200": json(InternshipCheckBody, "Esito della verifica."),
        "400": json(InternshipRejectionBody, "Documento non valido o regione sconosciuta."),
        "429": RATE_LIMITED,
      },
    },
  },
  "/api/v1/esportazioni/cliclavoro/{vacancyId}": {
    get: {
      operationId: "esportaOffertaClicLavoro",
      tags: ["Esportazioni per sistemi autorizzati"],
      summary: "XML ClicLavoro di un'offerta pubblicata",
      description: "Il documento «ricerca personale» (schema ufficiale rev. 064), validato prima dell'invio.",
      security: scoped("exports:cliclavoro"),
      requestParams: { path: z.object({ vacancyId: z.uuid() }) },
      responses: exportResponses(xml("Il documento XML, valido rispetto allo schema."), {
        "422": json(XsdProblemsBody, "Il documento non rispetta lo schema: non è offerto."),
      }),
    },
  },
  "/api/v1/esportazioni/unilav/{hireId}": {
    get: {
      operationId: "esportaAssunzioneUnilav",
      tags: ["Esportazioni per sistemi autorizzati"],
      summary: "UNILAV di un'assunzione",
      description:
        "La UNILAV (struttura ricostruita, validata) di un'assunzione registrata in Rosa; 422 con ciò che manca finché è incompleta. Dati personali del lavoratore: ogni chiamata è registrata con la persona.",
      security: scoped("exports:unilav"),
      requestParams: { path: z.object({ hireId: z.uuid() }) },
      responses: exportResponses(xml("La UNILAV in XML."), {
        "422": json(XsdProblemsBody, "La UNILAV è da completare: non è offerta."),
      }),
    },
  },
  "/api/v1/esportazioni/sap/{candidateId}": {
    get: {
      operationId: "esportaPoliticheSap",
      tags: ["Esportazioni per sistemi autorizzati"],
      summary: "Politiche attive SAP di una persona",
      description: "La sezione politiche attive della SAP (Rev009). Ogni chiamata è registrata con la persona.",
      security: scoped("exports:sap"),
      requestParams: { path: z.object({ candidateId: z.uuid() }) },
      responses: exportResponses(xml("La sezione SAP in XML, valida rispetto allo schema Rev009."), {
        "422": json(XsdProblemsBody, "La sezione non si può esportare (dati mancanti o schema): non è offerta."),
      }),
    },
  },
  "/api/v1/openapi.json": {
    get: {
      operationId: "documentoOpenApi",
      tags: ["Documentazione"],
      summary: "Questo documento OpenAPI 3.1",
      security: [{}],
      responses: { "200": { description: "Il documento OpenAPI.", content: { "application/json": { schema: { type: "object" } } } } },
    },
  },
};

export const API_VERSION = "1.0.0";

let cached: { base: string; doc: ReturnType<typeof createDocument> } | null = null;

/** The document for the portal at `baseUrl` (its `servers` entry); built once per base URL. */
export function openApiDocument(baseUrl: string) {
  if (cached?.base === baseUrl) return cached.doc;
  const doc = createDocument({
    openapi: "3.1.0",
    info: {
      title: "Rosa — API aperta",
      version: API_VERSION,
      description:
        "Le offerte pubblicate, il calcolo della quota L. 68/99 e la verifica dei tirocini sono pubblici (con un limite di richieste per indirizzo IP). Le esportazioni per i sistemi autorizzati (ClicLavoro, UNILAV, SAP) chiedono un token dato dall'amministratore di Rosa, con il suo ambito, inviato come `Authorization: Bearer <token>`. Gli errori hanno un messaggio in italiano.",
      contact: { name: "Amministrazione di Rosa" },
    },
    servers: [{ url: baseUrl }],
    tags: [
      { name: "Offerte" },
      { name: "Collocamento mirato" },
      { name: "Tirocini" },
      { name: "Esportazioni per sistemi autorizzati" },
      { name: "Documentazione" },
    ],
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: `Token dell'integratore (\`rosa_…\`). Ambiti: ${Object.entries(API_SCOPES)
            .map(([k, v]) => `\`${k}\` (${v})`)
            .join(", ")}.`,
        },
      },
    },
    paths: operations,
  });
  cached = { base: baseUrl, doc };
  return doc;
}
