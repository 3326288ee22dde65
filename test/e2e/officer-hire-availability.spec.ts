import { expect, expectAccessible, login, logout, test } from "./fixtures";

/**
 * Officers' preselection work (docs/decisions/0010-signed-availability-links.md,
 * docs/decisions/0019-hire-with-unilav-fields.md): «avvia il contatto» for the whole rosa at once; the person without an account
 * answers through the signed link without logging in; the officer records the hire on the
 * employer's behalf (UNILAV fields) and the employer sees it. Uses the demo rosa «Rosa per Aiuto panettiere/a».
 */
test("bulk contact, one-click availability link, hire recorded by the officer for the employer", async ({ checkedPage: page }) => {
  test.setTimeout(120_000);
  await login(page, "preselezione@rosa.demo");
  await page.goto("/operatore/preselezione");
  await page.getByRole("link", { name: /Aiuto panettiere\/a/ }).click();
  await page.getByRole("link", { name: "Rosa per Aiuto panettiere/a" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rosa per Aiuto panettiere/a" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Contatta Giulia Ferrandi" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Contatta Paolo Brambilla" })).toBeChecked();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Avvia il contatto con i candidati scelti" }).click();
  await expect(page.getByText("Contattati 2 candidati (1 per e-mail, 1 per SMS).")).toBeVisible();
  await expect(page.getByText(/Collegamento per SMS a 347 5550199 del .*: nessuna risposta dal collegamento/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Avvia il contatto con i candidati scelti" })).toHaveCount(0);
  await expectAccessible(page);
  await logout(page);

  // The links are in the outboxes (no SMS gateway: the SMS waits there too).
  await login(page, "admin@rosa.demo");
  await page.goto("/admin/posta");
  const mail = page.locator("article").filter({ hasText: "A giulia.ferrandi@example.it" }).first();
  const body = await mail.locator("pre").innerText();
  expect(body).not.toMatch(/area personale|accedi/i);
  const link = /https?:\/\/\S+\/disponibilita\/\S+/.exec(body)![0];
  await expect(page.getByRole("cell", { name: /^CPI - Rosa: sei disponibile per l'offerta "Aiuto panettiere/ })).toBeVisible();
  await logout(page);

  const path = new URL(link).pathname;
  const tampered = path.slice(0, -1) + (path.endsWith("A") ? "B" : "A");
  await page.goto(tampered);
  await expect(page.getByText(/Il collegamento non è valido/)).toBeVisible();
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Aiuto panettiere/a per il laboratorio di Milano" })).toBeVisible();
  await expect(page.getByText("Azienda: Panificio Lombardo S.r.l.")).toBeVisible();
  await expectAccessible(page);
  await page.getByText("Se confermo, l'azienda può ricevere il mio telefono e la mia e-mail").click();
  await page.getByRole("button", { name: "Sono disponibile", exact: true }).click();
  await expect(page.getByText("Grazie: hai confermato la tua disponibilità.", { exact: false })).toBeVisible();
  await expect(page.getByText(/Risposta registrata il .*: sei disponibile/)).toBeVisible();
  await page.goto(path);
  await expect(page.getByText(/Il collegamento vale per una sola risposta/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Sono disponibile", exact: true })).toHaveCount(0);

  await login(page, "preselezione@rosa.demo");
  await page.goto("/operatore/preselezione");
  await page.getByRole("link", { name: /Aiuto panettiere\/a/ }).click();
  await page.getByRole("link", { name: "Rosa per Aiuto panettiere/a" }).click();
  await expect(page.getByText(/Collegamento per e-mail a giulia\.ferrandi@example\.it .*: disponibile \(risposta del/)).toBeVisible();
  await page.locator("summary", { hasText: "Registra l'assunzione per conto dell'azienda: Chiara Sironi" }).click();
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Registra l'assunzione di Chiara Sironi" }) });
  await form.getByLabel("Come l'azienda ha chiesto la registrazione").selectOption("telefono");
  await form.getByLabel("Tipologia contrattuale (codici CO in vigore)").selectOption("A.02.00");
  await form.getByLabel("Data di inizio").fill("2027-01-11");
  await form.getByLabel("Tipo di orario").selectOption("P");
  await form.getByLabel(/^Ore settimanali medie/).fill("45");
  await form.getByLabel("CCNL applicato").fill("042");
  await form.getByLabel("Codice CNEL del contratto (facoltativo)").fill("H011");
  await form.getByLabel("Livello di inquadramento").fill("4");
  await form.getByLabel("Qualifica professionale (CP2011)").fill("6.5.1.2.1.2");
  await form.getByLabel(/^Retribuzione lorda annua/).fill("15.600,00");
  await form.getByRole("button", { name: "Registra l'assunzione di Chiara Sironi" }).click();
  // Every problem at once: no end date for a fixed-term contract, too many hours for part-time.
  await expect(page.getByText("Per questo contratto a termine indica la data di fine").first()).toBeVisible();
  await expect(page.getByText("Tempo parziale: al massimo 39 ore settimanali").first()).toBeVisible();
  await expectAccessible(page);
  const form2 = page.locator("form").filter({ has: page.getByRole("button", { name: "Registra l'assunzione di Chiara Sironi" }) });
  await form2.getByLabel("Data di fine (contratti a termine)").fill("2027-07-10");
  await form2.getByLabel(/^Ore settimanali medie/).fill("24");
  await form2.getByRole("button", { name: "Registra l'assunzione di Chiara Sironi" }).click();
  await expect(page.getByText(/Assunzione registrata per conto dell'azienda: tutte le posizioni sono coperte/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Assunzioni registrate" })).toBeVisible();
  await expect(page.getByText(/per conto dell'azienda, richiesta per telefono/)).toBeVisible();
  await expect(page.getByText("H011 — CCNL per i dipendenti da aziende del Terziario della Distribuzione e dei Servizi")).toBeVisible();
  await expectAccessible(page);
  await logout(page);

  await login(page, "azienda@rosa.demo");
  await page.goto("/azienda/rose");
  await page.getByRole("link", { name: /Rosa per Aiuto panettiere/ }).click();
  await expect(page.getByRole("heading", { name: "Assunzioni registrate" })).toBeVisible();
  await expect(page.getByText("Lavoro a tempo determinato (A.02.00)")).toBeVisible();
  await expect(page.getByText(/Panettiere \(6\.5\.1\.2\.1\.2\)/)).toBeVisible();
  await expect(page.getByText("15.600,00 €")).toBeVisible();
  await expect(page.getByText(/Centro per l'Impiego, per conto dell'azienda, richiesta per telefono/)).toBeVisible();
  await expectAccessible(page);
});
