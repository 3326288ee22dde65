/**
 * `checkInternship`: may this extracurricular internship be activated? (docs/legal/tirocini.md#contratto). Pure: every
 * fact (head-counts, flags, hours, amounts) comes from the caller; the regional parameters in force on the planned
 * start date come from parameters.ts. Counts are integers; money and hours are compared exactly (decimal.ts).
 */
import { formatDate, formatMoney } from "~/utils/format";
import { plural, pluralWord } from "~/utils/plural";
import { type Decimal, ceilDiv, centsToString, compareEuroToCents, compareScaled, toDecimal } from "./decimal";
import { type BandRule, type DurationRule, type IndemnityRule, NATIONAL, type Period, REGIONS, periodOn } from "./parameters";
import { parseInternshipInput } from "./schema";
import type {
  CheckMessage,
  CheckedParameter,
  InternshipCheck,
  InternshipInput,
  InternshipRejection,
  ViolationCode,
  WarningCode,
} from "./types";

/** Validates untrusted input and checks it: the result, or exactly `{ rejected: true, error }`. */
export function checkInternship(raw: unknown): InternshipCheck | InternshipRejection {
  const parsed = parseInternshipInput(raw);
  if (!parsed.ok) return { rejected: true, error: parsed.error };
  return evaluateInternship(parsed.input);
}

interface Warning {
  parameter: CheckedParameter;
  note: string;
}

const euro = (cents: number) => formatMoney(centsToString(cents));
const months = (n: number) => plural(n, "mese", "mesi");

/** The period in force, or a warning that the national value stands in for the Region's. */
function pick<T>(
  list: readonly Period<T>[],
  date: string,
  parameter: CheckedParameter,
  note: string | undefined,
  warnings: Warning[],
): Period<T> | undefined {
  const period = periodOn(list, date);
  if (period) {
    if (period.unverified) warnings.push({ parameter, note: period.unverified });
    else if (period.confirmedFrom && date < period.confirmedFrom) {
      warnings.push({ parameter, note: `la data di decorrenza dell'atto (${period.act}) non è verificata per il ${formatDate(date)}` });
    }
    return period;
  }
  if (note) warnings.push({ parameter, note });
  else if (list.length > 0) {
    warnings.push({
      parameter,
      note: `prima del ${formatDate(list[0].from)} il valore regionale non è verificato: si applica quello nazionale`,
    });
  }
  return undefined;
}

// ---- numeric limits (docs/legal/tirocini.md#limiti-numerici) ----

function maxTrainees(rule: BandRule, n: number): number {
  const ceilPercent = (percent: number) => Math.floor((n * percent + 99) / 100); // integer ceil(n × percent / 100)
  if (rule === "campania") return n <= 5 ? 1 : n <= 10 ? 2 : n <= 15 ? 3 : n <= 20 ? 4 : ceilPercent(20);
  if (rule === "sicilia") return n <= 5 ? 2 : n <= 20 ? 4 : ceilPercent(20);
  return n <= 5 ? 1 : n <= 20 ? 2 : ceilPercent(10);
}

const BAND_RULE_TEXT: Record<BandRule, string> = {
  national: "fino a 5 dipendenti 1 tirocinante; da 6 a 20 dipendenti 2; oltre 20 il 10 % dei dipendenti, arrotondato all'unità superiore",
  campania:
    "fino a 5 dipendenti 1 tirocinante; da 6 a 10: 2; da 11 a 15: 3; da 16 a 20: 4; oltre 20 il 20 % dei dipendenti, arrotondato all'unità superiore",
  sicilia: "fino a 5 dipendenti 2 tirocinanti; da 6 a 20: 4; oltre 20 il 20 % dei dipendenti, arrotondato all'unità superiore",
};

// ---- duration (docs/legal/tirocini.md#durata) ----

function maxDuration(rule: DurationRule, input: InternshipInput): number {
  if (input.trainee.disabled) return NATIONAL.maxDurationMonthsDisabled;
  switch (rule) {
    case "six-twelve-disadvantaged":
      return input.trainee.disadvantaged ? 12 : 6;
    case "lombardia":
      return input.trainee.disadvantaged || (input.eqfLevel !== null && input.eqfLevel >= 4) ? 12 : 6;
    case "twelve":
    case "national":
      return NATIONAL.maxDurationMonths;
  }
}

function durationRuleText(rule: DurationRule): string {
  switch (rule) {
    case "six-twelve-disadvantaged":
      return "al massimo 6 mesi, 12 per i soggetti svantaggiati e 24 per le persone con disabilità, proroghe comprese";
    case "lombardia":
      return "al massimo 6 mesi se le competenze del progetto sono di livello EQF 2–3, 12 se tutte di livello EQF 4 o superiore o per i soggetti svantaggiati, 24 per le persone con disabilità, proroghe comprese";
    case "twelve":
    case "national":
      return "al massimo 12 mesi, 24 per le persone con disabilità, proroghe comprese";
  }
}

