import { expect, expectAccessible, login, logout, test } from "./fixtures";

test("each demo role logs in and lands on its own home page", async ({ checkedPage: page }) => {
  const cases = [
    { email: "admin@rosa.demo", role: "Amministratore", heading: "Amministrazione" },
    { email: "preselezione@rosa.demo", role: "Operatore preselezione", heading: "Scrivania" },
    { email: "collocamento@rosa.demo", role: "Operatore collocamento mirato", heading: "Scrivania" },
    { email: "azienda@rosa.demo", role: "Datore di lavoro", heading: "Panificio Lombardo S.r.l." },
    { email: "consulente@rosa.demo", role: "Consulente delegato", heading: "Panificio Lombardo S.r.l." },
    { email: "candidato@rosa.demo", role: "Candidato", heading: "Il mio curriculum" },
  ];
  await page.goto("/");
  await expectAccessible(page);
  for (const c of cases) {
    await login(page, c.email);
    await expect(page.getByTestId("current-user")).toContainText(c.role);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(c.heading);
    await expectAccessible(page);
    await logout(page);
  }
});

test("an employer registers, an officer validates the company", async ({ checkedPage: page }) => {
  const suffix = Date.now().toString().slice(-6);
  await page.goto("/registrazione");
  await expectAccessible(page);
  // First a mistake: the form comes back with the messages next to the fields and keeps the data.
  await page.getByLabel("Nome e cognome").first().fill("Teresa Galli");
  await page.getByLabel("Ragione sociale").fill(`Sartoria Galli ${suffix} S.r.l.`);
  await page.getByLabel("Codice fiscale").fill("12345678901");
  await page.getByRole("button", { name: "Invia la registrazione" }).click();
  await expect(page.getByText("Codice fiscale non valido: il carattere di controllo non corrisponde").first()).toBeVisible();
  await expect(page.getByLabel("Ragione sociale")).toHaveValue(`Sartoria Galli ${suffix} S.r.l.`);
  await expectAccessible(page);

  // 0 + suffix padded to 10 digits, then the check digit computed in the browser test.
  const stem = `07${suffix}00`.slice(0, 10);
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(stem[i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  const taxCode = stem + String((10 - (sum % 10)) % 10);
  await page.getByLabel("E-mail di accesso").fill(`teresa${suffix}@example.it`);
  await page.getByLabel(/^Password/).fill("password-lunga-abc");
  await page.getByLabel("Ripeti la password").fill("password-lunga-abc");
  await page.getByLabel("Codice fiscale").fill(taxCode);
  await page.getByLabel("Settore di attività (ATECO)").fill("14");
  await page.getByLabel("Numero di dipendenti").selectOption("10-14");
  await page.getByLabel(/^Indirizzo/).fill("Via Po 3");
  await page.getByLabel(/^Comune/).fill("Torino (TO)");
  await page.getByLabel("Nome e cognome").nth(1).fill("Teresa Galli");
  await page.getByLabel(/^E-mail\s*\*?$/).fill("teresa.referente@example.it");
  await page.getByLabel("Telefono").fill("011 5551234");
  // Bootstrap Italia draws the checkbox on the label, as a user clicks it.
  await page.getByText("Dichiaro di aver letto l'informativa").click();
  await expect(page.getByLabel("Dichiaro di aver letto l'informativa sul trattamento dei dati personali")).toBeChecked();
  await page.getByRole("button", { name: "Invia la registrazione" }).click();
  await expect(page.getByText("Registrazione inviata")).toBeVisible();
  await expect(page.getByText("In attesa di convalida").first()).toBeVisible();
  await expectAccessible(page);
  await logout(page);

  await login(page, "preselezione@rosa.demo");
  await page.getByRole("link", { name: "Aziende", exact: true }).click();
  await page.getByLabel("Ragione sociale, codice fiscale o partita IVA").fill(`Sartoria Galli ${suffix}`);
  await page.getByRole("button", { name: "Cerca" }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: `Sartoria Galli ${suffix} S.r.l.` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("In attesa di convalida");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Convalida l'azienda" }).click();
  await expect(page.getByText(/^Azienda convalidata: l'azienda riceve un'e-mail/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Convalidata");
  await logout(page);

  await login(page, `teresa${suffix}@example.it`, "password-lunga-abc");
  await expect(page.getByText("L'azienda è convalidata")).toBeVisible();
});

test("clear error pages: 404 for unknown pages, 403 for another role's pages", async ({ checkedPage: page }) => {
  const missing = await page.goto("/pagina-che-non-esiste");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Pagina non trovata" })).toBeVisible();
  await expectAccessible(page);
  await login(page, "azienda@rosa.demo");
  const forbidden = await page.goto("/admin/audit");
  expect(forbidden?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Accesso non consentito" })).toBeVisible();
});

test("the administrator browses and filters the audit log", async ({ checkedPage: page }) => {
  await login(page, "admin@rosa.demo");
  await page.getByRole("link", { name: "Registro attività" }).click();
  await expect(page.getByRole("cell", { name: "Accesso", exact: true }).first()).toBeVisible();
  await page.getByLabel("Azione", { exact: true }).selectOption({ label: "Azienda convalidata" });
  await page.getByRole("button", { name: "Filtra" }).click();
  await expect(page.getByRole("cell", { name: "Azienda convalidata" }).first()).toBeVisible();
  await page.getByLabel("Azione", { exact: true }).selectOption({ label: "Accesso" });
  await page.getByRole("button", { name: "Filtra" }).click();
  await expect(page.getByRole("cell", { name: "Accesso", exact: true }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "Azienda convalidata" })).toHaveCount(0);
});

test("a cross-site form post is refused (CSRF)", async ({ request }) => {
  const response = await request.post("/accedi", {
    headers: { Origin: "https://sito-malevolo.example", Cookie: "rosa_session=x" },
    form: { email: "admin@rosa.demo", password: "x" },
  });
  expect(response.status()).toBe(403);
});
