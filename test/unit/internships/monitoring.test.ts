import { describe, expect, it } from "vitest";
import {
  attestationAllowed,
  evaluateOutcome,
  figuresCsv,
  formatPercentBp,
  monthAttendance,
  monthsOfInternship,
  outcomeWindow,
  plannedCentiHoursInMonth,
  plannedCentiHoursTotal,
  registerBounds,
  registerRow,
  registerStandardFor,
  share,
  shiftEndDate,
  suspendedDays,
  suspensionProblem,
  toCentiHours,
  totalsOf,
} from "~/domain/internships";

/** The rules of an internship once started (docs/decisions/tirocini.md «Durante e dopo»). */

describe("monthly attendance and indemnity due", () => {
  const eur = (n: number) => n * 100;
  it("is in full exactly at 70 % and reduced just below (national rule, proportional)", () => {
    expect(monthAttendance("IT", 10_000, 7_000, eur(500))).toEqual({
      percentBp: 7000,
      thresholdPercent: 70,
      full: true,
      dueCents: eur(500),
    });
    const below = monthAttendance("IT", 10_000, 6_999, eur(500));
    expect(below.full).toBe(false);
    expect(below.percentBp).toBe(6999);
    expect(below.dueCents).toBe(Math.floor((50_000 * 6_999) / 10_000));
  });
  it("uses 80 % in Lombardia, never under € 300 below it", () => {
    expect(monthAttendance("lombardia", 10_000, 7_999, eur(500)).full).toBe(false);
    expect(monthAttendance("lombardia", 10_000, 8_000, eur(500)).full).toBe(true);
    expect(monthAttendance("lombardia", 10_000, 2_000, eur(500)).dueCents).toBe(eur(300));
    expect(monthAttendance("lombardia", 10_000, 7_900, eur(500)).dueCents).toBe(39_500);
  });
  it("halves between 50 % and 70 % in Liguria, proportional under 50 %", () => {
    expect(monthAttendance("liguria", 10_000, 5_000, eur(500)).dueCents).toBe(eur(250));
    expect(monthAttendance("liguria", 10_000, 4_000, eur(500)).dueCents).toBe(eur(200));
  });
  it("may reduce to € 400 in Toscana and nothing is due without attendance", () => {
    expect(monthAttendance("toscana", 10_000, 6_000, eur(600)).dueCents).toBe(eur(400));
    expect(monthAttendance("toscana", 10_000, 0, eur(600)).dueCents).toBe(0);
    expect(monthAttendance("lombardia", 10_000, 0, eur(500)).dueCents).toBe(0);
  });
  it("counts attended hours above the planned ones as full", () => {
    expect(monthAttendance("IT", 10_000, 12_000, eur(450))).toMatchObject({ full: true, dueCents: eur(450), percentBp: 12_000 });
  });
  it("formats the share in Italian", () => {
    expect(formatPercentBp(7000)).toBe("70,00 %");
    expect(formatPercentBp(6999)).toBe("69,99 %");
    expect(toCentiHours("12.50")).toBe(1250);
  });
});

describe("planned hours", () => {
  it("counts Monday–Friday days inside the internship and outside suspensions", () => {
    // March 2027: 23 weekdays; 40 h/week = 8 h/day.
    expect(plannedCentiHoursInMonth("2027-03-01", 40, "2027-03-01", "2027-08-31")).toBe(23 * 800);
    // Starting on Monday 15 March: 13 weekdays.
    expect(plannedCentiHoursInMonth("2027-03-01", 40, "2027-03-15", "2027-08-31")).toBe(13 * 800);
    // A suspension of the week 22–26 March removes 5 weekdays.
    expect(plannedCentiHoursInMonth("2027-03-01", 40, "2027-03-01", "2027-08-31", [{ from: "2027-03-22", to: "2027-03-28" }])).toBe(
      18 * 800,
    );
    expect(plannedCentiHoursInMonth("2027-03-01", 25, "2027-03-01", "2027-08-31")).toBe(23 * 500);
  });
  it("spans the months of the internship", () => {
    expect(monthsOfInternship("2026-11-16", "2027-02-15")).toEqual(["2026-11-01", "2026-12-01", "2027-01-01", "2027-02-01"]);
    const total = plannedCentiHoursTotal(40, "2027-03-01", "2027-03-31");
    expect(total).toBe(23 * 800);
  });
});

