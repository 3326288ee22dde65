import { describe, expect, it } from "vitest";
import {
  INTERNSHIP_REGIONS,
  type InternshipCheck,
  type InternshipRejection,
  checkInternship,
  parseInternshipInput,
} from "~/domain/internships";

/**
 * The internship rules checker against docs/legal/tirocini.md: every rule, Region and boundary, the dated parameter
 * changes on the day before / of / after, and the rejections.
 */

type Overrides = Record<string, unknown> & { host?: Record<string, unknown>; trainee?: Record<string, unknown> };

/** A lawful national internship: 10 employees, none in training, 6 months full time at € 300. */
function input(o: Overrides = {}) {
  const { host, trainee, ...rest } = o;
  return {
    date: "2026-03-01",
    region: "IT",
    host: {
      employeesPermanent: 10,
      employeesFixedTermCounting: 0,
      activeTrainees: 0,
      hiresFromPastTrainees: 0,
      qualifyingDismissalsLast12Months: false,
      cigSameTasksSameUnit: false,
      isPublicAdministration: false,
      ...host,
    },
    trainee: {
      disabled: false,
      disadvantaged: false,
      priorEmploymentWithHostLast24Months: false,
      previousTraineeshipWithHost: false,
      ...trainee,
    },
    plannedMonths: 6,
    seasonalHost: false,
    weeklyHours: 40,
    dailyHours: 8,
    fullTimeWeeklyHours: 40,
    mealVouchers: false,
    monthlyIndemnity: 300,
    hostTutorTrainees: 0,
    eqfLevel: null,
    ...rest,
  };
}

function ok(o: Overrides): InternshipCheck {
  const result = checkInternship(input(o));
  if ("rejected" in result) throw new Error(`rejected: ${JSON.stringify(result)}`);
  return result;
}

describe("numeric limits by head-count", () => {
  const cases: [string, string, number, number, number][] = [
    // label, region, permanent, fixed-term counting, expected maximum
    ["0 employees", "IT", 0, 0, 1],
    ["5 employees", "IT", 5, 0, 1],
    ["6 employees (3 + 3 fixed-term)", "IT", 3, 3, 2],
    ["20 employees", "IT", 20, 0, 2],
    ["21 employees: 10 % = 2.1 → 3", "IT", 21, 0, 3],
    ["30 employees: 10 % = 3 exactly", "IT", 30, 0, 3],
    ["31 employees: 3.1 → 4", "IT", 25, 6, 4],
    ["99 employees: 9.9 → 10", "lombardia", 99, 0, 10],
    ["100 employees", "veneto", 100, 0, 10],
    ["101 employees: 10.1 → 11", "piemonte", 101, 0, 11],
    ["Campania 5", "campania", 5, 0, 1],
    ["Campania 6", "campania", 6, 0, 2],
    ["Campania 10", "campania", 10, 0, 2],
    ["Campania 11", "campania", 11, 0, 3],
    ["Campania 15", "campania", 15, 0, 3],
    ["Campania 16", "campania", 16, 0, 4],
    ["Campania 20", "campania", 20, 0, 4],
    ["Campania 21: 20 % = 4.2 → 5", "campania", 21, 0, 5],
    ["Campania 25: 20 % = 5 exactly", "campania", 20, 5, 5],
    ["Sicilia 5", "sicilia", 5, 0, 2],
    ["Sicilia 6", "sicilia", 6, 0, 4],
    ["Sicilia 20", "sicilia", 20, 0, 4],
    ["Sicilia 21: 4.2 → 5", "sicilia", 21, 0, 5],
  ];
  it.each(cases)("%s", (_label, region, employeesPermanent, employeesFixedTermCounting, expected) => {
    expect(ok({ region, host: { employeesPermanent, employeesFixedTermCounting } }).maxSimultaneousTrainees).toBe(expected);
  });

  it("HOST_LIMIT_EXCEEDED only when this trainee would be one too many", () => {
    expect(ok({ host: { employeesPermanent: 5, activeTrainees: 0 } }).violations).toEqual([]);
    expect(ok({ host: { employeesPermanent: 5, activeTrainees: 1 } }).violations).toEqual(["HOST_LIMIT_EXCEEDED"]);
    expect(ok({ host: { employeesPermanent: 6, activeTrainees: 1 } }).violations).toEqual([]);
    expect(ok({ host: { employeesPermanent: 20, activeTrainees: 2 } }).violations).toEqual(["HOST_LIMIT_EXCEEDED"]);
    expect(ok({ host: { employeesPermanent: 21, activeTrainees: 2 } }).violations).toEqual([]);
    expect(ok({ host: { employeesPermanent: 21, activeTrainees: 3 } }).violations).toEqual(["HOST_LIMIT_EXCEEDED"]);
  });

  it("disabled and disadvantaged trainees are not counted against the limit", () => {
    for (const trainee of [{ disabled: true }, { disadvantaged: true }]) {
      const r = ok({ host: { employeesPermanent: 3, activeTrainees: 5 }, trainee });
      expect(r.violations).toEqual([]);
      expect(r.maxSimultaneousTrainees).toBe(1);
    }
  });

  it("Campania's and Sicilia's bands start with their acts; before, the national bands with a warning", () => {
    expect(ok({ region: "campania", date: "2018-05-06", host: { employeesPermanent: 21 } })).toMatchObject({
      maxSimultaneousTrainees: 3,
      warnings: expect.arrayContaining(["REGIONAL_PARAMETER_UNVERIFIED:maxSimultaneousTrainees"]),
    });
    expect(ok({ region: "campania", date: "2018-05-07", host: { employeesPermanent: 21 } }).maxSimultaneousTrainees).toBe(5);
    expect(ok({ region: "sicilia", date: "2017-07-18", host: { employeesPermanent: 5 } }).maxSimultaneousTrainees).toBe(1);
    expect(ok({ region: "sicilia", date: "2017-07-19", host: { employeesPermanent: 5 } }).maxSimultaneousTrainees).toBe(2);
  });
});

