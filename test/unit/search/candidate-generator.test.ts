import { jobTitlesOf } from "~/domain/professions/vocabulary";
import { describe, expect, it } from "vitest";
import { isValidPersonCodiceFiscale } from "~/utils/tax-codes";
import { readAteco, readComuni, readCp2021 } from "../../../server/reference-data/read";
import {
  codiceFiscale,
  createCandidateGenerator,
  createRng,
  resolveProfiles,
  type GeneratorRefs,
} from "../../../server/seed/candidate-generator";
import { PROFILES } from "../../../server/seed/candidate-profiles";

const refs: GeneratorRefs = {
  comuni: readComuni().map((c) => ({
    istat_code: c.istatCode,
    name: c.name,
    province_code: c.provinceCode,
    belfiore: c.belfiore || null,
    population: c.population,
  })),
  occupations: readCp2021()
    .filter((o) => o.level === 5)
    .map((o) => ({ code: o.code, title: o.title })),
  atecoCodes: new Set(readAteco().map((a) => a.code)),
};
const today = new Date("2026-11-23T00:00:00Z");

describe("synthetic candidate generator", () => {
  it("resolves every occupational profile to a real CP2021 level-5 code", () => {
    const resolved = resolveProfiles(refs.occupations);
    expect(resolved.map((p) => p.key)).toEqual(PROFILES.map((p) => p.key));
    for (const p of resolved) expect(p.occupation.code).toMatch(/^\d\.\d\.\d\.\d\.\d$/);
  });

  it("is deterministic for a seed and a day, and different for another seed", () => {
    const a = createCandidateGenerator(refs, { seed: "x", today });
    const b = createCandidateGenerator(refs, { seed: "x", today });
    const c = createCandidateGenerator(refs, { seed: "y", today });
    const first = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(first);
    expect(c.next().candidate.id).not.toBe(first[0].candidate.id);
  });

  it("produces valid, unique, plausible CVs: 1–3 preferences, an education title, valid tax codes", () => {
    const gen = createCandidateGenerator(refs, { seed: "plausible", today });
    const people = Array.from({ length: 2000 }, () => gen.next());
    const taxCodes = new Set(people.map((p) => p.candidate.tax_code));
    expect(taxCodes.size).toBe(people.length);
    for (const p of people) {
      expect(isValidPersonCodiceFiscale(p.candidate.tax_code)).toBe(true);
      expect(p.preferences.length).toBeGreaterThanOrEqual(1);
      expect(p.preferences.length).toBeLessThanOrEqual(3);
      expect(p.preferences.map((x) => x.slot)).toEqual(p.preferences.map((_, i) => i + 1));
      expect(new Set(p.preferences.map((x) => x.occupation_code)).size).toBe(p.preferences.length);
      expect(p.education.length).toBeGreaterThanOrEqual(1);
      for (const e of p.experiences) if (e.ended_on) expect(e.ended_on >= e.started_on).toBe(true);
      expect(new Date(p.candidate.cv_updated_at).getTime()).toBeLessThanOrEqual(today.getTime());
    }
    // Weighted choices show up in the mix: retail beats software, big cities beat small ones.
    const firstPref = (title: RegExp) => people.filter((p) => title.test(p.preferences[0].occupation_label)).length;
    expect(firstPref(/^Commessi/)).toBeGreaterThan(firstPref(/software/));
    const inRome = people.filter((p) => p.candidate.domicile_comune_code === "058091").length;
    expect(inRome).toBeGreaterThan(20);
    const obsolete = people.filter((p) => Date.parse(p.candidate.cv_updated_at) < Date.parse("2026-05-23")).length;
    expect(obsolete / people.length).toBeGreaterThan(0.2);
    expect(obsolete / people.length).toBeLessThan(0.45);
  });

  it("covers every CP2021 unit, with tasks from its ISTAT job titles, and can force a unit", () => {
    const gen = createCandidateGenerator(refs, { seed: "tail", today });
    expect(new Set(gen.profiles.map((p) => p.occupation.code)).size).toBe(813);
    const people = Array.from({ length: 4000 }, () => gen.next());
    const units = new Set(people.flatMap((p) => p.preferences.map((x) => x.occupation_code)));
    expect(units.size).toBeGreaterThan(500);
    const forced = gen.next({ occupationCode: "7.4.4.4.0" });
    expect(forced.preferences[0].occupation_code).toBe("7.4.4.4.0");
    const tiler = gen.next({ occupationCode: "6.1.3.2.3" }); // no hand-written profile: notes from the ISTAT voci
    const titles = jobTitlesOf(["6.1.3.2.3"]).map((t) => t.toLowerCase());
    const note = tiler.preferences[0].notes.toLowerCase();
    expect(note).toMatch(/esperienza come /);
    expect(titles.some((t) => note.includes(t))).toBe(true);
    expect(() => gen.next({ occupationCode: "9.9.9.9.9" })).toThrow(/sconosciuta/);
  });

  it("builds tax codes with the official check character", () => {
    const cf = codiceFiscale({ first: "Mario", last: "Rossi", birth: new Date("1980-01-01T00:00:00Z"), female: false, place: "H501" });
    expect(cf).toBe("RSSMRA80A01H501U");
    expect(createRng("s").int(1, 1)).toBe(1);
  });
});
