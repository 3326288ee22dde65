import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { hoursLabel } from "~/components/vacancy-view";
import { plural, pluralWord } from "~/utils/plural";

describe("plural (it-IT)", () => {
  it.each([
    [0, "0 candidati"],
    [1, "1 candidato"],
    [2, "2 candidati"],
    [1500, "1.500 candidati"],
    [1_000_000, "1.000.000 candidati"],
  ])("%d → %s", (n, expected) => {
    expect(plural(n, "candidato", "candidati")).toBe(expected);
  });

  it("agrees the word alone, also for bigint", () => {
    expect(pluralWord(1, "volta", "volte")).toBe("volta");
    expect(pluralWord(2n, "volta", "volte")).toBe("volte");
    expect(plural(1n, "riga", "righe")).toBe("1 riga");
  });
});

describe("messages rendered with 1 and 2", () => {
  it.each([
    [1, "Tempo pieno, 1 ora settimanale"],
    [2, "Tempo pieno, 2 ore settimanali"],
  ])("weekly hours %d", (n, expected) => {
    expect(hoursLabel({ workingTime: "full_time", weeklyHours: n } as Parameters<typeof hoursLabel>[0])).toBe(expected);
  });

  it.each([
    [1, "1 errore, 1 riga, 1 volta, 1 figura, 1 persona"],
    [2, "2 errori, 2 righe, 2 volte, 2 figure, 2 persone"],
  ])("the words users reported wrong, with %d", (n, expected) => {
    const html = renderToStaticMarkup(
      createElement("p", null, [
        plural(n, "errore", "errori"),
        ", ",
        plural(n, "riga", "righe"),
        ", ",
        plural(n, "volta", "volte"),
        ", ",
        plural(n, "figura", "figure"),
        ", ",
        plural(n, "persona", "persone"),
      ]),
    );
    expect(html).toBe(`<p>${expected}</p>`);
  });
});

/**
 * Guard against new «1 candidati»: a number interpolated right before a plural noun must go through plural().
 * Exceptions are constants that are never 1 (listed by line content).
 */
describe("no hand-made plurals in the sources", () => {
  const NOUNS =
    "candidati|righe|errori|volte|figure|persone|mesi|giorni|minuti|avvisi|servizi|documenti|pagine|lavoratori|assunzioni|offerte|posti|anni";
  const interpolated = new RegExp(`(\\$\\{[^}]+\\}|\\{[a-zA-Z_.()]+\\})\\s+(${NOUNS})\\b`);
  const ALLOWED = [
    /EXPOSURE_DAYS|INVITATION_DAYS|MAX_[A-Z_]+|maxPages|2 \* days|weekDays|c\.weekDays|months\} mesi, proroghe|cvAgeDays|wd\.days|formatInt\(days\)|\$\{formatInt\(art11\)\}/,
  ];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(name)) files.push(p);
    }
  };
  walk(path.resolve("app"));

  it("finds none", () => {
    const offenders = files.flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .map((line, i) => ({ line, where: `${path.relative(process.cwd(), f)}:${i + 1}` }))
        .filter(({ line }) => interpolated.test(line) && !/plural/.test(line) && !ALLOWED.some((a) => a.test(line))),
    );
    expect(offenders.map((o) => `${o.where}: ${o.line.trim()}`)).toEqual([]);
  });
});
