import { expect, expectAccessible, login, test } from "./fixtures";

/**
 * The end of the officer's path on the demo collective dismissal (docs/decisions/outplacement.md): a worker of the
 * cohort is on the demo rosa «Rosa per Magazziniere/a» of Panificio Lombardo, presented and confirmed; the officer
 * records the hire on the employer's behalf; the worker's outcome closes by itself (source: the hiring employer) and
 * the dashboard counts it. The earlier steps (event, import, plan, session) are in outplacement-*.spec.ts and
 * ricollocazione-list.spec.ts.
 */
const EVENT_TITLE = "Riduzione di personale 2026 — stabilimento di Sesto San Giovanni";

test("a cohort worker hired through a rosa: the outcome closes by itself and the dashboard counts it", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, "preselezione@rosa.demo");
  await page.goto("/operatore/preselezione");
  await page.getByRole("link", { name: /Magazziniere\/a per il laboratorio di Milano/ }).click();
  await page.getByRole("link", { name: "Rosa per Magazziniere/a" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rosa per Magazziniere/a" })).toBeVisible();
  await expectAccessible(page);
  const summary = page.locator("summary", { hasText: "Registra l'assunzione per conto dell'azienda:" });
  const name = (await summary.textContent())!.replace(/.*per conto dell'azienda:\s*/, "").trim();
  await summary.click();
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: `Registra l'assunzione di ${name}` }) });
  await form.getByLabel("Come l'azienda ha chiesto la registrazione").selectOption("telefono");
  await form.getByLabel("Tipologia contrattuale (codici CO in vigore)").selectOption("A.01.00");
  await form.getByLabel("Data di inizio").fill(new Date().toISOString().slice(0, 10));
  await form.getByLabel("Tipo di orario").selectOption("F");
  await form.getByLabel("CCNL applicato").fill("042");
  await form.getByLabel("Livello di inquadramento").fill("4");
  await form.getByLabel("Qualifica professionale (CP2011)").fill("4.3.1.2.0.0");
  await form.getByRole("button", { name: `Registra l'assunzione di ${name}` }).click();
  await expect(page.getByText(/Assunzione registrata per conto dell'azienda/)).toBeVisible();
  await expectAccessible(page);

  // The worker's outcome, closed by the hire.
  await page.goto("/operatore/ricollocazione");
  await page.getByRole("link", { name: EVENT_TITLE }).first().click();
  await expect(page).toHaveURL(/\/operatore\/ricollocazione\/[0-9a-f-]{36}$/);
  const eventPath = new URL(page.url()).pathname;
  await page.getByRole("navigation", { name: "Sezioni dell'evento" }).getByRole("link", { name: "Lavoratori" }).click();
  const [first, ...rest] = name.split(" ");
  await page.getByRole("link", { name: `${rest.join(" ")} ${first}` }).click();
  await page.getByRole("link", { name: "Esiti e verifiche" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Esiti e verifiche: ${name}`);
  const outcomes = page.getByRole("table", { name: "Esiti del lavoratore, dal più recente" });
  await expect(outcomes).toContainText("Dichiarato dall'azienda che assume");
  await expect(outcomes).toContainText("Panificio Lombardo");
  await expect(outcomes).toContainText("A.01.00");
  await expectAccessible(page);

  await page.goto(`${eventPath}/cruscotto`);
  await expect(page.getByRole("heading", { level: 1, name: "Cruscotto della ricollocazione" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Rioccupazione a 3, 6 e 12 mesi/ })).toBeVisible();
  await expectAccessible(page);
});
