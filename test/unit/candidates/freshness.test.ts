import { describe, expect, it } from "vitest";
import { cvObsoleteFrom, isCvObsolete, obsoleteCutoff } from "~/domain/candidates/freshness";

describe("CV freshness", () => {
  const updated = new Date("2026-01-15T10:00:00Z");

  it("is current up to exactly N months after the last update, obsolete after", () => {
    expect(isCvObsolete(updated, new Date("2026-07-15T10:00:00Z"), 6)).toBe(false);
    expect(isCvObsolete(updated, new Date("2026-07-15T10:00:01Z"), 6)).toBe(true);
    expect(isCvObsolete(updated, new Date("2026-03-01T00:00:00Z"), 6)).toBe(false);
  });

  it("uses the configured number of months (default 6)", () => {
    expect(isCvObsolete(updated, new Date("2026-04-16T00:00:00Z"), 3)).toBe(true);
    expect(isCvObsolete(updated, new Date("2026-04-16T00:00:00Z"))).toBe(false);
    expect(isCvObsolete("2025-01-01T00:00:00Z", new Date("2026-01-01T00:00:00Z"))).toBe(true);
  });

  it("clamps month ends (31 August + 6 months = 28 February)", () => {
    expect(cvObsoleteFrom(new Date("2025-08-31T12:00:00Z"), 6).toISOString()).toBe("2026-02-28T12:00:00.000Z");
    expect(cvObsoleteFrom(new Date("2023-08-31T12:00:00Z"), 6).toISOString()).toBe("2024-02-29T12:00:00.000Z");
  });

  it("gives the SQL/search cut-off consistent with the rule", () => {
    const now = new Date("2026-11-23T08:00:00Z");
    const cutoff = obsoleteCutoff(now, 6);
    expect(cutoff.toISOString()).toBe("2026-05-23T08:00:00.000Z");
    expect(isCvObsolete(new Date(cutoff.getTime() - 1000), now, 6)).toBe(true);
    expect(isCvObsolete(new Date(cutoff.getTime() + 1000), now, 6)).toBe(false);
  });
});
