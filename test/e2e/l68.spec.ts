import { expect, expectAccessible, login, logout, test } from "./fixtures";

test("an employer declares its workforce and sees its quota explained", async ({ checkedPage: page }) => {
  await login(page, "azienda@rosa.demo");
  await page.getByRole("link", { name: "Collocamento mirato" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Collocamento mirato (L. 68/99)");
  await expect(page.getByTestId("quota-summary")).toContainText("19 (da 15 a 35 dipendenti computabili)");
  await expect(page.getByTestId("uncovered-disabili")).toHaveText("1");
  await expectAccessible(page);

  const form = page.locator("form", { has: page.getByRole("button", { name: "Aggiungi e ricalcola" }) });
  // A mistake first: the message sits next to the field.
  await form.getByLabel("Provincia (sigla)").fill("MI");
  await form.getByLabel("Numero di lavoratori").fill("3");
  await form.getByLabel("Ore settimanali (tempo parziale)").fill("45");
  await form.getByLabel("Ore a tempo pieno del CCNL").fill("40");
  await form.getByRole("button", { name: "Aggiungi e ricalcola" }).click();
  await expect(page.getByText("L'orario settimanale (45) supera l'orario a tempo pieno (40)").first()).toBeVisible();
  await expectAccessible(page);

  await form.getByLabel("Ore settimanali (tempo parziale)").fill("");
  await form.getByLabel("Ore a tempo pieno del CCNL").fill("");
  await form.getByLabel("Numero di lavoratori").fill("20");
  await form.getByLabel("Sede operativa").fill("Nuovo punto vendita");
  await form.getByRole("button", { name: "Aggiungi e ricalcola" }).click();
  await expect(page.getByText("Gruppo di lavoratori aggiunto: quota ricalcolata.")).toBeVisible();
  await expect(page.getByTestId("quota-summary")).toContainText("39 (da 36 a 50 dipendenti computabili)");
  await expect(page.getByTestId("uncovered-disabili")).toHaveText("2");
  await expect(page.getByRole("list", { name: "Spiegazione del calcolo" })).toContainText("art. 3 c. 1 lett. b");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Prospetto informativo" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Prospetto informativo");
  await expectAccessible(page);
  await page.getByRole("link", { name: "← Collocamento mirato" }).click();
  await page.getByRole("link", { name: "Certificazione di ottemperanza" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Certificazione di ottemperanza");
  await expectAccessible(page);
  await logout(page);
});

test("a placement officer sees the uncovered employers of the province", async ({ checkedPage: page }) => {
  await login(page, "collocamento@rosa.demo");
  await page.getByRole("link", { name: "Collocamento mirato" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Collocamento mirato: aziende obbligate");
  await expect(page.getByText("Provincia di competenza: MI")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Mostra").selectOption("1");
  await page.getByRole("button", { name: "Applica" }).click();
  const row = page.getByRole("row", { name: /Panificio Lombardo S\.r\.l\./ });
  await expect(row).toBeVisible();
  await expectAccessible(page);
  await row.getByRole("link", { name: "Panificio Lombardo S.r.l." }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Panificio Lombardo S.r.l.: pratica L. 68/99");
  await expect(page.getByRole("list", { name: "Spiegazione del calcolo" })).toBeVisible();
  await expectAccessible(page);
  await logout(page);
});

test("an employer files an exemption request with a document and a placement officer approves it", async ({ checkedPage: page }) => {
  const iso = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  await login(page, "azienda@rosa.demo");
  await page.getByRole("link", { name: "Collocamento mirato" }).click();
  // A new site in Turin takes the company above 50: the quota now allows a partial exemption.
  const group = page.locator("form", { has: page.getByRole("button", { name: "Aggiungi e ricalcola" }) });
  await group.getByLabel("Provincia (sigla)").fill("TO");
  await group.getByLabel("Numero di lavoratori").fill("40");
  await group.getByLabel("Sede operativa").fill("Magazzino di Torino");
  await group.getByRole("button", { name: "Aggiungi e ricalcola" }).click();
  await expect(page.getByText("Gruppo di lavoratori aggiunto: quota ricalcolata.")).toBeVisible();

  await page.getByRole("link", { name: "Esoneri, convenzioni, sospensioni e richieste" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Esoneri, convenzioni, sospensioni e richieste");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Esonero parziale (art. 5 c. 3)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nuova pratica: Esonero parziale (art. 5 c. 3)");
  await expectAccessible(page);

  await page.getByLabel("Inizio del periodo").fill(iso(1));
  await page.getByLabel("Fine del periodo").fill(iso(180));
  await page.getByLabel("Percentuale di esonero richiesta (al massimo 60)").fill("60");
  await page
    .getByLabel("Condizioni dell'attività che impediscono di coprire la quota")
    .fill("Lavoro notturno ai forni con carichi pesanti");
  await page.getByRole("button", { name: "Presenta la pratica" }).click();
  // Without the document: the message sits next to the file field, the other values stay.
  await expect(page.locator("#record-documento-error")).toHaveText("Scegli un file da caricare");
  await expect(page.getByLabel("Percentuale di esonero richiesta (al massimo 60)")).toHaveValue("60");
  await expectAccessible(page);

  await page
    .getByLabel(/^Documento \(PDF/)
    .setInputFiles({ name: "istanza-esonero.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
  await page.getByRole("button", { name: "Presenta la pratica" }).click();
  await expect(page.getByText("Pratica presentata con il documento allegato.")).toBeVisible();
  await expect(page.getByTestId("record-status")).toHaveText("Presentata");
  await expect(page.getByTestId("record-documents")).toContainText("istanza-esonero.pdf");
  await expect(page.getByTestId("contribution-total")).toContainText("€");
  await expectAccessible(page);
  await logout(page);

  await login(page, "collocamento@rosa.demo");
  await page.getByRole("link", { name: "Collocamento mirato" }).click();
  await page.getByRole("link", { name: /Pratiche da decidere/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pratiche di collocamento mirato");
  await expectAccessible(page);
  const row = page.getByRole("row", { name: /Panificio Lombardo S\.r\.l\..*Esonero parziale/ });
  await row.getByRole("link", { name: "Esonero parziale (art. 5 c. 3)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Esonero parziale (art. 5 c. 3): Panificio Lombardo S.r.l.");
  await expect(page.getByTestId("record-documents")).toContainText("istanza-esonero.pdf");
  await expectAccessible(page);
  await page.getByLabel("Nota per l'azienda (obbligatoria per respingere)").fill("Autorizzato per il periodo richiesto.");
  await page.getByRole("button", { name: "Accogli" }).click();
  await expect(page.getByText("Pratica accolta: quota e copertura ricalcolate.")).toBeVisible();
  await expect(page.getByTestId("record-status")).toHaveText("Accolta");
  await expectAccessible(page);
  await logout(page);
});
