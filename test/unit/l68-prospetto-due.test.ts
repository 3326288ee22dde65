// docs/legal/l68.md#s1-6: the prospetto is owed with ≥ 15 computable workers (art. 9 c. 6 L. 68/1999), but not
// when nothing changed since the last one sent (art. 40 c. 4 DL 112/2008).
import { describe, expect, it } from "vitest";
import { decideProspettoDue, describeProspettoDue, prospettoChanges, type ProspettoFigures } from "~/domain/l68/file/prospetto-due";

const figures: ProspettoFigures = {
  baseComputo: 40,
  quotaRiservaDisabili: 2,
  quotaRiservaArt18: 0,
  disabiliInForza: 2,
  art18InForza: 0,
  postiDisponibili: "Magazziniere",
};

describe("decideProspettoDue", () => {
  it("not owed below 15 computable workers (art. 9 c. 6)", () => {
    expect(decideProspettoDue({ ...figures, baseComputo: 14 }, null, false)).toMatchObject({ owed: false, reason: "below_threshold" });
  });
  it("owed the first time", () => {
    expect(decideProspettoDue(figures, null, false)).toMatchObject({ owed: true, reason: "first" });
  });
  it("not owed when nothing changed since the last one sent (art. 40 c. 4 DL 112/2008)", () => {
    const due = decideProspettoDue(figures, { year: 2026, figures: { ...figures, postiDisponibili: " Magazziniere " } }, false);
    expect(due).toMatchObject({ owed: false, reason: "unchanged", lastSentYear: 2026 });
    expect(describeProspettoDue(2027, due)).toContain("art. 40 c. 4 DL 112/2008");
  });
  it("owed when base, quota, protected workers in force or available posts changed", () => {
    for (const change of [
      { baseComputo: 41 },
      { quotaRiservaDisabili: 3 },
      { disabiliInForza: 1 },
      { art18InForza: 1 },
      { postiDisponibili: "Cuoco" },
    ]) {
      const due = decideProspettoDue({ ...figures, ...change }, { year: 2026, figures }, false);
      expect(due.owed).toBe(true);
      expect(due.changes.map((c) => c.field)).toEqual(Object.keys(change));
    }
  });
  it("a prospetto without posts compares as no posts", () => {
    const { postiDisponibili: _p, ...old } = figures;
    expect(prospettoChanges(old, { ...figures, postiDisponibili: "" })).toEqual([]);
  });
});
