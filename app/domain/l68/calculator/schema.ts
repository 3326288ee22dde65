/**
 * Input schema and output type of the L. 68/1999 quota calculator (docs/l68-calculator.md).
 * Client-safe: zod only, no server imports. User-facing messages are Italian and
 * name the field through the issue path (see `toFieldErrors`).
 */
import { z } from "zod";
import { todayInItaly } from "~/utils/dates";
import { EXEMPTION_CAP_LIMIT_PERCENT } from "./amounts";
import { isCalendarDay } from "~/utils/date-fields";
import { isProvinceCode } from "~/utils/province-codes";

export const CONTRACT_TYPES = [
  "indeterminato",
  "determinato",
  "apprendistato",
  "dirigente",
  "somministrato",
  "domicilio",
  "lsu",
  "socio_cooperativa",
  "inserimento",
  // Not in the API's first list but in docs/legal/l68.md: pooled on hours worked (#s1-2) / excluded (#e12).
  "intermittente",
  "formazione_lavoro",
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/** Category exclusions of docs/legal/l68.md#s1-2 that do not follow from the contract type. */
export const EXCLUSION_TYPES = [
  "cantiere_edile", // E15
  "trasporto_viaggiante", // E13
  "estero", // E7
  "telelavoro_escluso", // E18
  "stagionale_agricolo_breve", // E19
  // Beyond the API's first list, so that every exclusion of docs/legal/l68.md#s1-2 can be expressed:
  "impianti_fune", // E14
  "autotrasporto", // E16
  "sottosuolo", // E17
  "emersione", // E10
  "passaggio_appalto", // E20
  "sostituto", // E22
  "fuori_perimetro_art3", // E21 (art. 3 c. 3 and c. 4)
] as const;
export type ExclusionType = (typeof EXCLUSION_TYPES)[number];

export const PROTECTED_TYPES = ["disabile_l68", "disabile_art4", "art18"] as const;
export type ProtectedType = (typeof PROTECTED_TYPES)[number];

export const MIN_REFERENCE_DATE = "1999-01-01";

const requiredOr = (otherwise: string) => (iss: { input?: unknown }) => (iss.input === undefined ? "campo obbligatorio" : otherwise);

const numberField = (what = "un numero") => z.number({ error: requiredOr(`deve essere ${what}`) });

const countField = (label: string) =>
  numberField("un numero intero")
    .int(`${label} deve essere un numero intero`)
    .min(0, `${label} non può essere negativo`)
    .max(1_000_000, `${label} è troppo grande (massimo 1.000.000)`);

const workingDaysField = numberField("un numero intero di giorni")
  .int("i giorni lavorativi devono essere un numero intero")
  .min(0, "i giorni lavorativi non possono essere negativi")
  .max(366, "al massimo 366 giorni lavorativi: calcola un anno alla volta");

const enumField = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, {
    error: (iss) =>
      iss.input === undefined ? `campo obbligatorio: indica ${what}` : `valore non ammesso; valori possibili: ${values.join(", ")}`,
  });

/** Messages of an object schema: unknown keys refused, wrong type or missing object explained. */
const objectErrors = (what = "un oggetto JSON") => ({
  error: (iss: { code?: string; input?: unknown }) => {
    if (iss.code === "unrecognized_keys") return "campo non previsto";
    if (iss.code === "invalid_type") return iss.input === undefined ? "campo obbligatorio" : `deve essere ${what}`;
    return undefined;
  },
});
const unknownKeys = objectErrors();

const referenceDate = z
  .string({ error: "deve essere una data nel formato aaaa-mm-gg" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "deve essere una data nel formato aaaa-mm-gg", abort: true })
  .refine(isCalendarDay, { error: "data inesistente", abort: true })
  .refine((d) => d >= MIN_REFERENCE_DATE, "la data non può essere anteriore al 1999 (la L. 68 è del 12 marzo 1999)")
  .refine((d) => d <= "2999-12-31", "data troppo lontana nel futuro");