// ---- indemnity (docs/legal/tirocini.md#indennita) ----

interface IndemnityBounds {
  minCents: number;
  maxCents?: number;
  /** How the minimum follows from the rule and the input (Italian). */
  basis: string;
  note?: string;
}

/** Sign of (hours / fullTime − tenths / 10). */
const ratioVersus = (hours: Decimal, fullTime: Decimal, tenths: bigint) => compareScaled(hours, 10n, fullTime, tenths);

function indemnityBounds(rule: IndemnityRule, input: InternshipInput): IndemnityBounds {
  const weekly = toDecimal(input.weeklyHours);
  const fullTime = toDecimal(input.fullTimeWeeklyHours);
  // Planned hours between 50 % (included) and 70 % (excluded) of the CCNL full time.
  const partTime = ratioVersus(weekly, fullTime, 5n) >= 0 && ratioVersus(weekly, fullTime, 7n) < 0;
  switch (rule.kind) {
    case "flat": {
      const low = rule.lowHoursNote && input.weeklyHours <= rule.lowHoursNote.atMostWeeklyHours ? rule.lowHoursNote.note : undefined;
      return {
        minCents: rule.minCents,
        maxCents: rule.maxCents,
        basis:
          rule.maxCents === undefined ? `minimo ${euro(rule.minCents)}` : `minimo ${euro(rule.minCents)}, massimo ${euro(rule.maxCents)}`,
        note: low,
      };
    }
    case "lombardia":
      if (input.host.isPublicAdministration) return { minCents: 30_000, basis: "€ 300 se l'ospitante è una pubblica amministrazione" };
      if (input.dailyHours <= 4) return { minCents: 35_000, basis: "€ 350 per un impegno fino a 4 ore al giorno" };
      if (input.mealVouchers) return { minCents: 40_000, basis: "€ 400 con buoni pasto o servizio mensa" };
      return {
        minCents: 50_000,
        basis: "€ 500 (€ 400 con buoni pasto o mensa, € 350 fino a 4 ore al giorno, € 300 per le pubbliche amministrazioni)",
      };
    case "veneto":
    case "liguria": {
      const base = input.mealVouchers ? rule.mealVoucherCents : rule.baseCents;
      const what = `${euro(rule.baseCents)}, ${euro(rule.mealVoucherCents)} con buoni pasto o mensa`;
      if (rule.kind === "veneto" && partTime) {
        return {
          minCents: Number(ceilDiv(BigInt(base) * 70n, 100n)),
          basis: `${what}; ridotto al 70 % (${euro(base)} × 70 %) con un orario tra il 50 % e il 70 % del tempo pieno`,
        };
      }
      if (rule.kind === "liguria" && partTime) {
        return {
          minCents: Number(ceilDiv(BigInt(base), 2n)),
          basis: `${what}; dimezzato con un orario tra il 50 % e il 70 % del tempo pieno`,
        };
      }
      const below = ratioVersus(weekly, fullTime, 5n) < 0;
      return {
        minCents: base,
        basis: what,
        note: below ? "la regola regionale non dice quale importo valga con un orario sotto il 50 % del tempo pieno" : undefined,
      };
    }
    case "friuli-venezia-giulia": {
      // € 300 up to 20 h/week, then € 10 per hour up to € 500 at 40 h (the line through the two points the decree
      // fixes); a fraction of a cent is rounded up, since the result is a minimum.
      const hours = toDecimal(Math.min(input.weeklyHours, 40));
      const over20 = hours.num - 20n * 10n ** BigInt(hours.scale);
      const extra = over20 > 0n ? ceilDiv(1000n * over20, 10n ** BigInt(hours.scale)) : 0n;
      return {
        minCents: 30_000 + Number(extra),
        basis: "€ 300 fino a 20 ore settimanali, poi € 10 per ogni ora in più, fino a € 500 a 40 ore",
      };
    }
    case "umbria":
      return input.weeklyHours <= 30
        ? { minCents: 40_000, basis: "€ 400 fino a 30 ore settimanali (€ 500 oltre)" }
        : { minCents: 50_000, basis: "€ 500 oltre 30 ore settimanali" };
  }
}

// ---- the check ----

