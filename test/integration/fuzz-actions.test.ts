import { beforeAll, expect, it } from "vitest";
import { fuzzActions, setupFuzzWorld } from "../support/fuzz";

/**
 * Property-based fuzzing of every action of the authorization matrix for every
 * role allowed on it (see test/support/fuzz.ts for what is generated and checked).
 * Bounded so it fits in `npm test`; `npm run fuzz -- --minutes N` runs longer.
 */
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 35_000);

let world: Awaited<ReturnType<typeof setupFuzzWorld>>;
beforeAll(async () => {
  world = await setupFuzzWorld();
});

// Every route × role pair gets at least 3 requests whatever the budget (test/support/fuzz.ts, MIN_RUNS): on a loaded
// 2-core machine that fixed part alone took over a minute, so the timeout leaves room for it beyond the budget.
it(
  "no generated request answers 500, pollutes a prototype, changes rows when refused or stops /healthz",
  { timeout: BUDGET_MS + 240_000 },
  async () => {
    const report = await fuzzActions(world, { budgetMs: BUDGET_MS, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000) });
    console.log(
      `fuzz: ${report.requests} richieste su ${report.targets} coppie rotta × ruolo in ${(report.durationMs / 1000).toFixed(1)} s; stati ${JSON.stringify(report.byStatus)}; ${report.failures.length} problemi`,
    );
    expect(report.requests).toBeGreaterThan(report.targets);
    expect(report.failures.slice(0, 20)).toEqual([]);
  },
);
