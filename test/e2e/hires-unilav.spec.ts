import { expect, expectAccessible, login, test } from "./fixtures";

/**
 * The hires' UNILAV and the reconciliation with the filed CO (docs/legal/national-systems.md#unilav-xml), on the demo data:
 * Marco Galli's UNILAV is complete and his CO says another start date; Elena Rota's hire is «da completare» and has no CO.
 */
test("the officer reconciles hires with the filed CO and completes a UNILAV", async ({ checkedPage: page }) => {
  test.setTimeout(90_000);
  await login(page, "preselezione@rosa.demo");
  await page.goto("/operatore/assunzioni");
  await expect(page.getByRole("heading", { level: 1, name: "Assunzioni e comunicazioni obbligatorie" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /1300026000123456: diversa per data di inizio/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /^Con differenze \(/ }).click();
  await expect(page.getByRole("link", { name: "Marco Galli" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Elena Rota" })).toHaveCount(0);

  await page.getByRole("link", { name: /^Senza CO registrata \(/ }).click();
  await page.getByRole("link", { name: "Elena Rota" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "UNILAV di Elena Rota" })).toBeVisible();
  await expect(page.getByText("PAT INAIL: da completare")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Cittadinanza").selectOption("000");
  await page.getByLabel("Titolo di studio (livello)").selectOption("40");
  await page.getByLabel("CAP del domicilio").fill("20127");
  await page.getByLabel("Indirizzo della sede di lavoro").fill("Via Rubattino 8");
  await page.getByLabel("CAP della sede di lavoro").fill("20054");
  await page.getByLabel("CAP della sede legale").fill("20132");
  await page.getByLabel("Settore ATECO 2007 (00.00.00)").fill("10.71.10");
  await page.getByLabel("PAT INAIL").fill("1234/5678");
  await page.getByLabel("Ente previdenziale (codice CO, 2 cifre)").fill("01");
  await page.getByRole("button", { name: "Salva i dati UNILAV" }).click();
  await expect(page.getByText("PAT INAIL: da 8 a 10 cifre, senza barre né spazi").first()).toBeVisible();
  await page.getByLabel("PAT INAIL").fill("12345678");
  await page.getByRole("button", { name: "Salva i dati UNILAV" }).click();
  await expect(page.getByText("Dati UNILAV aggiornati.")).toBeVisible();
  await expect(page.getByRole("link", { name: /Scarica la UNILAV \(XML, struttura ricostruita\)/ })).toBeVisible();

  await page.getByLabel("Codice della comunicazione (16 cifre)").fill("1300026000654321");
  await page.getByLabel("Data di invio").fill("2026-12-01");
  await page.getByRole("button", { name: "Registra la CO" }).click();
  await expect(page.getByText("CO inviata registrata sull'assunzione.")).toBeVisible();
  await expect(page.getByText(/Corrisponde all'assunzione registrata/)).toBeVisible();
  await expectAccessible(page);
});