/** Checks a validated input (see `parseInternshipInput`). */
export function evaluateInternship(input: InternshipInput): InternshipCheck {
  const region = REGIONS[input.region];
  const where = input.region === "IT" ? "disciplina nazionale" : region.name;
  const warnings: Warning[] = [];
  const violations: { code: ViolationCode; message: string; rule: string }[] = [];
  const cite = (period: Period<unknown> | undefined) => (period ? `${period.act}, ${region.name}` : NATIONAL.act);

  // Numeric limits.
  const bandPeriod = pick(region.bands, input.date, "maxSimultaneousTrainees", region.notes?.bands, warnings);
  const bandRule: BandRule = bandPeriod?.value ?? "national";
  const employees = input.host.employeesPermanent + input.host.employeesFixedTermCounting;
  const maxSimultaneousTrainees = maxTrainees(bandRule, employees);
  if (bandRule === "sicilia" && employees > 20) {
    warnings.push({
      parameter: "maxSimultaneousTrainees",
      note: "l'arrotondamento del 20 % all'unità superiore non è verificato nel testo siciliano",
    });
  }
  const exempt = input.trainee.disabled || input.trainee.disadvantaged;
  if (!exempt && input.host.activeTrainees + 1 > maxSimultaneousTrainees) {
    violations.push({
      code: "HOST_LIMIT_EXCEEDED",
      message: `L'unità operativa conta ${plural(employees, "dipendente", "dipendenti")} e può ospitare al massimo ${plural(maxSimultaneousTrainees, "tirocinante", "tirocinanti")} contemporaneamente: con ${plural(input.host.activeTrainees, "tirocinio già attivo", "tirocini già attivi")} questo sarebbe di troppo.`,
      rule: `Limiti numerici (${BAND_RULE_TEXT[bandRule]}; non contano gli apprendisti né i tirocinanti con disabilità o svantaggiati) — ${cite(bandPeriod)}.`,
    });
  }

  // Duration.
  const durationPeriod = pick(region.duration, input.date, "maxDurationMonths", region.notes?.duration, warnings);
  const durationRule: DurationRule = durationPeriod?.value ?? "national";
  const maxDurationMonths = maxDuration(durationRule, input);
  if (input.plannedMonths > maxDurationMonths) {
    violations.push({
      code: "DURATION_TOO_LONG",
      message: `La durata prevista (${decimalMonths(input.plannedMonths)}) supera il massimo di ${months(maxDurationMonths)} per questo tirocinio.`,
      rule: `Durata massima: ${durationRuleText(durationRule)} — ${cite(durationPeriod)}.`,
    });
  }
  const minMonths = input.seasonalHost ? NATIONAL.minDurationMonthsSeasonal : NATIONAL.minDurationMonths;
  if (input.plannedMonths < minMonths) {
    violations.push({
      code: "DURATION_TOO_SHORT",
      message: `La durata prevista (${decimalMonths(input.plannedMonths)}) è inferiore al minimo di ${months(minMonths)}.`,
      rule: `Durata minima: 2 mesi, 1 mese per gli ospitanti che svolgono attività stagionali — ${NATIONAL.act}.`,
    });
  }

  // Indemnity.
  const indemnityPeriod = pick(region.indemnity, input.date, "minMonthlyIndemnity", region.notes?.indemnity, warnings);
  const bounds: IndemnityBounds = indemnityPeriod
    ? indemnityBounds(indemnityPeriod.value, input)
    : { minCents: NATIONAL.minMonthlyIndemnityCents, basis: "minimo nazionale di € 300 lordi al mese" };
  if (bounds.note) warnings.push({ parameter: "minMonthlyIndemnity", note: bounds.note });
  const indemnity = toDecimal(input.monthlyIndemnity);
  const indemnityRule = `Indennità di partecipazione (${where}): ${bounds.basis} — ${cite(indemnityPeriod)}.`;
  if (compareEuroToCents(indemnity, bounds.minCents) < 0) {
    violations.push({
      code: "INDEMNITY_BELOW_MINIMUM",
      message: `L'indennità mensile prevista (${formatMoney(input.monthlyIndemnity)}) è inferiore al minimo di ${euro(bounds.minCents)} lordi al mese.`,
      rule: indemnityRule,
    });
  }
  if (bounds.maxCents !== undefined && compareEuroToCents(indemnity, bounds.maxCents) > 0) {
    violations.push({
      code: "INDEMNITY_ABOVE_MAXIMUM",
      message: `L'indennità mensile prevista (${formatMoney(input.monthlyIndemnity)}) supera il massimo di ${euro(bounds.maxCents)} lordi al mese.`,
      rule: indemnityRule,
    });
  }

  // Host tutor and bans.
  if (input.hostTutorTrainees + 1 > NATIONAL.maxTraineesPerHostTutor) {
    violations.push({
      code: "HOST_TUTOR_CAPACITY_EXCEEDED",
      message: `Il tutor dell'ospitante segue già ${plural(input.hostTutorTrainees, "tirocinante", "tirocinanti")}: con questo supererebbe il massimo di 3.`,
      rule: "Ogni tutor del soggetto ospitante può seguire al massimo 3 tirocinanti contemporaneamente (rapporto uno a tre).",
    });
  }
  if (input.host.qualifyingDismissalsLast12Months) {
    violations.push({
      code: "DISMISSALS_LAST_12_MONTHS",
      message: "Nell'unità operativa ci sono stati licenziamenti negli ultimi 12 mesi per mansioni equivalenti a quelle del tirocinio.",
      rule: "Divieto di tirocinio per mansioni equivalenti a quelle di lavoratori licenziati nei 12 mesi precedenti nella stessa unità (licenziamenti collettivi, per giustificato motivo oggettivo, superamento del comporto, mancato superamento della prova, fine appalto, recesso al termine dell'apprendistato), salvo accordi sindacali.",
    });
  }
  if (input.host.cigSameTasksSameUnit) {
    violations.push({
      code: "CIG_SAME_TASKS",
      message:
        "L'ospitante ha in corso la cassa integrazione per attività equivalenti a quelle del tirocinio nella stessa unità operativa.",
      rule: "Divieto di tirocinio nell'unità che usa la cassa integrazione (o altra sospensione) per attività equivalenti, salvo accordi sindacali.",
    });
  }
  if (input.trainee.priorEmploymentWithHostLast24Months) {
    violations.push({
      code: "PRIOR_EMPLOYMENT_WITH_HOST",
      message: "Il tirocinante ha avuto un rapporto di lavoro o di collaborazione con l'ospitante negli ultimi due anni.",
      rule: "Divieto di tirocinio con chi ha avuto un rapporto di lavoro o una collaborazione con l'ospitante nei due anni precedenti.",
    });
  }
  if (input.trainee.previousTraineeshipWithHost) {
    violations.push({
      code: "REPEAT_TRAINEESHIP_SAME_HOST",
      message: "Il tirocinante ha già svolto un tirocinio extracurricolare presso questo ospitante.",
      rule: "Un ospitante può realizzare un solo tirocinio extracurricolare con lo stesso tirocinante (prorogabile entro la durata massima).",
    });
  }

  violations.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const warningCodes: WarningCode[] = [];
  for (const w of warnings) {
    const code: WarningCode = `REGIONAL_PARAMETER_UNVERIFIED:${w.parameter}`;
    if (!warningCodes.includes(code)) warningCodes.push(code);
  }
  const messages: CheckMessage[] = [
    ...violations.map((v): CheckMessage => ({ code: v.code, kind: "violation", message: v.message, rule: v.rule })),
    ...warnings.map((w): CheckMessage => ({
      code: `REGIONAL_PARAMETER_UNVERIFIED:${w.parameter}`,
      kind: "warning",
      message: `Valore da confermare (${PARAMETER_LABEL[w.parameter]}, ${where}): ${w.note}.`,
      rule: "Parametro regionale non verificato: l'operatore lo conferma sull'atto regionale in vigore.",
    })),
  ];
  return {
    maxSimultaneousTrainees,
    allowed: violations.length === 0,
    violations: violations.map((v) => v.code),
    minMonthlyIndemnity: centsToString(bounds.minCents),
    maxDurationMonths,
    warnings: warningCodes,
    messages,
  };
}

