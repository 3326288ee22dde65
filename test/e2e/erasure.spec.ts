import { personCodiceFiscaleCheckChar } from "../../app/utils/tax-codes";
import { expect, expectAccessible, login, logout, test } from "./fixtures";

function randomTaxCode(): string {
  const letters = Array.from({ length: 6 }, () => "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[Math.floor(Math.random() * 26)]).join("");
  const first15 = `${letters}88A41F205`;
  return first15 + personCodiceFiscaleCheckChar(first15);
}

test("an officer erases a CV on the person's request after typing the confirmation word", async ({ checkedPage: page }) => {
  const lastName = `Cancellanda${Date.now().toString().slice(-5)}`;
  await login(page, "preselezione@rosa.demo");
  await page.goto("/operatore/candidati/nuovo");
  await page.getByLabel(/^Nome( \*)?$/).fill("Ada");
  await page.getByLabel(/^Cognome( \*)?$/).fill(lastName);
  await page.getByLabel("Codice fiscale").fill(randomTaxCode());
  await page.getByLabel("Data di nascita").fill("1988-01-01");
  await page.getByLabel("Comune di domicilio").fill("Milano (MI)");
  await page.getByLabel("Titolo di studio 1").fill("Diploma");
  await page.getByLabel("Livello di studio del titolo 1").selectOption("4");
  await page.getByLabel("Professione della propensione 1").fill("5.1.2.2.0");
  await page.getByLabel("Provenienza della propensione 1").selectOption("work");
  await page.getByRole("button", { name: "Salva il candidato" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Ada ${lastName}`);

  await page.getByRole("link", { name: "Cancella su richiesta" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Cancellazione del CV di Ada ${lastName}`);
  await expectAccessible(page);
  await page.getByLabel(/Per confermare scrivi CANCELLA/).fill("ok");
  await page.getByRole("button", { name: "Cancella definitivamente il CV" }).click();
  await expect(
    page
      .getByRole("alert")
      .getByText(/Scrivi CANCELLA/)
      .first(),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/Per confermare scrivi CANCELLA/).fill("CANCELLA");
  await page.getByRole("button", { name: "Cancella definitivamente il CV" }).click();
  await expect(page.getByText(/CV cancellato/)).toBeVisible();
  await logout(page);
});

test("a candidate finds the erasure page in their area, with what is deleted and what is kept", async ({ checkedPage: page }) => {
  await login(page, "candidato@rosa.demo");
  await page.getByRole("link", { name: "Cancella il mio CV" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cancella il mio CV" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Che cosa resta, senza dati personali" })).toBeVisible();
  await expectAccessible(page);
  // A wrong word erases nothing; the demo CV stays for the other tests.
  await page.getByLabel(/Per confermare scrivi CANCELLA/).fill("no");
  await page.getByRole("button", { name: "Cancella definitivamente il mio CV" }).click();
  await expect(
    page
      .getByRole("alert")
      .getByText(/Scrivi CANCELLA/)
      .first(),
  ).toBeVisible();
  await page.getByRole("link", { name: "Torna al mio curriculum senza cancellare" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Il mio curriculum" })).toBeVisible();
  await logout(page);
});
