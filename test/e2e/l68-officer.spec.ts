import { expect, expectAccessible, login, logout, test } from "./fixtures";

test("a placement officer enters a numeric referral request received by PEC and issues the certificate check", async ({
  checkedPage: page,
}) => {
  const today = new Date().toISOString().slice(0, 10);
  await login(page, "collocamento@rosa.demo");
  await page.getByRole("link", { name: "Collocamento mirato" }).click();
  const row = page.getByRole("row", { name: /Panificio Lombardo S\.r\.l\./ });
  await row.getByRole("link", { name: "Panificio Lombardo S.r.l." }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Panificio Lombardo S.r.l.: pratica L. 68/99");
  await page.getByText("Registra una pratica ricevuta via PEC o allo sportello").click();
  await page.getByRole("link", { name: "Richiesta di avviamento numerico" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Richiesta di avviamento numerico: ricevuta per conto di Panificio Lombardo S.r.l.",
  );
  await expectAccessible(page);

  await page.getByLabel("Data della richiesta").fill(today);
  await page.getByLabel("Lavoratori richiesti").fill("1");
  await page.getByLabel("Qualifica o mansione").fill("Addetto al confezionamento");
  await page
    .getByLabel(/^Documento \(PDF/)
    .setInputFiles({ name: "richiesta-pec.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
  await page.getByRole("button", { name: "Presenta la pratica" }).click();
  // Without the channel: the message sits next to the field, the other values stay.
  await expect(page.locator("#record-receivedVia-error")).toContainText("PEC o sportello");
  await expect(page.getByLabel("Qualifica o mansione")).toHaveValue("Addetto al confezionamento");
  await expectAccessible(page);

  await page.getByLabel("Documento ricevuto").selectOption("pec");
  await page
    .getByLabel(/^Documento \(PDF/)
    .setInputFiles({ name: "richiesta-pec.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
  await page.getByRole("button", { name: "Presenta la pratica" }).click();
  await expect(page.getByText("Pratica registrata per conto dell'azienda con il documento ricevuto.")).toBeVisible();
  await expect(page.getByTestId("record-status")).toHaveText("Presentata");
  await expect(page.getByTestId("record-documents")).toContainText("richiesta-pec.pdf");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Collocamento mirato" }).first().click();
  await page
    .getByRole("row", { name: /Panificio Lombardo S\.r\.l\./ })
    .getByRole("link", { name: "Panificio Lombardo S.r.l." })
    .click();
  await page.getByRole("button", { name: "Verifica e rilascia la certificazione (art. 17)" }).click();
  await expect(page.getByTestId("officer-certificates")).toContainText(/Certificazione n\.|non rilasciata/);
  await expectAccessible(page);
  await logout(page);
});
