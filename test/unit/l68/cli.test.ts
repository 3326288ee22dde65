import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runQuotaCli } from "../../../server/cli/l68-quota";

const root = path.resolve(import.meta.dirname, "../../..");

/** Runs the CLI as `npm run -s l68:quota` does: node --import tsx server/cli/l68-quota.ts. */
function runCli(input: string) {
  const child = spawnSync(process.execPath, ["--import", "tsx", "server/cli/l68-quota.ts"], {
    cwd: root,
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

const example = {
  date: "2026-03-01",
  employer: { type: "private" },
  workforce: [
    { count: 36, contract: "indeterminato" },
    { count: 4, contract: "indeterminato", weeklyHours: 10, fullTimeHours: 40 }, // 1.0 → 1
    { count: 2, contract: "determinato", months: 4 },
  ],
  sanction: { workingDays: 20 },
};

describe("CLI contract (spawned)", () => {
  it("valid input → exit 0 and one JSON document on stdout", { timeout: 60_000 }, () => {
    const { status, stdout, stderr } = runCli(JSON.stringify(example));
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout.endsWith("\n")).toBe(true);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({
      baseComputo: 37,
      band: "36-50",
      quotaDisabili: 2,
      quotaArt18: 0,
      quotaDisabiliBeforeSuspension: 2,
      coveredDisabili: 0,
      coveredArt18: 0,
      uncoveredDisabili: 2,
      uncoveredArt18: 0,
      sanction: { dailyPerWorker: "196.05", total: "7842.00", totalWithDiffida: "1960.50" },
    });
    expect(out).not.toHaveProperty("exemption");
    expect(Array.isArray(out.explanation)).toBe(true);
  });

  it("invalid input → exit 2, nothing on stdout, one Italian line per problem on stderr", { timeout: 60_000 }, () => {
    const bad = {
      date: "1990-01-01",
      employer: { type: "private" },
      workforce: [{ count: -3, contract: "determinato", weeklyHours: 45, fullTimeHours: 40 }],
      foo: true,
    };
    const { status, stdout, stderr } = runCli(JSON.stringify(bad));
    expect(status).toBe(2);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toEqual(
      expect.arrayContaining([
        "date: la data non può essere anteriore al 1999 (la L. 68 è del 12 marzo 1999)",
        "workforce.0.count: il numero di lavoratori non può essere negativo",
        "workforce.0.weeklyHours: l'orario settimanale (45) supera l'orario a tempo pieno (40)",
        "workforce.0.months: per un contratto a tempo determinato indica la durata in mesi, proroghe comprese (art. 4 c. 1)",
        "foo: campo non previsto",
      ]),
    );
    expect(lines).toHaveLength(5);
  });

  it("invalid JSON → exit 2 and an Italian message", { timeout: 60_000 }, () => {
    const { status, stdout, stderr } = runCli("{ date: 2026 ");
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^documento: JSON non valido/);
  });
});

describe("CLI logic (in process)", () => {
  it("empty stdin is invalid input", () => {
    expect(runQuotaCli("  \n")).toEqual({
      exitCode: 2,
      stdout: "",
      stderr: "documento: nessun dato ricevuto: fornisci un documento JSON sullo standard input\n",
    });
  });

  it("a JSON value that is not an object is invalid input", () => {
    const outcome = runQuotaCli("42");
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stderr).toMatch(/^documento: /);
  });

  it("accepts the optional fields of the cap, the art. 4 routes and the legacy art. 18 offset", () => {
    const outcome = runQuotaCli(
      JSON.stringify({
        date: "2026-03-01",
        employer: { type: "private" },
        workforce: [
          { count: 196, contract: "indeterminato" },
          { count: 10, contract: "indeterminato", protected: "art18", art18InForceAt2000: true },
          { count: 1, contract: "indeterminato", protected: "disabile_art4", invalidityCategory: 6 },
          { count: 1, contract: "indeterminato", protected: "disabile_art4", disabilityPercent: 46, psychicDisability: true },
        ],
        exemption: { percent: 80, workingDays: 1, capPercent: 80 },
        suspension: { suspendedArt18Units: 0 },
      }),
    );
    expect(outcome.stderr).toBe("");
    expect(outcome.exitCode).toBe(0);
    const out = JSON.parse(outcome.stdout);
    // Base 204 → quota 14, covered 2, offset 2 → 10 uncovered; 80 % of 14 = 11.2 → 11 exemptible.
    expect(out).toMatchObject({
      quotaDisabili: 14,
      coveredDisabili: 2,
      legacyArt18Offset: 2,
      uncoveredDisabili: 10,
      quotaArt18BeforeSuspension: 2,
    });
    expect(out.exemption).toMatchObject({ maxUnits: 11, exemptedUnits: 10 });
  });

  it("refuses the new fields where they make no sense: exit 2 with the field path", () => {
    const outcome = runQuotaCli(
      JSON.stringify({
        employer: { type: "private" },
        workforce: [{ contract: "indeterminato", protected: "art18", invalidityCategory: 2 }],
        exemption: { percent: 60, workingDays: 1, capPercent: 90 },
      }),
    );
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stdout).toBe("");
    expect(outcome.stderr).toContain(
      'workforce.0.invalidityCategory: la categoria di invalidità vale solo per un disabile ex art. 4 c. 3-bis (protected "disabile_art4")\n',
    );
    expect(outcome.stderr).toContain("exemption.capPercent: il tetto dell'esonero va da 1 a 80");
  });

  it("stdout is the same document computeQuota gives", () => {
    const outcome = runQuotaCli(JSON.stringify(example));
    expect(outcome.exitCode).toBe(0);
    expect(JSON.parse(outcome.stdout).baseComputo).toBe(37);
  });
});
