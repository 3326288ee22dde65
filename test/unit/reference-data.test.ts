import { describe, expect, it } from "vitest";
import { parseCsv, readAteco, readComuni, readCp2021 } from "../../server/reference-data/read";

describe("parseCsv (RFC 4180)", () => {
  it("handles quoted commas, doubled quotes, embedded newlines and CRLF", () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"line1\nline2",\n';
    expect(parseCsv(text)).toEqual([
      ["a", "b", "c"],
      ["1", "x, y", 'say "hi"'],
      ["2", "line1\nline2", ""],
    ]);
  });

  it("rejects an unterminated quoted field", () => {
    expect(() => parseCsv('a\n"open')).toThrow(/unterminated/);
  });
});

describe("comuni", () => {
  const comuni = readComuni();
  const byCode = new Map(comuni.map((c) => [c.istatCode, c]));

  it("has a plausible number of unique municipalities", () => {
    expect(comuni.length).toBeGreaterThanOrEqual(7800);
    expect(comuni.length).toBeLessThanOrEqual(8000);
    expect(byCode.size).toBe(comuni.length);
  });

  it("every row has a 6-digit code, a name, a 2-letter province, region and Belfiore code", () => {
    for (const c of comuni) {
      expect(c.istatCode, c.name).toMatch(/^\d{6}$/);
      expect(c.name.trim(), c.istatCode).not.toBe("");
      expect(c.provinceCode, c.istatCode).toMatch(/^[A-Z]{2}$/);
      expect(c.provinceName, c.istatCode).not.toBe("");
      expect(c.regionName, c.istatCode).not.toBe("");
      expect(c.belfiore, c.istatCode).toMatch(/^[A-Z]\d{3}$/);
    }
    expect(new Set(comuni.map((c) => c.belfiore)).size).toBe(comuni.length);
    expect(new Set(comuni.map((c) => c.regionName)).size).toBe(20);
  });

  it("every comune has coordinates inside Italy's bounding box", () => {
    for (const c of comuni) {
      expect(c.lat, c.istatCode).not.toBeNull();
      expect(c.lon, c.istatCode).not.toBeNull();
      expect(c.lat!, c.istatCode).toBeGreaterThanOrEqual(35);
      expect(c.lat!, c.istatCode).toBeLessThanOrEqual(48);
      expect(c.lon!, c.istatCode).toBeGreaterThanOrEqual(6);
      expect(c.lon!, c.istatCode).toBeLessThanOrEqual(19);
    }
  });

  it("population is a positive integer where present and almost always present", () => {
    const withPop = comuni.filter((c) => c.population !== null);
    for (const c of withPop) expect(Number.isInteger(c.population) && c.population! > 0, c.istatCode).toBe(true);
    expect(withPop.length).toBeGreaterThanOrEqual(comuni.length - 10);
  });

  it("knows Roma and Milano", () => {
    const roma = byCode.get("058091");
    expect(roma).toMatchObject({ name: "Roma", provinceCode: "RM", regionName: "Lazio", belfiore: "H501" });
    expect(roma!.lat!).toBeCloseTo(41.9, 0);
    expect(roma!.lon!).toBeCloseTo(12.5, 0);
    expect(roma!.population!).toBeGreaterThan(2_000_000);

    const milano = byCode.get("015146");
    expect(milano).toMatchObject({ name: "Milano", provinceCode: "MI", regionName: "Lombardia", belfiore: "F205" });
    expect(milano!.lat!).toBeCloseTo(45.46, 1);
    expect(milano!.lon!).toBeCloseTo(9.19, 1);
  });

  it("reflects the 2026 Sardinian provinces and the 2026 mergers", () => {
    expect(byCode.get("112050")).toMatchObject({ name: "Sassari", provinceCode: "SS", belfiore: "I452" });
    expect(byCode.get("118006")).toMatchObject({ name: "Cagliari", provinceCode: "CA" });
    expect(comuni.some((c) => c.istatCode.startsWith("090") || c.provinceCode === "SU")).toBe(false);
    expect(byCode.get("024129")).toMatchObject({ name: "Castegnero Nanto", provinceCode: "VI", belfiore: "M439" });
    expect(byCode.has("024027")).toBe(false);
    expect(byCode.has("018082")).toBe(false);
  });
});

describe("ATECO 2025", () => {
  const ateco = readAteco();
  const byCode = new Map(ateco.map((a) => [a.code, a]));

  it("has all six levels with the NACE Rev. 2.1 structure", () => {
    const counts: Record<string, number> = {};
    for (const a of ateco) counts[a.level] = (counts[a.level] ?? 0) + 1;
    expect(counts).toMatchObject({ section: 22, division: 87, group: 287, class: 651 });
    expect(counts.category).toBeGreaterThan(800);
    expect(counts.subcategory).toBeGreaterThan(1000);
    expect(byCode.size).toBe(ateco.length);
  });

  it("has section C 'ATTIVITÀ MANIFATTURIERE' and consistent parents", () => {
    expect(byCode.get("C")).toMatchObject({ title: "ATTIVITÀ MANIFATTURIERE", level: "section", parentCode: null });
    expect(byCode.get("10")?.parentCode).toBe("C");
    expect(byCode.get("62.10.00")).toMatchObject({ level: "subcategory", parentCode: "62.10.0" });
    for (const a of ateco) {
      expect(a.title.trim(), a.code).not.toBe("");
      if (a.level === "section") expect(a.parentCode).toBeNull();
      else expect(byCode.has(a.parentCode ?? ""), a.code).toBe(true);
    }
  });
});

describe("CP2021 professions", () => {
  const cp = readCp2021();
  const byCode = new Map(cp.map((o) => [o.code, o]));

  it("has all five levels with the CP2021 counts", () => {
    const counts = [1, 2, 3, 4, 5].map((level) => cp.filter((o) => o.level === level).length);
    expect(counts).toEqual([9, 40, 130, 510, 813]);
    expect(byCode.size).toBe(cp.length);
  });

  it("every non-root entry has an existing parent one level up", () => {
    for (const o of cp) {
      expect(o.code.split(".").length, o.code).toBe(o.level);
      if (o.level === 1) {
        expect(o.parentCode).toBeNull();
        continue;
      }
      const parent = byCode.get(o.parentCode ?? "");
      expect(parent, o.code).toBeDefined();
      expect(parent!.level).toBe(o.level - 1);
    }
  });

  it("every leaf (unità professionale) and major group has a title", () => {
    for (const o of cp.filter((x) => x.level === 5 || x.level === 1)) expect(o.title.trim(), o.code).not.toBe("");
    expect(byCode.get("2.1.1.4.1")?.title).toBe("Geologi");
    expect(byCode.get("2")?.title).toBe("PROFESSIONI INTELLETTUALI, SCIENTIFICHE E DI ELEVATA SPECIALIZZAZIONE");
  });

  it("every level-3 classe has a title; only the 40 gruppi and 170 multi-unit categorie listed in the docs stay empty", () => {
    for (const o of cp.filter((x) => x.level === 3)) expect(o.title.trim(), o.code).not.toBe("");
    expect(byCode.get("1.1.3")?.title).toBe("Dirigenti della magistratura");
    const untitled = cp.filter((o) => o.title.trim() === "");
    expect([2, 4].map((level) => untitled.filter((o) => o.level === level).length)).toEqual([40, 170]);
    expect(untitled.length).toBe(210);
  });
});
