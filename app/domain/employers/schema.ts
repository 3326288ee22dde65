import { z } from "zod";
import { emailField, fullNameField, newPasswordField } from "~/domain/identity";
import { isValidCodiceFiscale, isValidPartitaIva, normalizeTaxCode } from "~/utils/tax-codes";
import { HEADCOUNT_BANDS } from "./labels";

export { HEADCOUNT_BANDS };

const text = (label: string, max = 200) =>
  z
    .string({ error: `Indica ${label}` })
    .trim()
    .min(1, `Indica ${label}`)
    .max(max, `Al massimo ${max} caratteri`);

const optional = (schema: z.ZodType<string, string>) =>
  z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined))
    .pipe(schema.optional());

export const taxCodeField = z
  .string({ error: "Indica il codice fiscale" })
  .transform(normalizeTaxCode)
  .pipe(
    z
      .string()
      .min(1, "Indica il codice fiscale")
      .refine((v) => v.length === 11 || v.length === 16, "Il codice fiscale ha 11 cifre (società) o 16 caratteri (ditta individuale)")
      .refine(isValidCodiceFiscale, "Codice fiscale non valido: il carattere di controllo non corrisponde"),
  );

export const vatNumberField = z
  .string()
  .transform(normalizeTaxCode)
  .pipe(
    z
      .string()
      .regex(/^\d{11}$/, "La partita IVA ha 11 cifre")
      .refine(isValidPartitaIva, "Partita IVA non valida: la cifra di controllo non corrisponde"),
  );

const phoneField = z
  .string({ error: "Indica un numero di telefono" })
  .trim()
  .regex(/^\+?[0-9 ./-]{6,20}$/, "Numero di telefono non valido");

const SiteSchema = z.object({
  label: z.string().trim().max(100, "Al massimo 100 caratteri").optional().default(""),
  address: z.string().trim().max(200, "Al massimo 200 caratteri").optional().default(""),
  comune: z.string().trim().max(100).optional().default(""),
});

/** Company data, shared by registration and by the legal representative's corrections. */
export const CompanySchema = z.object({
  legalName: text("la ragione sociale"),
  taxCode: taxCodeField,
  vatNumber: optional(vatNumberField),
  atecoCode: z
    .string({ error: "Indica il codice ATECO" })
    .trim()
    .transform((v) => v.split(/\s/)[0])
    .pipe(z.string().regex(/^[0-9]{2}(\.[0-9]{1,2}){0,3}$/, "Indica un codice ATECO (es. 10.71.10) scegliendolo dall'elenco")),
  headcountBand: z.enum(Object.keys(HEADCOUNT_BANDS) as [keyof typeof HEADCOUNT_BANDS], { error: "Scegli la fascia di dipendenti" }),
  legalAddress: text("l'indirizzo della sede legale"),
  legalComune: text("il comune della sede legale", 100),
  pec: optional(z.email({ error: "Indirizzo PEC non valido" })),
  contactName: fullNameField,
  contactEmail: emailField,
  contactPhone: phoneField,
  sites: z
    .array(SiteSchema)
    .max(20, "Al massimo 20 sedi operative")
    .optional()
    .default([])
    .transform((sites) => sites.filter((s) => s.label || s.address || s.comune))
    .superRefine((sites, ctx) => {
      sites.forEach((s, i) => {
        if (!s.address) ctx.addIssue({ code: "custom", path: [i, "address"], message: "Indica l'indirizzo della sede" });
        if (!s.comune) ctx.addIssue({ code: "custom", path: [i, "comune"], message: "Indica il comune della sede" });
      });
    }),
});

export type CompanyInput = z.infer<typeof CompanySchema>;

export const RegistrationSchema = CompanySchema.extend({
  fullName: fullNameField,
  email: emailField,
  password: newPasswordField,
  confirmPassword: z.string({ error: "Ripeti la password" }),
  privacy: z.literal("on", { error: "Per registrarti devi dichiarare di aver letto l'informativa privacy" }),
}).refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "Le due password non coincidono" });

export type RegistrationInput = z.infer<typeof RegistrationSchema>;

export const ReviewSchema = z
  .object({
    decision: z.enum(["validate", "reject"], { error: "Scegli se convalidare o respingere" }),
    reason: z.string().trim().max(1000, "Al massimo 1000 caratteri").optional().default(""),
    version: z.coerce.number({ error: "Versione mancante" }).int().min(1),
  })
  .refine((v) => v.decision !== "reject" || v.reason.length >= 10, {
    path: ["reason"],
    message: "Spiega all'azienda perché la registrazione è respinta (almeno 10 caratteri)",
  });

export const EmployerListFilterSchema = z.object({
  q: z.string().trim().max(100, "Al massimo 100 caratteri").optional().default(""),
  status: z.enum(["", "pending", "validated", "rejected"], { error: "Stato non valido" }).optional().default(""),
  page: z.coerce.number({ error: "Pagina non valida" }).int().min(1, "Pagina non valida").max(10_000).default(1),
});

export const InvitationSchema = z.object({
  email: emailField,
  employerRole: z.enum(["colleague", "delegate"], { error: "Scegli il ruolo della persona invitata" }),
});

export const RemoveEmployerUserSchema = z.object({
  intent: z.literal("remove"),
  userId: z.uuid({ error: "Persona non valida: ricarica la pagina" }),
});
export const CancelInvitationSchema = z.object({
  intent: z.literal("cancel_invitation"),
  invitationId: z.uuid({ error: "Invito non valido: ricarica la pagina" }),
});

export const AcceptInvitationSchema = z
  .object({
    fullName: fullNameField,
    password: newPasswordField,
    confirmPassword: z.string({ error: "Ripeti la password" }),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "Le due password non coincidono" });

/** The header's company switcher (a labour consultant delegated by several companies). */
export const SwitchCompanySchema = z.object({
  employerId: z.uuid({ error: "Scegli un'azienda dall'elenco" }),
});

/** The legal representative revokes a labour consultant's delegation. */
export const RevokeDelegationSchema = z.object({
  intent: z.literal("revoke"),
  delegationId: z.uuid({ error: "Delega non valida: ricarica la pagina" }),
});

/** A validated company confirms that a new codice fiscale or ragione sociale goes back to validation. */
export const REVALIDATION_NOTICE = "La modifica richiede una nuova convalida da parte del Centro per l'Impiego";