export const WorkforceGroupSchema = z
  .strictObject(
    {
      count: countField("il numero di lavoratori").default(1),
      contract: enumField(CONTRACT_TYPES, "il tipo di contratto"),
      months: numberField()
        .positive("la durata in mesi deve essere maggiore di zero")
        .max(1200, "durata in mesi non plausibile")
        .optional(),
      weeklyHours: numberField().min(0, "l'orario settimanale non può essere negativo").optional(),
      fullTimeHours: numberField()
        .positive("l'orario a tempo pieno deve essere maggiore di zero")
        .max(168, "l'orario a tempo pieno non può superare le 168 ore settimanali")
        .optional(),
      exclusion: enumField(EXCLUSION_TYPES, "l'esclusione").nullable().default(null),
      protected: enumField(PROTECTED_TYPES, "la categoria protetta").nullable().default(null),
      disabilityPercent: numberField()
        .min(0, "la percentuale di invalidità deve essere tra 0 e 100")
        .max(100, "la percentuale di invalidità deve essere tra 0 e 100")
        .optional(),
      /**
       * Art. 4 c. 3-bis alternative to the 60 %: minorazione of the war-pension tables (DPR 915/1978,
       * also used for service invalidity), categories 1–8 accepted, 1–6 count (docs/legal/l68.md#s1-5).
       */
      invalidityCategory: numberField("un numero intero da 1 a 8")
        .int("la categoria di invalidità deve essere un numero intero da 1 a 8")
        .min(1, "la categoria di invalidità va da 1 a 8 (tabella A del DPR 915/1978)")
        .max(8, "la categoria di invalidità va da 1 a 8 (tabella A del DPR 915/1978)")
        .optional(),
      /** Art. 4 c. 3-bis alternative: intellectual or psychic disability, counted above 45 %. */
      psychicDisability: z.boolean({ error: "deve essere true o false" }).optional(),
      /** Art. 18 worker already in force on 17 Jan 2000: only for the legacy offset (docs/legal/l68.md#s3-5). */
      art18InForceAt2000: z.boolean({ error: "deve essere true o false" }).optional(),
      /**
       * Disabled through a work accident or an occupational disease: the INAIL degree, counted above
       * 33 % (art. 4 c. 4 L. 68/1999 and art. 3 c. 4 DPR 333/2000), on "disabile_art4" groups only.
       */
      inailPercent: numberField()
        .min(0, "il grado di invalidità INAIL deve essere tra 0 e 100")
        .max(100, "il grado di invalidità INAIL deve essere tra 0 e 100")
        .optional(),
      /** Disabled because of the employer's breach of safety rules, ascertained by a court: never counted (art. 4 c. 4). */
      employerAtFault: z.boolean({ error: "deve essere true o false" }).optional(),
      /** Teleworkers (the home workers are contract "domicilio"): disabled ones count only with a full-time workload (art. 4 c. 3). */
      telework: z.boolean({ error: "deve essere true o false" }).optional(),
      /** Art. 4 c. 3: the home worker or teleworker is given work for the normal full hours, continuously. */
      fullTimeWorkload: z.boolean({ error: "deve essere true o false" }).optional(),
    },
    unknownKeys,
  )
  .superRefine((g, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (typeof g.weeklyHours === "number" && typeof g.fullTimeHours === "number" && g.weeklyHours > g.fullTimeHours) {
      issue("weeklyHours", `l'orario settimanale (${g.weeklyHours}) supera l'orario a tempo pieno (${g.fullTimeHours})`);
    }
    if (g.weeklyHours !== undefined && g.fullTimeHours === undefined) {
      issue("fullTimeHours", "indica l'orario a tempo pieno del CCNL insieme all'orario settimanale");
    }
    if (g.contract === "determinato" && g.months === undefined) {
      issue("months", "per un contratto a tempo determinato indica la durata in mesi, proroghe comprese (art. 4 c. 1)");
    }
    const disabled = g.protected === "disabile_l68" || g.protected === "disabile_art4";
    if (g.contract === "somministrato" && disabled && g.months === undefined) {
      issue("months", "per un disabile somministrato indica la durata della missione in mesi (art. 34 c. 3 D.Lgs. 81/2015)");
    }
    if (
      g.protected === "disabile_art4" &&
      g.disabilityPercent === undefined &&
      g.invalidityCategory === undefined &&
      g.psychicDisability !== true &&
      g.inailPercent === undefined
    ) {
      issue(
        "disabilityPercent",
        "per un disabile ex art. 4 c. 3-bis o c. 4 indica la percentuale di riduzione della capacità lavorativa (o la categoria di invalidità, o il grado INAIL)",
      );
    }
    // The alternative routes of art. 4 c. 3-bis describe a worker already disabled when hired but not
    // placed through L. 68: on any other group they would be silently meaningless, so they are refused.
    if (g.invalidityCategory !== undefined && g.protected !== "disabile_art4") {
      issue("invalidityCategory", 'la categoria di invalidità vale solo per un disabile ex art. 4 c. 3-bis (protected "disabile_art4")');
    }
    if (g.psychicDisability !== undefined && g.protected !== "disabile_art4") {
      issue(
        "psychicDisability",
        'la disabilità intellettiva o psichica vale solo per un disabile ex art. 4 c. 3-bis (protected "disabile_art4")',
      );
    }
    if (g.psychicDisability === true && g.disabilityPercent === undefined && g.protected === "disabile_art4") {
      issue(
        "disabilityPercent",
        "con disabilità intellettiva o psichica indica la percentuale di riduzione della capacità lavorativa: si computa se supera il 45% (art. 4 c. 3-bis)",
      );
    }
    if ((g.inailPercent !== undefined || g.employerAtFault !== undefined) && g.protected !== "disabile_art4") {
      issue(
        g.inailPercent !== undefined ? "inailPercent" : "employerAtFault",
        'vale solo per un lavoratore divenuto disabile in servizio (protected "disabile_art4", art. 4 c. 4)',
      );
    }
    if (g.fullTimeWorkload !== undefined && g.contract !== "domicilio" && g.telework !== true) {
      issue("fullTimeWorkload", 'vale solo per lavoratori a domicilio (contract "domicilio") o in telelavoro (telework true), art. 4 c. 3');
    }
    if (g.art18InForceAt2000 !== undefined && g.protected !== "art18") {
      issue("art18InForceAt2000", 'vale solo per i lavoratori delle categorie dell\'art. 18 c. 2 (protected "art18")');
    }
  });

