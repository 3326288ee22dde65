/**
 * Every PDF Rosa writes prints any Unicode name: the standard Helvetica is WinAnsi-only and made
 * pdf-lib throw on «Ș» (app/documents/pdf-fonts.server.ts embeds DejaVu Sans instead; every document
 * is drawn by app/documents/pdf.server.ts).
 */
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { extractPdfText } from "~/domain/candidates/pdf-text.server";
import { requestCertificate } from "~/domain/l68/file/certificate.server";
import { renderCertificatePdf } from "~/domain/l68/file/certificate-pdf.server";
import { addWorkforceGroup } from "~/domain/l68/file/commands.server";
import { submitProspetto } from "~/domain/l68/file/prospetto.server";
import { renderNeedsPdf } from "~/domain/services/needs-pdf.server";
import { renderNullaOstaPdf } from "~/domain/placement/nulla-osta-pdf.server";
import { shortlistPdf } from "~/domain/shortlists/pdf.server";
import { pdfDownload, PdfWriter } from "~/documents/pdf.server";
import * as certificatePdf from "~/routes/azienda.collocamento-mirato.certificato.$certificateId";
import { request } from "../support/factories";
import { createL68Employer, fileVersion } from "../support/factories-l68";

const actor = { userId: null, role: "system", ip: null };
const NAMES = ["Ștefănescu Construcții S.R.L.", "Łódź Spółka z o.o.", "Şahin Gıda Ltd", "Αθηναϊκή Εταιρεία Α.Ε.", "Kovács Győző Kft."];
const squash = (s: string) => s.replace(/\s+/g, "");

describe("PDF con nomi fuori da WinAnsi", () => {
  it("the art. 17 certificate of a company named «Ștefănescu Construcții» downloads and shows the name", async () => {
    const e = await createL68Employer();
    await getDb().updateTable("employers").set({ legal_name: NAMES[0]! }).where("id", "=", e.employerId).execute();
    await withTransaction(async (trx) =>
      addWorkforceGroup(
        trx,
        actor,
        e.employerId,
        await fileVersion(e.employerId),
        { provinceCode: "MI", siteLabel: "", count: 20, contract: "indeterminato" },
        "2026-03-01",
      ),
    );
    await withTransaction((trx) => submitProspetto(trx, actor, e.employerId, { deadlineYear: 2026, availablePositions: "" }, "2026-03-10"));
    const issued = await withTransaction((trx) => requestCertificate(trx, actor, e.employerId, "2026-03-11"));
    expect(issued.compliant).toBe(true);
    const res = await certificatePdf.loader({
      request: request(`/azienda/collocamento-mirato/certificato/${issued.certificateId}`, { cookie: e.cookie }),
      params: { certificateId: issued.certificateId },
      context: {},
    });
    expect(res.status).toBe(200);
    const { text } = await extractPdfText(new Uint8Array(await res.arrayBuffer()));
    expect(squash(text)).toContain(squash(NAMES[0]!));
  });

  it("certificate and needs PDFs print Polish, Turkish, Greek and Hungarian names", async () => {
    for (const name of NAMES) {
      const cert = await renderCertificatePdf({
        number: "L68-2026-000001",
        issuedOn: "2026-03-11",
        validUntil: "2026-09-11",
        legalName: name,
        taxCode: "01234567890",
        legalSeat: "Via Ţepeş 1, Milano (MI)",
        baseComputo: 20,
        quotaDisabili: 1,
        coveredDisabili: 1,
        quotaArt18: 0,
        coveredArt18: 0,
      });
      expect(squash((await extractPdfText(cert)).text)).toContain(squash(name));
      const needs = await renderNeedsPdf({
        employerName: name,
        employerTaxCode: "01234567890",
        officerName: "Zoë Ñúñez",
        assessedOn: "2026-03-11",
        skillGaps: `Competenze per ${name}`,
        trainingNeeds: "—",
        actionsAgreed: "—",
        figures: [],
      });
      expect(squash((await extractPdfText(needs)).text)).toContain(squash(name));
    }
  });

  it("the certificate states the units still inside the 60-day term, when there are some (art. 9 c. 1 L. 68/1999)", async () => {
    const base = {
      number: "L68-2026-000002",
      issuedOn: "2026-03-11",
      validUntil: "2026-09-11",
      legalName: "Alfa S.r.l.",
      taxCode: "01234567890",
      legalSeat: "Via Roma 1, Milano (MI)",
      baseComputo: 40,
      quotaDisabili: 2,
      coveredDisabili: 0,
      quotaArt18: 0,
      coveredArt18: 0,
    };
    const text = squash((await extractPdfText(await renderCertificatePdf({ ...base, pending: { units: 2, dueOn: "2026-04-20" } }))).text);
    expect(text).toContain(squash("risultano scoperte 2 unità"));
    expect(text).toContain(squash("scade il 20/04/2026"));
    expect(squash((await extractPdfText(await renderCertificatePdf(base))).text)).not.toContain(squash("scoperte"));
  });
});

