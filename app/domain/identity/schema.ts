import { z } from "zod";

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

export const OfficerCreateSchema = z.object({
  fullName: fullNameField,
  email: emailField,
  role: z.enum(["preselection_officer", "placement_officer", "admin"], { error: "Scegli un ruolo" }),
  officeProvince: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Indica la sigla della provincia (2 lettere)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  password: newPasswordField,
});
