/**
 * Forms of the employer's L. 68 file (docs/architecture.md#service-s). Client-safe: zod only, Italian messages.
 * Workforce rows are validated twice: the form shape here, then the calculator's own group
 * schema (`WorkforceGroupSchema`) so a row that would make the calculator fail is never saved.
 */
import { z } from "zod";
import { isProvinceCode } from "~/utils/province-codes";
import { CONTRACT_TYPES, EXCLUSION_TYPES, WorkforceGroupSchema } from "../calculator/schema";
import { calendarDay } from "~/utils/date-fields";

export const CONTRACT_LABELS: Record<(typeof CONTRACT_TYPES)[number], string> = {
  indeterminato: "Tempo indeterminato",
  determinato: "Tempo determinato",
  apprendistato: "Apprendistato",
  dirigente: "Dirigente",
  somministrato: "Somministrato (missione presso l'azienda)",
  domicilio: "Lavoro a domicilio",
  lsu: "Lavori socialmente utili",
  socio_cooperativa: "Socio lavoratore di cooperativa",
  inserimento: "Contratto di inserimento",
  intermittente: "Intermittente",
  formazione_lavoro: "Formazione e lavoro",
};

export const EXCLUSION_LABELS: Record<(typeof EXCLUSION_TYPES)[number], string> = {
  cantiere_edile: "Personale di cantiere (edilizia)",
  trasporto_viaggiante: "Personale viaggiante e navigante (trasporti)",
  estero: "Lavoratori assunti per attività all'estero",
  telelavoro_escluso: "Telelavoratori esclusi (art. 23 D.Lgs. 80/2015)",
  stagionale_agricolo_breve: "Stagionali agricoli fino a 6 mesi",
  impianti_fune: "Personale degli impianti a fune",
  autotrasporto: "Personale viaggiante dell'autotrasporto",
  sottosuolo: "Lavoratori in sottosuolo",
  emersione: "Lavoratori emersi dal sommerso",
  passaggio_appalto: "Assunti per passaggio di appalto",
  sostituto: "Sostituti di lavoratori assenti",
  fuori_perimetro_art3: "Esclusi per art. 3 c. 3 e c. 4",
};

export const PROTECTED_CATEGORY_LABELS = {
  disabile_l68: "Disabile assunto tramite il collocamento mirato",
  disabile_art4: "Disabile già in servizio, computabile (art. 4 c. 3-bis o c. 4)",
  art18: "Categoria protetta art. 18 c. 2 (orfani, vedove, profughi…)",
} as const;

/** Categories of the war-pension tables (tabella A, DPR 915/1978): art. 4 c. 3-bis counts 1–6. */
export const INVALIDITY_CATEGORY_LABELS: Record<string, string> = Object.fromEntries(
  Array.from({ length: 8 }, (_, i) => [String(i + 1), `${i + 1}ª categoria${i < 6 ? "" : " (non computabile da sola)"}`]),
);

export const EMPLOYER_TYPE_LABELS = { private: "Privato o ente pubblico economico", public: "Pubblica amministrazione" } as const;

export const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
export const decimal = (v: unknown) => (typeof v === "string" ? Number(v.trim().replace(",", ".")) : v);

export const optionalNumber = (message: string) =>
  z.preprocess((v) => decimal(blankToUndefined(v)), z.number({ error: message }).refine(Number.isFinite, message).optional());

export const province = z
  .string({ error: "Indica la sigla della provincia" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: "Indica la sigla della provincia di due lettere, es. MI", abort: true })
  .refine(isProvinceCode, "Provincia sconosciuta: indica la sigla di una provincia italiana, es. MI");

