import type { Download } from "@playwright/test";
import { expect, expectAccessible, login, test } from "./fixtures";

async function textOf(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

test("an officer chooses the CP2011 qualification ClicLavoro needs, then downloads the vacancy's document", async ({
  checkedPage: page,
}) => {
  await login(page, "preselezione@rosa.demo");
  await page.goto("/operatore/offerte?status=published");
  await page.getByRole("link", { name: "Tecnico/a biologo/a per il controllo qualità" }).first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Invio a ClicLavoro" })).toBeVisible();
  // «Tecnico biologo» is new in CP2021: no document until the officer chooses.
  await expect(page.getByText(/non ha un codice CP2011 certo/)).toBeVisible();
  await expect(page.getByRole("link", { name: /Scarica il documento ClicLavoro/ })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByLabel("Qualifica CP2011 da inviare").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Registra la qualifica" }).click();
  await expect(page.getByText(/^Qualifica CP2011 3\.2\.2\.3\.\d\.0 registrata/)).toBeVisible();
  await expectAccessible(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Scarica il documento ClicLavoro (primo invio, XML)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^offerta-\d+-cliclavoro-invio-0\.xml$/);
  const xml = await textOf(file);
  expect(xml).toContain('<Vacancy xmlns="http://servizi.lavoro.gov.it/vacancy">');
  expect(xml).toMatch(/<idprofessione>3\.2\.2\.3\.\d\.0<\/idprofessione>/);
  expect(xml).toMatch(/<codiceofferta>\d{25}<\/codiceofferta>/);
  await page.reload();
  await expect(page.getByText(/primo invio — codice offerta \d{25}/)).toBeVisible();
});
