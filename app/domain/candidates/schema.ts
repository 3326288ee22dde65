import { z } from "zod";
import { emailField, fullNameField, newPasswordField } from "~/domain/identity";
import { ALBI, DRIVING_LICENCES, LANGUAGE_OPTIONS, LANGUAGES, PATENTINI, STUDY_LEVELS } from "~/domain/reference";
import { certificateCodeOf, CV_LICENCE_CATEGORIES, cvLicenceCodeOfCategory } from "./cv-codes";
import { isValidPersonCodiceFiscale, normalizeTaxCode, taxCodeMismatch } from "~/utils/tax-codes";
import { calendarDay } from "~/utils/date-fields";

/** Client-safe vocabulary of the CV database: codes in English, labels in Italian. */
export const MAX_PREFERENCES = 3;

export const WORK_TIME_LABELS = { any: "Indifferente", full_time: "Tempo pieno", part_time: "Tempo parziale" } as const;
export const PROTECTED_CATEGORY_LABELS = {
  none: "Nessuna",
  art1: "Iscritto al collocamento mirato (L. 68/99 art. 1, disabilità)",
  art18: "Iscritto al collocamento mirato (L. 68/99 art. 18, categorie protette)",
} as const;
export const PREFERENCE_SOURCE_LABELS = { work: "Esperienza di lavoro", education: "Istruzione", training: "Formazione" } as const;
export const CEFR_LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2"] as const;
export const IT_SKILL_LEVEL_LABELS = { basic: "Base", intermediate: "Intermedio", advanced: "Avanzato" } as const;
/** The ministerial languages (lingue.csv, «Inglese»…), keyed by their code («001»): what the CV stores since the national codes. */
export const LANGUAGE_LABELS: Readonly<Record<string, string>> = LANGUAGES;
/** The form's options: Italian first, then alphabetical. */
export { LANGUAGE_OPTIONS };
/** The ministerial driving licences (patenti.csv, «Patente B»), keyed by their code («02»): what the CV stores. */
export const LICENCE_LABELS: Readonly<Record<string, string>> = DRIVING_LICENCES;
export const MAX_LICENCES = 10;

const text = (label: string, max = 200) =>
  z
    .string({ error: `Indica ${label}` })
    .trim()
    .min(1, `Indica ${label}`)
    .max(max, `Al massimo ${max} caratteri`);

/** Empty string → undefined, so optional fields of HTML forms validate only when filled. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() ? v.trim() : undefined), schema.optional());

const isoDate = (label: string) =>
  z.string({ error: `Indica ${label}` }).pipe(
    calendarDay(`Indica ${label} nel formato gg/mm/aaaa`, {
      nonexistent: `${label[0].toUpperCase()}${label.slice(1)}: data inesistente`,
    }),
  );

const year = (label: string) =>
  z.coerce
    .number({ error: `${label}: indica un anno` })
    .int(`${label}: indica un anno`)
    .min(1930, `${label}: anno non plausibile`)
    .max(2100, `${label}: anno non plausibile`);

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");

export const personTaxCodeField = z
  .string({ error: "Indica il codice fiscale" })
  .transform(normalizeTaxCode)
  .pipe(
    z
      .string()
      .min(1, "Indica il codice fiscale")
      .regex(/^[A-Z0-9]{16}$/, "Il codice fiscale di una persona ha 16 caratteri")
      .refine(isValidPersonCodiceFiscale, "Codice fiscale non valido: il carattere di controllo non corrisponde"),
  );

/** "5.1.2.2.0 — Commessi…" or "5.1.2.2.0": the picker shows labels, the code is the first token. */
export const occupationCodeField = z
  .string({ error: "Indica la professione" })
  .trim()
  .min(1, "Indica la professione scegliendola dall'elenco")
  .transform((v) => v.split(/\s/)[0])
  .pipe(z.string().regex(/^\d(\.\d{1,2}){3,4}$/, "Indica una professione CP2021 (es. 5.1.2.2.0) scegliendola dall'elenco"));

const atecoCodeField = z
  .string()
  .trim()
  .transform((v) => v.split(/\s/)[0])
  .pipe(z.string().regex(/^[0-9]{2}(\.[0-9]{1,2}){0,3}$/, "Indica un settore ATECO (es. 47.11) scegliendolo dall'elenco"));

const phoneField = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ./-]{6,20}$/, "Numero di telefono non valido");

/**
 * A repeated form section: rows left blank are dropped, the others validated
 * where they are (so an error points at the row the user typed in).
 */