/** "7/12" or "07/12" → "12-07"; "15/8/2026" → "2026-08-15"; null when not a real day. */
function italianDay(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/.exec(text.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 2024]; // 2024: a leap year, so 29/02 passes
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  const md = `${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return m[3] ? `${m[3]}-${md}` : md;
}

/** The unit's patron saint, typed "gg/mm" (docs/legal/l68.md#s1-7); blank: the provincial capital's. */
const patronSaintField = z.preprocess(
  blankToUndefined,
  z
    .string()
    .transform((v, ctx) => {
      const day = italianDay(v);
      if (!day || day.length !== 5) {
        ctx.addIssue({ code: "custom", message: "Indica il santo patrono come giorno/mese, es. 7/12" });
        return z.NEVER;
      }
      return day;
    })
    .optional(),
);

/** CCNL or local holidays, "gg/mm" (every year) or "gg/mm/aaaa" (once), separated by commas. */
const extraHolidaysField = z.preprocess(
  (v) => (typeof v === "string" ? v : ""),
  z
    .string()
    .transform((v, ctx) => {
      const items = v.split(/[,;\s]+/).filter(Boolean);
      if (items.length > 60) {
        ctx.addIssue({ code: "custom", message: "Al massimo 60 festività aggiuntive" });
        return z.NEVER;
      }
      const days = items.map(italianDay);
      const bad = items.filter((_, i) => days[i] === null);
      if (bad.length) {
        ctx.addIssue({
          code: "custom",
          message: `Date non valide: ${bad.join(", ")}. Usa giorno/mese (ogni anno) o giorno/mese/anno, separate da virgole`,
        });
        return z.NEVER;
      }
      return days as string[];
    })
    .optional(),
);

export const isoDateField = (label: string) =>
  z
    .string({ error: `Indica ${label}` })
    .trim()
    .pipe(calendarDay(`Indica ${label} nel formato aaaa-mm-gg`))
    .refine((d) => d >= "1999-01-01", "Data fuori dall'intervallo ammesso");

const hoursFields = {
  months: optionalNumber("La durata in mesi deve essere un numero"),
  weeklyHours: optionalNumber("L'orario settimanale deve essere un numero"),
  fullTimeHours: optionalNumber("L'orario a tempo pieno deve essere un numero"),
};

/** Maps the calculator's issues on one group to the form's field names. */
function checkWithCalculator(group: Record<string, unknown>, ctx: z.RefinementCtx) {
  const result = WorkforceGroupSchema.safeParse(group);
  if (result.success) return;
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "count");
    ctx.addIssue({ code: "custom", path: [field], message: issue.message.charAt(0).toUpperCase() + issue.message.slice(1) });
  }
}

export const WorkforceGroupFormSchema = z
  .object({
    provinceCode: province,
    siteLabel: z.string().trim().max(100, "Al massimo 100 caratteri").default(""),
    count: z.preprocess(
      (v) => decimal(blankToUndefined(v)),
      z
        .number({ error: "Indica il numero di lavoratori" })
        .int("Il numero di lavoratori deve essere intero")
        .min(1, "Indica almeno 1 lavoratore")
        .max(1_000_000, "Numero di lavoratori troppo grande"),
    ),
    contract: z.enum(CONTRACT_TYPES, { error: "Scegli il tipo di contratto" }),
    exclusion: z.preprocess(blankToUndefined, z.enum(EXCLUSION_TYPES, { error: "Esclusione non valida" }).optional()),
    patronSaint: patronSaintField,
    extraHolidays: extraHolidaysField,
    ...hoursFields,
  })
  .superRefine((g, ctx) =>
    checkWithCalculator(
      {
        count: g.count,
        contract: g.contract,
        months: g.months,
        weeklyHours: g.weeklyHours,
        fullTimeHours: g.fullTimeHours,
        exclusion: g.exclusion ?? null,
      },
      ctx,
    ),
  );
export type WorkforceGroupForm = z.infer<typeof WorkforceGroupFormSchema>;

/** A checkbox: present ("on") or absent; absent means "not declared", so the calculator's checks pass. */
const checkbox = z.preprocess((v) => (v === "on" || v === true ? true : undefined), z.literal(true).optional());

export const ProtectedWorkerFormSchema = z
  .object({
    workerName: z.string({ error: "Indica nome e cognome" }).trim().min(2, "Indica nome e cognome").max(120, "Al massimo 120 caratteri"),
    provinceCode: province,
    category: z.enum(["disabile_l68", "disabile_art4", "art18"], { error: "Scegli la categoria" }),
    contract: z.enum(CONTRACT_TYPES, { error: "Scegli il tipo di contratto" }),
    hiredOn: isoDateField("la data di assunzione"),
    disabilityPercent: optionalNumber("La percentuale deve essere un numero"),
    invalidityCategory: optionalNumber("Scegli la categoria di invalidità"),
    // A checkbox: present ("on") or absent. Absent means "not declared", so other categories pass.
    psychicDisability: z.preprocess((v) => (v === "on" || v === true ? true : undefined), z.literal(true).optional()),
    inailPercent: optionalNumber("Il grado INAIL deve essere un numero"),
    employerAtFault: checkbox,
    telework: checkbox,
    fullTimeWorkload: checkbox,
    ...hoursFields,
  })
  .superRefine((w, ctx) =>
    checkWithCalculator(
      {
        count: 1,
        contract: w.contract,
        months: w.months,
        weeklyHours: w.weeklyHours,
        fullTimeHours: w.fullTimeHours,
        protected: w.category,
        disabilityPercent: w.disabilityPercent,
        invalidityCategory: w.invalidityCategory,
        psychicDisability: w.psychicDisability,
        inailPercent: w.inailPercent,
        employerAtFault: w.employerAtFault,
        telework: w.telework,
        fullTimeWorkload: w.fullTimeWorkload,
      },
      ctx,
    ),
  );
export type ProtectedWorkerForm = z.infer<typeof ProtectedWorkerFormSchema>;

export const WorkerLeftFormSchema = z.object({
  workerId: z.uuid("Lavoratore non valido"),
  leftOn: isoDateField("la data di cessazione"),
});

export const RemoveGroupFormSchema = z.object({ groupId: z.uuid("Gruppo non valido") });

export const EmployerTypeFormSchema = z.object({
  employerType: z.enum(["private", "public"], { error: "Scegli il tipo di datore di lavoro" }),
});

/** Every change to the file carries the version the user saw (optimistic locking). */
export const versionField = z.coerce.number({ error: "Versione mancante" }).int().min(1, "Versione mancante");

/** Filters of the placement officer's workspace (query string). */
export const WorkspaceFilterSchema = z.object({
  ordina: z.enum(["nome", "scoperti", "scadenza"], { error: "Ordinamento non valido" }).default("scadenza"),
  scoperti: z.enum(["", "1"], { error: "Filtro non valido" }).default(""),
  /** "30": only employers with a hiring deadline overdue or within 30 days (the desk's link). */
  scadenza: z.enum(["", "30"], { error: "Filtro non valido" }).default(""),
});

export const ProspettoFormSchema = z.object({
  deadlineYear: z.coerce
    .number({ error: "Anno non valido" })
    .int("Anno non valido")
    .min(2000, "Anno non valido")
    .max(2999, "Anno non valido"),
  availablePositions: z.string().trim().max(2000, "Al massimo 2.000 caratteri").default(""),
});