describe("every document Rosa writes prints any name", () => {
  // Latin Extended, the euro sign, the typographic apostrophe, Cyrillic; Chinese is outside DejaVu Sans.
  const PERSON = "Ștefan Kovács-Győri D’Arco";
  const CYRILLIC = "Олена Шевченко";
  const COMPANY = "Győr Építő Kft. — Ștefănescu’s";
  const NOTE = "Budget 1.500 € · Ж";
  const CJK = "王芳";
  const pdfText = async (bytes: Uint8Array) => squash((await extractPdfText(bytes)).text);
  const expectAll = (text: string, ...parts: string[]) => {
    for (const p of parts) expect(text).toContain(squash(p));
    // What the font lacks is drawn as U+FFFD, one per character, never dropped and never an exception.
    expect(text).toContain("\uFFFD\uFFFD");
  };

  it("the art. 17 certificate", async () => {
    const text = await pdfText(
      await renderCertificatePdf({
        number: "L68-2026-000009",
        issuedOn: "2026-03-11",
        validUntil: "2026-09-11",
        legalName: `${COMPANY} ${CJK}`,
        taxCode: "01234567890",
        legalSeat: `Ulica ${CYRILLIC} 1, Milano (MI)`,
        baseComputo: 20,
        quotaDisabili: 1,
        coveredDisabili: 1,
        quotaArt18: 0,
        coveredArt18: 0,
      }),
    );
    expectAll(
      text,
      COMPANY,
      CYRILLIC,
      "Base di computo: 20",
      "Quota di riserva disabili (art. 3): 1 — unità coperte: 1",
      "rilasciata il 11/03/2026",
    );
  });

  it("the needs assessment, with its figures as a table", async () => {
    const text = await pdfText(
      await renderNeedsPdf({
        employerName: COMPANY,
        employerTaxCode: "01234567890",
        officerName: PERSON,
        assessedOn: "2026-03-11",
        skillGaps: `Saldatura — ${CYRILLIC}`,
        trainingNeeds: NOTE,
        actionsAgreed: CJK,
        figures: [{ occupationCode: "6.2.1.7.0", occupationTitle: "Saldatori", quantity: 1500, neededBy: "2026-04-30", notes: NOTE }],
      }),
    );
    expectAll(
      text,
      COMPANY,
      PERSON,
      CYRILLIC,
      NOTE,
      "Figura professionale",
      "Saldatori",
      "6.2.1.7.0",
      "1.500",
      "30/04/2026",
      "colloquio del 11/03/2026",
    );
  });

  it("the nulla osta", async () => {
    const text = await pdfText(
      await renderNullaOstaPdf({
        number: "NO-MI-2026-000001",
        issuedOn: "2026-03-11",
        province: "MI",
        employer: COMPANY,
        employerTaxCode: "01234567890",
        task: NOTE,
        occupation: "4.3.1.2.0",
        comune: "Milano (MI)",
        person: `${PERSON} ${CJK}`,
        personTaxCode: "RSSMRA85M01F205X",
      }),
    );
    expectAll(text, COMPANY, PERSON, NOTE, "N. NO-MI-2026-000001 del 11/03/2026");
  });

  it("the rosa for the employer", async () => {
    const data = {
      cpi: { name: "Centro per l'Impiego di Milano", officerName: PERSON, officerEmail: "operatore@example.it" },
      shortlist: {
        title: `Saldatori ${CJK}`,
        employer_name: COMPANY,
        employer_tax_code: "01234567890",
        presented_at: "2026-03-11",
        vacancy_number: 7,
        vacancy_title: NOTE,
      },
      rows: [
        {
          name: CYRILLIC,
          state: "proposed",
          contacts: { phone: "333 1234567", email: "olena@example.it" },
          preferences: [NOTE],
          experiences: [{ title: "Saldatrice", from: "2020-01-01", to: null }],
          education: ["Diploma"],
          languages: ["Ucraino madrelingua"],
          licences: ["B"],
          certificates: ["EN ISO 9606-1"],
          explanation: { score: 10, parts: [{ points: 10, label: "professione" }], requirements: [] },
        },
      ],
    } as unknown as Parameters<typeof shortlistPdf>[0];
    const text = await pdfText(await shortlistPdf(data, new Date("2026-03-12T10:00:00Z")));
    expectAll(text, COMPANY, PERSON, CYRILLIC, NOTE, `Azienda: ${COMPANY}`, "Esperienze di lavoro: Saldatrice (dal 01/01/2020 a oggi).");
    // Each certificate line once (it used to be printed twice).
    expect(text.split(squash("Certificazioni:")).length - 1).toBe(1);
  });

  it("long text flows onto new pages; a table repeats its header there; an over-long word is cut, not lost", async () => {
    const pdf = await PdfWriter.create({ title: "Prova" });
    const long = `indirizzo.lunghissimo.${"x".repeat(150)}@example.it`;
    pdf.heading("Prova", 1).text(long);
    pdf.table(
      [
        { header: "Riga", width: 0.2 },
        { header: "Testo", width: 0.8 },
      ],
      Array.from({ length: 120 }, (_, i) => [String(i + 1), `${PERSON} ${i + 1}`]),
    );
    const { text, pageCount } = await extractPdfText(await pdf.save());
    expect(pageCount).toBeGreaterThan(1);
    expect(squash(text)).toContain(squash(long));
    expect(squash(text)).toContain(squash(`120 ${PERSON} 120`));
    expect(squash(text).split("RigaTesto").length - 1).toBe(pageCount);
  });

  it("a download is never cached or sniffed, and any file name is a valid header", async () => {
    const res = pdfDownload(new Uint8Array([37, 80, 68, 70]), 'rosa-Ștefănescu "bis".pdf', { etag: "abc" });
    expect(res.headers.get("Content-Disposition")).toBe(
      `attachment; filename="rosa-_tef_nescu _bis_.pdf"; filename*=UTF-8''${encodeURIComponent('rosa-Ștefănescu "bis".pdf')}`,
    );
    expect([res.headers.get("Cache-Control"), res.headers.get("X-Content-Type-Options"), res.headers.get("ETag")]).toEqual([
      "private, no-store",
      "nosniff",
      '"abc"',
    ]);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([37, 80, 68, 70]));
  });
});
