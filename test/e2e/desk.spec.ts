import { expect, expectAccessible, login, logout, test } from "./fixtures";

const number = (text: string | null) => Number((text ?? "").replace(/\./g, "").trim());

test("the officer's desk: each count leads to a list with as many rows", async ({ checkedPage: page }) => {
  await login(page, "preselezione@rosa.demo");
  await page.goto("/operatore");
  await expect(page.getByRole("heading", { name: "Le cose che ti aspettano" })).toBeVisible();
  await expectAccessible(page);

  const vacancies = number(await page.getByTestId("desk-vacancies").textContent());
  await page.getByRole("link", { name: "Apri le offerte da convalidare" }).click();
  await expect(page).toHaveURL(/\/operatore\/offerte\?status=submitted/);
  if (vacancies === 0) await expect(page.getByText("Nessuna offerta in questo stato.")).toBeVisible();
  else await expect(page.getByRole("table").locator("caption")).toContainText(`${vacancies} ${vacancies === 1 ? "offerta" : "offerte"}`);
  await expectAccessible(page);

  await page.goto("/operatore");
  const awaiting = number(await page.getByTestId("desk-feedback").textContent());
  await page.getByRole("link", { name: "Apri le rose in attesa" }).click();
  await expect(page).toHaveURL(/\/operatore\/rose\?attesa=riscontro/);
  await expect(page.getByRole("heading", { level: 1, name: "Rose di candidati" })).toBeVisible();
  if (awaiting === 0) await expect(page.getByText("Nessuna rosa con questi filtri.")).toBeVisible();
  else {
    await expect(page.getByRole("table").locator("caption")).toContainText(`${awaiting} ${awaiting === 1 ? "rosa" : "rose"}`);
    await expect(page.getByRole("table").locator("tbody tr")).toHaveCount(awaiting);
  }
  await expectAccessible(page);

  // No dead ends: from a company to its vacancies.
  await page.goto("/operatore/aziende?status=validated");
  await page
    .getByRole("link", { name: /Panificio Lombardo/ })
    .first()
    .click();
  await page.getByRole("link", { name: "Offerte di lavoro", exact: true }).last().click();
  await expect(page).toHaveURL(/azienda=/);
  await expect(page.getByText(/Offerte di/).first()).toBeVisible();
  await expectAccessible(page);
  await logout(page);
});

test("the administrator filters the audit log by person, action and period, and opens a row's raw data", async ({ checkedPage: page }) => {
  await login(page, "preselezione@rosa.demo");
  await logout(page);
  await login(page, "admin@rosa.demo");
  await page.goto("/admin/audit");
  await expectAccessible(page);
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome" }).format(new Date());
  await page.getByLabel("Persona che ha agito").fill("Paolo Preselezione");
  await page.getByLabel("Azione", { exact: true }).selectOption({ label: "Accesso" });
  await page.getByLabel("Dal", { exact: true }).fill(today);
  await page.getByLabel("Al", { exact: true }).fill(today);
  await page.getByRole("button", { name: "Filtra" }).click();
  await expect(page).toHaveURL(/actor=Paolo/);
  // The address changes before React draws the filtered table (Remix renders in a transition): the assertions retry
  // until no row of another person or action is left, rather than counting the rows of the table still shown.
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  await expect(rows.filter({ hasNotText: "Paolo Preselezione" })).toHaveCount(0);
  await expect(rows.filter({ hasNot: page.getByRole("cell", { name: "Accesso", exact: true }) })).toHaveCount(0);
  await rows.first().getByText("Dati tecnici").click();
  await expect(rows.first().getByText("auth.login", { exact: true })).toBeVisible();
  await expectAccessible(page);
  // A period that ends before it starts is explained, not a crash.
  await page.goto("/admin/audit?from=2026-06-30&to=2026-06-01");
  await expect(page.getByText("La data finale precede quella iniziale").first()).toBeVisible();
});
