import { CSV_COLUMNS } from "~/domain/candidates/csv";
import { expect, expectAccessible, login, test } from "./fixtures";

// The CSV import as the officer meets it: a file that cannot be read names the line of the file to fix, counted as an
// editor counts them (the header, a blank line and a note written on two lines come before the broken cell).
test("a CSV with an unclosed quote is refused with the line where the cell opens", async ({ page }) => {
  await login(page, "preselezione@rosa.demo");
  await page.goto("/operatore/candidati/importa");
  const row = (nome: string, note: string) =>
    CSV_COLUMNS.map((c) => (c === "nome" ? nome : c === "propensione_1_note" ? note : "")).join(";");
  const csv = [
    "\uFEFF" + CSV_COLUMNS.join(";"),
    "",
    row("Anna", '"prima riga\r\nseconda riga"'),
    row("Bruno", '"aperta'),
    row("Carla", ""),
  ].join("\r\n");
  await page.getByLabel("File CSV").setInputFiles({ name: "candidati.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Verifica e importa" }).click();
  await expect(page.locator("#f-file-error")).toHaveText("Virgolette non chiuse: controlla la riga 5 del file");
  await expectAccessible(page);
});