const PARAMETER_LABEL: Record<CheckedParameter, string> = {
  maxSimultaneousTrainees: "limite di tirocinanti contemporanei",
  maxDurationMonths: "durata massima",
  minMonthlyIndemnity: "indennità minima",
  maxMonthlyIndemnity: "indennità massima",
};

/** 6 → «6 mesi», 1 → «1 mese», 2.5 → «2,5 mesi». */
function decimalMonths(n: number): string {
  return Number.isInteger(n) ? months(n) : `${String(n).replace(".", ",")} ${pluralWord(n, "mese", "mesi")}`;
}

/**
 * What the CLI and the API print: exactly the contract's five fields (docs/legal/tirocini.md#contratto), then
 * `warnings` only when a regional value is unverified (the contract allows them beside its fields) and the Italian
 * `messages` only when asked for: a caller comparing the output with the contract sees nothing else.
 */
export function contractOutput(check: InternshipCheck, options: { explain?: boolean } = {}) {
  const { maxSimultaneousTrainees, allowed, violations, minMonthlyIndemnity, maxDurationMonths, warnings, messages } = check;
  return {
    maxSimultaneousTrainees,
    allowed,
    violations,
    minMonthlyIndemnity,
    maxDurationMonths,
    ...(warnings.length > 0 ? { warnings } : {}),
    ...(options.explain ? { messages } : {}),
  };
}
