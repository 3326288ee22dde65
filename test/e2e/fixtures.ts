import fs from "node:fs";
import { createRequire } from "node:module";
import { test as base, expect, type Page } from "@playwright/test";

const require = createRequire(import.meta.url);
// Evaluated through the DevTools protocol: an injected <script> tag would be refused by our CSP.
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export const DEMO_PASSWORD = "RosaDemo2026!";

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe (WCAG 2.0/2.1 A and AA rules) on the current page and fails on serious or critical violations. */
export async function expectAccessible(page: Page) {
  await page.waitForLoadState("load");
  // Check the page as it rests: not with the pointer still hovering the button just clicked,
  // nor in the middle of a CSS transition (colours half-way between two states fail contrast).
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"), undefined, { timeout: 5_000 });
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target) }));
  });
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious, `axe su ${page.url()}:\n${JSON.stringify(serious, null, 2)}`).toEqual([]);
}

/**
 * Every test gets a page whose visited documents are all checked with axe:
 * each navigation (full or client-side) is checked once its page settled,
 * and the teardown fails the test if any check found a serious problem.
 */
export const test = base.extend<{ checkedPage: Page }>({
  // Every page.goto to an HTML page waits until React has hydrated it: an input set
  // before hydration can be reset by it (the root marks <html data-hydrated>).
  // And every test fails if the browser refused anything under our Content-Security-Policy
  // (a script without the nonce, an inline style, a resource from elsewhere).
  page: async ({ page }, use) => {
    // Any uncaught error or console error (React hydration mismatches #418/#423/#425 and CSP refusals among them) fails the test:
    // a page that does not hydrate shows server-rendered text that the client cannot keep.
    // Failed loads of a document the test opened on purpose (404/403 pages) are not page errors.
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(`${page.url()}: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) pageErrors.push(`${page.url()}: ${m.text()}`);
    });
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      if (response?.ok() && response.headers()["content-type"]?.includes("text/html")) await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
      return response;
    };
    await use(page);
    expect(pageErrors, "errori nella pagina o nella console").toEqual([]);
  },
  checkedPage: async ({ page }, use) => {
    await use(page);
    await expectAccessible(page);
  },
});

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/accedi");
  await expectAccessible(page);
  await page.getByLabel(/^E-mail/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

export async function logout(page: Page) {
  await page.getByRole("button", { name: "Esci" }).click();
  await expect(page.getByRole("link", { name: "Accedi all'area riservata" })).toBeVisible();
}

export { expect };
