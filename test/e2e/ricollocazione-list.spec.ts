import { xlsxOf } from "../support/xlsx";
import { expect, expectAccessible, login, logout, test } from "./fixtures";

/**
 * The workers' list from the dismissing employer to the cohort (docs/decisions/outplacement.md, «Elenco dall'azienda,
 * Excel e reimportazione»): the employer uploads an Excel list with a mistake and reads its own row's error; the demo's
 * updated list (sent by the employer, waiting) is checked by the officer, who reads the differences (two new workers,
 * a changed qualification) and applies them. Runs after outplacement-*.spec.ts on the same demo event.
 */
const EVENT_TITLE = "Riduzione di personale 2026 — stabilimento di Sesto San Giovanni";
const HEADER = [
  "codice_fiscale",
  "cognome",
  "nome",
  "comune_residenza",
  "qualifica",
  "livello_inquadramento",
  "sede_lavoro_comune",
  "situazione",
  "data_cessazione",
];

test("the employer sends an Excel list and reads its own errors; the officer checks the employer's list and applies the differences", async ({
  page,
}) => {
  await login(page, "officine@rosa.demo");
  await page.goto("/azienda/ricollocazione");
  await page.getByRole("link", { name: EVENT_TITLE }).click();
  await page.getByRole("link", { name: "Invia l'elenco dei lavoratori" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Elenco dei lavoratori" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Tabella degli elenchi inviati" })).toContainText(
    "Ricevuto, in verifica presso il Centro per l'Impiego",
  );
  await expectAccessible(page);

  // Row 3 of the sheet (after a blank row) has a dismissal date that does not exist.
  const file = xlsxOf([
    HEADER,
    null,
    ["RSSMRA70A01F205X", "Rossi", "Mario", "Monza (MB)", "Tornitore", "C2", "Sesto San Giovanni", "DISMISSED", "31/02/2026"],
  ]);
  await page.getByLabel("File dell'elenco (CSV o Excel)").setInputFiles({
    name: "elenco.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(file),
  });
  await page.getByRole("button", { name: "Invia l'elenco" }).click();
  await expect(page.getByRole("heading", { name: "Righe da correggere nel file elenco.xlsx" })).toBeVisible();
  const errors = page.getByRole("region", { name: "Errori del file caricato" });
  await expect(errors.getByRole("row", { name: /data_cessazione/ }).first()).toContainText("3");
  await expect(errors).toContainText("Data non valida «31/02/2026»");
  await expectAccessible(page);
  await logout(page);

  await login(page, "preselezione@rosa.demo");
  await page.goto("/operatore/ricollocazione");
  await page.getByRole("link", { name: EVENT_TITLE }).first().click();
  await expect(page).toHaveURL(/\/operatore\/ricollocazione\/[0-9a-f-]{36}$/);
  const eventPath = new URL(page.url()).pathname;
  await page.goto(`${eventPath}/importa`);
  const pending = page.getByRole("article", { name: /Elenco ricevuto dall'azienda: elenco-aggiornato-seconda-fase\.csv/ });
  await expect(pending).toBeVisible();
  await expectAccessible(page);
  await pending.getByRole("button", { name: "Verifica l'elenco" }).click();
  await expect(page.getByText("Elenco verificato: controlla le differenze qui sotto e applicale.")).toBeVisible();
  const preview = page.getByRole("article", { name: /Differenze da confermare: elenco-aggiornato-seconda-fase\.csv/ });
  await expect(preview).toContainText("2 lavoratori nuovi da aggiungere alla coorte");
  await expect(preview.getByRole("region", { name: /Lavoratori nuovi/ })).toContainText("Bertolini Luca");
  await expect(preview.getByRole("region", { name: /Dati cambiati/ })).toContainText("(capo turno)");
  await expectAccessible(page);
  await preview.getByRole("button", { name: "Applica le modifiche" }).click();
  await expect(page.getByRole("heading", { name: "Esito: file importato" })).toBeVisible();
  await expect(page.getByText(/2 lavoratori importati/).first()).toBeVisible();
  await expectAccessible(page);

  await page.goto(`${eventPath}/lavoratori`);
  await expect(page.getByRole("link", { name: "Bertolini Luca" })).toBeVisible();
  await logout(page);

  // The employer reads only that its list was taken in.
  await login(page, "officine@rosa.demo");
  await page.goto("/azienda/ricollocazione");
  await page.getByRole("link", { name: EVENT_TITLE }).click();
  await page.getByRole("link", { name: "Invia l'elenco dei lavoratori" }).click();
  await expect(page.getByRole("region", { name: "Tabella degli elenchi inviati" })).toContainText("Acquisito dal Centro per l'Impiego");
  await expect(page.getByText("Bertolini")).toHaveCount(0);
});
