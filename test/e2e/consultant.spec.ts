import { expect, expectAccessible, login, logout, test } from "./fixtures";

test("a labour consultant switches company and sees each company's own vacancies only", async ({ checkedPage: page }) => {
  await login(page, "consulente@rosa.demo");
  const header = page.getByTestId("current-user");
  await expect(header).toContainText("Consulente delegato");
  await expect(header).not.toContainText("Datore di lavoro");
  await expect(header).toContainText("Panificio Lombardo S.r.l.");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Panificio Lombardo S.r.l.");

  const main = page.getByRole("main");
  await page.getByRole("navigation", { name: "Menu principale" }).getByRole("link", { name: "Offerte di lavoro" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(main.getByText("Panettiere/a per il turno di notte")).toBeVisible();
  await expect(main.getByText("Receptionist d'albergo")).toHaveCount(0);
  await expectAccessible(page);

  // The switcher: a labelled select and a button.
  await page.getByLabel(/Cambia azienda/).selectOption({ label: "Hotel Dolomiti S.n.c." });
  await page.getByRole("button", { name: "Passa a questa azienda" }).click();
  await expect(page.getByText("Ora stai operando per Hotel Dolomiti S.n.c.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hotel Dolomiti S.n.c.");
  await expect(header).toContainText("Hotel Dolomiti S.n.c.");
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Menu principale" }).getByRole("link", { name: "Offerte di lavoro" }).click();
  await expect(main.getByText("Receptionist d'albergo")).toBeVisible();
  await expect(main.getByText("Panettiere/a per il turno di notte")).toHaveCount(0);

  // On a 390 px phone the switcher wraps inside the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  const switcher = page.locator("form[action='/azienda/cambia-azienda']");
  await expect(switcher).toBeVisible();
  expect(await switcher.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= 390)).toBe(true);
  await page.setViewportSize({ width: 1280, height: 720 });

  // And back: the choice is per session, the other company's data reappears.
  await page.getByLabel(/Cambia azienda/).selectOption({ label: "Panificio Lombardo S.r.l." });
  await page.getByRole("button", { name: "Passa a questa azienda" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Panificio Lombardo S.r.l.");
  await logout(page);
});

test("the legal representative sees the consultant among the company's people, with «Revoca la delega»", async ({ checkedPage: page }) => {
  await login(page, "azienda@rosa.demo");
  await expect(page.getByTestId("current-user")).toContainText("Datore di lavoro");
  await expect(page.getByLabel(/Cambia azienda/)).toHaveCount(0);
  await page.goto("/azienda/utenti");
  const row = page.getByRole("row", { name: /consulente@rosa\.demo/ });
  await expect(row).toContainText("Delegato (consulente del lavoro)");
  await expect(row.getByRole("button", { name: "Revoca la delega a Marco Verdi" })).toBeVisible();
  await expectAccessible(page);

  // A validated company sees, before saving, that a new ragione sociale needs a new validation.
  await page.goto("/azienda/modifica");
  await expect(page.getByText(/Se cambi la ragione sociale o il codice fiscale/)).toBeVisible();
  await page.getByLabel("Ragione sociale").fill("Panificio Lombardo e Figli S.r.l.");
  await expect(
    page.getByText("La modifica richiede una nuova convalida da parte del Centro per l'Impiego (hai modificato: ragione sociale)."),
  ).toBeVisible();
  await expect(page.getByLabel(/Ho capito: invia la modifica/)).toBeVisible();
  await expectAccessible(page);
  await logout(page);
});
