/**
 * Every PDF Rosa writes prints any Unicode name: the standard Helvetica is WinAnsi-only and made
 * pdf-lib throw on «Ș» (app/utils/pdf-fonts.server.ts embeds DejaVu Sans instead).
 */
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { extractPdfText } from "~/domain/candidates/pdf-text.server";
import { requestCertificate } from "~/domain/l68/certificate.server";
import { renderCertificatePdf } from "~/domain/l68/certificate-pdf.server";
import { addWorkforceGroup } from "~/domain/l68/commands.server";
import { submitProspetto } from "~/domain/l68/prospetto.server";
import { renderNeedsPdf } from "~/domain/services/needs-pdf.server";
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
      addWorkforceGroup(trx, actor, e.employerId, await fileVersion(e.employerId), { provinceCode: "MI", siteLabel: "", count: 20, contract: "indeterminato" }, "2026-03-01"),
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
    const base = { number: "L68-2026-000002", issuedOn: "2026-03-11", validUntil: "2026-09-11", legalName: "Alfa S.r.l.", taxCode: "01234567890", legalSeat: "Via Roma 1, Milano (MI)", baseComputo: 40, quotaDisabili: 2, coveredDisabili: 0, quotaArt18: 0, coveredArt18: 0 };
    const text = squash((await extractPdfText(await renderCertificatePdf({ ...base, pending: { units: 2, dueOn: "2026-04-20" } }))).text);
    expect(text).toContain(squash("risultano scoperte 2 unità"));
    expect(text).toContain(squash("scade il 20/04/2026"));
    expect(squash((await extractPdfText(await renderCertificatePdf(base))).text)).not.toContain(squash("scoperte"));
  });
});