const monthDay = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * A production unit's working calendar, instead of a ready count of working days: the period (one
 * calendar year at most: amounts change by year), the CCNL week, and the unit's own holidays — the
 * patron saint (prefilled from the provincial capital's when only `province` is given) and the CCNL
 * extra holidays (docs/legal/l68.md#s1-7, S21 `GiorniLavorativiUtils`).
 */
export const CalendarSchema = z
  .strictObject(
    {
      from: referenceDate,
      to: referenceDate,
      weekDays: z.union([z.literal(5), z.literal(6)], { error: "la settimana lavorativa è di 5 o 6 giorni" }).default(5),
      province: z
        .string({ error: "deve essere la sigla di una provincia, es. MI" })
        .refine(isProvinceCode, "provincia sconosciuta: indica la sigla di due lettere di una provincia italiana, es. MI")
        .optional(),
      patronSaint: z
        .string({ error: "deve essere un giorno nel formato mm-gg" })
        .regex(monthDay, "il santo patrono va indicato come mm-gg, es. 12-07")
        .optional(),
      extraHolidays: z
        .array(
          z
            .string({ error: "deve essere una data aaaa-mm-gg o un giorno mm-gg" })
            .refine((d) => monthDay.test(d) || isCalendarDay(d), "indica una data aaaa-mm-gg o un giorno ricorrente mm-gg"),
          { error: "deve essere un elenco di date" },
        )
        .max(60, "al massimo 60 festività aggiuntive")
        .default([]),
    },
    unknownKeys,
  )
  .superRefine((c, ctx) => {
    if (c.to < c.from) ctx.addIssue({ code: "custom", path: ["to"], message: "la fine del periodo precede l'inizio" });
    else if (c.from.slice(0, 4) !== c.to.slice(0, 4)) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: "un anno solare alla volta: il periodo deve finire entro il 31 dicembre dell'anno di inizio",
      });
    }
  });