describe("suspensions", () => {
  const pfi = { startDate: "2027-01-01", endDate: "2027-06-30" };
  it("needs illness of at least 30 days and closures of at least 15", () => {
    expect(suspensionProblem("IT", "illness_injury", "2027-02-01", "2027-03-02", pfi)).toBeNull(); // 30 days
    expect(suspensionProblem("IT", "illness_injury", "2027-02-01", "2027-03-01", pfi)?.message).toMatch(/almeno 30 giorni.*29/);
    expect(suspensionProblem("IT", "closure", "2027-08-01", "2027-08-15", { startDate: "2027-01-01", endDate: "2027-12-31" })).toBeNull();
    expect(suspensionProblem("IT", "closure", "2027-08-01", "2027-08-14", { startDate: "2027-01-01", endDate: "2027-12-31" })?.field).toBe(
      "expectedEndDate",
    );
    expect(suspensionProblem("IT", "maternity", "2027-02-01", "2027-02-01", pfi)).toBeNull();
  });
  it("applies Valle d'Aosta's 1–45 days for closures", () => {
    expect(suspensionProblem("valle-d-aosta", "closure", "2027-02-01", "2027-02-03", pfi)).toBeNull();
    expect(suspensionProblem("valle-d-aosta", "closure", "2027-02-01", "2027-03-18", pfi)?.message).toMatch(/al massimo 45/);
  });
  it("must start while the internship runs", () => {
    expect(suspensionProblem("IT", "maternity", "2027-07-01", "2027-12-01", pfi)?.field).toBe("startDate");
  });
  it("shifts the end date by the suspended days", () => {
    expect(suspendedDays("2027-02-01", "2027-03-03")).toBe(30);
    expect(shiftEndDate("2027-06-30", 30)).toBe("2027-07-30");
  });
});

describe("attestazione and outcome", () => {
  it("needs 70 % of the planned hours, exactly", () => {
    expect(attestationAllowed(100_000, 70_000)).toBe(true);
    expect(attestationAllowed(100_000, 69_999)).toBe(false);
    expect(attestationAllowed(0, 0)).toBe(false);
  });
  it("looks for hires from the start to 6 (12) months after the end", () => {
    const w = outcomeWindow("2026-03-01", "2026-08-31", 6);
    expect(w).toEqual({ from: "2026-03-01", to: "2027-02-28" });
    const host = "h";
    const hires = [
      { id: "a", employerId: "x", startDate: "2027-03-01" },
      { id: "b", employerId: host, startDate: "2027-02-28" },
    ];
    expect(evaluateOutcome(w, host, hires, "2026-10-01")).toEqual({ status: "hired", hire: hires[1], hiredByHost: true });
    expect(evaluateOutcome(w, host, [hires[0]], "2027-02-28").status).toBe("pending");
    expect(evaluateOutcome(w, host, [hires[0]], "2027-03-01").status).toBe("not_hired");
    expect(evaluateOutcome(outcomeWindow("2026-03-01", "2026-08-31", 12), host, [hires[0]], "2027-03-01")).toMatchObject({
      status: "hired",
      hiredByHost: false,
    });
    expect(evaluateOutcome(w, host, [{ id: "c", employerId: "x", startDate: "2026-02-28" }], "2027-03-01").status).toBe("not_hired");
  });
});

describe("LEP R register row", () => {
  it("uses R-SVANT for disabled or disadvantaged trainees", () => {
    expect(registerStandardFor({ disabled: false, disadvantaged: false })).toBe("R");
    expect(registerStandardFor({ disabled: true, disadvantaged: false })).toBe("R-SVANT");
    expect(registerStandardFor({ disabled: false, disadvantaged: true })).toBe("R-SVANT");
  });
  it("checks 600–1200 minutes for R and up to 3000 for R-SVANT", () => {
    expect(registerBounds("R", 599)).toBe("under");
    expect(registerBounds("R", 600)).toBe("within");
    expect(registerBounds("R", 1200)).toBe("within");
    expect(registerBounds("R", 1201)).toBe("over");
    expect(registerBounds("R-SVANT", 10)).toBe("within");
    expect(registerBounds("R-SVANT", 3000)).toBe("within");
    expect(registerBounds("R-SVANT", 3001)).toBe("over");
  });
  it("sums the real minutes, keeps the last day and the modality with most time", () => {
    expect(registerRow([])).toBeNull();
    expect(
      registerRow([
        { deliveredOn: "2027-01-10", minutes: 90, modality: "office" },
        { deliveredOn: "2027-03-02", minutes: 60, modality: "company" },
        { deliveredOn: "2027-02-01", minutes: 60, modality: "company" },
      ]),
    ).toEqual({ minutes: 210, deliveredOn: "2027-03-02", modality: "company" });
  });
});

describe("figures", () => {
  it("computes shares half up and totals, and writes the CSV", () => {
    expect(share(1, 3)).toBe(33);
    expect(share(1, 2)).toBe(50);
    expect(share(1, 8)).toBe(13);
    expect(share(0, 0)).toBeNull();
    const rows = [
      { key: "MI", label: "Milano", activated: 3, attested: 1, interrupted: 1, hired6: 2, hired6ByHost: 1 },
      { key: "BG", label: "Bergamo", activated: 1, attested: 1, interrupted: 0, hired6: 0, hired6ByHost: 0 },
    ];
    expect(totalsOf(rows)).toMatchObject({ activated: 4, attested: 2, interrupted: 1, hired6: 2, hired6ByHost: 1 });
    const csv = figuresCsv(rows, "provincia").split("\r\n");
    expect(csv[0]).toBe(
      "\uFEFFProvincia;Codice;Avviati;Con attestazione;Interrotti;Assunti entro 6 mesi;Di cui dall'azienda ospitante;Quota con attestazione (%);Quota interrotti (%);Quota assunti entro 6 mesi (%)",
    );
    expect(csv[1]).toBe("Milano;MI;3;1;1;2;1;33;33;67");
    expect(csv[3]).toBe("Totale;totale;4;2;1;2;1;50;25;50");
  });
});
