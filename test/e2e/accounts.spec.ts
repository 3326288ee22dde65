import { DEMO_PASSWORD, expect, expectAccessible, login, logout, test } from "./fixtures";

/**
 * Accounts end to end: the administrator creates an officer (who must change the password at the
 * first login), the officer forgets the password and resets it through the e-mail read in the
 * administrator's outbox (/admin/posta), then the administrator disables the account.
 */
test("forced change at first login, password reset by e-mail link, an administrator disables the account", async ({
  checkedPage: page,
}) => {
  const suffix = Date.now().toString(36);
  const email = `operatore-${suffix}@example.it`;
  const temporary = "provvisoria-scelta-da-admin";
  const chosen = "lanterna-gialla-sul-molo";
  const afterReset = "quaderno-blu-nel-cassetto";

  // The administrator creates the officer with a province from the list.
  await login(page, "admin@rosa.demo");
  await page.goto("/admin/utenti");
  await page.getByLabel("Nome e cognome").fill("Ilaria Conti");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Ruolo").selectOption("preselection_officer");
  await page.getByLabel("Provincia di competenza").selectOption("MI");
  await page.getByLabel("Password iniziale").fill(temporary);
  await page.getByRole("button", { name: "Crea l'account" }).click();
  await expect(page.getByText(`Account creato per ${email}.`)).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(email) })).toContainText("Milano");
  await expectAccessible(page);
  await logout(page);

  // First login: every page leads to the change-password page until the password is changed.
  await login(page, email, temporary);
  await expect(page).toHaveURL(/\/profilo\/password$/);
  await expect(page.getByText("La password di questo account è stata scelta da un amministratore")).toBeVisible();
  await expectAccessible(page);
  await page.goto("/operatore");
  await expect(page).toHaveURL(/\/profilo\/password$/);
  await page.getByLabel("Password attuale").fill(temporary);
  await page.getByLabel(/^Nuova password/).fill(chosen);
  await page.getByLabel("Ripeti la nuova password").fill(chosen);
  await page.getByRole("button", { name: "Cambia password" }).click();
  await expect(page).toHaveURL(/\/operatore$/);
  await logout(page);

  // «Password dimenticata?»: the same answer for any address.
  await page.goto("/accedi");
  await page.getByRole("link", { name: "Password dimenticata?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Password dimenticata");
  await expectAccessible(page);
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Invia il collegamento" }).click();
  await expect(page.getByText(`Se ${email} corrisponde a un account attivo`)).toBeVisible();
  await expectAccessible(page);

  // The e-mail, read in the administrator's outbox.
  await login(page, "admin@rosa.demo");
  await page.goto("/admin/posta");
  const message = page
    .locator("article", { hasText: `A ${email}` })
    .filter({ hasText: "Rosa: reimposta la password" })
    .first();
  const body = await message.locator("pre").innerText();
  const link = /https?:\/\/[^\s]+\/reimposta-password\/[A-Za-z0-9_-]+/.exec(body)![0];
  await logout(page);

  await page.goto(new URL(link).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Scegli una nuova password");
  await expectAccessible(page);
  await page.getByLabel(/^Nuova password/).fill("password1234");
  await page.getByLabel("Ripeti la nuova password").fill("password1234");
  await page.getByRole("button", { name: "Salva la nuova password" }).click();
  await expect(page.getByText("tra le più usate").first()).toBeVisible();
  await page.getByLabel(/^Nuova password/).fill(afterReset);
  await page.getByLabel("Ripeti la nuova password").fill(afterReset);
  await page.getByRole("button", { name: "Salva la nuova password" }).click();
  await expect(page.getByText("Password cambiata: accedi con la nuova password.")).toBeVisible();

  // The link works once.
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Collegamento già usato o scaduto");
  await expectAccessible(page);

  await login(page, email, afterReset);
  await expect(page).toHaveURL(/\/operatore$/);
  await logout(page);

  // The administrator disables the account: the officer can no longer log in.
  await login(page, "admin@rosa.demo");
  await page.goto("/admin/utenti");
  await page.getByRole("link", { name: "Ilaria Conti" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ilaria Conti");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Disattiva l'account" }).click();
  await expect(page.getByText("Account disattivato: la persona non può più accedere")).toBeVisible();
  await expect(page.getByRole("button", { name: "Riattiva l'account" })).toBeVisible();
  await expectAccessible(page);
  await logout(page);

  await page.goto("/accedi");
  await page.getByLabel(/^E-mail/).fill(email);
  await page.getByLabel(/^Password/).fill(afterReset);
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page.getByText("E-mail o password non corrette.").first()).toBeVisible();
});

test("the legal representative removes a colleague and cancels a pending invitation", async ({ checkedPage: page }) => {
  await login(page, "azienda@rosa.demo");
  await page.goto("/azienda/utenti");
  await expect(page.getByRole("row", { name: /collaboratore@rosa\.demo/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Togli dall'azienda Davide Russo" }).click();
  await expect(page.getByText("collaboratore@rosa.demo non può più operare per l'azienda.")).toBeVisible();
  await expect(page.getByRole("row", { name: /collaboratore@rosa\.demo/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Annulla l'invito a nuova.collega@example.it" }).click();
  await expect(page.getByText("Invito a nuova.collega@example.it annullato: il collegamento non funziona più.")).toBeVisible();
  await expectAccessible(page);
  await logout(page);

  await page.goto("/accedi");
  await page.getByLabel(/^E-mail/).fill("collaboratore@rosa.demo");
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page.getByText("E-mail o password non corrette.").first()).toBeVisible();
});
