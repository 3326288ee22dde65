import type { Browser } from "@playwright/test";
import { expect, expectAccessible, login, test, DEMO_PASSWORD } from "./fixtures";

// The rosa pages and the officer's CV pages on conform: the schema's constraints work before JavaScript loads, and in
// the browser the schema's Italian messages come back without losing what was typed. Nothing here changes the demo data.

async function withoutJs(browser: Browser, email: string) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/accedi");
  await page.getByLabel(/^E-mail/).fill(email);
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
  return { context, page };
}

test("without JavaScript: the officer's CV and rosa forms carry the schema's required fields", async ({ browser }) => {
  const { context, page } = await withoutJs(browser, "preselezione@rosa.demo");
  await page.goto("/operatore/candidati/nuovo");
  for (const label of [/^Nome/, /^Cognome/, /^Codice fiscale/, /^Data di nascita/, /^Comune di domicilio/])
    await expect(page.getByLabel(label)).toHaveAttribute("required", "");
  await expect(page.getByLabel(/^Telefono/)).not.toHaveAttribute("required", "");
  await expect(page.getByLabel(/^Indirizzo di domicilio/)).not.toHaveAttribute("required", "");
  // The browser refuses to send the empty form: nothing reaches the server.
  await page.getByRole("button", { name: "Salva il candidato" }).click();
  expect(await page.getByLabel(/^Nome/).evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
  await expect(page).toHaveURL(/\/operatore\/candidati\/nuovo$/);

  await page.goto("/operatore/rose");
  await page.getByRole("link", { name: "Rosa per Aiuto panettiere/a" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Rosa per Aiuto panettiere/a" })).toBeVisible();
  await expect(page.getByLabel(/^Carenza/)).toHaveAttribute("required", "");
  await expect(page.getByLabel(/^Descrizione della proposta/)).toHaveAttribute("required", "");
  await expect(page.getByLabel(/^Referente dell'azienda presente/)).not.toHaveAttribute("required", "");
  // The hire form is folded in a <details>: open it (no script needed) so that its fields are in view.
  await page
    .locator("summary", { hasText: /^Registra l'assunzione/ })
    .first()
    .click();
  const hire = page
    .locator("form")
    .filter({ has: page.getByRole("button", { name: /^Registra l'assunzione di / }) })
    .first();
  await expect(hire.getByLabel(/^Data di inizio/)).toHaveAttribute("required", "");
  await expect(hire.getByLabel(/^Livello di inquadramento/)).toHaveAttribute("required", "");
  await expect(hire.getByLabel(/^Data di fine/)).not.toHaveAttribute("required", "");
  await expect(hire.getByLabel(/^Retribuzione lorda annua/)).not.toHaveAttribute("required", "");
  await context.close();
});

test("without JavaScript: the employer's feedback and hire forms carry the schema's required fields", async ({ browser }) => {
  const { context, page } = await withoutJs(browser, "azienda@rosa.demo");
  await page.goto("/azienda/rose");
  await page
    .getByRole("link", { name: /Rosa per Aiuto panettiere/ })
    .first()
    .click();
  // The hire form is folded in a <details>: open it (no script needed) so that its fields are in view.
  await page
    .locator("summary", { hasText: /^Registra l'assunzione/ })
    .first()
    .click();
  const hire = page
    .locator("form")
    .filter({ has: page.getByRole("button", { name: /^Registra l'assunzione di / }) })
    .first();
  await expect(hire.getByLabel(/^Tipologia contrattuale/)).toHaveAttribute("required", "");
  await expect(hire.getByLabel(/^Comune della sede di lavoro/)).toHaveAttribute("required", "");
  await expect(hire.getByLabel(/^Data di fine/)).not.toHaveAttribute("required", "");
  const feedback = page.locator("form").filter({ has: page.getByRole("button", { name: /^Invia il riscontro su / }) });
  if (await feedback.count()) {
    await expect(feedback.first().getByLabel(/^Decisione/)).toHaveAttribute("required", "");
    await expect(feedback.first().getByLabel(/^Commenti/)).not.toHaveAttribute("required", "");
  }
  await context.close();
});

test("the officer's new CV checks itself in the browser: Italian messages, what was typed kept", async ({ checkedPage: page }) => {
  await login(page, "preselezione@rosa.demo");
  await page.goto("/operatore/candidati/nuovo");
  await page.getByLabel(/^Nome/).fill("Ottavia");
  await page.getByLabel(/^Codice fiscale/).fill("non valido");
  await page.getByRole("button", { name: "Salva il candidato" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Controlla i dati inseriti" });
  await expect(summary).toBeVisible();
  await expect(page.getByLabel(/^Cognome/)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel(/^Nome/)).toHaveValue("Ottavia");
  await expect(page.getByLabel(/^Codice fiscale/)).toHaveValue("non valido");
  await expect(page).toHaveURL(/\/operatore\/candidati\/nuovo(#[\w-]+)?$/);
  await expectAccessible(page);
});