describe("duration", () => {
  const cases: [string, Overrides, number][] = [
    ["national", {}, 12],
    ["national, disadvantaged", { trainee: { disadvantaged: true } }, 12],
    ["national, disabled", { trainee: { disabled: true } }, 24],
    ["Lazio", { region: "lazio", monthlyIndemnity: 800 }, 6],
    ["Lazio, disadvantaged", { region: "lazio", monthlyIndemnity: 800, trainee: { disadvantaged: true } }, 12],
    ["Lazio, disabled", { region: "lazio", monthlyIndemnity: 800, trainee: { disabled: true } }, 24],
    ["Emilia-Romagna", { region: "emilia-romagna", monthlyIndemnity: 450 }, 6],
    ["Emilia-Romagna, disadvantaged", { region: "emilia-romagna", monthlyIndemnity: 450, trainee: { disadvantaged: true } }, 12],
    ["Piemonte", { region: "piemonte", monthlyIndemnity: 600 }, 6],
    ["Piemonte, disadvantaged", { region: "piemonte", monthlyIndemnity: 600, trainee: { disadvantaged: true } }, 12],
    ["Lombardia, EQF null", { region: "lombardia", monthlyIndemnity: 500 }, 6],
    ["Lombardia, EQF 3", { region: "lombardia", monthlyIndemnity: 500, eqfLevel: 3 }, 6],
    ["Lombardia, EQF 4", { region: "lombardia", monthlyIndemnity: 500, eqfLevel: 4 }, 12],
    ["Lombardia, EQF 8", { region: "lombardia", monthlyIndemnity: 500, eqfLevel: 8 }, 12],
    [
      "Lombardia, EQF 2 but disadvantaged",
      { region: "lombardia", monthlyIndemnity: 500, eqfLevel: 2, trainee: { disadvantaged: true } },
      12,
    ],
    ["Lombardia, disabled", { region: "lombardia", monthlyIndemnity: 500, trainee: { disabled: true } }, 24],
    ["Campania", { region: "campania", monthlyIndemnity: 500 }, 12],
    ["Veneto (national maximum)", { region: "veneto", monthlyIndemnity: 450 }, 12],
    ["Trento (national maximum)", { region: "trento" }, 12],
  ];
  it.each(cases)("maximum: %s", (_label, o, expected) => {
    expect(ok(o).maxDurationMonths).toBe(expected);
  });

  it("DURATION_TOO_LONG above the maximum, not at it", () => {
    expect(ok({ plannedMonths: 12 }).violations).toEqual([]);
    expect(ok({ plannedMonths: 12.5 }).violations).toEqual(["DURATION_TOO_LONG"]);
    expect(ok({ plannedMonths: 13 }).violations).toEqual(["DURATION_TOO_LONG"]);
    expect(ok({ plannedMonths: 24, trainee: { disabled: true } }).violations).toEqual([]);
    expect(ok({ plannedMonths: 25, trainee: { disabled: true } }).violations).toEqual(["DURATION_TOO_LONG"]);
    expect(ok({ region: "lombardia", monthlyIndemnity: 500, plannedMonths: 6, eqfLevel: 3 }).violations).toEqual([]);
    expect(ok({ region: "lombardia", monthlyIndemnity: 500, plannedMonths: 7, eqfLevel: 3 }).violations).toEqual(["DURATION_TOO_LONG"]);
    expect(ok({ region: "lombardia", monthlyIndemnity: 500, plannedMonths: 7, eqfLevel: 4 }).violations).toEqual([]);
    expect(ok({ region: "lazio", monthlyIndemnity: 800, plannedMonths: 6.5 }).violations).toEqual(["DURATION_TOO_LONG"]);
  });

  it("DURATION_TOO_SHORT below 2 months, or 1 month for a seasonal host", () => {
    expect(ok({ plannedMonths: 2 }).violations).toEqual([]);
    expect(ok({ plannedMonths: 1.9 }).violations).toEqual(["DURATION_TOO_SHORT"]);
    expect(ok({ plannedMonths: 1, seasonalHost: true }).violations).toEqual([]);
    expect(ok({ plannedMonths: 1, seasonalHost: false }).violations).toEqual(["DURATION_TOO_SHORT"]);
    expect(ok({ plannedMonths: 0.5, seasonalHost: true }).violations).toEqual(["DURATION_TOO_SHORT"]);
  });

  it("regional maxima start with their acts (Lazio 1/10/2017, Lombardia 9/6/2018, Emilia-Romagna 1/7/2019)", () => {
    const lazio = (date: string) => ok({ region: "lazio", date, monthlyIndemnity: 800, plannedMonths: 8 });
    expect(lazio("2017-09-30")).toMatchObject({ maxDurationMonths: 12, violations: [] });
    expect(lazio("2017-09-30").warnings).toContain("REGIONAL_PARAMETER_UNVERIFIED:maxDurationMonths");
    expect(lazio("2017-10-01")).toMatchObject({ maxDurationMonths: 6, violations: ["DURATION_TOO_LONG"] });
    expect(lazio("2017-10-02").maxDurationMonths).toBe(6);
    expect(ok({ region: "lombardia", date: "2018-06-08", monthlyIndemnity: 500 }).maxDurationMonths).toBe(12);
    expect(ok({ region: "lombardia", date: "2018-06-09", monthlyIndemnity: 500 }).maxDurationMonths).toBe(6);
    expect(ok({ region: "emilia-romagna", date: "2019-06-30", monthlyIndemnity: 450 }).maxDurationMonths).toBe(12);
    expect(ok({ region: "emilia-romagna", date: "2019-07-01", monthlyIndemnity: 450 }).maxDurationMonths).toBe(6);
  });
});

