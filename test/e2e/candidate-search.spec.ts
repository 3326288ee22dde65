import { personCodiceFiscaleCheckChar } from "../../app/utils/tax-codes";
import { expect, expectAccessible, login, logout, test } from "./fixtures";

function randomTaxCode(): string {
  const letters = Array.from({ length: 6 }, () => "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[Math.floor(Math.random() * 26)]).join("");
  const first15 = `${letters}88H12A794`;
  return first15 + personCodiceFiscaleCheckChar(first15);
}

test("an officer finds a new candidate by text, facet and radius; withdrawn consent is marked", async ({ checkedPage: page }) => {
  // Letters only: Meilisearch splits words at letter/digit boundaries.
  const lastName = `Bergamaschi${Date.now()
    .toString(36)
    .slice(-6)
    .replace(/\d/g, (d) => "qwrtypsdfg"[Number(d)])}`;
  await login(page, "preselezione@rosa.demo");
  const nav = page.getByRole("navigation", { name: "Menu principale" });
  await nav.getByRole("link", { name: "Candidati", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cerca candidati" })).toBeVisible();
  await expectAccessible(page);

  // A CV recorded by the officer (three preferences), living in Bergamo.
  await page.goto("/operatore/candidati/nuovo");
  await page.getByLabel(/^Nome( \*)?$/).fill("Ottavia");
  await page.getByLabel(/^Cognome( \*)?$/).fill(lastName);
  await page.getByLabel("Codice fiscale").fill(randomTaxCode());
  await page.getByLabel("Data di nascita").fill("1988-06-12");
  await page.getByLabel("Comune di domicilio").fill("Bergamo (BG)");
  await page.getByLabel("Titolo di studio 1").fill("Qualifica di saldatore");
  await page.getByLabel("Livello di studio del titolo 1").selectOption("3");
  await page.getByLabel("Professione della propensione 1").fill("6.2.1.2.0");
  await page.getByLabel("Provenienza della propensione 1").selectOption("work");
  await page.getByLabel("Professione della propensione 2").fill("7.2.1.1.0");
  await page.getByLabel("Provenienza della propensione 2").selectOption("training");
  await page.getByLabel("Professione della propensione 3").fill("6.2.2.3.1");
  await page.getByLabel("Provenienza della propensione 3").selectOption("education");
  // The ministerial licence (patenti.csv) with an optional EU category.
  await page.getByLabel("Patente di guida 1").selectOption({ label: "Patente B" });
  // Bootstrap Italia draws the checkbox on its label: a click there, as a user does (a forced click on the hidden
  // input misses it on a phone screen).
  await page.locator("label", { hasText: /La persona acconsente/ }).click();
  await expect(page.getByLabel(/La persona acconsente/)).toBeChecked();
  await page.getByRole("button", { name: "Salva il candidato" }).click();
  await expect(page.getByText(/^Candidato registrato: ora puoi caricare/)).toBeVisible();
  const detailUrl = page.url();

  // Full text: searchable within a second or so of the commit (the after-commit sync worker).
  const results = page.getByTestId("candidate-results");
  await expect(async () => {
    await page.goto(`/operatore/candidati?q=${lastName}`);
    await expect(results.getByRole("link", { name: `Ottavia ${lastName}` })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expectAccessible(page);
  await expect(results.getByRole("listitem").first()).toContainText("Saldatori e tagliatori a fiamma");
  await expect(results.locator("mark").first()).toHaveText(lastName);

  // Facets: province and licence narrow the results and keep her; another province drops her.
  await page
    .getByRole("group", { name: "Provincia di domicilio" })
    .getByLabel(/Bergamo \(BG\)/)
    .check({ force: true });
  await page
    .getByRole("group", { name: "Patenti di guida" })
    .getByLabel(/^Patente B \(/)
    .check({ force: true });
  await page.getByRole("button", { name: "Applica i filtri" }).click();
  await expect(page).toHaveURL(/province=BG/);
  await expect(results.getByRole("link", { name: `Ottavia ${lastName}` })).toBeVisible();
  await page.goto(`/operatore/candidati?q=${lastName}&province=MI`);
  await expect(page.getByRole("heading", { name: "Nessun candidato trovato" })).toBeVisible();

  // The professions (hundreds of values) are counted only on request; once open they stay open while filtering.
  await page.goto(`/operatore/candidati?q=${lastName}`);
  const professions = page.getByRole("group", { name: "Professione desiderata" });
  await expect(professions.getByRole("checkbox")).toHaveCount(0);
  await professions.getByRole("link", { name: "Mostra le professioni con il numero di candidati" }).click();
  await expect(page).toHaveURL(/showOccupations=1/);
  // The link scrolls the page to the professions (#facet-group-occupation): a click on the label, as a user does, waits
  // for the scroll to end (a forced click on the hidden input may land on the row that was there a moment before).
  await professions.locator("label", { hasText: /^Saldatori e tagliatori a fiamma \(6\.2\.1\.2\.0\) \(1\)$/ }).click();
  await expect(professions.getByLabel(/^Saldatori e tagliatori a fiamma \(6\.2\.1\.2\.0\) \(1\)$/)).toBeChecked();
  await page.getByRole("button", { name: "Applica i filtri" }).click();
  await expect(page).toHaveURL(/occupation=6\.2\.1\.2\.0/);
  await expect(page).toHaveURL(/showOccupations=1/);
  await expect(results.getByRole("link", { name: `Ottavia ${lastName}` })).toBeVisible();
  await expect(professions.getByLabel(/^Saldatori e tagliatori a fiamma \(6\.2\.1\.2\.0\) \(1\)$/)).toBeChecked();
  await expectAccessible(page);

  // Radius around Milano, sorted by distance, with the distance shown (Bergamo is ~54 km away).
  await page.goto("/operatore/candidati");
  await page.getByLabel("Cerca (professione, competenze, nome…)").fill(lastName);
  await page.getByLabel("Vicino a (comune)").fill("Milano (MI)");
  await page.getByLabel("Entro").selectOption("100");
  await page.getByLabel("Ordina per").selectOption("distance");
  await page.getByRole("button", { name: "Cerca", exact: true }).click();
  await expect(results.getByRole("listitem").first()).toContainText(/a 5\d(,\d)? km/);
  await expect(page.getByRole("heading", { name: /entro 100 km da Milano \(MI\)/ })).toBeVisible();
  await page.getByLabel("Entro").selectOption("30");
  await page.getByRole("button", { name: "Cerca", exact: true }).click();
  await expect(page.getByRole("heading", { name: /Nessun candidato trovato/ })).toBeVisible();

  // An unknown comune is a clear message, not an error page.
  await page.goto(`/operatore/candidati?q=${lastName}&comune=Paperopoli`);
  await expect(page.getByText(/Comune sconosciuto/).first()).toBeVisible();

  // Consent withdrawn: officers still find the CV, marked as such (employers never see it).
  await page.goto(detailUrl);
  await page.getByRole("link", { name: "Modifica il CV" }).click();
  await page.getByLabel(/La persona acconsente/).uncheck({ force: true });
  await page.getByRole("button", { name: "Salva le modifiche" }).click();
  await expect(async () => {
    await page.goto(`/operatore/candidati?q=${lastName}`);
    await expect(results.getByText("Consenso ritirato")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.goto(`/operatore/candidati?q=${lastName}&consent=true`);
  await expect(page.getByRole("heading", { name: "Nessun candidato trovato" })).toBeVisible();
  await expectAccessible(page);
  await logout(page);
});

test("an employer cannot reach the candidate search", async ({ checkedPage: page }) => {
  await login(page, "azienda@rosa.demo");
  await expect(page.getByRole("navigation", { name: "Menu principale" }).getByRole("link", { name: "Candidati", exact: true })).toHaveCount(
    0,
  );
  const response = await page.goto("/operatore/candidati?q=saldatore");
  expect(response?.status()).toBe(403);
});
