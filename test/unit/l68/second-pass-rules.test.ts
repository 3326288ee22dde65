/**
 * Rules of docs/legal/l68.md checked in a second pass over the calculator: each test
 * names its source; where the result changes, the explanation line is asserted too.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PATRON_SAINTS } from "~/domain/l68/calculator/patron-saints";
import { PROVINCE_NAMES } from "~/utils/province-codes";
import { parseQuotaInput } from "~/domain/l68/calculator/schema";
import { nationalHolidays, workingDays } from "~/domain/l68/calculator/working-days";
import { calc, fullTime, partTime } from "./helpers";

const line = (r: { explanation: string[] }, fragment: string) => r.explanation.find((l) => l.includes(fragment));

describe("esonero insieme all'autocertificazione 60 per mille (docs/legal/l68.md#s1-7, PRODIS/SILAP formula)", () => {
  // Base 143 → quota R(7 % × 143) = R(10.01) = 10.
  it("QR 10, none covered, 60 %, 3 self-certified → 3 exempted, 3 self-certified, 4 still uncovered", () => {
    const r = calc({ workforce: [fullTime(143)], exemption: { percent: 60, workingDays: 10 }, selfCertification: { positions: 3 } });
    expect(r.quotaDisabili).toBe(10);
    expect(r.selfCertification).toMatchObject({ positions: 3, countedPositions: 3, remainingUncovered: 7 });
    expect(r.exemption).toMatchObject({ maxUnits: 3, exemptedUnits: 3, remainingUncovered: 4, totalAmount: "1176.30" });
    expect(line(r, "unità esonerabili 6 meno 3 posizioni autocertificate = 3")).toBeDefined();
    expect(line(r, "posti ancora scoperti: 4")).toBeDefined();
  });

  it("the sanction counts only what neither the exemption nor the self-certification covers (art. 15 c. 4)", () => {
    const r = calc({
      workforce: [fullTime(143)],
      exemption: { percent: 60, workingDays: 1 },
      selfCertification: { positions: 3 },
      sanction: { workingDays: 1 },
    });
    expect(r.sanction?.total).toBe("784.20"); // 4 × 196.05
  });

  it("QR 2 with 1 self-certified position: nothing left to exempt (max = 1 − 1)", () => {
    const r = calc({ workforce: [fullTime(40)], exemption: { percent: 60, workingDays: 1 }, selfCertification: { positions: 1 } });
    expect(r.exemption).toMatchObject({ maxUnits: 0, exemptedUnits: 0, remainingUncovered: 1 });
  });

  it("self-certification alone: the contributo on the positions, never more than the uncovered ones (art. 5 c. 3-bis)", () => {
    const r = calc({
      workforce: [fullTime(40), { count: 1, contract: "indeterminato", protected: "disabile_l68" }],
      selfCertification: { positions: 3, workingDays: 10 },
    });
    expect(r.selfCertification).toEqual({
      positions: 3,
      countedPositions: 1,
      remainingUncovered: 0,
      dailyAmount: "39.21",
      workingDays: 10,
      totalAmount: "392.10",
    });
  });

  it("public employers cannot self-certify (art. 5 c. 3-bis)", () => {
    const parsed = parseQuotaInput({ employer: { type: "public" }, workforce: [], selfCertification: { positions: 1 } });
    expect(parsed.ok).toBe(false);
  });
});

describe("giornate lavorative con santo patrono e festività del CCNL (docs/legal/l68.md#s1-7, S21 GiorniLavorativiUtils)", () => {
  it("Milano 2026: 253 working days with Sant'Ambrogio (7 December, a Monday), 254 without", () => {
    expect(workingDays("2026-01-01", "2026-12-31", 5)).toBe(254);
    expect(workingDays("2026-01-01", "2026-12-31", 5, ["12-07"])).toBe(253);
    const r = calc({
      workforce: [fullTime(200)],
      exemption: { percent: 60, calendar: { from: "2026-01-01", to: "2026-12-31", weekDays: 5, province: "MI" } },
    });
    expect(r.exemption?.workingDays).toBe(253);
    expect(r.exemption?.totalAmount).toBe("79361.04"); // quota 14, R(60 % × 14) = 8 units × 39.21 × 253
    const days = line(r, "Giornate lavorative per il contributo esonerativo");
    expect(days).toContain("253");
    expect(days).toContain("Sant'Ambrogio a Milano");
    expect(days).toContain("07/12/2026");
    // The capitals' table is not confirmed by an official source: the output says so.
    expect(r.unverified?.some((u) => u.includes("santo patrono di Milano"))).toBe(true);
  });

  it("a declared patron saint and CCNL holidays replace the prefill (per production unit)", () => {
    const r = calc({
      workforce: [fullTime(200)],
      exemption: {
        percent: 60,
        calendar: {
          from: "2026-01-01",
          to: "2026-12-31",
          weekDays: 5,
          province: "MI",
          patronSaint: "06-24",
          extraHolidays: ["2026-08-14"],
        },
      },
    });
    expect(r.exemption?.workingDays).toBe(252); // 24 June (Wed) and 14 August (Fri)
    expect(r.unverified ?? []).toEqual([]);
  });

  it("4 October is a national holiday from 2026 (L. 151/2025, in force 1 Jan 2026), not before", () => {
    expect(nationalHolidays(2025).has("2025-10-04")).toBe(false);
    expect(nationalHolidays(2026).has("2026-10-04")).toBe(true);
    expect(workingDays("2027-10-04", "2027-10-04", 5)).toBe(0); // a Monday
    expect(workingDays("2021-10-04", "2021-10-04", 5)).toBe(1); // a Monday, before the law
  });

  it("refuses an unknown province, a bad mm-gg and a period across two years", () => {
    const bad = parseQuotaInput({
      employer: { type: "private" },
      workforce: [],
      exemption: { percent: 60, calendar: { from: "2026-06-01", to: "2027-01-31", province: "ZZ", patronSaint: "13-01" } },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.errors.map((e) => e.field).sort()).toEqual([
        "exemption.calendar.patronSaint",
        "exemption.calendar.province",
        "exemption.calendar.to",
      ]);
    const both = parseQuotaInput({
      employer: { type: "private" },
      workforce: [],
      sanction: { workingDays: 1, calendar: { from: "2026-01-01", to: "2026-01-31" } },
    });
    expect(both.ok).toBe(false);
  });

  it("the patron-saint table names only known provinces, once each, with valid days", () => {
    const seen = new Set<string>();
    for (const p of PATRON_SAINTS) {
      expect(PROVINCE_NAMES[p.province]).toBeDefined();
      expect(seen.has(p.province)).toBe(false);
      seen.add(p.province);
      expect(p.day).toMatch(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
    }
  });
});

describe("datori di lavoro pubblici (docs/legal/l68.md#s1-1 item 6, #s1-8, #s1-11)", () => {
  it("the art. 15 c. 4 sanction on a PA carries the warning that its application is unverified", () => {
    const pa = calc({ employer: { type: "public" }, workforce: [fullTime(100)], sanction: { workingDays: 1 } });
    expect(pa.sanction?.total).toBe("1372.35"); // 7 × 196.05, shown as indicative
    expect(pa.unverified?.some((u) => u.includes("art. 15 c. 4 ai datori di lavoro pubblici"))).toBe(true);
    const privato = calc({ workforce: [fullTime(100)], sanction: { workingDays: 1 } });
    expect(privato.unverified).toBeUndefined();
  });

  it("compensation between provinces needs the authorisation of art. 5 c. 8-ter: not applied without it", () => {
    const without = calc({ employer: { type: "public" }, workforce: [fullTime(100)], compensation: { units: 3 } });
    expect(without.uncoveredDisabili).toBe(7);
    expect(without.compensation).toEqual({ units: 3, applied: 0 });
    expect(line(without, "serve l'autorizzazione")).toContain("art. 5 c. 8-ter");
    const authorised = calc({ employer: { type: "public" }, workforce: [fullTime(100)], compensation: { units: 3, authorised: true } });
    expect(authorised.uncoveredDisabili).toBe(4);
    expect(authorised.unverified?.some((u) => u.includes("8-ter"))).toBe(true);
  });

  it("a public computation without compensation says the national figure presumes an authorised compensation", () => {
    const pa = calc({ employer: { type: "public" }, workforce: [fullTime(100)] });
    expect(pa.unverified?.some((u) => u.includes("non è automatica ma richiede l'autorizzazione"))).toBe(true);
  });

  it("group compensation is refused for a public employer (art. 31 D.Lgs. 276/2003 is for private groups)", () => {
    expect(parseQuotaInput({ employer: { type: "public" }, workforce: [], compensation: { units: 1, kind: "group" } }).ok).toBe(false);
  });
});

describe("compensazione automatica dei datori privati (art. 5 c. 8 e 8-bis; art. 31 D.Lgs. 276/2003)", () => {
  it("units covered elsewhere reduce the shortfall; excess hires used elsewhere increase it", () => {
    const received = calc({ workforce: [fullTime(100)], compensation: { units: 2, kind: "group" } });
    expect(received.uncoveredDisabili).toBe(5);
    expect(line(received, "società del gruppo")).toContain("art. 31 D.Lgs. 276/2003");
    const lent = calc({
      workforce: [fullTime(100), { count: 9, contract: "indeterminato", protected: "disabile_l68" }],
      compensation: { units: -3 },
    });
    expect(lent.uncoveredDisabili).toBe(1); // 7 − 9 + 3
    expect(line(lent, "Posti scoperti prima di ogni esonero")).toContain("3 assunzioni in eccedenza usate altrove");
  });
});

describe("invalidi del lavoro: DPR 333/2000 art. 3 c. 4 e art. 4 c. 4 L. 68/1999", () => {
  const injured = (inailPercent: number, employerAtFault?: boolean) => ({
    count: 1,
    contract: "indeterminato" as const,
    protected: "disabile_art4" as const,
    inailPercent,
    ...(employerAtFault === undefined ? {} : { employerAtFault }),
  });

  it("an INAIL degree above 33 % counts (34 yes, 33 no)", () => {
    const yes = calc({ workforce: [fullTime(100), injured(34)] });
    expect(yes.coveredDisabili).toBe(1);
    expect(line(yes, "grado di invalidità INAIL superiore al 33%")).toContain("art. 3 c. 4 DPR 333/2000");
    expect(yes.unverified?.some((u) => u.includes("art. 3 c. 4 DPR 333/2000"))).toBe(true);
    const no = calc({ workforce: [fullTime(100), injured(33)] });
    expect(no.coveredDisabili).toBe(0);
  });

  it("never when the employer was found at fault for breaking safety rules, whatever the degree", () => {
    const r = calc({ workforce: [fullTime(100), { ...injured(80, true), disabilityPercent: 80 }] });
    expect(r.coveredDisabili).toBe(0);
    expect(r.baseComputo).toBe(101); // not counted, so it stays in the base
    expect(line(r, "per inadempimento del datore di lavoro")).toContain("art. 4 c. 4");
  });

  it("the INAIL degree is refused on other categories", () => {
    expect(
      parseQuotaInput({
        employer: { type: "private" },
        workforce: [{ contract: "indeterminato", protected: "disabile_l68", inailPercent: 40 }],
      }).ok,
    ).toBe(false);
  });
});

describe("DPR 333/2000 art. 3 c. 5: disabili part-time nelle aziende da 15 a 35 (nota Min. Lav. 77/2005)", () => {
  const pt = (disabilityPercent: number) => partTime(1, 16, 40, { protected: "disabile_l68", disabilityPercent });

  it("15–35: a 40 % part-timer with 67 % invalidity counts as one unit, with the explanation and the unverified note", () => {
    const r = calc({ workforce: [fullTime(20), pt(67)] });
    expect(r.coveredDisabili).toBe(1);
    expect(line(r, "perché la base è da 15 a 35 dipendenti")).toContain("art. 3 c. 5 DPR 333/2000");
    expect(r.unverified?.some((u) => u.includes("nota Min. Lav. 77/2005"))).toBe(true);
  });

  it("not with 50 % invalidity, and not above 35: there the PRODIS pro-rata stays (0.4 → 0)", () => {
    expect(calc({ workforce: [fullTime(20), pt(50)] }).coveredDisabili).toBe(0);
    expect(calc({ workforce: [fullTime(100), pt(67)] }).coveredDisabili).toBe(0);
  });
});

describe("convenzioni art. 14 D.Lgs. 276/2003 e lavoratori a domicilio o in telelavoro (art. 4 c. 3)", () => {
  it("work orders to social co-operatives under art. 14 count as coverage", () => {
    const r = calc({ workforce: [fullTime(100)], conventions: { art14Workers: 2 } });
    expect(r).toMatchObject({ coveredDisabili: 2, uncoveredDisabili: 5 });
    expect(line(r, "convenzione quadro ex art. 14 D.Lgs. 276/2003")).toBeDefined();
    expect(r.unverified?.some((u) => u.includes("art. 14"))).toBe(true);
  });

  it("a disabled home worker or teleworker counts only with a full-time workload", () => {
    const home = calc({ workforce: [fullTime(100), { count: 1, contract: "domicilio", protected: "disabile_l68" }] });
    expect(home.coveredDisabili).toBe(0);
    expect(line(home, "a domicilio o in telelavoro senza un carico")).toContain("art. 4 c. 3");
    const tele = calc({ workforce: [fullTime(100), { count: 1, contract: "indeterminato", protected: "disabile_l68", telework: true }] });
    expect(tele).toMatchObject({ coveredDisabili: 0, baseComputo: 101 });
    const full = calc({
      workforce: [
        fullTime(100),
        { count: 1, contract: "indeterminato", protected: "disabile_l68", telework: true, fullTimeWorkload: true },
      ],
    });
    expect(full).toMatchObject({ coveredDisabili: 1, baseComputo: 100 });
    expect(line(full, "con lavoro pari all'orario normale a tempo pieno")).toBeDefined();
  });
});

describe("importi e regole non verificati nell'output (docs/legal/l68.md#s5)", () => {
  it("a pre-2022 contributo is listed in `unverified`", () => {
    const r = calc({ date: "2015-06-01", workforce: [fullTime(100)], exemption: { percent: 60, workingDays: 1 } });
    expect(r.unverified?.some((u) => u.includes("contributo esonerativo"))).toBe(true);
  });
  it("a 2026 computation on verified rules has no `unverified` key (unchanged output)", () => {
    expect(calc({ workforce: [fullTime(100)], exemption: { percent: 60, workingDays: 1 } })).not.toHaveProperty("unverified");
  });
});

describe("sigle di provincia", () => {
  it("the list matches the provinces of the ISTAT comuni the platform loads", () => {
    const csv = readFileSync("server/reference-data/comuni.csv", "utf8").trim().split("\n").slice(1);
    const codes = new Set(csv.map((row) => row.split(",")[2]));
    expect(Object.keys(PROVINCE_NAMES).sort()).toEqual([...codes].sort());
  });
});
