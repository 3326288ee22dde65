import { expect, expectAccessible, login, logout, test } from "./fixtures";

function inDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

test("an employer posts a vacancy, an officer validates and publishes it, it appears on the public board", async ({
  checkedPage: page,
}) => {
  test.setTimeout(150_000);
  const title = `Fornaio per laboratorio ${Date.now().toString().slice(-6)}`;
  await login(page, "azienda@rosa.demo");
  // First screening: the answer "hiring now" becomes a 4C request and leads to the vacancy form.
  await page.getByRole("link", { name: "Servizi", exact: true }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Chiedi un servizio" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Invia la richiesta" }).click();
  await expect(page.getByText("Scegli almeno un servizio che ti interessa").first()).toBeVisible();
  await expectAccessible(page);
  // The Bootstrap Italia checkbox is drawn by its label: click the label, as a user does.
  await page.getByText("Devi assumere una o più persone nei prossimi mesi?", { exact: true }).click();
  await expect(page.getByLabel("Devi assumere una o più persone nei prossimi mesi?")).toBeChecked();
  await page.getByRole("button", { name: "Invia la richiesta" }).click();
  await expect(page.getByText("Richiesta inviata al Centro per l'Impiego: Ricerca di personale (4C, LEP Q).")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Nuova offerta di lavoro" })).toBeVisible();
  await expectAccessible(page);

  // A discriminatory requirement is refused with the reason, next to the field, and the data is kept.
  await page.getByLabel("Titolo dell'offerta").fill(title);
  await page.getByLabel("Professione (classificazione CP2021)").fill("6.5.1.2.1 — Panettieri");
  await page
    .getByLabel("Descrizione dell'offerta")
    .fill("Cerchiamo solo uomini per la produzione notturna di pane nel laboratorio di Segrate.");
  await page.getByLabel("Comune della sede di lavoro").fill("Segrate (MI)");
  await page.getByLabel("Tipo di contratto").selectOption("A.01.00");
  await page.getByLabel(/^Orario/).selectOption("F");
  await page.getByLabel("Ore settimanali").fill("40");
  // The CCNL: the CO code, and the CNEL archive code chosen from its lookup.
  await page.getByLabel("Contratto collettivo (CCNL)").fill("176");
  const cnel = page.getByLabel("Codice CNEL del contratto (facoltativo)");
  await cnel.fill("panificazione artigiani");
  await expect(page.locator("datalist option[value^='E015 — ']")).toHaveCount(1);
  await cnel.fill("E015 — CCNL Area Alimentazione-Panificazione");
  await page.getByLabel("Scadenza dell'offerta").fill(inDays(30));
  await page.getByLabel("Come pubblicare l'offerta").selectOption("public");
  await page.getByLabel("Tipo").first().selectOption("experience");
  await page.getByLabel("Anni di esperienza").first().fill("2");
  await page.getByRole("button", { name: "Salva e invia al Centro per l'Impiego" }).click();
  await expect(page.getByText(/dell'uno o dell'altro sesso/).first()).toBeVisible();
  await expect(page.getByLabel("Titolo dell'offerta")).toHaveValue(title);
  await expectAccessible(page);

  await page
    .getByLabel("Descrizione dell'offerta")
    .fill("Cerchiamo una persona per la produzione notturna di pane nel laboratorio di Segrate.");
  await page.getByRole("button", { name: "Salva e invia al Centro per l'Impiego" }).click();
  await expect(page.getByText(/^Offerta inviata al Centro per l'Impiego: un operatore la controlla/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(page.getByText("Inviata al CPI").first()).toBeVisible();
  await expect(page.getByText("E015 — CCNL Area Alimentazione-Panificazione")).toBeVisible();
  await expectAccessible(page);
  await logout(page);

  await login(page, "preselezione@rosa.demo");
  await page.getByRole("link", { name: "Richieste", exact: true }).click();
  await expect(page.getByRole("cell", { name: /Panificio Lombardo/ }).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Offerte", exact: true }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: title }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Convalida" }).click();
  await expect(page.getByText(/^Offerta convalidata: ora puoi pubblicarla/)).toBeVisible();
  await page.getByRole("button", { name: "Pubblica", exact: true }).click();
  await expect(page.getByText(/^Offerta pubblicata: riceve candidature fino alla scadenza/)).toBeVisible();
  await expect(page.getByText("Pubblicata").first()).toBeVisible();
  await expectAccessible(page);
  await logout(page);

  // The board is public and fed by the search index (synced right after the commit).
  await page.goto("/offerte");
  await expectAccessible(page);
  await page.getByLabel("Parole chiave").fill(title);
  await expect(async () => {
    await page.getByRole("button", { name: "Cerca" }).click();
    await expect(page.getByRole("link", { name: title })).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await expectAccessible(page);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd).toMatchObject({ "@type": "JobPosting", title, hiringOrganization: { name: "Panificio Lombardo S.r.l." } });
  await expectAccessible(page);
});

test("the demo board lists the seeded vacancies and hides the anonymous employer", async ({ checkedPage: page }) => {
  await page.goto("/offerte?comune=Trento+%28TN%29&raggio=10");
  await expect(page.getByRole("link", { name: "Receptionist d'albergo" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Receptionist d'albergo" }).click();
  await expect(page.getByText("Azienda riservata", { exact: false }).first()).toBeVisible();
  await expect(page.getByText("Hotel Dolomiti")).toHaveCount(0);
  await expectAccessible(page);
});

test("information area, service register and needs consultancy pages", async ({ checkedPage: page }) => {
  test.setTimeout(120_000);
  await page.goto("/informazioni");
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "Cerca" }).fill("tirocinio");
  await page.getByRole("button", { name: "Cerca" }).click();
  await page.getByRole("link", { name: "Ospitare un tirocinio (LEP R)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ospitare un tirocinio (LEP R)" })).toBeVisible();
  await expectAccessible(page);

  await login(page, "preselezione@rosa.demo");
  await page.getByRole("link", { name: "Registro servizi" }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Registra un servizio" }).click();
  // The browser shows the new address before React draws the new page (Remix renders in a transition), and the
  // register's own filters have an "Azienda" select too: wait for the form's heading before choosing.
  await expect(page.getByRole("heading", { level: 1, name: "Registra un servizio erogato" })).toBeVisible();
  await page.getByRole("combobox", { name: "Azienda" }).selectOption({ label: "Panificio Lombardo S.r.l." });
  await page.getByLabel(/^Servizio \(standard\)/).selectOption("4A");
  await page.getByLabel(/^Durata/).fill("90");
  await page.getByLabel(/^Modalità/).selectOption("company");
  await page.getByLabel(/^Risultato/).fill("Presentati i servizi e gli incentivi per l'apprendistato");
  await page.getByRole("button", { name: "Registra" }).click();
  await expect(page.getByText(/Durata superiore allo standard/).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/^Giustificazione/).fill("Visita alle due sedi dell'azienda");
  await page.getByRole("button", { name: "Registra" }).click();
  await expect(page.getByText(/^Servizio registrato: compare nel registro/)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Fabbisogni" }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Nuova consulenza" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nuova consulenza sui fabbisogni (4B)" })).toBeVisible();
  await page.getByLabel(/^Azienda/).selectOption({ label: "Panificio Lombardo S.r.l." });
  await page.getByLabel("Professione (CP2021)").first().fill("6.5.1.3.1 — Pasticcieri e cioccolatai");
  await page.getByLabel("Quante persone").first().fill("1");
  await page.getByLabel("Gap di competenze").fill("Decorazione e lievitati");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Registra la consulenza" }).click();
  await expect(page.getByText(/^Consulenza registrata: da ogni figura/)).toBeVisible();
  await page.getByRole("button", { name: "Crea una bozza di offerta" }).click();
  await expect(page.getByText(/Bozza di offerta creata/)).toBeVisible();
  await expect(page.getByText("Bozza", { exact: true })).toBeVisible();
  await expectAccessible(page);
});

test("a candidate applies to a published vacancy and the officer accepts the application", async ({ checkedPage: page }) => {
  test.setTimeout(120_000);
  const title = "Panettiere/a per il turno di notte";
  await page.goto("/offerte");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("link", { name: "Accedi per candidarti", exact: true })).toBeVisible(); // anonymous: asked to log in
  await expectAccessible(page);
  await page.getByRole("link", { name: "Accedi per candidarti", exact: true }).click();
  await page.getByLabel("E-mail").fill("candidato@rosa.demo");
  await page.getByLabel("Password").fill("RosaDemo2026!");
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.getByLabel("Messaggio per il Centro per l'Impiego (facoltativo)").fill("Ho lavorato due anni in un panificio a Sesto.");
  await page.getByRole("button", { name: "Invia la candidatura" }).click();
  await expect(page.getByText("Candidatura inviata: il Centro per l'Impiego la verificherà.")).toBeVisible();
  await expect(page.getByText(/candidatura inviata, in verifica/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Le mie candidature" }).click();
  await expect(page.getByRole("cell", { name: "In verifica" })).toBeVisible();
  await expectAccessible(page);
  await logout(page);

  await login(page, "preselezione@rosa.demo");
  await page.getByRole("link", { name: "Offerte", exact: true }).click();
  await page.getByLabel("Stato").selectOption("published");
  await page.getByRole("button", { name: "Filtra" }).click();
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: /Autocandidature \(1\)/ })).toBeVisible();
  await page.getByText("Ha i requisiti indispensabili").click();
  await page.getByText("Il CV è aggiornato").click();
  await page.getByText("Ha dato il consenso a essere proposto alle aziende").click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Accetta nella rosa" }).click();
  await expect(page.getByText("Candidatura accettata nella rosa dell'offerta.")).toBeVisible();
  await expect(page.getByText(/accettata nella rosa/).first()).toBeVisible();
  await expectAccessible(page);
});
