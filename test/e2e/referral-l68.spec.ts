import { personCodiceFiscaleCheckChar } from "../../app/utils/tax-codes";
import type { Locator } from "@playwright/test";
import { expect, expectAccessible, login, logout, test } from "./fixtures";

/**
 * Ticks a Bootstrap Italia checkbox by clicking its own label, as a person does (the label covers the input: a forced
 * click at the input's position once ticked the neighbouring capacity instead); retried if a re-render undid the click.
 */
async function tick(box: Locator) {
  const label = box.page().locator(`label[for="${await box.getAttribute("id")}"]`);
  await expect(async () => {
    if (!(await box.isChecked())) await label.click();
    await expect(box).toBeChecked({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/** A valid, fresh codice fiscale for a woman born in Milano in 1991 (random day and letters). */
function freshTaxCode() {
  const letters = "BCDFGHLMNPRSTVZ";
  const pick = () => letters[Math.floor(Math.random() * letters.length)];
  const first15 = `${pick()}${pick()}${pick()}${pick()}${pick()}${pick()}91A${41 + Math.floor(Math.random() * 28)}F205`;
  return first15 + personCodiceFiscaleCheckChar(first15);
}

test("the placement officer enrols a person, checks the ranking, makes a numeric referral and records the hire: the obligation is met", async ({
  checkedPage: page,
}) => {
  test.setTimeout(120_000);
  const today = new Date().toISOString().slice(0, 10);
  const surname = `Avviata${Date.now().toString(36)}`;
  await login(page, "collocamento@rosa.demo");
  await page.getByRole("link", { name: "Collocamento mirato" }).first().click();

  // 1. Enrolment in the province's list, with the health data.
  await page.getByRole("link", { name: "Elenco delle persone iscritte" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Elenco del collocamento mirato (MI)");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Nuova iscrizione" }).click();
  await page.getByLabel(/^Codice fiscale/).fill(freshTaxCode());
  await page.getByLabel(/^Nome/).fill("Elena");
  await page.getByLabel(/^Cognome/).fill(surname);
  await page.getByLabel(/^Data di nascita/).fill("1991-01-20");
  await page.getByLabel(/^Telefono/).fill("02 5559999");
  await page.getByLabel("Comune di domicilio").fill("Milano (MI)");
  await page.getByLabel(/^Data di iscrizione/).fill(today);
  await page.getByLabel("Persone a carico").fill("1");
  await page.getByLabel(/^Categoria/).selectOption("invalido_civile");
  await page.getByLabel(/^Percentuale di invalidità/).fill("140");
  await page.getByLabel(/^Diagnosi funzionale/).fill("Limitazione della deambulazione prolungata; nessun limite per il lavoro d'ufficio.");
  for (const c of ["Usare il computer", "Leggere e scrivere testi di lavoro", "Guidare veicoli"]) await tick(page.getByLabel(c));
  await page.getByRole("button", { name: "Iscrivi" }).click();
  await expect(page.locator("#enrolment-disabilityPercent-error")).toContainText("Percentuale non valida");
  await expectAccessible(page);
  await page.getByLabel(/^Percentuale di invalidità/).fill("100");
  // The answer with the error keeps what was ticked; checked again so that a lost tick cannot pass unseen.
  for (const c of ["Usare il computer", "Leggere e scrivere testi di lavoro", "Guidare veicoli"]) await tick(page.getByLabel(c));
  await page.getByRole("button", { name: "Iscrivi" }).click();
  await expect(page.getByText("Persona iscritta nell'elenco del collocamento mirato.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Dati sanitari" })).toBeVisible();
  await expectAccessible(page);

  // 2. The ranking shows the person with the score parts and the sources of the weights.
  await page.goto("/operatore/collocamento-mirato/graduatoria");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Graduatoria del collocamento mirato (MI)");
  await expect(page.getByRole("row", { name: new RegExp(surname) })).toContainText("112"); // 100 % + 12 (1 dependant)
  await expect(page.getByText(/peso non verificato/).first()).toBeVisible();
  await expectAccessible(page);

  // 3. The bakery's available post, entered by the officer on its behalf.
  await page.goto("/operatore/collocamento-mirato");
  await page
    .getByRole("row", { name: /Panificio Lombardo S\.r\.l\./ })
    .getByRole("link", { name: "Panificio Lombardo S.r.l." })
    .click();
  await page.getByRole("link", { name: "Posti di lavoro disponibili" }).click();
  await page.getByLabel(/^Mansione/).fill(`Consegne e ordini online ${surname}`);
  await page.getByLabel(/^Qualifica/).fill("4.1.1.1.0");
  await page.getByLabel(/^Numero di posti/).fill("1");
  await page.getByLabel(/^Comune della sede di lavoro/).fill("Milano (MI)");
  for (const c of ["Usare il computer", "Guidare veicoli"]) await tick(page.getByLabel(c));
  await page.getByLabel(/^Barriere architettoniche/).selectOption("no");
  await page.getByLabel(/^Turni notturni/).selectOption("no");
  await page.getByLabel(/^Raggiungibile con i mezzi pubblici/).selectOption("si");
  await page.getByRole("button", { name: "Aggiungi il posto" }).click();
  await expect(page.getByText("Posto di lavoro disponibile aggiunto.")).toBeVisible();
  await expectAccessible(page);

  // 4. Numeric referral: the person is proposed by ranking and capacities, then confirmed.
  await page.getByRole("link", { name: "Avviamenti del collocamento mirato" }).click();
  await page.getByRole("link", { name: new RegExp(`Consegne e ordini online ${surname}`) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Avviamento numerico");
  // Among the people who fit (an excluded person's line gives the reasons instead of «in graduatoria»), and first.
  await expect(page.getByRole("listitem").filter({ hasText: surname })).toContainText("in graduatoria");
  await expect(page.getByRole("list").filter({ hasText: "in graduatoria" }).locator("li").first()).toContainText(surname);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Proponi la prima persona" }).click();
  await expect(page.getByText("1 persona proposta")).toBeVisible();
  await page
    .getByRole("row", { name: new RegExp(surname) })
    .getByRole("link", { name: /Apri/ })
    .click();
  await page.getByRole("button", { name: "Conferma l'avviamento" }).click();
  await expect(page.getByText("Avviamento: avviato, in attesa di esito.")).toBeVisible();
  await expectAccessible(page);

  // 5. Outcome: hired. The employer's file records the worker and the obligation is met by hire.
  await page.getByLabel(/^Esito/).selectOption("hired");
  await page.getByLabel(/^Contratto/).selectOption("indeterminato");
  await page.getByRole("button", { name: "Registra l'esito" }).click();
  await expect(page.getByText("Avviamento: assunto.")).toBeVisible();
  await page.getByRole("link", { name: "Panificio Lombardo S.r.l." }).click();
  const obligations = page.getByRole("table", { name: "Obblighi di assunzione sorti e loro scadenze" });
  await expect(obligations).toContainText("Adempiuto");
  await expect(obligations).not.toContainText("Richiesta di avviamento presentata");
  await expectAccessible(page);
  await logout(page);
});
