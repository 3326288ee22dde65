import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/** Runs the CLI as `npm run -s tirocini:check` does: node --import tsx server/cli/tirocini-check.ts, stdin piped. */
function runCli(stdin: string, args: string[] = []) {
  const child = spawnSync(process.execPath, ["--import", "tsx", "server/cli/tirocini-check.ts", ...args], {
    cwd: root,
    input: stdin,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

const valid = {
  date: "2026-03-01",
  region: "veneto",
  host: { employeesPermanent: 25, employeesFixedTermCounting: 0, activeTrainees: 1 },
  trainee: { disabled: false, disadvantaged: false },
  plannedMonths: 6,
  seasonalHost: false,
  weeklyHours: 24,
  dailyHours: 6,
  fullTimeWeeklyHours: 40,
  mealVouchers: false,
  monthlyIndemnity: 315,
  hostTutorTrainees: 0,
  eqfLevel: null,
};

describe("npm run -s tirocini:check (spawned)", () => {
  it("valid input → exit 0, the check alone on stdout, nothing on stderr", { timeout: 60_000 }, () => {
    const { status, stdout, stderr } = runCli(JSON.stringify(valid));
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      maxSimultaneousTrainees: 3,
      allowed: true,
      violations: [],
      minMonthlyIndemnity: "315.00",
      maxDurationMonths: 12,
    });
  });

  it("violations are a result, not an error: exit 0; with --spiega the Italian messages", { timeout: 60_000 }, () => {
    const { status, stdout, stderr } = runCli(JSON.stringify({ ...valid, monthlyIndemnity: 314.99, hostTutorTrainees: 3 }), ["--spiega"]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ allowed: false, violations: ["HOST_TUTOR_CAPACITY_EXCEEDED", "INDEMNITY_BELOW_MINIMUM"] });
    // Intl writes «314,99 €» with a no-break space.
    expect(out.messages[1].message.replace(/\u00a0/g, " ")).toBe(
      "L'indennità mensile prevista (314,99 €) è inferiore al minimo di 315,00 € lordi al mese.",
    );
    expect(out.messages[1].rule).toContain("DGR 1816 del 7/11/2017");
  });

  it("invalid fields → exit 2, the rejection on stdout, one Italian line per problem on stderr", { timeout: 60_000 }, () => {
    const { status, stdout, stderr } = runCli(JSON.stringify({ ...valid, date: "2026-02-30", plannedMonths: -1 }));
    expect(status).toBe(2);
    expect(JSON.parse(stdout)).toEqual({ rejected: true, error: "INVALID_INPUT" });
    expect(stderr.trim().split("\n")).toEqual([
      "date: la data di avvio deve essere un giorno esistente nel formato AAAA-MM-GG (per esempio 2026-03-01)",
      "plannedMonths: la durata prevista in mesi deve essere maggiore di zero",
    ]);
  });

  it("unknown region → exit 2 with UNKNOWN_REGION", { timeout: 60_000 }, () => {
    const { status, stdout, stderr } = runCli(JSON.stringify({ ...valid, region: "padania" }));
    expect(status).toBe(2);
    expect(JSON.parse(stdout)).toEqual({ rejected: true, error: "UNKNOWN_REGION" });
    expect(stderr).toMatch(/^region: regione sconosciuta «padania»: valori ammessi IT, abruzzo, /);
  });

  it("not JSON, or nothing at all → exit 2 with INVALID_INPUT", { timeout: 60_000 }, () => {
    for (const [stdin, message] of [
      ["{not json", "documento: JSON non valido"],
      ["", "documento: nessun dato ricevuto"],
    ]) {
      const { status, stdout, stderr } = runCli(stdin);
      expect(status).toBe(2);
      expect(stdout).toBe('{"rejected":true,"error":"INVALID_INPUT"}\n');
      expect(stderr).toContain(message);
    }
  });
});