describe("minimum monthly indemnity", () => {
  const cases: [string, Overrides, string][] = [
    ["national", {}, "300.00"],
    ["Abruzzo from 18/9/2025", { region: "abruzzo", date: "2025-09-18" }, "800.00"],
    ["Campania", { region: "campania" }, "500.00"],
    ["Emilia-Romagna", { region: "emilia-romagna" }, "450.00"],
    ["Lazio", { region: "lazio" }, "800.00"],
    ["Liguria", { region: "liguria" }, "500.00"],
    ["Liguria with meal vouchers", { region: "liguria", mealVouchers: true }, "400.00"],
    ["Liguria at 60 % of full time: halved", { region: "liguria", weeklyHours: 24 }, "250.00"],
    ["Liguria at 70 %: full", { region: "liguria", weeklyHours: 28 }, "500.00"],
    ["Lombardia", { region: "lombardia" }, "500.00"],
    ["Lombardia with meal vouchers", { region: "lombardia", mealVouchers: true }, "400.00"],
    ["Lombardia at 4 h a day", { region: "lombardia", dailyHours: 4, weeklyHours: 20 }, "350.00"],
    ["Lombardia at 4.5 h a day", { region: "lombardia", dailyHours: 4.5, weeklyHours: 22.5 }, "500.00"],
    ["Lombardia at 4 h a day with meal vouchers", { region: "lombardia", dailyHours: 4, mealVouchers: true }, "350.00"],
    ["Lombardia, public administration", { region: "lombardia", host: { isPublicAdministration: true } }, "300.00"],
    ["Molise", { region: "molise" }, "300.00"],
    ["Piemonte", { region: "piemonte" }, "600.00"],
    ["Sardegna", { region: "sardegna" }, "400.00"],
    ["Sicilia", { region: "sicilia" }, "300.00"],
    ["Toscana", { region: "toscana" }, "600.00"],
    ["Trento", { region: "trento" }, "300.00"],
    ["Umbria at 30 h", { region: "umbria", weeklyHours: 30 }, "400.00"],
    ["Umbria at 31 h", { region: "umbria", weeklyHours: 31 }, "500.00"],
    ["Valle d'Aosta", { region: "valle-d-aosta" }, "600.00"],
    ["Veneto", { region: "veneto" }, "450.00"],
    ["Veneto with meal vouchers", { region: "veneto", mealVouchers: true }, "350.00"],
    ["Veneto at 49 % of full time", { region: "veneto", weeklyHours: 19.6 }, "450.00"],
    ["Veneto at exactly 50 %: 70 % of 450", { region: "veneto", weeklyHours: 20 }, "315.00"],
    ["Veneto at 69.75 %", { region: "veneto", weeklyHours: 27.9 }, "315.00"],
    ["Veneto at exactly 70 %: full", { region: "veneto", weeklyHours: 28 }, "450.00"],
    ["Veneto at 60 % with meal vouchers: 70 % of 350", { region: "veneto", weeklyHours: 24, mealVouchers: true }, "245.00"],
    ["Veneto, CCNL full time 38 h, 19 h = 50 %", { region: "veneto", weeklyHours: 19, fullTimeWeeklyHours: 38 }, "315.00"],
    ["Veneto, CCNL full time 38 h, 26.6 h = 70 %", { region: "veneto", weeklyHours: 26.6, fullTimeWeeklyHours: 38 }, "450.00"],
    ["FVG at 10 h", { region: "friuli-venezia-giulia", weeklyHours: 10 }, "300.00"],
    ["FVG at 20 h", { region: "friuli-venezia-giulia", weeklyHours: 20 }, "300.00"],
    ["FVG at 21 h", { region: "friuli-venezia-giulia", weeklyHours: 21 }, "310.00"],
    ["FVG at 25.5 h", { region: "friuli-venezia-giulia", weeklyHours: 25.5 }, "355.00"],
    ["FVG at 30 h", { region: "friuli-venezia-giulia", weeklyHours: 30 }, "400.00"],
    ["FVG at 20.001 h: a fraction of a cent rounds up", { region: "friuli-venezia-giulia", weeklyHours: 20.001 }, "300.01"],
    ["FVG at 40 h", { region: "friuli-venezia-giulia", weeklyHours: 40 }, "500.00"],
    ["FVG at 45 h: capped at 500", { region: "friuli-venezia-giulia", weeklyHours: 45 }, "500.00"],
  ];
  it.each(cases)("%s", (_label, o, expected) => {
    expect(ok(o).minMonthlyIndemnity).toBe(expected);
  });

  it("INDEMNITY_BELOW_MINIMUM one cent below the floor, not at it (compared in cents)", () => {
    for (const [o, floor] of [
      [{}, 300],
      [{ region: "lazio" }, 800],
      [{ region: "veneto", weeklyHours: 20 }, 315],
      [{ region: "friuli-venezia-giulia", weeklyHours: 25.5 }, 355],
      [{ region: "lombardia", mealVouchers: true }, 400],
    ] as [Overrides, number][]) {
      expect(ok({ ...o, monthlyIndemnity: floor }).violations, JSON.stringify(o)).toEqual([]);
      expect(ok({ ...o, monthlyIndemnity: floor - 0.01 }).violations, JSON.stringify(o)).toEqual(["INDEMNITY_BELOW_MINIMUM"]);
    }
    // 0.1 + 0.2 style pitfalls: 299.99 is below 300, 300.001 is not.
    expect(ok({ monthlyIndemnity: 299.999 }).violations).toEqual(["INDEMNITY_BELOW_MINIMUM"]);
    expect(ok({ monthlyIndemnity: 300.001 }).violations).toEqual([]);
    expect(ok({ monthlyIndemnity: 0 }).violations).toEqual(["INDEMNITY_BELOW_MINIMUM"]);
  });

  it("Trento: € 300 minimum and € 600 maximum", () => {
    expect(ok({ region: "trento", monthlyIndemnity: 600 }).violations).toEqual([]);
    expect(ok({ region: "trento", monthlyIndemnity: 600.01 }).violations).toEqual(["INDEMNITY_ABOVE_MAXIMUM"]);
    expect(ok({ region: "trento", monthlyIndemnity: 299.99 }).violations).toEqual(["INDEMNITY_BELOW_MINIMUM"]);
    expect(ok({ monthlyIndemnity: 5000 }).violations).toEqual([]); // no maximum elsewhere
  });

  it("dated amounts change on the day of the act (day before / of / after)", () => {
    const min = (region: string, date: string) => ok({ region, date }).minMonthlyIndemnity;
    expect([min("lazio", "2017-09-30"), min("lazio", "2017-10-01"), min("lazio", "2017-10-02")]).toEqual(["300.00", "800.00", "800.00"]);
    expect([min("veneto", "2017-12-31"), min("veneto", "2018-01-01"), min("veneto", "2018-01-02")]).toEqual(["300.00", "450.00", "450.00"]);
    expect([min("lombardia", "2018-06-08"), min("lombardia", "2018-06-09"), min("lombardia", "2018-06-10")]).toEqual([
      "300.00",
      "500.00",
      "500.00",
    ]);
    expect([min("campania", "2018-05-06"), min("campania", "2018-05-07"), min("campania", "2018-05-08")]).toEqual([
      "300.00",
      "500.00",
      "500.00",
    ]);
    expect([min("abruzzo", "2025-09-17"), min("abruzzo", "2025-09-18"), min("abruzzo", "2025-09-19")]).toEqual([
      "300.00",
      "800.00",
      "800.00",
    ]);
    // Emilia-Romagna: € 450 since 16/9/2013, unchanged by LR 1/2019 on 1/7/2019.
    expect([min("emilia-romagna", "2019-06-30"), min("emilia-romagna", "2019-07-01"), min("emilia-romagna", "2013-09-15")]).toEqual([
      "450.00",
      "450.00",
      "300.00",
    ]);
    expect([min("toscana", "2023-12-31"), min("toscana", "2024-01-01")]).toEqual(["500.00", "600.00"]);
    expect([min("valle-d-aosta", "2022-07-20"), min("valle-d-aosta", "2022-07-21")]).toEqual(["450.00", "600.00"]);
  });

  it("the day before a Region's act the national floor applies with a warning; the day of, no warning", () => {
    expect(ok({ region: "lazio", date: "2017-09-30" }).warnings).toContain("REGIONAL_PARAMETER_UNVERIFIED:minMonthlyIndemnity");
    expect(ok({ region: "lazio", date: "2017-10-01", monthlyIndemnity: 800 }).warnings).toEqual([]);
    expect(ok({ region: "abruzzo", date: "2025-09-17" }).warnings).toContain("REGIONAL_PARAMETER_UNVERIFIED:minMonthlyIndemnity");
  });
});

