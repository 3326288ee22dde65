import type { Page } from "@playwright/test";
import { personCodiceFiscaleCheckChar } from "~/utils/tax-codes";
import { expect, expectAccessible, login, test } from "./fixtures";

/**
 * The officer's cohort path on the demo collective dismissal: import the workers' list with a mistake (refused, nothing
 * imported, the line of the file named), import it fixed (family burden and scores ignored; the cohort has workers, so
 * the differences first, applied as a partial list), then mark the art. 14
 * notice as sent for the new workers. Each project (desktop, phone) imports its own workers: random codici fiscali.
 */
const EVENT_TITLE = "Riduzione di personale 2026 — stabilimento di Sesto San Giovanni";
const LETTERS = "BCDFGLMNPRSTVZ";
const rand = (n: number) => Array.from({ length: n }, () => LETTERS[Math.floor(Math.random() * LETTERS.length)]).join("");
function taxCode(): string {
  const first15 = `${rand(6)}78C12F205`;
  return first15 + personCodiceFiscaleCheckChar(first15);
}

async function openEvent(page: Page): Promise<string> {
  await page.goto("/operatore/ricollocazione");
  await page.getByRole("link", { name: EVENT_TITLE }).first().click();
  await expect(page).toHaveURL(/\/operatore\/ricollocazione\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

const HEADER =
  "codice_fiscale;cognome;nome;comune_residenza;qualifica;cp2021_code;livello_inquadramento;sede_lavoro_comune;situazione;data_cessazione;carichi_famiglia;punteggio_criteri";

test("the officer imports the workers' list, fixes an error, and marks the notice sent", async ({ page }) => {
  const suffix = rand(3).toLowerCase();
  const a = { cf: taxCode(), last: `Arnaboldi${suffix}`, first: "Teresa" };
  const b = { cf: taxCode(), last: `Beretta${suffix}`, first: "Ugo" };
  const line = (w: { cf: string; last: string; first: string }, cf = w.cf) =>
    `${cf};${w.last};${w.first};Monza (MB);Saldatore;6.2.1.2.0;C2;Sesto San Giovanni;DISMISSED;2026-11-30;2;47`;

  await login(page, "preselezione@rosa.demo");
  const event = await openEvent(page);
  await page.goto(`${event}/importa`);
  await expectAccessible(page);

  // Line 4 of the file (after a blank line) has a codice fiscale with a wrong check character.
  const wrong = `${b.cf.slice(0, 15)}${b.cf[15] === "A" ? "B" : "A"}`;
  const bad = [HEADER, line(a), "", line(b, wrong)].join("\n");
  await page
    .getByLabel("File CSV o Excel dell'elenco")
    .setInputFiles({ name: "elenco.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.getByRole("button", { name: "Verifica e importa" }).click();
  await expect(page.getByRole("heading", { name: "Esito: file rifiutato" })).toBeVisible();
  const errors = page.getByRole("table", { name: /Errori del file/ });
  await expect(errors.getByRole("row").nth(1)).toContainText("4");
  await expect(errors).toContainText("Codice fiscale non valido");
  await expect(page.getByText("nessun lavoratore è stato importato").first()).toBeVisible();
  await expectAccessible(page);

  const good = [HEADER, line(a), "", line(b)].join("\n");
  await page
    .getByLabel("File CSV o Excel dell'elenco")
    .setInputFiles({ name: "elenco.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
  await page.getByRole("button", { name: "Verifica e importa" }).click();
  // The cohort already has workers: the differences first, nothing imported until confirmed.
  const preview = page.getByRole("article", { name: /Differenze da confermare: elenco\.csv/ });
  await expect(preview).toContainText("2 lavoratori nuovi da aggiungere alla coorte");
  await expect(preview.getByRole("region", { name: "Lavoratori nuovi dell'elenco elenco.csv" })).toContainText(a.last);
  await expectAccessible(page);
  await preview.getByRole("button", { name: "Applica come elenco parziale (non segnalare gli assenti)" }).click();
  await expect(page.getByRole("heading", { name: "Esito: file importato" })).toBeVisible();
  await expect(page.getByText("2 lavoratori importati").first()).toBeVisible();
  await expect(page.getByText("Colonne ignorate e non conservate: carichi_famiglia, punteggio_criteri")).toBeVisible();
  await expectAccessible(page);

  await page.goto(`${event}/lavoratori?stato=imported`);
  for (const w of [a, b]) await page.locator("label", { hasText: `Seleziona ${w.first} ${w.last}` }).click();
  await page.getByLabel("Canale", { exact: true }).selectOption("pec");
  await page.getByRole("button", { name: "Segna come inviata" }).click();
  await expect(page.getByText("Informativa segnata come inviata a 2 lavoratori.")).toBeVisible();
  await expectAccessible(page);

  await page.goto(`${event}/lavoratori?stato=contacted`);
  await page.getByRole("link", { name: `${a.last} ${a.first}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${a.first} ${a.last}`);
  await expect(page.getByText(/inviata il .* per PEC/)).toBeVisible();
  await expectAccessible(page);
});
