import { expect, expectAccessible, login, logout, test } from "./fixtures";

test("an employer declares its workforce and sees its quota explained", async ({ checkedPage: page }) => {
  await login(page, "azienda@rosa.demo");
  await page.getByRole("link", { name: "Collocamento mirato" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Collocamento mirato (L. 68/99)");
  await expect(page.getByTestId("quota-summary")).toContainText("19 (da 15 a 35 dipendenti computabili)");
  await expect(page.getByTestId("uncovered-disabili")).toHaveText("1");
  await expectAccessible(page);

  const form = page.locator("form", { has: page.getByRole("button", { name: "Aggiungi e ricalcola" }) });
  // A mistake first: the message sits next to the field.
  await form.getByLabel("Provincia (sigla)").fill("MI");
  await form.getByLabel("Numero di lavoratori").fill("3");
  await form.getByLabel("Ore settimanali (tempo parziale)").fill("45");
  await form.getByLabel("Ore a tempo pieno del CCNL").fill("40");
  await form.getByRole("button", { name: "Aggiungi e ricalcola" }).click();
  await expect(page.getByText("L'orario settimanale (45) supera l'orario a tempo pieno (40)").first()).toBeVisible();
  await expectAccessible(page);

  await form.getByLabel("Ore settimanali (tempo parziale)").fill("");
  await form.getByLabel("Ore a tempo pieno del CCNL").fill("");
  await form.getByLabel("Numero di lavoratori").fill("20");
  await form.getByLabel("Sede operativa").fill("Nuovo punto vendita");
  await form.getByRole("button", { name: "Aggiungi e ricalcola" }).click();
  await expect(page.getByText("Gruppo di lavoratori aggiunto: quota ricalcolata.")).toBeVisible();
  await expect(page.getByTestId("quota-summary")).toContainText("39 (da 36 a 50 dipendenti computabili)");
  await expect(page.getByTestId("uncovered-disabili")).toHaveText("2");
  await expect(page.getByRole("list", { name: "Spiegazione del calcolo" })).toContainText("art. 3 c. 1 lett. b");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Prospetto informativo" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Prospetto informativo");
  await expectAccessible(page);
  await page.getByRole("link", { name: "← Collocamento mirato" }).click();
  await page.getByRole("link", { name: "Certificazione di ottemperanza" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Certificazione di ottemperanza");
  await expectAccessible(page);
  await logout(page);
});

test("a placement officer sees the uncovered employers of the province", async ({ checkedPage: page }) => {
  await login(page, "collocamento@rosa.demo");
  await page.getByRole("link", { name: "Collocamento mirato" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Collocamento mirato: aziende obbligate");
  await expect(page.getByText("Provincia di competenza: MI")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Mostra").selectOption("1");
  await page.getByRole("button", { name: "Applica" }).click();
  const row = page.getByRole("row", { name: /Panificio Lombardo S\.r\.l\./ });
  await expect(row).toBeVisible();
  await expectAccessible(page);
  await row.getByRole("link", { name: "Panificio Lombardo S.r.l." }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Panificio Lombardo S.r.l.: pratica L. 68/99");
  await expect(page.getByRole("list", { name: "Spiegazione del calcolo" })).toBeVisible();
  await expectAccessible(page);
  await logout(page);
});