describe("warnings where a regional parameter is not verified", () => {
  it.each(["basilicata", "bolzano", "calabria", "marche", "puglia"])("%s: national € 300 and a warning", (region) => {
    const r = ok({ region });
    expect(r.minMonthlyIndemnity).toBe("300.00");
    expect(r.warnings).toContain("REGIONAL_PARAMETER_UNVERIFIED:minMonthlyIndemnity");
    expect(r.allowed).toBe(true);
    const message = r.messages.find((m) => m.kind === "warning");
    expect(message?.message).toMatch(/^Valore da confermare/);
  });

  it.each(["sardegna", "umbria", "valle-d-aosta"])("%s: the amount found is applied, with a warning", (region) => {
    expect(ok({ region, monthlyIndemnity: 600 }).warnings).toContain("REGIONAL_PARAMETER_UNVERIFIED:minMonthlyIndemnity");
  });

  it.each(["umbria", "valle-d-aosta", "toscana", "sicilia", "abruzzo"])(
    "%s: a regional maximum duration not applied is warned about",
    (region) => {
      expect(ok({ region, monthlyIndemnity: 800 }).warnings).toContain("REGIONAL_PARAMETER_UNVERIFIED:maxDurationMonths");
    },
  );

  it("verified parameters give no warning", () => {
    for (const region of [
      "IT",
      "campania",
      "emilia-romagna",
      "friuli-venezia-giulia",
      "lazio",
      "liguria",
      "lombardia",
      "molise",
      "veneto",
      "trento",
    ]) {
      expect(ok({ region, monthlyIndemnity: 600 }).warnings, region).toEqual([]);
    }
  });

  it("Toscana's € 600 is warned about during 2024 only (its day is not known); Sicilia's 20 % rounding above 20", () => {
    expect(ok({ region: "toscana", date: "2024-06-01", monthlyIndemnity: 600 }).warnings).toContain(
      "REGIONAL_PARAMETER_UNVERIFIED:minMonthlyIndemnity",
    );
    expect(ok({ region: "toscana", date: "2025-01-01", monthlyIndemnity: 600 }).warnings).not.toContain(
      "REGIONAL_PARAMETER_UNVERIFIED:minMonthlyIndemnity",
    );
    expect(ok({ region: "sicilia", host: { employeesPermanent: 21 } }).warnings).toContain(
      "REGIONAL_PARAMETER_UNVERIFIED:maxSimultaneousTrainees",
    );
    expect(ok({ region: "sicilia", host: { employeesPermanent: 20 } }).warnings).not.toContain(
      "REGIONAL_PARAMETER_UNVERIFIED:maxSimultaneousTrainees",
    );
  });

  it("every region of the list is accepted", () => {
    for (const region of INTERNSHIP_REGIONS) expect("rejected" in checkInternship(input({ region })), region).toBe(false);
  });
});