export type Calendar = z.output<typeof CalendarSchema>;

/** Either `workingDays` or `calendar`, never both and never neither. */
const oneWorkingDaysSource = (v: { workingDays?: number; calendar?: unknown }, ctx: z.RefinementCtx) => {
  if (v.workingDays === undefined && v.calendar === undefined) {
    ctx.addIssue({ code: "custom", path: ["workingDays"], message: "campo obbligatorio: indica workingDays oppure calendar" });
  }
  if (v.workingDays !== undefined && v.calendar !== undefined) {
    ctx.addIssue({ code: "custom", path: ["calendar"], message: "indica workingDays oppure calendar, non entrambi" });
  }
};

const ExemptionSchema = z
  .strictObject(
    {
      percent: numberField()
        .gt(0, "la percentuale di esonero deve essere maggiore di zero")
        .max(100, "la percentuale di esonero non può superare 100"),
      workingDays: workingDaysField.optional(),
      calendar: CalendarSchema.optional(),
      /**
       * The cap the authorisation grants, in % of the quota: 60 when not given (DM 357/2000). Up to 80
       * only as an explicit parameter: the higher sector cap is unverified (docs/legal/l68.md#s1-7, #s3-10).
       */
      capPercent: numberField("un numero intero")
        .int("il tetto dell'esonero deve essere un numero intero di punti percentuali")
        .min(1, `il tetto dell'esonero va da 1 a ${EXEMPTION_CAP_LIMIT_PERCENT} (60 se l'autorizzazione non indica altro)`)
        .max(
          EXEMPTION_CAP_LIMIT_PERCENT,
          `il tetto dell'esonero va da 1 a ${EXEMPTION_CAP_LIMIT_PERCENT} (60 se l'autorizzazione non indica altro)`,
        )
        .optional(),
    },
    unknownKeys,
  )
  .superRefine(oneWorkingDaysSource);

const SuspensionSchema = z
  .strictObject(
    {
      suspendedShare: numberField()
        .min(0, "la quota di attività sospesa deve essere tra 0 e 1")
        .max(1, "la quota di attività sospesa deve essere tra 0 e 1")
        .optional(),
      /** Collective dismissal procedure (arts. 4 and 24 L. 223/1991): obligations suspended nationwide. */
      collectiveDismissal: z.boolean({ error: "deve essere true o false" }).optional(),
      /**
       * Units of the disabled quota suspended in single provinces (CIGS is provincial, docs/legal/l68.md#s1-9):
       * the sum of R(provincial quota × share) reductions, computed by the provincial allocation.
       */
      suspendedUnits: countField("il numero di unità sospese").optional(),
      /** The same for the art. 18 c. 2 quota, with the same rounding (docs/legal/l68.md#s1-9, #s3-6). */
      suspendedArt18Units: countField("il numero di unità sospese della quota art. 18").optional(),
    },
    unknownKeys,
  )
  .refine(
    (s) =>
      s.suspendedShare !== undefined ||
      s.collectiveDismissal !== undefined ||
      s.suspendedUnits !== undefined ||
      s.suspendedArt18Units !== undefined,
    {
      message:
        "indica suspendedShare (quota di attività sospesa, da 0 a 1), suspendedUnits, suspendedArt18Units oppure collectiveDismissal",
    },
  );

const SanctionSchema = z
  .strictObject({ workingDays: workingDaysField.optional(), calendar: CalendarSchema.optional() }, unknownKeys)
  .superRefine(oneWorkingDaysSource);

