import { afterAll, afterEach } from "vitest";

/**
 * A console.error during a test fails it (at the end of the test, with the messages): an error a test
 * provokes on purpose is declared with expectConsoleError(/pattern/) in that test; only matching
 * messages are then accepted (and kept off the output). Messages written outside a test (beforeAll,
 * background work between tests) fail the next test to end, or the file.
 */
const original = console.error.bind(console);
let unexpected: string[] = [];
let expected: RegExp[] = [];

console.error = (...args: unknown[]) => {
  const text = args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : typeof a === "string" ? a : JSON.stringify(a))).join(" ");
  if (expected.some((p) => p.test(text))) return;
  unexpected.push(text);
  original(...args);
};

/** Accepts console.error messages matching one of these patterns until the current test ends. */
export function expectConsoleError(...patterns: RegExp[]) {
  expected.push(...patterns);
}

function check(where: string) {
  const messages = unexpected;
  unexpected = [];
  if (messages.length) {
    throw new Error(
      `console.error ${where} (fix it, or declare it with expectConsoleError(/…/)):\n${messages.map((m) => `  ${m.slice(0, 500)}`).join("\n")}`,
    );
  }
}

afterEach(() => {
  expected = [];
  check("during the test");
});
afterAll(() => check("outside the tests of this file"));
