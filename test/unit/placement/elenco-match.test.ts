// Matching a reserved vacancy / an available post against the province's list: binding rules
// are the numeric referral's (art. 9 c. 1 and art. 7 L. 68/1999: by ranking, capacities and conditions)
// plus «no referral in progress»; distance and profession only inform. Order: fitting first, by ranking.
import { describe, expect, it } from "vitest";
import {
  assessPerson,
  countMatches,
  occupationAffinity,
  orderMatches,
  type MatchPerson,
  type MatchRequirements,
} from "~/domain/placement/elenco-match";
import { postChecks } from "~/domain/placement/matching";

const req: MatchRequirements = {
  capacities: ["uso_computer", "lettura_scrittura"],
  architecturalBarriers: false,
  nightShifts: true,
  publicTransport: true,
  provinceCode: "MI",
  occupationCode: "4.1.1.1.0",
  workplaceLabel: "Milano (MI)",
  radiusKm: 20,
};
const person: MatchPerson = {
  capacities: ["uso_computer", "lettura_scrittura", "comunicazione"],
  nightShiftsOk: true,
  needsBarrierFree: true,
  needsPublicTransport: true,
  provinceCode: "MI",
  busy: false,
  distanceKm: 12.34,
  occupations: ["4.1.1.1.0"],
};

describe("why a person fits: every rule with its sentence", () => {
  it("a person who meets every rule fits, and each check says why", () => {
    const m = assessPerson(req, person);
    expect(m.fits).toBe(true);
    expect(m.checks.map((c) => [c.topic, c.ok, c.binding])).toEqual([
      ["province", true, true],
      ["capacities", true, true],
      ["night", true, true],
      ["barriers", true, true],
      ["transport", true, true],
      ["distance", true, false],
      ["qualification", true, false],
    ]);
    expect(m.checks[1].text).toBe("Ha tutte le 2 capacità richieste: usare il computer, leggere e scrivere testi di lavoro");
    expect(m.checks[5].text).toBe("Domicilio a 12,3 km dalla sede di Milano (MI)");
    expect(m.checks[6].text).toBe("Esperienza o preferenza nella professione richiesta (CP2021 4.1.1.1.0)");
  });

  it("one required capacity, or none: the sentence agrees", () => {
    expect(postChecks({ ...req, capacities: ["comunicazione"] }, person).checks[1].text).toBe(
      "Ha la capacità richiesta: comunicare a voce con pubblico e colleghi",
    );
    expect(postChecks({ ...req, capacities: [] }, person).checks[1].text).toBe("Il posto non richiede capacità particolari");
  });

  it("binding rules exclude (capacities, night shifts, barriers, transport, province, a referral in progress)", () => {
    const failed = (p: Partial<MatchPerson>, r: Partial<MatchRequirements> = {}) =>
      assessPerson({ ...req, ...r }, { ...person, ...p })
        .checks.filter((c) => !c.ok)
        .map((c) => c.text);
    expect(failed({ capacities: ["uso_computer"] })).toEqual(["Capacità richieste non presenti: leggere e scrivere testi di lavoro"]);
    expect(failed({ nightShiftsOk: false })).toEqual(["Il posto prevede turni notturni"]);
    expect(failed({}, { architecturalBarriers: true })).toEqual(["Il luogo di lavoro ha barriere architettoniche"]);
    expect(failed({}, { publicTransport: false })).toEqual(["Il luogo di lavoro non è raggiungibile con i mezzi pubblici"]);
    expect(failed({ provinceCode: "TO" })).toEqual(["Iscritto nell'elenco di un'altra provincia (TO)"]);
    expect(failed({ busy: true })).toEqual(["Ha già un avviamento in corso"]);
    for (const p of [{ capacities: [] }, { nightShiftsOk: false }, { provinceCode: "TO" }, { busy: true }])
      expect(assessPerson(req, { ...person, ...p }).fits).toBe(false);
  });

  it("distance beyond the vacancy's radius and another profession are marked but never exclude", () => {
    const m = assessPerson(req, { ...person, distanceKm: 31.96, occupations: ["6.5.1.2.1"] });
    expect(m.fits).toBe(true);
    expect(m.beyondRadius).toBe(true);
    expect(m.checks.filter((c) => !c.ok).map((c) => c.text)).toEqual([
      "Domicilio a 32 km dalla sede di Milano (MI), oltre i 20 km indicati nell'offerta",
      "Nessuna esperienza o preferenza nella professione richiesta (CP2021 4.1.1.1.0): da valutare al colloquio",
    ]);
    // Matching a post alone: no radius, so no distance limit.
    expect(assessPerson({ ...req, radiusKm: null }, { ...person, distanceKm: 80 }).beyondRadius).toBe(false);
    expect(assessPerson(req, { ...person, distanceKm: null }).checks[5].text).toBe("Distanza dalla sede non calcolabile");
  });

  it("profession: same CP2021 unit, same 3-digit group, another, or unknown without a CV", () => {
    expect(occupationAffinity("4.1.1.1.0", ["4.1.1.1.0"])).toBe("same");
    expect(occupationAffinity("4.1.1.1.0", ["4.1.1.3.0", "6.5.1.2.1"])).toBe("group");
    expect(occupationAffinity("4.1.1.1.0", ["4.1.2.1.0"])).toBe("other");
    expect(occupationAffinity("4.1.1.1.0", [])).toBe("unknown");
    expect(occupationAffinity("4.1.1.1.0", null)).toBe("unknown");
  });
});

describe("order and counts", () => {
  const row = (id: string, position: number, p: Partial<MatchPerson>) => ({
    person: id,
    position,
    match: assessPerson(req, { ...person, ...p }),
  });
  const rows = [
    row("c", 3, {}),
    row("a", 1, { busy: true }),
    row("d", 4, { distanceKm: 50, occupations: null }),
    row("b", 2, { capacities: [] }),
    row("e", 5, { occupations: ["4.1.1.2.0"] }),
  ];

  it("the people who fit first, each group in ranking order", () => {
    expect(orderMatches(rows).map((r) => r.person)).toEqual(["c", "d", "e", "a", "b"]);
  });

  it("exact counts: total = fitting + excluded; among the fitting, same profession or group and within the radius", () => {
    expect(countMatches(rows)).toEqual({ total: 5, fitting: 3, excluded: 2, fittingSameOccupation: 2, fittingWithinRadius: 2 });
    expect(countMatches([])).toEqual({ total: 0, fitting: 0, excluded: 0, fittingSameOccupation: 0, fittingWithinRadius: 0 });
  });
});
