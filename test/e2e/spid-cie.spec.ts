import { DEMO_PASSWORD, expect, expectAccessible, logout, test } from "./fixtures";

/**
 * SPID/CIE sign-in in Chromium through the demo's local identity provider (a real OpenID Connect provider started
 * by the portal with the demo data: server/demo-sign-in.ts): a person whose account carries the codice fiscale
 * enters at once; the bakery's legal representative links her identity with her password once, then enters
 * directly; a person without an account creates a candidate account from the identity.
 */
test("SPID/CIE: direct entry, first-time linking with the password, and a candidate account from the identity", async ({
  checkedPage: page,
}) => {
  await page.goto("/accedi");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Entra con SPID o CIE" }).click();
  await expect(page.getByRole("heading", { name: "Gestore di identità di prova (SPID/CIE)" })).toBeVisible();
  await page.getByRole("button", { name: /^Sara Esposito/ }).click();
  await expect(page).toHaveURL(/\/candidato$/);
  await expect(page.getByText("Sara Esposito").first()).toBeVisible();
  await logout(page);

  // First time: the legal representative's account has no codice fiscale yet.
  await page.goto("/accedi");
  await page.getByRole("link", { name: "Entra con SPID o CIE" }).click();
  await page.getByRole("button", { name: /^Giulia Bianchi/ }).click();
  await expect(page).toHaveURL(/\/accedi\/spid\/collega$/);
  await expect(page.getByRole("heading", { name: "Collega la tua identità digitale" })).toBeVisible();
  await expect(page.getByText("BNCGLI80A41F205F")).toBeVisible();
  await expectAccessible(page);
  const linkForm = page.locator("form#link-identity");
  await linkForm.getByLabel("E-mail").fill("azienda@rosa.demo");
  await linkForm.getByLabel("Password").fill("non-questa");
  await linkForm.getByRole("button", { name: "Collega e accedi" }).click();
  await expect(page.getByText("E-mail o password non corrette.").first()).toBeVisible();
  await expect(linkForm.getByLabel("E-mail")).toHaveValue("azienda@rosa.demo");
  await linkForm.getByLabel("Password").fill(DEMO_PASSWORD);
  await linkForm.getByRole("button", { name: "Collega e accedi" }).click();
  await expect(page).toHaveURL(/\/azienda$/);
  await logout(page);
  // The next time she enters directly.
  await page.goto("/accedi");
  await page.getByRole("link", { name: "Entra con SPID o CIE" }).click();
  await page.getByRole("button", { name: /^Giulia Bianchi/ }).click();
  await expect(page).toHaveURL(/\/azienda$/);
  await logout(page);

  // A person without an account: a candidate account whose codice fiscale is the verified one.
  await page.goto("/accedi");
  await page.getByRole("link", { name: "Entra con SPID o CIE" }).click();
  await page.getByRole("button", { name: /^Luca Verdi/ }).click();
  await expect(page).toHaveURL(/\/accedi\/spid\/collega$/);
  const candidateForm = page.locator("form#candidate-from-identity");
  await expect(candidateForm.getByLabel("Nome e cognome")).toHaveValue("Luca Verdi");
  await candidateForm.getByRole("button", { name: "Crea l'account da candidato" }).click();
  await expect(page).toHaveURL(/\/candidato\/nuovo$/);
  await expectAccessible(page);
});
