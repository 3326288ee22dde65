import { personCodiceFiscaleCheckChar } from "../../app/utils/tax-codes";
import { expect, expectAccessible, login, logout, test } from "./fixtures";

function randomTaxCode(): string {
  const letters = Array.from({ length: 6 }, () => "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[Math.floor(Math.random() * 26)]).join("");
  const first15 = `${letters}90E52F205`;
  return first15 + personCodiceFiscaleCheckChar(first15);
}

test("an officer records a candidate with three preferences; a fourth is refused", async ({ checkedPage: page }) => {
  const lastName = `Ferrari${Date.now().toString().slice(-5)}`;
  await login(page, "preselezione@rosa.demo");
  await page.getByRole("navigation", { name: "Menu principale" }).getByRole("link", { name: "Candidati", exact: true }).click();
  await page.getByRole("link", { name: "Nuovo candidato" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nuovo candidato" })).toBeVisible();
  await expectAccessible(page);
  // The form offers exactly three preference slots.
  await expect(page.getByLabel("Professione della propensione 3")).toBeVisible();
  await expect(page.getByLabel("Professione della propensione 4")).toHaveCount(0);

  await page.getByLabel(/^Nome( \*)?$/).fill("Elena");
  await page.getByLabel(/^Cognome( \*)?$/).fill(lastName);
  await page.getByLabel("Codice fiscale").fill(randomTaxCode());
  await page.getByLabel("Data di nascita").fill("1990-05-12");
  await page.getByLabel("Comune di domicilio").fill("Milano (MI)");
  await page.getByLabel("E-mail").fill("elena@example.it");
  await page.getByLabel("Titolo di studio 1").fill("Diploma alberghiero");
  await page.getByLabel("Livello di studio del titolo 1").selectOption("4");
  // The ministerial title is looked up among those of the level chosen (level 4: no «qualifica» of level 3).
  await page.getByLabel("Titolo ministeriale 1 (facoltativo)").pressSequentially("ristorazione", { delay: 30 });
  await expect(page.locator("datalist option[value^='40101004 — ']")).toHaveCount(1);
  await expect(page.locator("datalist option[value^='30105005 — ']")).toHaveCount(0);
  await page.getByLabel("Titolo ministeriale 1 (facoltativo)").fill("40101004 — Tecnico servizi ristorazione e servizi turistici");
  // The occupation picker suggests CP2021 professions as the officer types.
  await page.getByLabel("Professione della propensione 1").pressSequentially("cuochi", { delay: 30 });
  await expect(page.locator("datalist option[value='5.2.2.1.0 — Cuochi in alberghi e ristoranti']")).toHaveCount(1);
  await page.getByLabel("Professione della propensione 1").fill("5.2.2.1.0 — Cuochi in alberghi e ristoranti");
  await page.getByLabel("Provenienza della propensione 1").selectOption("work");
  await page.getByLabel("Anni di esperienza (propensione 1)").fill("6");
  await page.getByLabel("Professione della propensione 2").fill("5.2.2.3.2");
  await page.getByLabel("Provenienza della propensione 2").selectOption("work");
  await page.getByLabel("Professione della propensione 3").fill("4.3.1.2.0");
  await page.getByLabel("Provenienza della propensione 3").selectOption("training");
  // Languages and licences from the ministerial lists.
  await page.getByLabel("Madrelingua", { exact: true }).selectOption({ label: "Italiano" });
  await page.getByLabel("Lingua straniera 1").selectOption({ label: "Inglese" });
  await page.getByLabel("Livello QCER della lingua 1").selectOption("B1");
  await page.getByLabel("Patente di guida 1").selectOption({ label: "Patente C" });
  await page.getByLabel("Categoria UE della patente 1 (facoltativa)").selectOption("C1");
  await expect(page.getByLabel("Patente di guida 1").locator("option", { hasText: "CQC" })).toHaveCount(0);
  // Bootstrap Italia draws the checkbox on its label: click the label, as a user does.
  await page.getByText(/La persona acconsente/).click();
  await page.getByRole("button", { name: "Salva il candidato" }).click();

  await expect(page.getByText(/^Candidato registrato: ora puoi caricare/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Elena ${lastName}`);
  const preferences = page.getByRole("region", { name: "Propensioni" }).getByRole("listitem");
  await expect(preferences).toHaveCount(3);
  await expect(preferences.first()).toContainText("Cuochi in alberghi e ristoranti");
  await expect(page.getByRole("region", { name: "Istruzione" })).toContainText(
    "Diploma alberghiero (Tecnico servizi ristorazione e servizi turistici, EQF 4)",
  );
  await expect(page.getByText("Patente C (C1)", { exact: true })).toBeVisible();
  await expect(page.getByText("Inglese B1", { exact: true })).toBeVisible();
  await expectAccessible(page);

  // A fourth preference smuggled into the form (the UI offers only three) is refused by the server.
  await page.getByRole("link", { name: "Modifica il CV" }).click();
  // The address changes before React draws the new page (Remix renders in a transition): wait for the CV form, taken
  // over by its script (noValidate), before adding fields to it.
  await expect(page.locator("form#cv")).toHaveJSProperty("noValidate", true);
  await expectAccessible(page);
  await page.evaluate(() => {
    const form = document.querySelector("form#cv")!;
    for (const [name, value] of [
      ["preferences.3.occupation", "6.2.1.7.0"],
      ["preferences.3.source", "work"],
    ]) {
      const input = document.createElement("input");
      Object.assign(input, { type: "hidden", name, value });
      form.appendChild(input);
    }
  });
  await page.getByRole("button", { name: "Salva le modifiche" }).click();
  await expect(
    page
      .getByRole("alert")
      .getByText(/Al massimo tre propensioni/)
      .first(),
  ).toBeVisible();
  await expectAccessible(page);
  await logout(page);
});

test("a candidate edits their own CV and withdraws consent", async ({ checkedPage: page }) => {
  await login(page, "candidato@rosa.demo");
  await expect(page.getByRole("heading", { level: 1, name: "Il mio curriculum" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Modifica il mio CV" }).click();
  await expectAccessible(page);
  await expect(page.getByLabel("Codice fiscale")).toHaveCount(0); // recorded by the officer, not editable here
  await page.getByLabel("Telefono").fill("333 0001122");
  await page.getByLabel("Certificato o patentino 2").fill("Primo soccorso");
  await page.getByRole("button", { name: "Salva il mio CV" }).click();
  await expect(page.getByText("Il tuo CV è stato aggiornato.")).toBeVisible();
  await expect(page.getByText("333 0001122")).toBeVisible();
  await expect(page.getByText(/Primo soccorso/)).toBeVisible();

  await page.getByRole("button", { name: "Revoca il consenso" }).click();
  await expect(page.getByText("Consenso revocato: il tuo CV non viene più mostrato alle aziende.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Do il consenso" })).toBeVisible();
  await page.mouse.move(0, 0); // the new button appears under the pointer: check it at rest, not hovered
  await expectAccessible(page);
  // Put the demo back as it was for the next run on the same data.
  await page.getByRole("button", { name: "Do il consenso" }).click();
  await expect(page.getByRole("button", { name: "Revoca il consenso" })).toBeVisible();
  await logout(page);
});
