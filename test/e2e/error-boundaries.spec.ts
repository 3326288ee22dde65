import { expect, login, test } from "./fixtures";

/**
 * The message a route throws reaches the person: the officer area's error page shows «Azienda non trovata» under the
 * status title, with the way back to the area; a public link shows its own reason. Checked with axe at both widths.
 */
test("an officer opening a company that does not exist reads the route's reason and can go back to the officer area", async ({
  checkedPage: page,
}) => {
  await login(page, "preselezione@rosa.demo");
  const response = await page.goto("/operatore/aziende/non-esiste");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Pagina non trovata" })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveText("Azienda non trovata");
  await expect(page.getByText("Codice errore: 404")).toBeVisible();
  // Still the portal's page: the header with the signed-in user, and the area's way back.
  await expect(page.getByTestId("current-user")).toBeVisible();
  await page.getByRole("link", { name: "Torna all'area operatore" }).click();
  await expect(page).toHaveURL(/\/operatore$/);
});

test("a public link with a bad token shows why, on the public error page", async ({ checkedPage: page }) => {
  const response = await page.goto("/invito/non-valido");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Pagina non trovata" })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveText(/^Invito non valido/);
  await expect(page.getByRole("link", { name: "Torna alla pagina iniziale" })).toBeVisible();
});
