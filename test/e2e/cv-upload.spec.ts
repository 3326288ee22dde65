import { PDFDocument, StandardFonts } from "pdf-lib";
import { expect, login, test } from "./fixtures";

async function pdf(text: string, pages = 1): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) doc.addPage().drawText(`${text} ${i + 1}`, { x: 50, y: 700, size: 12, font });
  return Buffer.from(await doc.save());
}

// The limits of a CV upload as the candidate meets them in the browser: the server refuses an oversized file (413)
// after reading only up to its limit, and a PDF over the page limit, with the reason next to the file input.
test("a candidate uploads a CV; an oversized file and a too long PDF are refused with the reason", async ({ page }) => {
  await login(page, "candidato@rosa.demo");
  const input = page.getByLabel(/^File PDF/);
  const submit = page.getByRole("button", { name: "Carica il PDF" });

  const big = Buffer.alloc(12 * 1_048_576, 0x20);
  big.write("%PDF-1.7\n");
  await input.setInputFiles({ name: "cv-enorme.pdf", mimeType: "application/pdf", buffer: big });
  await submit.click();
  await expect(page.getByText("Il file è troppo grande: al massimo 5 MB").first()).toBeVisible();

  await input.setInputFiles({ name: "cv-lungo.pdf", mimeType: "application/pdf", buffer: await pdf("Pagina", 51) });
  await submit.click();
  await expect(
    page.getByText("Il PDF ha 51 pagine: un CV può averne al massimo 50. Caricane una versione più breve").first(),
  ).toBeVisible();

  await input.setInputFiles({ name: "cv.pdf", mimeType: "application/pdf", buffer: await pdf("Cuoca capopartita") });
  await submit.click();
  await expect(page.getByText("Il tuo CV in PDF è stato caricato.")).toBeVisible();
});