describe("host tutor and bans", () => {
  it("HOST_TUTOR_CAPACITY_EXCEEDED when the tutor already follows 3", () => {
    expect(ok({ hostTutorTrainees: 2 }).violations).toEqual([]);
    expect(ok({ hostTutorTrainees: 3 }).violations).toEqual(["HOST_TUTOR_CAPACITY_EXCEEDED"]);
  });

  const flags: [string, Overrides, string][] = [
    ["dismissals", { host: { qualifyingDismissalsLast12Months: true } }, "DISMISSALS_LAST_12_MONTHS"],
    ["CIG", { host: { cigSameTasksSameUnit: true } }, "CIG_SAME_TASKS"],
    ["prior employment", { trainee: { priorEmploymentWithHostLast24Months: true } }, "PRIOR_EMPLOYMENT_WITH_HOST"],
    ["previous internship", { trainee: { previousTraineeshipWithHost: true } }, "REPEAT_TRAINEESHIP_SAME_HOST"],
  ];
  it.each(flags)("%s", (_label, o, code) => {
    const r = ok(o);
    expect(r).toMatchObject({ allowed: false, violations: [code] });
    expect(r.messages).toEqual([{ code, kind: "violation", message: expect.any(String), rule: expect.any(String) }]);
  });

  it("hiresFromPastTrainees is informative only (no premialità)", () => {
    expect(ok({ host: { employeesPermanent: 30, hiresFromPastTrainees: 10 } }).maxSimultaneousTrainees).toBe(3);
  });
});

