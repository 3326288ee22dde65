import type { Page } from "@playwright/test";
import { expect, expectAccessible, login, logout, test } from "./fixtures";

/**
 * Every page of every role, at the project's width (desktop, and the 390 px phone of the mobile project): from the
 * menu, then the links those pages show (records of the demo data: a company, a vacancy, a rosa, a candidate, an
 * L. 68/99 file…), one page per route shape (`/operatore/aziende/:id` once). Each page must answer 200, fit the
 * window (no sideways scrolling, see fixtures.ts) and pass axe. Downloads and actions are not followed.
 */

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** The route a URL is an instance of: ids and numbers become ":id", the query is dropped. */
const shape = (url: string) =>
  url
    .replace(/[?#].*$/, "")
    .replace(UUID, ":id")
    .replace(/\/\d+(?=\/|$)/g, "/:id");
/**
 * Files, feeds and the links that leave the role's pages: opened by other tests, not pages to check here
 * (`/accedi/spid` leaves for the identity gateway: test/e2e/spid-cie.spec.ts).
 */
const NOT_A_PAGE =
  /(\.(pdf|csv|rss|xml|txt|json)$)|\/(cv|bcnl|esporta|modello|errori|rss|csv|pdf|nulla-osta|attestazione)$|\/certificato\/[^/]+$|\/documenti\/|^\/api\/|^\/esci$|^\/accedi\/spid/;

const seen = new Set<string>();

// A role's tour opens 10–25 pages, each with axe: minutes on a busy machine.
test.describe.configure({ timeout: 360_000 });

async function linksOn(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator("main a[href], nav[aria-label='Menu principale'] a[href]")
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  const origin = new URL(page.url()).origin;
  return [...new Set(hrefs.filter((h) => h.startsWith(origin)).map((h) => new URL(h).pathname + new URL(h).search))];
}

/**
 * Visits the start pages, then (breadth first, up to `depth` clicks away) each new route shape linked from them.
 * Returns the problems of all pages (the test reports them together rather than stopping at the first).
 */
async function tour(page: Page, start: string[], depth = 2): Promise<string[]> {
  const problems: string[] = [];
  let frontier = start;
  for (let level = 0; level <= depth && frontier.length; level++) {
    const next: string[] = [];
    for (const path of frontier) {
      if (NOT_A_PAGE.test(path.replace(/[?#].*$/, "")) || seen.has(shape(path))) continue;
      seen.add(shape(path));
      const response = await page.goto(path);
      if (response?.status() !== 200) {
        problems.push(`${path}: risposta ${response?.status()}`);
        continue;
      }
      if (!response.headers()["content-type"]?.includes("text/html")) continue;
      await expectAccessible(page).catch((e: Error) => problems.push(`${path}: ${e.message}`));
      if (level < depth) next.push(...(await linksOn(page)));
    }
    frontier = next;
  }
  return problems;
}

test("a visitor's pages", async ({ page }) => {
  const problems = await tour(page, [
    "/",
    "/offerte",
    "/informazioni",
    "/accedi",
    "/registrazione",
    "/privacy",
    "/dichiarazione-accessibilita",
    "/fonti-dati",
  ]);
  expect(problems, problems.join("\n\n")).toEqual([]);
});

const ROLES = [
  { who: "employer", email: "azienda@rosa.demo" },
  { who: "labour consultant", email: "consulente@rosa.demo" },
  { who: "pending company", email: "logistica@rosa.demo" },
  { who: "candidate", email: "candidato@rosa.demo" },
  { who: "preselection officer", email: "preselezione@rosa.demo" },
  { who: "placement officer", email: "collocamento@rosa.demo" },
  { who: "admin", email: "admin@rosa.demo" },
];

for (const { who, email } of ROLES) {
  test(`every page of the ${who}`, async ({ page }) => {
    await login(page, email);
    const menu = await page
      .getByRole("navigation", { name: "Menu principale" })
      .getByRole("link")
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(menu.length).toBeGreaterThan(0);
    // The menu pages are checked for each role (their header and menu differ); deeper pages once per shape.
    for (const path of menu) seen.delete(shape(path));
    const problems = await tour(page, [page.url().replace(/^https?:\/\/[^/]+/, ""), ...menu, "/profilo/password"]);
    expect(problems, problems.join("\n\n")).toEqual([]);
    // The account actions stay reachable at every width.
    await expect(page.getByRole("button", { name: "Esci" })).toBeInViewport();
    await logout(page);
  });
}
