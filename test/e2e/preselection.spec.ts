import { expect, expectAccessible, login, logout, test } from "./fixtures";

const VACANCY = "Commesso/a per il punto vendita di Milano";

test("officer matches, relaxes, builds a rosa, checks availability, presents; employer gives feedback and hires; the vacancy closes", async ({
  checkedPage: page,
}) => {
  test.setTimeout(120_000);
  await login(page, "preselezione@rosa.demo");
  await page.goto("/operatore/preselezione");
  await expectAccessible(page);
  await page.getByRole("link", { name: new RegExp(VACANCY.replace(/[/]/g, ".")) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(VACANCY);
  // The demo CVs reach the index a moment after the server starts.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("Elisa Vendramin")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expectAccessible(page);
  await expect(page.getByText("Luca Ornaghi")).toHaveCount(0);
  await expect(page.getByText(/Punteggio 50 = 40 \(Propensione/).first()).toBeVisible();

  await page.getByRole("link", { name: /Rilassa il requisito «Patente B»/ }).click();
  await expect(page.getByText("Luca Ornaghi")).toBeVisible();
  await expectAccessible(page);
  for (const name of ["Elisa Vendramin", "Marco Quadrelli", "Luca Ornaghi"])
    await page.getByRole("checkbox", { name: `Scegli ${name}` }).check();
  await page.getByRole("button", { name: "Crea la rosa con i candidati scelti" }).click();
  await expect(page.getByText("Rosa creata")).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByText("La ricerca che ha prodotto questa rosa")).toBeVisible();

  for (const name of ["Elisa Vendramin", "Marco Quadrelli"]) {
    await page.getByRole("button", { name: `Avvia il contatto (${name})` }).click();
    await expect(page.getByText(/^Contatto avviato: se ha un indirizzo e-mail/)).toBeVisible();
    await page.getByText(`Registra un contatto con ${name}`).click();
    const form = page
      .locator("form")
      .filter({ has: page.getByRole("button", { name: "Registra il contatto" }) })
      .filter({ hasText: "" })
      .first();
    await form.getByLabel("Canale").selectOption("phone");
    await form.getByLabel("Esito").selectOption("available");
    await form.getByText("Acconsente a dare i recapiti all'azienda").click();
    await form.getByRole("button", { name: "Registra il contatto" }).click();
    await expect(page.getByText(/^Tentativo di contatto registrato: quando il candidato risponde/)).toBeVisible();
  }
  await expectAccessible(page);
  await page.getByRole("button", { name: "Presenta all'azienda i candidati disponibili (2)" }).click();
  await expect(page.getByText("Rosa presentata all'azienda: 2 candidati.")).toBeVisible();
  await logout(page);

  await login(page, "azienda@rosa.demo");
  await page.goto("/azienda/rose");
  await expectAccessible(page);
  await page.getByRole("link", { name: /Rosa per Commesso/ }).click();
  await expect(page.getByRole("heading", { name: /Elisa Vendramin/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Luca Ornaghi/ })).toHaveCount(0);
  await expectAccessible(page);

  const marco = page.getByRole("region", { name: /Marco Quadrelli/ });
  await marco.getByLabel("Decisione").selectOption("not_selected");
  await marco.getByRole("button", { name: "Invia il riscontro su Marco Quadrelli" }).click();
  await expect(page.getByText("Indica il motivo per cui non è stato selezionato").first()).toBeVisible();
  await expectAccessible(page);
  const marco2 = page.getByRole("region", { name: /Marco Quadrelli/ });
  await marco2.getByLabel("Decisione").selectOption("not_selected");
  await marco2.getByLabel("Motivo (obbligatorio se non selezionato)").selectOption("skills_lacking");
  await marco2.getByLabel("Competenze mancanti (se il motivo è questo)").fill("Uso del registratore di cassa");
  await marco2.getByRole("button", { name: "Invia il riscontro su Marco Quadrelli" }).click();
  await expect(page.getByText("Riscontro registrato: grazie.")).toBeVisible();

  const elisa = page.getByRole("region", { name: /Elisa Vendramin/ });
  await elisa.getByLabel("Decisione").selectOption("interview");
  await elisa.getByRole("button", { name: "Invia il riscontro su Elisa Vendramin" }).click();
  // «Voglio fare un colloquio» needs a date or the CPI: nothing is «fissato» without one.
  await expect(
    page.getByText("Indica la data e l'ora del colloquio oppure chiedi al Centro per l'Impiego di fissarlo").first(),
  ).toBeVisible();
  const elisa1 = page.getByRole("region", { name: /Elisa Vendramin/ });
  await elisa1.getByLabel("Decisione").selectOption("interview");
  await elisa1.getByLabel("Se vuoi fare un colloquio: chi fissa data e ora").selectOption("employer");
  await elisa1.getByLabel("Data e ora del colloquio (se lo fissi tu)").fill("2027-01-08T10:30");
  await elisa1.getByRole("button", { name: "Invia il riscontro su Elisa Vendramin" }).click();
  await expect(page.getByText("Colloquio registrato: la data è visibile al Centro per l'Impiego e al candidato.")).toBeVisible();
  await expect(page.getByText("Colloquio fissato dall'azienda per il 08/01/2027 alle ore 10:30")).toBeVisible();
  const elisa2 = page.getByRole("region", { name: /Elisa Vendramin/ });
  await elisa2.locator("summary", { hasText: "Registra l'assunzione: Elisa Vendramin" }).click();
  await elisa2.getByLabel("Tipologia contrattuale (codici CO in vigore)").selectOption("A.01.00");
  await elisa2.getByLabel("Data di inizio").fill("2027-01-11");
  await elisa2.getByLabel("Tipo di orario").selectOption("F");
  await elisa2.getByLabel("CCNL applicato").fill("042");
  await elisa2.getByLabel("Livello di inquadramento").fill("4");
  await elisa2.getByLabel("Qualifica professionale (CP2011)").fill("5.1.2.2.0.0");
  await elisa2.getByRole("button", { name: "Registra l'assunzione di Elisa Vendramin" }).click();
  await expect(page.getByText(/tutte le posizioni sono coperte e l'offerta è chiusa/)).toBeVisible();
  await expect(page.getByText("L'offerta è chiusa.", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Elisa Vendramin — Assunto/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Assunzioni registrate" })).toBeVisible();
});
