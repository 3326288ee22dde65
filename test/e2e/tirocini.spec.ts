import { expect, expectAccessible, login, test } from "./fixtures";

/**
 * Internships (docs/decisions/tirocini.md «Cifre»): the officer's figures on the demo data — Panificio Lombardo's running
 * internship and the one concluded with the attestazione, both in the province of Milano. Read-only.
 */
test("the officer reads the internship figures by province and by profession, with the CSV", async ({ page }) => {
  await login(page, "preselezione@rosa.demo");
  await page.goto("/operatore/tirocini/cifre");
  await expect(page.getByRole("heading", { level: 1, name: "Cifre dei tirocini" })).toBeVisible();
  const milano = page.getByRole("row", { name: /Milano \(MI\)/ });
  await expect(milano.getByRole("cell").nth(0)).toHaveText("2");
  await expect(milano.getByRole("cell").nth(1)).toHaveText("1");
  await expect(page.getByRole("img", { name: /Tirocini avviati: .*Milano \(MI\) 2/ })).toBeVisible();
  await expectAccessible(page);
  const csv = await page.request.get("/operatore/tirocini/cifre/csv?per=provincia");
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain("Milano (MI);MI;2;1;0;0;0;50;0;0");
  await page.getByLabel("Per", { exact: true }).selectOption("professione");
  await page.getByRole("button", { name: "Mostra" }).click();
  await expect(page.getByRole("table", { name: "Tirocini per professione" })).toBeVisible();
  await expectAccessible(page);
});
