import { z } from "zod";
import { isProvinceCode } from "~/domain/l68";

export const emailField = z
  .string({ error: "Indica l'indirizzo e-mail" })
  .trim()
  .toLowerCase()
  .min(1, "Indica l'indirizzo e-mail")
  .pipe(z.email({ error: "Indirizzo e-mail non valido" }));

/** At least 12 characters: length beats composition rules (NIST SP 800-63B). */
export const newPasswordField = z
  .string({ error: "Indica una password" })
  .min(12, "La password deve avere almeno 12 caratteri")
  .max(200, "La password può avere al massimo 200 caratteri");

export const LoginSchema = z.object({
  email: emailField,
  password: z.string({ error: "Indica la password" }).min(1, "Indica la password"),
  redirectTo: z.string().optional(),
});

export const PasswordChangeSchema = z
  .object({
    currentPassword: z.string({ error: "Indica la password attuale" }).min(1, "Indica la password attuale"),
    newPassword: newPasswordField,
    confirmPassword: z.string({ error: "Ripeti la nuova password" }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "Le due password non coincidono",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "La nuova password deve essere diversa da quella attuale",
  });

export const fullNameField = z
  .string({ error: "Indica nome e cognome" })
  .trim()
  .min(3, "Indica nome e cognome")
  .max(120, "Al massimo 120 caratteri");

/** First SPID/CIE sign-in: link the verified identity to the account the person already has, by its password once. */
export const LinkIdentitySchema = z.object({
  intent: z.literal("link"),
  email: emailField,
  password: z.string({ error: "Indica la password" }).min(1, "Indica la password"),
});

/** First SPID/CIE sign-in of a person looking for work: a candidate account with the verified codice fiscale. */
export const CandidateFromIdentitySchema = z.object({
  intent: z.literal("candidate"),
  email: emailField,
  fullName: fullNameField,
});

export const STAFF_ROLES = ["preselection_officer", "placement_officer", "admin"] as const;
const staffRoleField = z.enum(STAFF_ROLES, { error: "Scegli un ruolo" });

/** A province of the ISTAT list (e.g. «MI»), or nothing; "XX" or a made-up code is refused. */
const officeProvinceField = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isProvinceCode, "Scegli la provincia dall'elenco")
  .optional()
  .or(z.literal("").transform(() => undefined));

export const OfficerCreateSchema = z
  .object({
    fullName: fullNameField,
    email: emailField,
    role: staffRoleField,
    officeProvince: officeProvinceField,
    password: newPasswordField,
  })
  .refine((v) => v.role === "admin" || v.officeProvince, {
    path: ["officeProvince"],
    message: "Scegli la provincia di competenza dell'operatore",
  });

const versionField = z.coerce.number({ error: "Versione mancante: ricarica la pagina" }).int().min(1);

/** The administrator edits an account; `role` only for staff accounts (the page does not offer it to others). */
export const UserUpdateSchema = z.object({
  intent: z.literal("update"),
  version: versionField,
  fullName: fullNameField,
  email: emailField,
  role: staffRoleField.optional(),
  officeProvince: officeProvinceField,
});

export const UserStatusSchema = z.object({
  intent: z.enum(["disable", "enable"]),
  version: versionField,
});

export const UserResetSchema = z.object({ intent: z.literal("reset") });

export const ResetRequestSchema = z.object({ email: emailField });

export const ResetPasswordSchema = z
  .object({
    newPassword: newPasswordField,
    confirmPassword: z.string({ error: "Ripeti la nuova password" }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "Le due password non coincidono" });