/**
 * Positions self-certified under art. 5 c. 3-bis (60 per mille INAIL rate): they come off the
 * exemptible maximum and off the units to pay (docs/legal/l68.md#s1-7, Piemonte formula).
 */
const SelfCertificationSchema = z.strictObject(
  {
    positions: countField("il numero di posizioni autocertificate"),
    workingDays: workingDaysField.optional(),
    calendar: CalendarSchema.optional(),
  },
  unknownKeys,
);

/**
 * Compensation (art. 5 c. 8 and 8-bis L. 68/1999; group: art. 31 D.Lgs. 276/2003): units of this
 * employer's shortfall covered by excess hires in other units or group companies (positive), or
 * excess hires of this employer used elsewhere (negative). Public employers need an authorisation
 * (art. 5 c. 8-ter): without `authorised` the units are not applied.
 */
const CompensationSchema = z.strictObject(
  {
    units: numberField("un numero intero")
      .int("le unità compensate devono essere un numero intero")
      .min(-1_000_000, "unità compensate non plausibili")
      .max(1_000_000, "unità compensate non plausibili"),
    kind: enumField(["units", "group"], "il tipo di compensazione (units: tra unità produttive; group: tra società del gruppo)").default(
      "units",
    ),
    authorised: z.boolean({ error: "deve essere true o false" }).optional(),
  },
  unknownKeys,
);

const ConventionsSchema = z.strictObject(
  {
    /** Positions planned in an art. 11 convention and not yet filled: not uncovered (docs/legal/l68.md#s1-10). */
    art11OpenPositions: countField("il numero di posizioni in convenzione").default(0),
    /** Disabled workers hired by a destination body under art. 12-bis, counted up to the cap by date. */
    art12bisWorkers: countField("il numero di lavoratori in convenzione").default(0),
    /**
     * Disabled workers hired by social co-operatives against this employer's work orders under an
     * art. 14 D.Lgs. 276/2003 framework agreement: counted in the quota (docs/legal/l68.md#s1-5, #s1-10).
     */
    art14Workers: countField("il numero di lavoratori in convenzione art. 14").default(0),
  },
  unknownKeys,
);

export const QuotaInputSchema = z
  .strictObject(
    {
      date: referenceDate.default(() => todayInItaly()),
      employer: z.strictObject({ type: enumField(["private", "public"], "il tipo di datore di lavoro") }, unknownKeys),
      workforce: z
        .array(WorkforceGroupSchema, { error: requiredOr("deve essere un elenco di gruppi di lavoratori") })
        .max(10_000, "al massimo 10.000 gruppi di lavoratori"),
      exemption: ExemptionSchema.optional(),
      suspension: SuspensionSchema.optional(),
      sanction: SanctionSchema.optional(),
      conventions: ConventionsSchema.optional(),
      selfCertification: SelfCertificationSchema.optional(),
      compensation: CompensationSchema.optional(),
    },
    objectErrors("un oggetto JSON con i campi employer e workforce"),
  )
  .superRefine((input, ctx) => {
    // Art. 5 c. 3: partial exemption is for private employers and enti pubblici economici only.
    if (input.employer?.type === "public" && input.exemption) {
      ctx.addIssue({
        code: "custom",
        path: ["exemption"],
        message:
          'l\'esonero parziale spetta solo ai datori di lavoro privati e agli enti pubblici economici (art. 5 c. 3); per un ente pubblico economico usa il tipo "private"',
      });
    }
    // Art. 5 c. 3-bis: the 60 per mille self-certification is for private employers and EPE only.
    if (input.employer?.type === "public" && input.selfCertification) {
      ctx.addIssue({
        code: "custom",
        path: ["selfCertification"],
        message:
          "l'autocertificazione 60 per mille spetta solo ai datori di lavoro privati e agli enti pubblici economici (art. 5 c. 3-bis)",
      });
    }
    // Art. 5 c. 8 as replaced by DL 138/2011: group compensation (art. 31 D.Lgs. 276/2003) is for private employers.
    if (input.employer?.type === "public" && input.compensation?.kind === "group") {
      ctx.addIssue({
        code: "custom",
        path: ["compensation", "kind"],
        message:
          "la compensazione tra società del gruppo vale solo per i datori di lavoro privati (art. 5 c. 8 L. 68/1999 e art. 31 D.Lgs. 276/2003)",
      });
    }
    // Art. 23 D.Lgs. 80/2015: the telework exclusion is for private employers only (docs/legal/l68.md#e18).
    if (input.employer?.type === "public" && Array.isArray(input.workforce)) {
      input.workforce.forEach((g, i) => {
        if (g?.exclusion === "telelavoro_escluso") {
          ctx.addIssue({
            code: "custom",
            path: ["workforce", i, "exclusion"],
            message: "l'esclusione dei telelavoratori vale solo per i datori di lavoro privati (art. 23 D.Lgs. 80/2015)",
          });
        }
      });
    }
  });

