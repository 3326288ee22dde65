/**
 * The regional parameters of extracurricular internships as dated data (docs/legal/tirocini.md#parametri): one list of
 * periods per Region and parameter, each with its act and sources (S-numbers of docs/legal/tirocini.md#fonti). The
 * checker takes the last period whose `from` is on or before the planned start date; with none in force it applies
 * the national value and warns. A period with `unverified` is applied but warned about, so the officer confirms it.
 * A change in a Region is a new period here, not a code change.
 */
import type { InternshipRegion } from "./types";

/** A value in force from a day (inclusive) until the next period of the same list. */
export interface Period<T> {
  from: string;
  value: T;
  /** The act, as an Italian citation («DGR 533 del 9/8/2017»). */
  act: string;
  sources: string[];
  /** Why the value is not confirmed (Italian): the value is applied and a warning is returned. */
  unverified?: string;
  /** The value is confirmed only from this day on (its exact start is not): warned about before it. */
  confirmedFrom?: string;
}

/** Numeric limits by head-count of the unit (docs/legal/tirocini.md#limiti-numerici). */
export type BandRule = "national" | "campania" | "sicilia";

/** Maximum duration for trainees who are not disabled (disabled: always 24 months). */
export type DurationRule =
  | "national" // 12
  | "six-twelve-disadvantaged" // 6, 12 if disadvantaged (Lazio, Emilia-Romagna, Piemonte)
  | "lombardia" // 6, 12 if disadvantaged or lowest EQF level ≥ 4
  | "twelve"; // 12 (Campania)

/** Minimum monthly indemnity (and maximum where one exists), in cents. */
export type IndemnityRule =
  | { kind: "flat"; minCents: number; maxCents?: number; lowHoursNote?: { atMostWeeklyHours: number; note: string } }
  | { kind: "lombardia" }
  | { kind: "veneto"; baseCents: number; mealVoucherCents: number }
  | { kind: "liguria"; baseCents: number; mealVoucherCents: number }
  | { kind: "friuli-venezia-giulia" }
  | { kind: "umbria" };

export interface RegionParameters {
  /** The Region's name in Italian, for messages. */
  name: string;
  bands: Period<BandRule>[];
  duration: Period<DurationRule>[];
  indemnity: Period<IndemnityRule>[];
  /** Why the national value is applied with a warning even on dates with no period (Italian), per parameter. */
  notes?: { bands?: string; duration?: string; indemnity?: string };
}

/** The national baseline: Accordo Stato-Regioni 25/5/2017 (Rep. 86/CSR), floor of the 2013 Linee guida kept. */
export const NATIONAL = {
  act: "Accordo Stato-Regioni del 25/5/2017 (Rep. Atti n. 86/CSR)",
  minMonthlyIndemnityCents: 30_000,
  maxDurationMonths: 12,
  maxDurationMonthsDisabled: 24,
  minDurationMonths: 2,
  minDurationMonthsSeasonal: 1,
  maxTraineesPerHostTutor: 3,
  sources: ["S2", "S3", "S4", "S5", "S10"],
} as const;

const flat = (euros: number, maxEuros?: number): IndemnityRule => ({
  kind: "flat",
  minCents: euros * 100,
  ...(maxEuros === undefined ? {} : { maxCents: maxEuros * 100 }),
});

