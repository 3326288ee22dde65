import { personCodiceFiscaleCheckChar } from "../../app/utils/tax-codes";
import { expect, expectAccessible, login, test } from "./fixtures";

/** A woman born on 12/05/1990 (what "90E52" encodes), with random surname/name letters. */
function randomTaxCode(): string {
  const letters = Array.from({ length: 6 }, () => "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[Math.floor(Math.random() * 26)]).join("");
  const first15 = `${letters}90E52F205`;
  return first15 + personCodiceFiscaleCheckChar(first15);
}

test("a visitor registers from a public vacancy, confirms the e-mail, writes a CV and applies", async ({ checkedPage: page, browser }) => {
  test.setTimeout(150_000);
  const email = `candidata-${Date.now().toString(36)}@example.it`;

  // The public board: a vacancy's «Candidati» section leads to registration.
  // A public vacancy from the JSON feed (PostgreSQL; the board's search index fills a moment after start),
  // whose JobPosting says that one can apply on Rosa, as the page's form now allows.
  const feed = (await (await page.request.get("/api/offerte")).json()) as {
    items: { url: string; _job_posting: { directApply: boolean } }[];
  };
  const open = feed.items.find((i) => i._job_posting.directApply);
  expect(open, "an open public vacancy in the demo data").toBeTruthy();
  const href = new URL(open!.url).pathname;
  await page.goto(href!);
  const title = await page.getByRole("heading", { level: 1 }).innerText();
  await expect(page.getByRole("link", { name: "Accedi per candidarti" })).toBeVisible();
  await page.getByRole("link", { name: "Registrati come candidato" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Registrati come candidato" })).toBeVisible();
  await expectAccessible(page);

  // A codice fiscale that does not match the birth date is refused next to the field; the optional consents start unticked.
  await expect(page.getByLabel(/Facoltativo: acconsento che il mio CV/)).not.toBeChecked();
  await expect(page.getByLabel(/Facoltativo: acconsento a ricevere/)).not.toBeChecked();
  await page.getByLabel(/^Nome( \*)?$/).fill("Marta");
  await page.getByLabel(/^Cognome( \*)?$/).fill("Colombo");
  await page.getByLabel(/^Codice fiscale/).fill(randomTaxCode());
  await page.getByLabel(/^Data di nascita/).fill("1990-05-13");
  await page.getByLabel(/^Sesso/).selectOption("F");
  await page.getByLabel(/^Comune di domicilio/).fill("Milano (MI)");
  await page.getByLabel(/^E-mail/).fill(email);
  await page.getByLabel(/^Password/).fill("Girasole Tramonto Bicicletta 77");
  await page.getByLabel(/^Ripeti la password/).fill("Girasole Tramonto Bicicletta 77");
  await page.getByText(/Dichiaro di aver letto l'informativa/).click();
  await page.getByText(/Facoltativo: acconsento che il mio CV/).click();
  await page.getByRole("button", { name: "Registrati" }).click();
  await expect(page.getByText("Il codice fiscale non corrisponde alla data di nascita indicata: controlla entrambi").first()).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/^Data di nascita/).fill("1990-05-12");
  await page.getByLabel(/^Password/).fill("Girasole Tramonto Bicicletta 77");
  await page.getByLabel(/^Ripeti la password/).fill("Girasole Tramonto Bicicletta 77");
  await page.getByRole("button", { name: "Registrati" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Controlla la tua e-mail" })).toBeVisible();
  await expectAccessible(page);

  // The link, read from the outbox as an administrator (in another browser: the visitor stays anonymous).
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await login(admin, "admin@rosa.demo");
  await admin.goto("/admin/posta");
  const mail = admin.locator("article", { hasText: `A ${email}` }).first();
  await expect(mail).toContainText("Rosa: conferma il tuo indirizzo e-mail");
  const link = /\/registrazione\/candidato\/conferma\/[A-Za-z0-9_-]+/.exec(await mail.innerText())?.[0];
  await adminContext.close();
  expect(link).toBeTruthy();

  await page.goto(link!);
  await expect(page.getByRole("heading", { level: 1, name: "Conferma la tua e-mail" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Conferma e attiva l'account" }).click();
  await expect(page.getByText("E-mail confermata: il tuo account è attivo. Ora compila il tuo CV.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Il mio primo CV" })).toBeVisible();
  await expect(page.getByLabel(/^Nome( \*)?$/)).toHaveValue("Marta");
  await expect(page.getByLabel(/^Comune di domicilio/)).toHaveValue("Milano (MI)");
  await expectAccessible(page);

  // The same occupation twice is refused, naming it.
  await page.getByLabel("Titolo di studio 1").fill("Diploma di ragioneria");
  await page.getByLabel("Livello di studio del titolo 1").selectOption("4");
  await page.getByLabel("Professione della propensione 1").fill("5.1.2.2.0 — Commessi delle vendite al minuto");
  await page.getByLabel("Provenienza della propensione 1").selectOption("work");
  await page.getByLabel("Professione della propensione 2").fill("5.1.2.2.0");
  await page.getByLabel("Provenienza della propensione 2").selectOption("training");
  await page.getByRole("button", { name: "Salva il mio CV" }).click();
  await expect(
    page.getByText(/La professione «Commessi delle vendite al minuto» \(5\.1\.2\.2\.0\) è già la propensione 1/).first(),
  ).toBeVisible();
  await page.getByLabel("Professione della propensione 2").fill("");
  await page.getByLabel("Provenienza della propensione 2").selectOption("");
  await page.getByRole("button", { name: "Salva il mio CV" }).click();

  // Back on the vacancy, the form to apply.
  await expect(page.getByText("Il tuo CV è salvato: ora puoi inviare la candidatura.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.getByLabel("Messaggio per il Centro per l'Impiego (facoltativo)").fill("Disponibile da subito, anche nei fine settimana.");
  await page.getByRole("button", { name: "Invia la candidatura" }).click();
  await expect(page.getByText("Candidatura inviata: il Centro per l'Impiego la verificherà.")).toBeVisible();
  await page.goto("/candidato/candidature");
  await expect(page.getByRole("cell", { name: new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) })).toBeVisible();
  await expectAccessible(page);
});
