import { expect, expectAccessible, login, logout, test } from "./fixtures";

// From a reserved vacancy to a nominative referral, through the matching with the
// province's list (demo data: the bakery's reserved vacancy is linked to its post «Addetto alle vendite e
// agli ordini online»). Runs after referral-l68.spec.ts (alphabetical order), which hires a person who does not fit this post.
test("the placement officer goes from a reserved vacancy to the people of the list who fit and issues the nulla osta", async ({
  checkedPage: page,
}) => {
  test.setTimeout(120_000);
  await login(page, "collocamento@rosa.demo");

  // 1. The workspace lists the bakery's reserved vacancy; the officer opens it.
  await page.goto("/operatore/collocamento-mirato");
  await page
    .getByRole("row", { name: /Panificio Lombardo S\.r\.l\./ })
    .getByRole("link", { name: /Addetto\/a alle vendite e agli ordini online/ })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Addetto/a alle vendite e agli ordini online");
  await page.getByRole("link", { name: "Abbinamento con l'elenco del collocamento mirato" }).click();

  // 2. The matching: the linked post, the counts, the people who fit by ranking with why.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Abbinamento con l'elenco: Addetto/a alle vendite e agli ordini online (riservata L. 68/99)",
  );
  await expect(page.getByText("Addetto alle vendite e agli ordini online", { exact: true })).toBeVisible();
  await expect(page.getByText(/^Su \d+ persone iscritte e disponibili: \d+ idone[ae], \d+ non idone[ae]\./)).toBeVisible();
  const fitting = page.getByRole("table", { name: "Persone idonee in ordine di graduatoria, con i motivi" });
  await expect(fitting.getByRole("row").nth(1)).toContainText("Ha tutte le 3 capacità richieste");
  const excluded = page.getByRole("table", { name: "Persone non idonee in ordine di graduatoria, con i motivi" });
  await expect(excluded.getByRole("row", { name: /Russo Davide/ })).toContainText("Ha già un avviamento in corso");
  await expectAccessible(page);

  // 3. The first person who fits: the nominative form comes prefilled; the office issues the nulla osta.
  const first = fitting.getByRole("row").nth(1);
  const name = (await first.getByRole("cell").nth(1).innerText()).trim();
  await first.getByRole("link", { name: /^Avvia con nulla osta/ }).click();
  await expect(page.getByText("Posto e persona scelti dall'abbinamento con l'elenco")).toBeVisible();
  await expect(page.getByLabel(/^Persona indicata dall'azienda/).locator("option:checked")).toContainText(name.split(" ")[0]);
  await expect(page.getByLabel(/^Posto/).locator("option:checked")).toContainText("Addetto alle vendite e agli ordini online");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Rilascia il nulla osta" }).click();
  await expect(page.getByText(/Nulla osta n\. NO-MI-\d{4}-\d{5} rilasciato\./)).toBeVisible();
  await expectAccessible(page);

  // 4. Back to the matching: the person now has a referral in progress, one place left.
  await page.goto("/operatore/collocamento-mirato");
  await page
    .getByRole("row", { name: /Panificio Lombardo S\.r\.l\./ })
    .getByRole("link", { name: /^abbinamento/ })
    .first()
    .click();
  await expect(
    page
      .getByRole("table", { name: "Persone non idonee in ordine di graduatoria, con i motivi" })
      .getByRole("row", { name: new RegExp(name) }),
  ).toContainText("Ha già un avviamento in corso");
  await logout(page);
});
