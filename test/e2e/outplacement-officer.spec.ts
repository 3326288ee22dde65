import type { Download } from "@playwright/test";
import { expect, expectAccessible, login, test } from "./fixtures";

/**
 * The coordinator's path on the demo collective dismissal (Officine Meccaniche Lombarde): the event with its legal
 * deadlines, a state move (the union phase ends), the cohort, one informed worker without a plan (Antonio Esposito):
 * reinsertion plan drafted with a CP2021 goal, signed, its PDF; an individual session with attendance; the dashboard
 * counts its hours. Each project (desktop, phone) has its own demo data, so each moves its own event once.
 */
const EVENT_TITLE = "Riduzione di personale 2026 — stabilimento di Sesto San Giovanni";

async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** «Ore di servizi erogate (presenze registrate): 114» → 114. */
async function deliveredHours(page: import("@playwright/test").Page): Promise<number> {
  const text = await page.getByText(/Ore di servizi erogate \(presenze registrate\):/).textContent();
  const m = /presenze registrate\):\s*([\d.,]+)/.exec(text ?? "");
  return Number(m![1]!.replace(/\./g, "").replace(",", "."));
}

test("the coordinator moves the event on, drafts and signs a worker's plan, logs a session, and the dashboard counts it", async ({
  page,
}) => {
  await login(page, "preselezione@rosa.demo");
  await page.goto("/operatore/ricollocazione");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ricollocazione");
  await expectAccessible(page);
  await page.getByRole("link", { name: EVENT_TITLE }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: EVENT_TITLE })).toBeVisible();
  await expect(page.getByTestId("event-state")).toHaveText("Fase sindacale");
  const milestones = page.getByTestId("milestones");
  await expect(milestones.getByRole("row").nth(1)).toBeVisible();
  await expect(milestones).toContainText(/\d{2}\/\d{2}\/\d{4}/);
  await expectAccessible(page);
  const eventPath = new URL(page.url()).pathname;

  // The dashboard before: its hours, to compare after the session.
  await page.getByRole("navigation", { name: "Sezioni dell'evento" }).getByRole("link", { name: "Cruscotto" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cruscotto della ricollocazione" })).toBeVisible();
  const hoursBefore = await deliveredHours(page);
  await expectAccessible(page);

  // The union phase ends: the administrative phase opens.
  await page.goto(eventPath);
  await page.getByLabel("Data di fine della fase sindacale").fill(new Date().toISOString().slice(0, 10));
  await page.getByRole("button", { name: "Passa alla fase amministrativa" }).click();
  await expect(page.getByText(/Fase amministrativa aperta/)).toBeVisible();
  await expect(page.getByTestId("event-state")).toHaveText("Fase amministrativa");
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Sezioni dell'evento" }).getByRole("link", { name: "Lavoratori" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lavoratori della coorte" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Esposito Antonio" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Antonio Esposito");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Accoglienza e piano di reinserimento" }).first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Progetto di reinserimento" })).toBeVisible();
  await page.getByLabel("Professione obiettivo (CP2021)").fill("7.2.1.1.0 — Conduttori di macchine utensili automatiche e semiautomatiche");
  await page
    .getByLabel("Descrizione dell'obiettivo principale")
    .fill("Operatore CNC in un'azienda meccanica entro 30 km da Sesto San Giovanni");
  await page.getByLabel("Impegni reciproci").fill("Il lavoratore partecipa agli incontri; il Centro propone almeno due colloqui al mese");
  await page.getByRole("button", { name: "Salva la bozza del piano" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "Versione 1 — Bozza" })).toBeVisible();
  await expect(page.getByText(/7\.2\.1\.1\.0/).first()).toBeVisible();
  await expectAccessible(page);

  await page.locator("label", { hasText: "Il lavoratore ha firmato il PDF stampato" }).click();
  await page.getByRole("button", { name: "Firma il piano" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "Versione 1 — Firmato" })).toBeVisible();
  await expect(page.getByText(/Firmato dal lavoratore il \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
  await expectAccessible(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Scarica il PDF della versione 1" }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  expect((await bytesOf(pdf)).subarray(0, 5).toString()).toBe("%PDF-");

  await page.getByRole("navigation", { name: "Sezioni del lavoratore" }).getByRole("link", { name: "Incontri e ore" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Registra un incontro individuale" })).toBeVisible();
  const action = page.getByLabel("Azione del piano");
  await action.selectOption({ index: 1 });
  await page.getByLabel("Durata (ore)").fill("2");
  await page.getByLabel("Presenza").selectOption("present");
  await page.getByRole("button", { name: "Registra l'incontro" }).click();
  const sessions = page.getByRole("table", { name: /1 incontro registrato/ });
  await expect(sessions).toContainText("Presente");
  await expect(sessions).toContainText("2");
  await expectAccessible(page);

  // Back to the worker's page, and on to the outcomes with their 3-, 6- and 12-month checks.
  await page.getByRole("link", { name: "← Scheda del lavoratore" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Antonio Esposito");
  await page.getByRole("link", { name: "Esiti e verifiche" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Esiti e verifiche: Antonio Esposito");
  await expect(page.getByText(/A 3 mesi \(il \d{2}\/\d{2}\/\d{4}\)/)).toBeVisible();
  await expectAccessible(page);

  await page.goto(`${eventPath}/cruscotto`);
  await expect(page.getByRole("heading", { level: 1, name: "Cruscotto della ricollocazione" })).toBeVisible();
  await expect(page.getByText(/conteggi esatti su \d+ lavoratori/)).toBeVisible();
  expect(await deliveredHours(page)).toBe(hoursBefore + 2);
  await expect(page.getByRole("table", { name: /Rioccupazione a 3, 6 e 12 mesi/ })).toBeVisible();
  await expectAccessible(page);
});