const rows = <T extends z.ZodType>(
  row: T,
  isBlank: (r: Record<string, string>) => boolean,
  max: number,
  tooMany: string,
  anchor: string,
  opts: { required?: string; unique?: { key: string; message: string } } = {},
) =>
  z
    .preprocess(
      (list) =>
        Array.from(Array.isArray(list) ? list : [], (r) =>
          r && typeof r === "object" && !isBlank(r as Record<string, string>) ? r : null,
        ),
      z.array(row.nullable()),
    )
    .superRefine((list, ctx) => {
      const filled = list.flatMap((r, i) => (r === null ? [] : [i]));
      if (filled.length > max) ctx.addIssue({ code: "custom", path: [filled[max], anchor], message: tooMany });
      if (opts.required && filled.length === 0) ctx.addIssue({ code: "custom", path: [0, anchor], message: opts.required });
      if (opts.unique) {
        const key = opts.unique.key;
        const seen = new Set<unknown>();
        for (const i of filled) {
          const value = (list[i] as Record<string, unknown>)[key];
          if (seen.has(value)) ctx.addIssue({ code: "custom", path: [i, key], message: opts.unique.message });
          seen.add(value);
        }
      }
    })
    .transform((list) => list.filter((r): r is NonNullable<typeof r> => r !== null) as z.output<T>[]);

const blank =
  (...keys: string[]) =>
  (r: Record<string, string>) =>
    keys.every((k) => !r[k]?.trim());

export const EducationSchema = z.object({
  /** Ministerial level of study 0–12 (titoli_studio_livelli.csv); the EQF is derived from it (education.ts). */
  studyLevel: z
    .enum(Object.keys(STUDY_LEVELS) as [string, ...string[]], { error: "Scegli il livello del titolo di studio" })
    .transform(Number),
  /** «40200000 — Diploma…» or the 8 digits: the official title within the level (optional; the server checks it belongs to the level). */
  studyTitle: z
    .string()
    .trim()
    .optional()
    .default("")
    .transform((v) => v.split(/\s/)[0] ?? "")
    .pipe(z.string().regex(/^(\d{8})?$/, "Scegli il titolo di studio dall'elenco ministeriale (codice di 8 cifre)"))
    .transform((v) => v || null),
  title: text("il titolo di studio", 300),
  institution: optional(z.string().max(200, "Al massimo 200 caratteri")),
  year: optional(year("Anno del titolo")),
});

export const ExperienceSchema = z
  .object({
    occupation: occupationCodeField,
    employer: text("il datore di lavoro"),
    from: isoDate("la data di inizio"),
    to: optional(isoDate("la data di fine")),
    tasks: optional(z.string().max(2000, "Al massimo 2000 caratteri")),
  })
  .refine((e) => !e.to || e.to >= e.from, { path: ["to"], message: "La data di fine precede quella di inizio" });

export const PreferenceSchema = z.object({
  occupation: occupationCodeField,
  ateco: optional(atecoCodeField),
  source: z.enum(["work", "education", "training"], { error: "Indica da dove viene la propensione" }),
  years: optional(
    z.coerce
      .number({ error: "Anni di esperienza: indica un numero" })
      .int("Anni di esperienza: numero intero")
      .min(0, "Anni di esperienza non validi")
      .max(60, "Anni di esperienza non validi"),
  ),
  lastJobYear: optional(year("Anno dell'ultimo lavoro")),
  notes: optional(z.string().max(2000, "Al massimo 2000 caratteri")),
  interviewDate: optional(isoDate("la data del colloquio")),
});

/** A ministerial language code (lingue.csv): the forms offer only these. */
const languageCodeField = (message: string) =>
  z
    .string({ error: "Scegli la lingua" })
    .trim()
    .toUpperCase()
    .refine((code) => Object.hasOwn(LANGUAGES, code), message);

export const LanguageSchema = z.object({
  code: languageCodeField("Scegli la lingua dall'elenco"),
  level: z.enum(CEFR_LEVELS, { error: "Scegli il livello (da A1 a C2)" }),
});

export const MAX_MOTHER_TONGUES = 3;

/** A mother tongue has no QCER level: it meets a language requirement at any level. */
export const MotherTongueSchema = z.object({
  code: languageCodeField("Scegli la madrelingua dall'elenco"),
});

/**
 * A driving licence: the ministerial code (patenti.csv) and, as optional detail, the EU category, which must fall under it;
 * a category alone gives its code.
 */
