import { z } from "zod";
import { API_SCOPE_LIST, type ApiScope } from "./scopes";

/** Conform's checkbox: "on" when ticked, absent otherwise. */
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on");

/** The field name of each scope's checkbox in the admin form (`scope_exports_unilav`). */
export const scopeField = (scope: ApiScope) => `scope_${scope.replace(/[:]/g, "_")}` as const;

/** The administrator's form that creates an integrator's token. */
export const ApiClientCreateSchema = z
  .object({
    intent: z.literal("create"),
    name: z
      .string({ error: "Indica il nome del sistema o dell'ente" })
      .trim()
      .min(2, "Indica il nome del sistema o dell'ente (almeno 2 caratteri)")
      .max(120, "Al massimo 120 caratteri"),
    contactEmail: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v.trim() : undefined))
      .pipe(z.email({ error: "Indica un indirizzo e-mail valido" }).max(254, "Al massimo 254 caratteri").optional()),
    scope_vacancies_read: checkbox,
    scope_exports_cliclavoro: checkbox,
    scope_exports_unilav: checkbox,
    scope_exports_sap: checkbox,
  })
  .superRefine((v, ctx) => {
    if (!API_SCOPE_LIST.some((s) => (v as Record<string, unknown>)[scopeField(s)] === true)) {
      ctx.addIssue({ code: "custom", path: [scopeField("vacancies:read")], message: "Scegli almeno un ambito" });
    }
  });

export type ApiClientCreateInput = z.output<typeof ApiClientCreateSchema>;

export const scopesOf = (input: ApiClientCreateInput): ApiScope[] =>
  API_SCOPE_LIST.filter((s) => (input as Record<string, unknown>)[scopeField(s)] === true);

/** Revoking a token: the row and the version the administrator saw. */
export const ApiClientRevokeSchema = z.object({
  intent: z.literal("revoke"),
  clientId: z.uuid({ error: "Token non valido" }),
  version: z.coerce.number({ error: "Versione mancante: ricarica la pagina" }).int().min(1, "Versione non valida"),
});
