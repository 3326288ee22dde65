import { describe, expect, it } from "vitest";
import { toCsv } from "~/utils/csv";
import { durationCheck, formatMinutes } from "~/domain/services/durations";
import { routeScreening } from "~/domain/services/screening";

describe("first-screening routing", () => {
  it("routes each yes to its service and queue", () => {
    expect(routeScreening({ hiringNow: true })).toEqual([{ service: "4C", queue: "preselection" }]);
    expect(routeScreening({ mandatoryHiring: true, internship: true })).toEqual([
      { service: "R", queue: "preselection" },
      { service: "S", queue: "placement" },
    ]);
    expect(routeScreening({ needsUnclear: true, downsizing: true }).map((r) => r.service)).toEqual(["4B", "4E"]);
    expect(routeScreening({})).toEqual([]);
  });
});

describe("standard durations", () => {
  const a4 = { min_minutes: 30, max_minutes: 60 };
  it("accepts the range bounds and refuses outside them with the standard in the message", () => {
    expect(durationCheck(a4, 30).ok).toBe(true);
    expect(durationCheck(a4, 60).ok).toBe(true);
    expect(durationCheck(a4, 29)).toEqual({ ok: false, message: "Durata inferiore allo standard (minimo 30 min): spiega perché" });
    expect(durationCheck({ min_minutes: 900, max_minutes: 1200 }, 1300).message).toBe(
      "Durata superiore allo standard (massimo 20 h): spiega perché",
    );
  });
  it("has no bounds when the source gives none", () => {
    expect(durationCheck({ min_minutes: null, max_minutes: null }, 5000).ok).toBe(true);
    expect(formatMinutes(135)).toBe("2 h 15 min");
  });
});

describe("CSV", () => {
  it("quotes separators, neutralises formulas and starts with a BOM", () => {
    const csv = toCsv(
      ["a", "b"],
      [
        ["x;y", '=HYPERLINK("x")'],
        [-5, null],
      ],
    );
    expect(csv).toBe('\uFEFFa;b\r\n"x;y";"\'=HYPERLINK(""x"")"\r\n-5;\r\n');
  });
});