/** Input as received (defaults not yet applied). */
export type QuotaInputRaw = z.input<typeof QuotaInputSchema>;
/** Input after validation and defaults: what `computeQuota` takes. */
export type QuotaInput = z.output<typeof QuotaInputSchema>;
export type WorkforceGroup = z.output<typeof WorkforceGroupSchema>;

export type Band = "under15" | "15-35" | "36-50" | "over50";

export interface QuotaResult {
  baseComputo: number;
  band: Band;
  /** After suspension, when one is given. */
  quotaDisabili: number;
  quotaArt18: number;
  quotaDisabiliBeforeSuspension: number;
  quotaArt18BeforeSuspension: number;
  coveredDisabili: number;
  coveredArt18: number;
  /** Before any exemption, never negative. */
  uncoveredDisabili: number;
  uncoveredArt18: number;
  /**
   * Only when a group carries `art18InForceAt2000`: disabled positions offset by art. 18 workers in
   * force on 17 Jan 2000 beyond the art. 18 quota (legacy art. 18 c. 1; already out of `uncoveredDisabili`).
   */
  legacyArt18Offset?: number;
  /** Only when an exemption is given in the input. Money: decimal strings with two digits. */
  exemption?: {
    maxUnits: number;
    exemptedUnits: number;
    remainingUncovered: number;
    dailyAmount: string;
    totalAmount: string;
    /** Only when computed from `calendar`. */
    workingDays?: number;
  };
  /** Only when a self-certification is given: positions counted (never above the uncovered ones). */
  selfCertification?: {
    positions: number;
    countedPositions: number;
    remainingUncovered: number;
    dailyAmount: string;
    /** Only with working days or a calendar. */
    workingDays?: number;
    totalAmount?: string;
  };
  /** Only when a compensation is given: units applied (0 for a public employer without authorisation). */
  compensation?: { units: number; applied: number };
  /** Only when asked. */
  sanction?: { dailyPerWorker: string; total: string; totalWithDiffida: string; workingDays?: number };
  /** Only when some amount or rule used is not confirmed by a source: one Italian sentence each. */
  unverified?: string[];
  /** One Italian sentence per step, citing the article. */
  explanation: string[];
}

export interface FieldError {
  /** Dotted path, e.g. "workforce.0.weeklyHours"; "documento" for the whole input. */
  field: string;
  message: string;
}

const joinPath = (path: readonly PropertyKey[]) => path.map(String).join(".");

/** A ZodError as one `{ field, message }` per problem (unknown keys: one per key). */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ field: joinPath([...issue.path, key]), message: "campo non previsto" }));
    }
    return [{ field: joinPath(issue.path) || "documento", message: issue.message }];
  });
}

export type ParseResult = { ok: true; data: QuotaInput } | { ok: false; errors: FieldError[] };

/** Validates untrusted input; messages the schema does not set come from zod's Italian locale. */
export function parseQuotaInput(raw: unknown): ParseResult {
  const result = QuotaInputSchema.safeParse(raw, { error: z.locales.it().localeError });
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: toFieldErrors(result.error) };
}