export const REGIONS: Record<InternshipRegion, RegionParameters> = {
  IT: { name: "disciplina nazionale", bands: [], duration: [], indemnity: [] },
  abruzzo: {
    name: "Abruzzo",
    bands: [],
    duration: [],
    indemnity: [
      { from: "2025-09-18", value: flat(800), act: "DGR 488 del 30/7/2025 (BURA n. 35 del 3/9/2025), art. 24", sources: ["S47", "S47b"] },
    ],
    notes: {
      bands:
        "la DGR 488/2025 calcola il limite sui contratti a tempo indeterminato e determinato attivi alla richiesta; le fasce regionali non sono state lette",
      duration: "la DGR 488/2025 prevede da 6 a 12 mesi secondo il destinatario: si applica il massimo nazionale",
      indemnity:
        "prima del 18/9/2025 l'importo minimo regionale (DGR 112/2018) non è verificato; i tirocini di avvisi pubblicati prima del 18/9/2025 restano alla disciplina precedente",
    },
  },
  basilicata: {
    name: "Basilicata",
    bands: [],
    duration: [],
    indemnity: [],
    notes: {
      indemnity:
        "l'importo minimo vigente (DGR 1130 del 24/10/2017) non è verificato; ultimi valori noti: € 450 (2014), € 500 nei bandi Garanzia Giovani 2021",
    },
  },
  bolzano: {
    name: "Provincia autonoma di Bolzano",
    bands: [],
    duration: [],
    indemnity: [],
    notes: {
      indemnity:
        "l'importo minimo generale (delibera 1405 del 18/12/2018) non è verificato; i tirocini provinciali per adulti prevedono € 4,00 per ora di presenza",
    },
  },
  calabria: {
    name: "Calabria",
    bands: [],
    duration: [],
    indemnity: [],
    notes: {
      indemnity: "l'importo minimo vigente (recepimento 2017) non è verificato; ultimo valore noto: € 400 (2014, Garanzia Giovani 2022)",
    },
  },
  campania: {
    name: "Campania",
    bands: [
      {
        from: "2018-05-07",
        value: "campania",
        act: "Regolamento regionale 7/5/2018 n. 4 (BURC n. 33 del 7/5/2018)",
        sources: ["S36", "S38"],
      },
    ],
    duration: [{ from: "2018-05-07", value: "twelve", act: "Regolamento regionale 7/5/2018 n. 4", sources: ["S36"] }],
    indemnity: [
      { from: "2018-05-07", value: flat(500), act: "DGR 103 del 20/2/2018 e Regolamento regionale 7/5/2018 n. 4", sources: ["S36", "S37"] },
    ],
  },
  "emilia-romagna": {
    name: "Emilia-Romagna",
    bands: [],
    duration: [
      { from: "2019-07-01", value: "six-twelve-disadvantaged", act: "LR 17/2005 come modificata dalla LR 1/2019", sources: ["S20", "S21"] },
    ],
    indemnity: [
      { from: "2013-09-16", value: flat(450), act: "LR 17/2005 (disciplina dal 16/9/2013)", sources: ["S20", "S21", "S22"] },
      { from: "2019-07-01", value: flat(450), act: "LR 17/2005 come modificata dalla LR 1/2019", sources: ["S20", "S21", "S22"] },
    ],
  },
  "friuli-venezia-giulia": {
    name: "Friuli Venezia Giulia",
    bands: [],
    duration: [],
    indemnity: [
      {
        // From the BUR publication (23/3/2018): the decree's own start day was not read.
        from: "2018-03-23",
        value: { kind: "friuli-venezia-giulia" },
        act: "DPReg 19/3/2018 n. 057/Pres. (BUR 23/3/2018, S.O. n. 17)",
        sources: ["S40", "S40b"],
      },
    ],
  },
  lazio: {
    name: "Lazio",
    bands: [],
    duration: [{ from: "2017-10-01", value: "six-twelve-disadvantaged", act: "DGR 533 del 9/8/2017", sources: ["S30", "S31"] }],
    indemnity: [
      {
        from: "2017-10-01",
        value: flat(800),
        act: "DGR 533 del 9/8/2017, modificata dalla DGR 576 del 2/8/2019",
        sources: ["S30", "S31", "S32", "S33"],
      },
    ],
  },
  liguria: {
    name: "Liguria",
    bands: [],
    duration: [],
    indemnity: [
      {
        from: "2018-02-01",
        value: { kind: "liguria", baseCents: 50_000, mealVoucherCents: 40_000 },
        act: "disciplina regionale dei tirocini in vigore dall'1/2/2018 (sostituisce la DGR 1052/2013)",
        sources: ["S50"],
      },
    ],
  },
  lombardia: {
    name: "Lombardia",
    bands: [],
    duration: [
      { from: "2018-06-09", value: "lombardia", act: "DGR X/7763 del 17/1/2018 (in vigore dal 9/6/2018)", sources: ["S24", "S25u"] },
    ],
    indemnity: [
      {
        from: "2018-06-09",
        value: { kind: "lombardia" },
        act: "DGR X/7763 del 17/1/2018 (in vigore dal 9/6/2018)",
        sources: ["S23", "S23b", "S27"],
      },
    ],
  },
  marche: {
    name: "Marche",
    bands: [],
    duration: [],
    indemnity: [],
    notes: { indemnity: "l'importo minimo vigente (DGR 1474 dell'11/12/2017) non è verificato; ultimo valore noto: € 350 (2014)" },
  },
  molise: {
    name: "Molise",
    bands: [],
    duration: [],
    indemnity: [{ from: "2017-07-07", value: flat(300), act: "DGR 252 del 7/7/2017", sources: ["S9"] }],
  },
  piemonte: {
    name: "Piemonte",
    bands: [],
    duration: [
      {
        from: "2017-12-22",
        value: "six-twelve-disadvantaged",
        act: "DGR 85-6277 del 22/12/2017",
        sources: ["S34"],
        confirmedFrom: "2018-02-01",
      },
    ],
    indemnity: [
      {
        from: "2017-12-22",
        value: {
          kind: "flat",
          minCents: 60_000,
          lowHoursNote: {
            atMostWeeklyHours: 20,
            note: "la DGR 85-6277/2017 riduce l'indennità fino a € 300 per 20 ore settimanali: non è chiaro se un progetto a 20 ore possa prevedere € 300",
          },
        },
        act: "DGR 85-6277 del 22/12/2017",
        sources: ["S34"],
        confirmedFrom: "2018-02-01",
      },
    ],
  },
  puglia: {
    name: "Puglia",
    bands: [],
    duration: [],
    indemnity: [],
    notes: {
      indemnity:
        "la LR 26/2023 (BUR n. 101 del 13/11/2023) parla di innalzamento «fino a € 600», elevabile «fino a € 700» oltre 6 mesi, senza chiarire se sia il minimo; prima valeva € 450 (LR 23/2013)",
    },
  },
  sardegna: {
    name: "Sardegna",
    bands: [],
    duration: [],
    indemnity: [
      {
        from: "2018-01-16",
        value: flat(400),
        act: "DGR 2/10 del 16/1/2018",
        sources: ["S51"],
        unverified: "la DGR 2/10 del 16/1/2018 è un'approvazione preliminare; quella definitiva non è verificata",
      },
    ],
  },
  sicilia: {
    name: "Sicilia",
    bands: [
      {
        from: "2017-07-19",
        value: "sicilia",
        act: "LR 23/2013 art. 68, confermato dalla DGR 292 del 19/7/2017",
        sources: ["S39"],
      },
    ],
    duration: [],
    indemnity: [{ from: "2017-07-19", value: flat(300), act: "DGR 292 del 19/7/2017 e direttiva 34205 del 12/9/2017", sources: ["S39"] }],
    notes: { duration: "la direttiva 2017 prevede 6 mesi per i tirocini formativi dei neolaureati: si applica il massimo nazionale" },
  },
  toscana: {
    name: "Toscana",
    bands: [],
    duration: [],
    indemnity: [
      { from: "2015-03-31", value: flat(500), act: "LR 32/2002 e DPGR 39/R del 31/3/2015", sources: ["S44"] },
      {
        from: "2024-01-01",
        value: flat(600),
        act: "LR 32/2002, importo di € 600 in vigore «già dal 2024»",
        sources: ["S43"],
        confirmedFrom: "2025-01-01",
      },
    ],
    notes: { duration: "la LR 32/2002 prevede 6 mesi (12 per alcuni destinatari, come i laureati): si applica il massimo nazionale" },
  },
  trento: {
    name: "Provincia autonoma di Trento",
    bands: [],
    duration: [],
    indemnity: [{ from: "2017-11-24", value: flat(300, 600), act: "DGP 1953 del 24/11/2017", sources: ["S41", "S42"] }],
  },
  umbria: {
    name: "Umbria",
    bands: [],
    duration: [],
    indemnity: [
      {
        from: "2019-10-01",
        value: { kind: "umbria" },
        act: "direttiva preadottata con DGR 189 del 26/2/2018, in vigore dall'1/10/2019",
        sources: ["S52", "S53"],
        unverified: "importi del testo preadottato (DGR 189/2018): il testo definitivo non è stato letto",
      },
    ],
    notes: {
      duration:
        "la direttiva regionale prevede 6 mesi (12 per i soggetti svantaggiati e le persone con disabilità): si applica il massimo nazionale",
    },
  },
  "valle-d-aosta": {
    name: "Valle d'Aosta",
    bands: [],
    duration: [],
    indemnity: [
      { from: "2018-03-01", value: flat(450), act: "DGR 1898/2017 (dall'1/3/2018)", sources: ["S48"] },
      {
        from: "2022-07-21",
        value: flat(600),
        act: "DGR 839 del 21/7/2022",
        sources: ["S17", "S47c"],
        unverified: "la DGR 839/2022 lega € 600 a un impegno orario non letto, e la data di decorrenza non è verificata",
      },
    ],
    notes: { duration: "la DGR 839/2022 prevede al massimo 6 mesi: si applica il massimo nazionale" },
  },
  veneto: {
    name: "Veneto",
    bands: [],
    duration: [],
    indemnity: [
      {
        from: "2018-01-01",
        value: { kind: "veneto", baseCents: 45_000, mealVoucherCents: 35_000 },
        act: "DGR 1816 del 7/11/2017 (dall'1/1/2018)",
        sources: ["S35"],
      },
    ],
  },
};

/** The period of `list` in force on `date` (YYYY-MM-DD compares as text), or undefined. */
export function periodOn<T>(list: readonly Period<T>[], date: string): Period<T> | undefined {
  let found: Period<T> | undefined;
  for (const period of list) if (period.from <= date && (!found || period.from >= found.from)) found = period;
  return found;
}
