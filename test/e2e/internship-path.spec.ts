import type { Page } from "@playwright/test";
import { expect, expectAccessible, login, logout, test } from "./fixtures";

/**
 * The whole internship path (docs/decisions/tirocini.md), clicked as each person would: the host (Hotel Dolomiti, a unit
 * in Monza so that the figures of the Milan province stay as the demo shows them) asks for an internship whose indemnity
 * is under the Lombard minimum; the officer scouts, builds a rosa, records Sara Esposito's availability and chooses her;
 * writes the convention and the PFI, whose violation is shown in Italian and fixed; the host signs the convention and the
 * PFI, the trainee the PFI, the officer last; the CO is recorded; the months of attendance; the conclusion, the
 * attestazione and its PDF; the host and the trainee find it in their own areas. The internship ran in the last three
 * whole months, so it can be concluded today. Each project has its own portal; the title names the project anyway.
 */

const pad = (n: number) => String(n).padStart(2, "0");
/** Today in Rome, as the portal sees it. */
function today(): { y: number; m: number; d: number } {
  const [y, m, d] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome" }).format(new Date()).split("-").map(Number);
  return { y: y!, m: m!, d: d! };
}
/** The first day of the month `offset` months from the current one, as YYYY-MM-DD. */
function monthStart(offset: number): string {
  const t = today();
  const date = new Date(Date.UTC(t.y, t.m - 1 + offset, 1));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-01`;
}
const dayBefore = (iso: string) => {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
};
const itDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Downloads the PDF behind `link` and uploads it back as the signed copy in the nearest form with a «PDF firmato» field. */
async function signDownloaded(page: Page, scope: ReturnType<Page["locator"]> | Page, linkName: string | RegExp, submit: string) {
  const [download] = await Promise.all([page.waitForEvent("download"), scope.getByRole("link", { name: linkName }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  await scope.getByLabel(/^PDF firmato/).setInputFiles(await download.path());
  await scope.getByRole("button", { name: submit }).click();
}

test("an internship from the host's request to the attestazione, seen by the host and by the trainee", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const title = `Tirocinio di cameriere di sala (${testInfo.project.name})`;
  const start = monthStart(-3);
  const end = dayBefore(monthStart(0));
  const months = [monthStart(-3), monthStart(-2), monthStart(-1)].map((m) => m.slice(0, 7));

  // 1. The host asks for an internship: the checker answers in Italian on the saved request.
  await login(page, "hotel@rosa.demo");
  await page.goto("/azienda/tirocini");
  await page.getByRole("link", { name: "Richiedi un tirocinio" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Richiedi un tirocinio" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/^Titolo del tirocinio/).fill(title);
  await page.getByLabel(/^Professione di riferimento/).fill("5.2.2.3.2 — Camerieri di ristorante");
  await page.getByLabel(/^Attività che svolgerà/).fill("Accoglienza dei clienti, servizio ai tavoli, allestimento della sala.");
  await page.getByLabel(/^Comune della sede/).fill("Monza (MB)");
  await page.getByLabel(/^Ore settimanali/).fill("30");
  await page.getByLabel(/^Ore giornaliere/).fill("6");
  await page.getByLabel(/^Durata prevista in mesi/).fill("3");
  await page.getByLabel(/^Indennità mensile lorda/).fill("300");
  await page.getByLabel(/^Dipendenti a tempo indeterminato/).fill("12");
  await page.getByLabel(/^Nome e cognome del tutor/).fill("Paolo Rinaldi");
  await page.getByRole("button", { name: "Invia la richiesta" }).click();
  await expect(page.getByText(/non rispetta ancora tutte le regole/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Regole non rispettate" })).toBeVisible();
  await expect(page.getByText(/L'indennità mensile prevista \(300,00\s€\) è inferiore al minimo di/)).toBeVisible();
  await expectAccessible(page);
  await logout(page);

  // 2. The officer takes the request, scouts with the matching, builds the rosa and records Sara's availability.
  await login(page, "preselezione@rosa.demo");
  await page.goto("/operatore/tirocini");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Avvia la ricerca del tirocinante" }).click();
  await expect(page.getByText(/^Ricerca avviata:/)).toBeVisible();
  await page.getByRole("link", { name: "Cerca i candidati nell'abbinamento e prepara la rosa" }).click();
  await expect(page).toHaveURL(/\/operatore\/preselezione\//);
  // The internship's offer reaches the search index a moment after it is created.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("checkbox", { name: "Scegli Sara Esposito" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expectAccessible(page);
  await page.getByRole("checkbox", { name: "Scegli Sara Esposito" }).check();
  await page.getByRole("button", { name: "Crea la rosa con i candidati scelti" }).click();
  await expect(page.getByText("Rosa creata")).toBeVisible();
  await page.getByRole("button", { name: "Avvia il contatto con i candidati scelti" }).click();
  await page.getByText("Registra un contatto con Sara Esposito").click();
  const contact = page.locator("form").filter({ has: page.getByRole("button", { name: "Registra il contatto" }) });
  await contact.getByLabel("Canale").selectOption("phone");
  await contact.getByLabel("Esito").selectOption("available");
  await contact.getByText("Acconsente a dare i recapiti all'azienda").click();
  await contact.getByRole("button", { name: "Registra il contatto" }).click();
  await expect(page.getByText(/^Tentativo di contatto registrato/)).toBeVisible();
  await expectAccessible(page);

  // 3. Back to the internship (the rosa says where): Sara is chosen, the PFI opens.
  await page.getByRole("link", { name: "sceglila come tirocinante nella scheda del tirocinio" }).click();
  // Bootstrap Italia draws the radio over its label: tick it through the label.
  await page.locator("label", { hasText: /^Sara Esposito/ }).click();
  await expect(page.getByLabel(/^Sara Esposito/)).toBeChecked();
  await page.getByRole("button", { name: "Scegli il tirocinante" }).click();
  await expect(page.getByText(/^Tirocinante scelto: ora avvia/)).toBeVisible();
  await page.getByRole("button", { name: "Avvia il progetto formativo" }).click();
  await expect(page.getByText(/^Progetto formativo avviato:/)).toBeVisible();
  await expectAccessible(page);

  // 4. The convention with Hotel Dolomiti: written and signed by the promoter.
  await page.getByRole("link", { name: "← Tirocini da seguire" }).click();
  await page.getByRole("link", { name: "Convenzioni con le aziende" }).click();
  await page.getByRole("link", { name: "Nuova convenzione" }).click();
  await page.getByLabel(/^Azienda ospitante/).selectOption({ label: "Hotel Dolomiti S.n.c." });
  await page.getByLabel(/^Valida dal/).fill(dayBefore(start));
  await page.getByLabel(/^Codice fiscale/).fill("80012345676");
  await page.getByLabel(/^Legale rappresentante dell'azienda/).fill("Sara Conti");
  await page.getByRole("button", { name: "Salva la convenzione" }).click();
  await expect(page.getByText("Convenzione salvata come bozza")).toBeVisible();
  await expectAccessible(page);
  const conventionTitle = (await page.getByRole("heading", { level: 1 }).textContent())!;
  const conventionNumber = conventionTitle.match(/n\. (\d+)/)![1]!;
  await page.getByLabel(/^Nome di chi ha firmato/).fill("Anna Colombo");
  await signDownloaded(page, page, "Scarica il PDF della convenzione", "Registra la firma");
  await expect(page.getByText("Firma registrata: manca la firma dell'altra parte.")).toBeVisible();

  // 5. The PFI under that convention: saved with the request's indemnity the checks fail in Italian; fixed, it is ready to sign.
  await page.getByRole("link", { name: "← Convenzioni" }).click();
  await page.getByRole("navigation", { name: "Menu principale" }).getByRole("link", { name: "Tirocini" }).click();
  await page.getByRole("link", { name: title }).click();
  await page
    .getByRole("navigation", { name: "Pagine del tirocinio" })
    .getByRole("link", { name: /^Progetto formativo, firme e comunicazione obbligatoria/ })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Progetto formativo del tirocinio");
  await expectAccessible(page);
  await page.getByLabel(/^Convenzione/).selectOption({ label: `n. ${conventionNumber} (bozza)` });
  await page.getByLabel(/^Livello EQF/).fill("3");
  await page.getByLabel(/^Obiettivi formativi/).fill("Servire in sala in autonomia secondo gli standard dell'albergo.");
  await page.getByLabel(/^Competenze da acquisire/).fill("Servizio al tavolo; mise en place; accoglienza del cliente.");
  await page.getByLabel(/^Inizio/).fill(start);
  await page.getByLabel(/^Fine/).fill(end);
  await page.getByLabel(/^Orario pieno del CCNL/).fill("40");
  await page.getByLabel(/^Categoria del tirocinante/).selectOption("01");
  await page.getByLabel(/^Tipologia del tirocinio/).selectOption("A");
  await page.getByRole("button", { name: "Salva e controlla" }).click();
  await expect(page.getByText(/i controlli non sono superati: correggi i punti indicati/)).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: /è inferiore al minimo di/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/^Indennità mensile lorda/).fill("600");
  await page.getByRole("button", { name: "Salva e controlla" }).click();
  await expect(page.getByText(/è pronto per la firma/)).toBeVisible();
  await expect(page.getByText("Controlli superati.")).toBeVisible();
  await expectAccessible(page);
  await logout(page);

  // 6. The host signs its copies from its internship page: the convention first, then the PFI.
  await login(page, "hotel@rosa.demo");
  await page.goto("/azienda/tirocini");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: "Da firmare" })).toBeVisible();
  await expectAccessible(page);
  const conventionForm = page.locator("form").filter({ has: page.getByRole("button", { name: "Carica la convenzione firmata" }) });
  await signDownloaded(page, conventionForm, /^Scarica il PDF: convenzione/, "Carica la convenzione firmata");
  await expect(page.getByText("Convenzione firmata: è in vigore.")).toBeVisible();
  const hostPfi = page.locator("form").filter({ has: page.getByRole("button", { name: "Carica il progetto formativo firmato" }) });
  await signDownloaded(page, hostPfi, /^Scarica il PDF: progetto formativo/, "Carica il progetto formativo firmato");
  await expect(page.getByText("Firma registrata: mancano le firme delle altre parti.")).toBeVisible();
  await expect(page.getByText(/^Firmato: progetto formativo del tirocinio n\. \d+, da Sara Conti/)).toBeVisible();
  await expectAccessible(page);
  await logout(page);

  // 7. The trainee signs the PFI in her own area.
  await login(page, "candidato@rosa.demo");
  await page.goto("/candidato/tirocini");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByText("Mancano alcune firme del progetto formativo: qui sotto vedi se manca la tua.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Da firmare" })).toBeVisible();
  await expectAccessible(page);
  const traineePfi = page.locator("form").filter({ has: page.getByRole("button", { name: "Carica il progetto formativo firmato" }) });
  await signDownloaded(page, traineePfi, /^Scarica il PDF: progetto formativo/, "Carica il progetto formativo firmato");
  await expect(page.getByText("Firma registrata: mancano le firme delle altre parti.")).toBeVisible();
  await logout(page);

  // 8. The officer signs last (the signatures are complete), then records the CO filed before the start: it is running.
  await login(page, "preselezione@rosa.demo");
  await page.goto("/operatore/tirocini");
  await page.getByRole("link", { name: title }).click();
  await page
    .getByRole("navigation", { name: "Pagine del tirocinio" })
    .getByRole("link", { name: /^Progetto formativo, firme e comunicazione obbligatoria/ })
    .click();
  await expect(page.getByText("Mancano le firme di: soggetto promotore (cpi).")).toBeVisible();
  await page.getByLabel(/^Nome di chi ha firmato/).fill("Anna Colombo");
  await signDownloaded(page, page, "Scarica il PDF del progetto formativo", "Registra la firma");
  await expect(page.getByText(/^Firme complete: l'azienda invia la comunicazione obbligatoria/)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/^Protocollo UNILAV/).fill(`CO-${testInfo.project.name}-0001`);
  await page.getByLabel(/^Data di invio/).fill(dayBefore(start));
  await page.getByRole("button", { name: "Registra la comunicazione" }).click();
  await expect(page.getByText("Comunicazione obbligatoria registrata: il tirocinio è in corso.")).toBeVisible();

  // 9. The three months of attendance, the conclusion (the end date is past), the attestazione and its PDF.
  await page.getByRole("link", { name: /^← Tirocinio n\./ }).click();
  await page
    .getByRole("navigation", { name: "Pagine del tirocinio" })
    .getByRole("link", { name: /^Svolgimento: presenze/ })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Svolgimento del tirocinio");
  await expectAccessible(page);
  for (const month of months) {
    await page.getByLabel(/^Mese/).fill(month);
    await page.getByLabel(/^Ore di presenza/).fill("120");
    await page.getByRole("button", { name: "Registra le presenze del mese" }).click();
    // The message naming this month: the previous month's stays on the page until the reply arrives, and typing the
    // next month meanwhile lost it once (two months of three recorded).
    const label = new Date(`${month}-15T12:00:00Z`).toLocaleDateString("it-IT", { month: "long", year: "numeric", timeZone: "UTC" });
    await expect(page.getByText(`Presenze di ${label} registrate.`)).toBeVisible();
  }
  await expect(page.getByText("soglia raggiunta.", { exact: false })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Registra la conclusione" }).click();
  await expect(page.getByText(/^Conclusione registrata/)).toBeVisible();
  await page.getByLabel(/^Competenze acquisite/).fill("Servizio al tavolo in autonomia; mise en place; accoglienza del cliente.");
  await page.getByLabel(/^Firma per l'azienda ospitante/).fill("Sara Conti");
  await page.getByRole("button", { name: "Rilascia l'attestazione" }).click();
  await expect(page.getByText("Attestazione rilasciata: il tirocinante può scaricarla dalla sua area.")).toBeVisible();
  await expectAccessible(page);
  const [officerPdf] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Scarica l'attestazione (PDF)" }).click(),
  ]);
  expect(officerPdf.suggestedFilename()).toMatch(/\.pdf$/);
  await logout(page);

  // 10. The host and the trainee each find it in their own area.
  await login(page, "hotel@rosa.demo");
  await page.goto("/azienda/tirocini");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByText("Concluso con attestazione").first()).toBeVisible();
  await expectAccessible(page);
  const [hostPdf] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Scarica l'attestazione finale (PDF)" }).click(),
  ]);
  expect(hostPdf.suggestedFilename()).toMatch(/\.pdf$/);
  await logout(page);

  await login(page, "candidato@rosa.demo");
  await page.goto("/candidato/tirocini");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: "Attestazione finale" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Presenze per mese/ })).toBeVisible();
  await expect(page.getByText(`dal ${itDate(start)} al ${itDate(end)}`)).toBeVisible();
  await expectAccessible(page);
  const [traineePdf] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Scarica l'attestazione finale (PDF)" }).click(),
  ]);
  expect(traineePdf.suggestedFilename()).toMatch(/\.pdf$/);
});
