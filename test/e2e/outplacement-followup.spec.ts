import { expect, expectAccessible, login, test } from "./fixtures";

/**
 * What follows the plan on the demo collective dismissal: the monthly check-ins (the list of workers to call, a
 * check-in recorded), the steering committee (a meeting refused with a worker's codice fiscale, then recorded, and read
 * by the union representative), the L. 68 suspension filed from the event (placement officer).
 */
const EVENT_TITLE = "Riduzione di personale 2026 — stabilimento di Sesto San Giovanni";

test("the coordinator records this month's check-in of a worker and a steering committee meeting", async ({ page }) => {
  // Two pages, two forms and six accessibility checks: on the phone project under load it needs more than the default.
  test.setTimeout(240_000);
  await login(page, "preselezione@rosa.demo");
  await page.goto("/operatore/ricollocazione/scadenze");
  await expect(page.getByRole("heading", { level: 2, name: /Contatti mensili da fare/ })).toBeVisible();
  await expect(page.getByTestId("missing-checkins")).toContainText("senza un contatto registrato questo mese");
  await expectAccessible(page);
  await page.locator("#contatti-mensili ~ .table-responsive").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Registra il contatto del mese" })).toBeVisible();
  await expect(page.getByText("Nessun contatto registrato questo mese")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("combobox", { name: "Canale" }).selectOption("phone");
  await page.getByRole("combobox", { name: "Esito" }).selectOption("interviews");
  await page.getByLabel("Com'è andato il mese").fill("Due colloqui con aziende di Monza; in attesa di risposta.");
  await page.getByLabel("Prossimo passo").fill("Simulazione del colloquio con l'ente");
  await page.getByRole("button", { name: "Registra il contatto" }).click();
  await expect(page.getByText("Contatto mensile registrato.")).toBeVisible();
  await expect(page.getByTestId("checkins")).toContainText("Due colloqui con aziende di Monza");
  await expectAccessible(page);

  await page.goto("/operatore/ricollocazione");
  await page.getByRole("link", { name: EVENT_TITLE }).first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Comitato di monitoraggio" })).toBeVisible();
  await page.getByRole("navigation", { name: "Sezioni dell'evento" }).getByRole("link", { name: "Comitato" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Comitato di monitoraggio" })).toBeVisible();
  await expect(page.getByTestId("steering-meetings").getByRole("listitem")).toHaveCount(2);
  await expectAccessible(page);
  await page.getByLabel("Organizzazioni sindacali").fill("FIOM-CGIL, FIM-CISL");
  await page.getByLabel("Verbale").fill("Il caso RSSMRA80A01F205X è stato discusso a lungo.");
  await page.getByRole("button", { name: "Registra la riunione" }).click();
  await expect(page.getByText(/Il testo contiene un codice fiscale/).first()).toBeVisible();
  await expect(page.getByLabel("Organizzazioni sindacali")).toHaveValue("FIOM-CGIL, FIM-CISL");
  await page.getByLabel("Verbale").fill("Un'offerta a 70 km è stata rifiutata: il comitato la ritiene non congrua.");
  await page.getByRole("button", { name: "Registra la riunione" }).click();
  await expect(page.getByText("Riunione del comitato registrata")).toBeVisible();
  await expect(page.getByTestId("steering-meetings").getByRole("listitem")).toHaveCount(3);
  await expectAccessible(page);
});

test("the placement officer opens the L. 68 suspension of the event, prefilled", async ({ page }) => {
  await login(page, "collocamento@rosa.demo");
  await page.goto("/operatore/ricollocazione");
  await page.getByRole("link", { name: EVENT_TITLE }).first().click();
  await expect(page.getByTestId("l68-linked")).toBeVisible();
  await page.getByRole("link", { name: "Registra la pratica di sospensione con il periodo calcolato" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sospensione degli obblighi L. 68/1999" })).toBeVisible();
  await expect(page.getByLabel("Provincia interessata (sigla)")).toHaveValue("MI");
  await expectAccessible(page);
});

test("the union representative reads the committee's meetings on the aggregated page", async ({ page }) => {
  await login(page, "sindacato@rosa.demo");
  await page.goto("/sindacato/ricollocazione");
  await page
    .getByRole("link", { name: new RegExp(EVENT_TITLE) })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 2, name: "Comitato di monitoraggio" })).toBeVisible();
  await expect(page.getByTestId("steering-meetings")).toContainText("FIOM-CGIL");
  await expectAccessible(page);
});