export const LicenceSchema = z
  .object({
    code: optional(z.string().refine((code) => Object.hasOwn(DRIVING_LICENCES, code), "Scegli la patente dall'elenco")),
    category: optional(
      z
        .string()
        .toUpperCase()
        .pipe(z.enum(CV_LICENCE_CATEGORIES, { error: "Categoria non riconosciuta: scegli una categoria UE (es. B, C1, CE)" })),
    ),
  })
  .transform((l, ctx) => {
    const code = l.code ?? (l.category ? cvLicenceCodeOfCategory(l.category) : undefined);
    if (!code) {
      ctx.addIssue({ code: "custom", path: ["code"], message: "Scegli la patente" });
      return z.NEVER;
    }
    if (l.category && cvLicenceCodeOfCategory(l.category) !== code) {
      ctx.addIssue({
        code: "custom",
        path: ["category"],
        message: `La categoria ${l.category} non è della ${DRIVING_LICENCES[code]}: scegli la ${DRIVING_LICENCES[cvLicenceCodeOfCategory(l.category)!]}`,
      });
      return z.NEVER;
    }
    return { code, category: l.category ?? null };
  });

/**
 * A certificate: the person's words and, optionally, the official patentino/abilitazione or albo it is («patentino:07»,
 * «albo:0001», cv-codes.ts `certificateCodeOf`). With a code and no words, the official label becomes the words.
 */
export const CertificateSchema = z
  .object({
    name: optional(text("il nome del certificato o patentino")),
    official: optional(z.string().refine((v) => certificateCodeOf(v) !== null, "Scegli il patentino o l'albo dall'elenco ministeriale")),
    expiresOn: optional(isoDate("la data di scadenza")),
  })
  .transform((c, ctx) => {
    const code = c.official ? certificateCodeOf(c.official)! : { patentinoCode: null, alboCode: null };
    const name = c.name ?? (code.patentinoCode ? PATENTINI[code.patentinoCode] : code.alboCode ? ALBI[code.alboCode] : undefined);
    if (!name) {
      ctx.addIssue({ code: "custom", path: ["name"], message: "Indica il nome del certificato o patentino" });
      return z.NEVER;
    }
    return { name, expiresOn: c.expiresOn, ...code };
  });

export const ItSkillSchema = z.object({
  skill: text("la competenza informatica", 100),
  level: z.enum(["basic", "intermediate", "advanced"], { error: "Scegli il livello" }),
});

/** The whole CV as typed in the officer's (and the candidate's) form. */
export const CandidateSchema = z
  .object({
    firstName: text("il nome", 100),
    lastName: text("il cognome", 100),
    taxCode: personTaxCodeField,
    birthDate: isoDate("la data di nascita"),
    comune: text("il comune di domicilio", 100),
    address: optional(z.string().max(200, "Al massimo 200 caratteri")),
    phone: optional(phoneField),
    email: optional(z.email({ error: "Indirizzo e-mail non valido" })),
    workTime: z.enum(["any", "full_time", "part_time"], { error: "Scegli la disponibilità oraria" }).default("any"),
    shifts: checkbox,
    weekends: checkbox,
    ownVehicle: checkbox,
    willingToRelocate: checkbox,
    maxCommuteKm: optional(
      z.coerce
        .number({ error: "Distanza massima: indica i km" })
        .int("Distanza massima: numero intero di km")
        .min(0, "Distanza non valida")
        .max(1000, "Al massimo 1000 km"),
    ),
    availableFrom: optional(isoDate("la data di disponibilità")),
    protectedCategory: z.enum(["none", "art1", "art18"], { error: "Scegli la categoria protetta" }).default("none"),
    consent: checkbox,
    education: rows(EducationSchema, blank("title", "studyTitle", "institution", "year"), 10, "Al massimo 10 titoli di studio", "title", {
      required: "Il CV deve avere almeno un titolo di studio",
    }),
    experiences: rows(
      ExperienceSchema,
      blank("occupation", "employer", "from", "to", "tasks"),
      20,
      "Al massimo 20 esperienze",
      "occupation",
    ),
    preferences: rows(
      PreferenceSchema,
      blank("occupation", "ateco", "years", "lastJobYear", "notes", "interviewDate"),
      MAX_PREFERENCES,
      "Al massimo tre propensioni: togline una prima di aggiungerne un'altra",
      "occupation",
      { required: "Il CV deve avere almeno una propensione" },
    ),
    motherTongues: rows(MotherTongueSchema, blank("code"), MAX_MOTHER_TONGUES, `Al massimo ${MAX_MOTHER_TONGUES} madrelingue`, "code", {
      unique: { key: "code", message: "Madrelingua ripetuta" },
    }),
    languages: rows(LanguageSchema, blank("code"), 10, "Al massimo 10 lingue", "code", {
      unique: { key: "code", message: "Lingua ripetuta" },
    }),
    licences: rows(LicenceSchema, blank("code", "category"), MAX_LICENCES, `Al massimo ${MAX_LICENCES} patenti`, "code"),
    certificates: rows(CertificateSchema, blank("name", "official", "expiresOn"), 20, "Al massimo 20 certificati", "name"),
    itSkills: rows(ItSkillSchema, blank("skill"), 20, "Al massimo 20 competenze informatiche", "skill"),
    version: optional(z.coerce.number().int().min(1)),
  })
  .superRefine((cv, ctx) => {
    const licences = new Set<string>();
    cv.licences.forEach((l, i) => {
      const key = `${l.code}/${l.category ?? ""}`;
      if (licences.has(key)) ctx.addIssue({ code: "custom", path: ["licences", i, "code"], message: "Patente ripetuta" });
      licences.add(key);
    });
    const native = new Set(cv.motherTongues.map((m) => m.code));
    cv.languages.forEach((l, i) => {
      if (native.has(l.code))
        ctx.addIssue({
          code: "custom",
          path: ["languages", i, "code"],
          message: "Questa lingua è già indicata come madrelingua: toglila dalle lingue straniere",
        });
    });
  });

