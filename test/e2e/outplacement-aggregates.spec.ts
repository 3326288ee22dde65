import { expect, expectAccessible, login, logout, test } from "./fixtures";

/**
 * Who sees what of the demo collective dismissal (Officine Meccaniche Lombarde): the dismissing employer and the linked
 * union representative only the aggregated, anonymised view (and its PDF), never a worker; the accredited provider's
 * operator only the workers assigned to them. Read-only: nothing here changes the demo data.
 */
const EVENT_TITLE = "Riduzione di personale 2026 — stabilimento di Sesto San Giovanni";

test("the provider sees only the assigned workers; the employer sees the aggregated view and its PDF, never a worker", async ({ page }) => {
  await login(page, "ente@rosa.demo");
  await page.goto("/ente/ricollocazione");
  await expect(page.getByRole("heading", { level: 1, name: "Lavoratori assegnati" })).toBeVisible();
  await expect(page.getByText("8 lavoratori assegnati a te dal Centro per l'Impiego.")).toBeVisible();
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(9);
  await expectAccessible(page);
  const first = rows.nth(1).getByRole("link");
  const workerName = (await first.textContent())!.trim();
  await first.click();
  await expect(page).toHaveURL(/\/ente\/ricollocazione\/[0-9a-f-]{36}$/);
  const workerPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 2, name: "Piano e incontri" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Accoglienza e piano di reinserimento" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Progetto di reinserimento" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "← Scheda del lavoratore" }).click();
  await expect(page).toHaveURL(new RegExp(`${workerPath}$`));
  // The provider does not reach the officer's pages of the event.
  const officerList = await page.goto("/operatore/ricollocazione");
  expect(officerList?.status()).toBe(403);
  await page.goto("/ente/ricollocazione");
  await logout(page);

  await login(page, "officine@rosa.demo");
  await page.goto("/azienda/ricollocazione");
  await expect(page.getByRole("heading", { level: 1, name: "Ricollocazione dei lavoratori" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: EVENT_TITLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ricollocazione: dati aggregati" })).toBeVisible();
  await expect(page.getByText(/Situazione al .*: 40 lavoratori nella procedura/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Tasso di rioccupazione" })).toBeVisible();
  // Anonymised: the worker seen by the provider is nowhere on the page.
  await expect(page.getByText(workerName)).toHaveCount(0);
  await expectAccessible(page);
  const eventPath = new URL(page.url()).pathname;

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Scarica il rapporto in PDF" }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/^ricollocazione-rapporto-\d{4}-\d{2}-\d{2}\.pdf$/);
  const bytes = await pdf.createReadStream().then(async (s) => {
    const chunks: Buffer[] = [];
    for await (const c of s) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  });
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");

  // No worker page for the employer: neither the provider's nor the officer's.
  for (const path of [workerPath, `/operatore/ricollocazione/${eventPath.split("/").pop()}/lavoratori`]) {
    const response = await page.goto(path);
    expect([403, 404], `${path} per l'azienda`).toContain(response?.status());
  }
});

test("the union representative sees the aggregated view of the linked procedure", async ({ page }) => {
  await login(page, "sindacato@rosa.demo");
  await page.goto("/sindacato/ricollocazione");
  await expect(page.getByRole("heading", { level: 1, name: "Procedure seguite" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: EVENT_TITLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ricollocazione: dati aggregati" })).toBeVisible();
  await expect(page.getByText(/Situazione al .*: 40 lavoratori nella procedura/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Scarica il rapporto in PDF" })).toBeVisible();
  await expectAccessible(page);
  const response = await page.goto("/operatore/ricollocazione");
  expect(response?.status()).toBe(403);
});

test("the employer proposes an event: a mistake first (Italian message, values kept), then the proposal is sent", async ({ page }) => {
  const title = `Chiusura reparto verniciatura ${Math.random().toString(36).slice(2, 7)}`;
  await login(page, "officine@rosa.demo");
  await page.goto("/azienda/ricollocazione");
  await page.getByRole("link", { name: "Proponi un evento" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Proponi un evento di ricollocazione" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Tipo di procedura").selectOption("collective_dismissal_l223");
  await page.getByLabel("Titolo").fill(title);
  await page.getByLabel("Dipendenti in organico").fill("310");
  await page.getByLabel("Esuberi dichiarati").fill("dodici");
  await page.getByRole("button", { name: "Invia la proposta" }).click();
  const surplus = page.getByLabel("Esuberi dichiarati");
  await expect(surplus).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Indica il numero di esuberi dichiarati con un numero").first()).toBeVisible();
  await expect(page.getByLabel("Titolo")).toHaveValue(title);
  await expect(page.getByLabel("Dipendenti in organico")).toHaveValue("310");
  await expectAccessible(page);

  await surplus.fill("12");
  await page.getByLabel("Comune").first().fill("Vimercate (MB)");
  await page.getByRole("button", { name: "Invia la proposta" }).click();
  await expect(page.getByText("Proposta inviata al Centro per l'Impiego")).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(title) });
  await expect(row).toContainText("In attesa del Centro per l'Impiego");
  await expect(row).toContainText("12");
  await expectAccessible(page);
});