describe("the output", () => {
  it("all violations at once, in ascending code order, each with an Italian message citing its rule", () => {
    const r = ok({
      region: "trento",
      host: { employeesPermanent: 2, activeTrainees: 1, qualifyingDismissalsLast12Months: true, cigSameTasksSameUnit: true },
      trainee: { priorEmploymentWithHostLast24Months: true, previousTraineeshipWithHost: true },
      plannedMonths: 13,
      monthlyIndemnity: 700,
      hostTutorTrainees: 3,
    });
    expect(r.allowed).toBe(false);
    expect(r.violations).toEqual([
      "CIG_SAME_TASKS",
      "DISMISSALS_LAST_12_MONTHS",
      "DURATION_TOO_LONG",
      "HOST_LIMIT_EXCEEDED",
      "HOST_TUTOR_CAPACITY_EXCEEDED",
      "INDEMNITY_ABOVE_MAXIMUM",
      "PRIOR_EMPLOYMENT_WITH_HOST",
      "REPEAT_TRAINEESHIP_SAME_HOST",
    ]);
    expect(r.messages.map((m) => m.code)).toEqual(r.violations);
    const limit = r.messages.find((m) => m.code === "HOST_LIMIT_EXCEEDED")!;
    expect(limit.message).toBe(
      "L'unità operativa conta 2 dipendenti e può ospitare al massimo 1 tirocinante contemporaneamente: con 1 tirocinio già attivo questo sarebbe di troppo.",
    );
    expect(limit.rule).toContain("Accordo Stato-Regioni del 25/5/2017");
    expect(r.messages.find((m) => m.code === "INDEMNITY_ABOVE_MAXIMUM")!.rule).toContain("DGP 1953 del 24/11/2017");
    expect(r.messages.find((m) => m.code === "DURATION_TOO_LONG")!.message).toBe(
      "La durata prevista (13 mesi) supera il massimo di 12 mesi per questo tirocinio.",
    );
  });

  it("the contract's fields and types, money as «NNN.NN»", () => {
    const r = ok({ region: "lombardia", monthlyIndemnity: 500 });
    expect(r).toEqual({
      maxSimultaneousTrainees: 2,
      allowed: true,
      violations: [],
      minMonthlyIndemnity: "500.00",
      maxDurationMonths: 6,
      warnings: [],
      messages: [],
    });
  });

  it("optional fields take their defaults", () => {
    const r = checkInternship({
      date: "2026-03-01",
      region: "veneto",
      host: { employeesPermanent: 4 },
      plannedMonths: 3,
      weeklyHours: 20,
      dailyHours: 4,
      monthlyIndemnity: 315,
    });
    expect(r).toMatchObject({ allowed: true, minMonthlyIndemnity: "315.00", maxSimultaneousTrainees: 1, maxDurationMonths: 12 });
  });
});

