import { expect, expectAccessible, login, test, DEMO_PASSWORD } from "./fixtures";

// Forms built on conform: one schema checks them in the browser and in the action, list rows are
// added and removed with conform intents, and the schema's constraints work before JavaScript loads.

test("the vacancy form adds and removes requirement rows and checks itself in the browser", async ({ checkedPage: page }) => {
  await login(page, "azienda@rosa.demo");
  await page.goto("/azienda/offerte/nuova");
  await expect(page.getByRole("group", { name: /^Requisito \d+$/ })).toHaveCount(3);
  await page.getByRole("button", { name: "Aggiungi un requisito" }).click();
  await expect(page.getByRole("group", { name: /^Requisito \d+$/ })).toHaveCount(4);
  await page.getByLabel("Tipo").first().selectOption("language");
  await page.getByRole("button", { name: "Rimuovi il requisito 2" }).click();
  await expect(page.getByRole("group", { name: /^Requisito \d+$/ })).toHaveCount(3);
  await expect(page.getByLabel("Tipo").first()).toHaveValue("language");
  await expectAccessible(page);

  // Nothing filled in: the schema's Italian messages, by the fields and in the summary, without a round trip.
  await page.getByRole("button", { name: "Salva la bozza" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Controlla i dati inseriti" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: "Scrivi almeno 3 caratteri per il titolo dell'offerta" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Scegli il livello (da A1 a C2)" })).toBeVisible();
  const title = page.getByLabel("Titolo dell'offerta");
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Livello", { exact: true }).first()).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await summary.getByRole("link", { name: "Scrivi almeno 3 caratteri per il titolo dell'offerta" }).click();
  await expect(title).toBeFocused();
  // Correcting a field clears its message as the person types.
  await title.fill("Fornaio");
  await expect(title).not.toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/azienda\/offerte\/nuova(#[\w-]+)?$/);
});

test("without JavaScript: the schema's constraints stop an empty form, the list buttons still work", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/accedi");
  await page.getByLabel(/^E-mail/).fill("azienda@rosa.demo");
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
  await page.goto("/azienda/offerte/nuova");

  const title = page.getByLabel("Titolo dell'offerta");
  await expect(title).toHaveAttribute("required", "");
  await expect(page.getByLabel("Mansioni principali")).not.toHaveAttribute("required", "");
  // The browser refuses to send the form: nothing reaches the server.
  await page.getByRole("button", { name: "Salva la bozza" }).click();
  expect(await title.evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
  await expect(page).toHaveURL(/\/azienda\/offerte\/nuova$/);

  // «Aggiungi un requisito» goes to the server, which answers with one more row and keeps what was typed.
  await title.fill("Fornaio notturno");
  await page.getByRole("button", { name: "Aggiungi un requisito" }).click();
  await expect(page.getByRole("group", { name: /^Requisito \d+$/ })).toHaveCount(4);
  await expect(page.getByLabel("Titolo dell'offerta")).toHaveValue("Fornaio notturno");
  await expect(page.getByRole("alert")).toHaveCount(0);
  await context.close();
});

// The reply never carries the password (test/integration/forms-officer-employer.test.ts); the browser keeps its own field.
test("an officer account refused by the server keeps what was typed", async ({ checkedPage: page }) => {
  await login(page, "admin@rosa.demo");
  await page.goto("/admin/utenti");
  // The browser's own check first: the schema's message, no round trip.
  await page.getByLabel("Nome e cognome").fill("Ilaria Doppia");
  await page.getByLabel("E-mail").fill("non-una-email");
  await page.getByRole("button", { name: "Crea l'account" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Controlla i dati inseriti" });
  await expect(summary.getByRole("link", { name: "Indirizzo e-mail non valido" })).toBeVisible();
  // An address already in use: only the server knows, and it answers by the field.
  await page.getByLabel("E-mail").fill("admin@rosa.demo");
  await page.getByLabel("Ruolo").selectOption("preselection_officer");
  await page.getByLabel("Provincia di competenza").selectOption("MI");
  await page.getByLabel("Password iniziale").fill("girasole-tranquillo-sul-tetto");
  await page.getByRole("button", { name: "Crea l'account" }).click();
  await expect(summary.getByRole("link", { name: "Esiste già un account con questo indirizzo e-mail" })).toBeVisible();
  await expect(page.getByLabel("E-mail")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Nome e cognome")).toHaveValue("Ilaria Doppia");
  await expect(page.getByLabel("Provincia di competenza")).toHaveValue("MI");
  await expectAccessible(page);
});