export type CandidateInput = z.infer<typeof CandidateSchema>;

export const ConsentSchema = z.object({ consent: z.enum(["grant", "withdraw"], { error: "Scegli se dare o revocare il consenso" }) });

export const DisabilitySchema = z.object({
  percentage: z.coerce
    .number({ error: "Indica la percentuale di invalidità" })
    .int("Percentuale: numero intero")
    .min(0, "Percentuale tra 0 e 100")
    .max(100, "Percentuale tra 0 e 100"),
  functionalNotes: optional(z.string().max(4000, "Al massimo 4000 caratteri")),
});

export const VersionSchema = z.object({ version: z.coerce.number({ error: "Versione mancante" }).int().min(1) });

export const CandidateInvitationSchema = z.object({ email: emailField });

export const AcceptCandidateInvitationSchema = z
  .object({
    fullName: fullNameField,
    password: newPasswordField,
    confirmPassword: z.string({ error: "Ripeti la password" }),
    privacy: z.literal("on", { error: "Per attivare l'account devi dichiarare di aver letto l'informativa privacy" }),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "Le due password non coincidono" });

/** The word the person types to confirm the erasure: a slip of the mouse cannot delete a CV. */
export const ERASURE_CONFIRMATION_WORD = "CANCELLA";

export const EraseCandidateSchema = z.object({
  confirmation: z
    .string({ error: `Scrivi ${ERASURE_CONFIRMATION_WORD} per confermare` })
    .trim()
    .refine((v) => v.toUpperCase() === ERASURE_CONFIRMATION_WORD, {
      error: `Scrivi ${ERASURE_CONFIRMATION_WORD} per confermare la cancellazione`,
    }),
});

/** The version of the privacy notice (/privacy) a registration acknowledges; recorded with each consent. */
export const PRIVACY_NOTICE_VERSION = "2026-12";

/** A visitor registers as a candidate (public form). Optional consents are separate and unticked. */
export const CandidateRegistrationSchema = z
  .object({
    firstName: text("il nome", 100),
    lastName: text("il cognome", 100),
    taxCode: personTaxCodeField,
    birthDate: isoDate("la data di nascita"),
    sex: z.enum(["M", "F"], { error: "Indica il sesso come risulta dal codice fiscale" }),
    comune: text("il comune di domicilio", 100),
    email: emailField,
    password: newPasswordField,
    confirmPassword: z.string({ error: "Ripeti la password" }),
    privacy: z.literal("on", { error: "Per registrarti devi dichiarare di aver letto l'informativa sul trattamento dei dati personali" }),
    consentCvVisible: checkbox,
    consentJobAlerts: checkbox,
    redirectTo: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirmPassword)
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "Le due password non coincidono" });
    const today = new Date().toISOString().slice(0, 10);
    if (v.birthDate > today) ctx.addIssue({ code: "custom", path: ["birthDate"], message: "La data di nascita è nel futuro" });
    else if (v.birthDate > `${Number(today.slice(0, 4)) - 15}${today.slice(4)}`)
      ctx.addIssue({ code: "custom", path: ["birthDate"], message: "Per registrarti devi avere almeno 15 anni (età minima per lavorare)" });
    const mismatch = taxCodeMismatch(v.taxCode, { birthDate: v.birthDate, sex: v.sex });
    if (mismatch) ctx.addIssue({ code: "custom", path: ["taxCode"], message: mismatch });
  });

export type CandidateRegistrationInput = z.infer<typeof CandidateRegistrationSchema>;

export const LinkRequestDecisionSchema = z.object({
  intent: z.literal("link_request"),
  requestId: z.uuid({ error: "Richiesta non valida" }),
  decision: z.enum(["link", "refuse"], { error: "Scegli se collegare l'account" }),
});
