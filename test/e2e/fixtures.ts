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

/**
 * What makes the page wider than the window, or null when nothing does (document.documentElement.scrollWidth >
 * clientWidth): the widest elements that reach past the right edge and are not clipped by a scrolling ancestor
 * (a wide table inside .table-responsive is fine), each as a CSS-like path with its width and first words.
 */
export async function horizontalOverflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const viewport = root.clientWidth;
    if (root.scrollWidth <= viewport) return null;
    const describe = (el: Element) => {
      const path: string[] = [];
      for (let e: Element | null = el; e && e !== document.body && path.length < 4; e = e.parentElement) {
        const id = e.id ? `#${e.id}` : "";
        const cls =
          typeof e.className === "string" && e.className.trim() ? `.${e.className.trim().split(/\s+/).slice(0, 3).join(".")}` : "";
        path.unshift(`${e.tagName.toLowerCase()}${id}${cls}`);
      }
      return path.join(" > ");
    };
    // Whether a scrolling (or clipping) ancestor hides the part past the edge. An absolutely positioned box is clipped
    // only by the ancestors from its containing block up: a visually-hidden caption in a .table-responsive whose
    // position is static sticks out of the page.
    const clipped = (el: Element) => {
      let position = getComputedStyle(el).position;
      if (position === "fixed") return false;
      for (let e = el.parentElement; e && e !== document.body && e !== root; e = e.parentElement) {
        const style = getComputedStyle(e);
        const containing = position !== "absolute" || style.position !== "static" || style.transform !== "none";
        if (containing && style.overflowX !== "visible" && e.getBoundingClientRect().right + window.scrollX <= viewport + 1) return true;
        if (containing) position = style.position;
        if (position === "fixed") return false;
      }
      return false;
    };
    const offenders: { el: Element; width: number; right: number }[] = [];
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const r = el.getBoundingClientRect();
      const right = r.right + window.scrollX;
      if (right > viewport + 1 && !clipped(el)) offenders.push({ el, width: r.width, right });
    }
    offenders.sort((a, b) => b.width - a.width || b.right - a.right);
    const list = offenders
      .slice(0, 3)
      .map(
        (o) =>
          `  ${describe(o.el)} — largo ${Math.round(o.width)} px, fino a ${Math.round(o.right)} px («${(o.el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 60)}»)`,
      );
    return `pagina larga ${root.scrollWidth} px in una finestra di ${viewport} px; elementi più larghi oltre il bordo:\n${list.join("\n") || "  (nessun elemento individuato)"}`;
  });
}

/** Fails when the page scrolls sideways (see horizontalOverflow), naming the widest element that sticks out. */
export async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await horizontalOverflow(page);
  expect(overflow, `scorrimento orizzontale su ${page.url()}`).toBeNull();
}

/** Runs axe (WCAG 2.0/2.1 A and AA rules) on the current page and fails on serious or critical violations; checks the page's width too. */
export async function expectAccessible(page: Page) {
  await page.waitForLoadState("load");
  await expectNoHorizontalOverflow(page);
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
 * Every test gets a page whose every document (full load or client-side navigation) is checked for horizontal
 * overflow once it settled, in both projects (desktop and the 390 px phone of playwright.config.ts).
 * Every test gets a page whose visited documents are all checked with axe:
 * each navigation (full or client-side) is checked once its page settled,
 * and the teardown fails the test if any check found a serious problem.
 */
export const test = base.extend<{ checkedPage: Page }>({
  // Every page.goto to an HTML page waits until React has hydrated it and its forms are taken over by conform: an input
  // set before hydration can be reset by it, a form clicked before its noValidate stops at the browser's bubble
  // (the root marks <html data-hydrated> after both, app/root.tsx).
  // And every test fails if the browser refused anything under our Content-Security-Policy
  // (a script without the nonce, an inline style, a resource from elsewhere).
  page: async ({ page }, use) => {
    // Any uncaught error or console error (React hydration mismatches #418/#423/#425 and CSP refusals among them) fails the test:
    // a page that does not hydrate shows server-rendered text that the client cannot keep.
    // Failed loads of a document the test opened on purpose (404/403 pages) are not page errors.
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(`${page.url()}: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text()))
        pageErrors.push(`${page.url()}: ${m.text()}`);
    });
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      if (response?.ok() && response.headers()["content-type"]?.includes("text/html"))
        await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
      return response;
    };
    // After each navigation of the main frame (a click on a link, a form, page.goto), once the page has had a moment
    // to render: no page may scroll sideways. The check runs beside the test; the teardown waits for it.
    const overflows = new Set<string>();
    const pendingChecks = new Set<Promise<void>>();
    page.on("framenavigated", (frame) => {
      if (frame !== page.mainFrame()) return;
      const check = (async () => {
        await page.waitForLoadState("load");
        await page.evaluate(() => new Promise((r) => setTimeout(r, 250)));
        const url = page.url();
        const overflow = await horizontalOverflow(page);
        if (overflow && url === page.url()) overflows.add(`${url}: ${overflow}`);
      })().catch(() => {
        // The page moved on or closed before the check: the next document gets its own check.
      });
      pendingChecks.add(check);
      void check.finally(() => pendingChecks.delete(check));
    });
    await use(page);
    await Promise.all(pendingChecks);
    expect(pageErrors, "errori nella pagina o nella console").toEqual([]);
    expect([...overflows], "pagine più larghe della finestra (scorrimento orizzontale)").toEqual([]);
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