describe("rejections", () => {
  const rejected = (raw: unknown): InternshipRejection => checkInternship(raw) as InternshipRejection;

  it("a date that is not a real calendar day → INVALID_INPUT", () => {
    for (const date of ["2026-02-29", "2026-13-01", "2026-04-31", "01/03/2026", "2026-3-1", "", 20260301, null]) {
      expect(rejected(input({ date })), String(date)).toEqual({ rejected: true, error: "INVALID_INPUT" });
    }
    expect("rejected" in checkInternship(input({ date: "2028-02-29" }))).toBe(false);
  });

  it("a region outside the list → UNKNOWN_REGION (a missing or non-text region is INVALID_INPUT)", () => {
    for (const region of ["Lombardia", "lombardy", "sud-tirolo", "trentino-alto-adige", "", " IT"]) {
      expect(rejected(input({ region })), region).toEqual({ rejected: true, error: "UNKNOWN_REGION" });
    }
    expect(rejected(input({ region: 3 }))).toEqual({ rejected: true, error: "INVALID_INPUT" });
    expect(rejected(input({ region: undefined }))).toEqual({ rejected: true, error: "INVALID_INPUT" });
  });

  it("negative or non-integer head-counts → INVALID_INPUT", () => {
    for (const host of [
      { employeesPermanent: -1 },
      { employeesPermanent: 2.5 },
      { employeesFixedTermCounting: -3 },
      { activeTrainees: 0.5 },
      { hiresFromPastTrainees: -1 },
      { employeesPermanent: "10" },
      { employeesPermanent: undefined },
    ]) {
      expect(rejected(input({ host })), JSON.stringify(host)).toEqual({ rejected: true, error: "INVALID_INPUT" });
    }
    expect(rejected(input({ hostTutorTrainees: -1 }))).toEqual({ rejected: true, error: "INVALID_INPUT" });
  });

  it("plannedMonths ≤ 0, weeklyHours ≤ 0, monthlyIndemnity < 0 or non-numeric values → INVALID_INPUT", () => {
    for (const o of [
      { plannedMonths: 0 },
      { plannedMonths: -1 },
      { weeklyHours: 0 },
      { weeklyHours: -5 },
      { dailyHours: 0 },
      { fullTimeWeeklyHours: 0 },
      { monthlyIndemnity: -0.01 },
      { monthlyIndemnity: "500" },
      { plannedMonths: "6" },
      { weeklyHours: null },
      { eqfLevel: 9 },
      { eqfLevel: 0 },
      { eqfLevel: 3.5 },
      { mealVouchers: "yes" },
      { trainee: { disabled: 1 } },
    ]) {
      expect(rejected(input(o)), JSON.stringify(o)).toEqual({ rejected: true, error: "INVALID_INPUT" });
    }
    for (const raw of [null, [], "text", 42, {}])
      expect(rejected(raw), JSON.stringify(raw)).toEqual({ rejected: true, error: "INVALID_INPUT" });
  });

  it("precedence: a bad date before an unknown region, an unknown region before other problems", () => {
    expect(rejected(input({ date: "2026-02-30", region: "atlantide" })).error).toBe("INVALID_INPUT");
    expect(rejected(input({ region: "atlantide", plannedMonths: 0 })).error).toBe("UNKNOWN_REGION");
  });

  it("one Italian message per problem, naming the field", () => {
    const parsed = parseInternshipInput(input({ region: "atlantide", plannedMonths: 0, host: { employeesPermanent: -1 } }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual(
      expect.arrayContaining([
        { field: "plannedMonths", message: "la durata prevista in mesi deve essere maggiore di zero" },
        { field: "host.employeesPermanent", message: "il numero di dipendenti a tempo indeterminato non può essere negativo" },
        { field: "region", message: expect.stringContaining("regione sconosciuta «atlantide»") },
      ]),
    );
  });
});
