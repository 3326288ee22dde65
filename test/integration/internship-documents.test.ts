import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import type { Actor } from "~/domain/audit/index.server";
import { extractPdfText } from "~/domain/candidates/pdf-text.server";
import { DomainError } from "~/domain/errors";
import { conventionContent, pfiContent } from "~/domain/internships/documents";
import { renderDocumentPdf } from "~/domain/internships/documents-pdf.server";
import {
  conventionData,
  createConvention,
  refreshConventionStates,
  signConvention,
  updateConvention,
} from "~/domain/internships/conventions.server";
import {
  authoriseInternship,
  currentPfiHash,
  pfiData,
  recordCo,
  savePfi,
  signPfi,
  startDueInternships,
  unilavForInternship,
} from "~/domain/internships/pfi.server";
import type { InternshipActor } from "~/domain/internships/transition.server";
import { addDays, todayInItaly } from "~/utils/dates";
import { createEmployer, createUserWithRole, uniqueCompanyTaxCode } from "../support/factories";
import { createTestCandidate } from "../support/factories-candidates";
import { conventionTestInput, officerSignsConvention, pfiTestInput } from "../support/factories-internship-documents";
import { insertInternship } from "../support/factories-internships";

const squash = (s: string) => s.replace(/\s+/g, "");
const today = todayInItaly();
const PROMOTER_CF = uniqueCompanyTaxCode();

let officerId: string;
let officerAudit: Actor;
let officer: InternshipActor;

async function pdfOfConvention(id: string) {
  const data = await conventionData(getDb(), id);
  return renderDocumentPdf(conventionContent(data!), "prova");
}
async function pdfOfPfi(id: string) {
  const data = await pfiData(getDb(), id);
  return renderDocumentPdf(pfiContent(data!), "prova");
}

const conventionInput = (employerId: string, over: Record<string, string> = {}) =>
  conventionTestInput(employerId, { promoterTaxCode: PROMOTER_CF, ...over });

async function conventionVersion(id: string) {
  return await getDb()
    .selectFrom("internship_conventions")
    .select(["version", "state", "document_hash"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
}

/** An active convention for the employer: created, signed by both parties. */
async function activeConvention(employerId: string) {
  const { id } = await withTransaction((trx) => createConvention(trx, officerAudit, conventionInput(employerId)));
  for (const party of ["host", "promoter"] as const) await officerSignsConvention(officerAudit, id, party);
  return id;
}

async function draftingInternship(employerId: string, over: Record<string, unknown> = {}) {
  const candidate = await createTestCandidate();
  return insertInternship(employerId, { state: "drafting", candidate_id: candidate.id, ...over });
}

async function row(id: string) {
  return getDb().selectFrom("internships").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

async function sign(id: string, actor: InternshipActor, party: "promoter" | "host" | "trainee", pdf: Uint8Array, hash?: string) {
  const r = await row(id);
  return withTransaction((trx) =>
    signPfi(
      trx,
      actor,
      id,
      {
        party,
        signerName: `Firmatario ${party}`,
        documentHash: hash ?? r.document_hash!,
        pdf: { name: "pfi.pdf", bytes: pdf },
        version: r.version,
      },
      today,
    ),
  );
}

async function refused(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

beforeAll(async () => {
  officerId = (await createUserWithRole("preselection_officer")).id;
  officerAudit = { userId: officerId, role: "preselection_officer", ip: null };
  officer = { kind: "officer", userId: officerId };
});

describe("conventions", () => {
  it("draft → host and promoter sign the current version → in force; an edit voids the signatures", async () => {
    const employer = await createEmployer();
    const { id } = await withTransaction((trx) => createConvention(trx, officerAudit, conventionInput(employer.id)));
    let c = await conventionVersion(id);
    expect(c.state).toBe("draft");
    expect(c.document_hash).toMatch(/^[0-9a-f]{64}$/);
    const pdf = await pdfOfConvention(id);

    const employerUser = await createUserWithRole("employer", { employerId: employer.id });
    const employerAudit: Actor = { userId: employerUser.id, role: "employer", ip: null };
    // The host's user signs only for the host.
    const asPromoter = await refused(
      withTransaction((trx) =>
        signConvention(
          trx,
          employerAudit,
          "employer",
          { kind: "employer", employerId: employer.id },
          id,
          { party: "promoter", signerName: "X Y", documentHash: c.document_hash!, pdf: { name: "c.pdf", bytes: pdf }, version: c.version },
          today,
        ),
      ),
    );
    expect(asPromoter.kind).toBe("forbidden");
    await withTransaction((trx) =>
      signConvention(
        trx,
        employerAudit,
        "employer",
        { kind: "employer", employerId: employer.id },
        id,
        {
          party: "host",
          signerName: "Mario Rossi",
          documentHash: c.document_hash!,
          pdf: { name: "c.pdf", bytes: pdf },
          version: c.version,
        },
        today,
      ),
    );
    c = await conventionVersion(id);
    expect(c.state).toBe("draft");

    // The officer changes the insurance: the host's signature is void.
    const r = await withTransaction((trx) =>
      updateConvention(trx, officerAudit, id, { ...conventionInput(employer.id, { rcPolicy: "RC nuova" }), version: c.version }),
    );
    expect(r.voidedSignatures).toBe(1);
    const stale = await refused(
      withTransaction(async (trx) => {
        const now = await conventionVersion(id);
        return signConvention(
          trx,
          officerAudit,
          "officer",
          { kind: "officer" },
          id,
          {
            party: "promoter",
            signerName: "Paola Bianchi",
            documentHash: c.document_hash!,
            pdf: { name: "c.pdf", bytes: pdf },
            version: now.version,
          },
          today,
        );
      }),
    );
    expect(stale.message).toMatch(/non corrisponde alla versione attuale/);

    const fresh = await pdfOfConvention(id);
    for (const party of ["host", "promoter"] as const) {
      const now = await conventionVersion(id);
      await withTransaction((trx) =>
        signConvention(
          trx,
          officerAudit,
          "officer",
          { kind: "officer" },
          id,
          { party, signerName: "Firmatario", documentHash: now.document_hash!, pdf: { name: "c.pdf", bytes: fresh }, version: now.version },
          today,
        ),
      );
    }
    expect((await conventionVersion(id)).state).toBe("active");
    const audit = await getDb().selectFrom("audit_log").select("action").where("entity_id", "=", id).execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["internship.convention_created", "internship.convention_signed", "internship.convention_updated"]),
    );

    await refreshConventionStates(getDb(), addDays(today, 366));
    expect((await conventionVersion(id)).state).toBe("expired");
  });

  it("refuses a promoter with the host's tax code", async () => {
    const employer = await createEmployer();
    const host = await getDb().selectFrom("employers").select("tax_code").where("id", "=", employer.id).executeTakeFirstOrThrow();
    const e = await refused(
      withTransaction((trx) => createConvention(trx, officerAudit, conventionInput(employer.id, { promoterTaxCode: host.tax_code }))),
    );
    expect(e.field).toBe("promoterTaxCode");
  });
});

describe("PFI: checks, frozen version, signatures, authorisation, CO", () => {
  it("every save runs the checks: violations → checks_failed; passed → ready_to_sign with the fingerprint frozen", async () => {
    const employer = await createEmployer();
    const conventionId = await activeConvention(employer.id);
    const i = await draftingInternship(employer.id);
    const low = await withTransaction((trx) =>
      savePfi(trx, officer, i.id, pfiTestInput(conventionId, i.version, { monthlyIndemnity: "200" }), today),
    );
    expect(low.state).toBe("checks_failed");
    expect(low.record.check?.violations).toContain("INDEMNITY_BELOW_MINIMUM");
    expect((await row(i.id)).document_hash).toBeNull();

    const ok = await withTransaction((trx) => savePfi(trx, officer, i.id, pfiTestInput(conventionId, low.version), today));
    expect(ok.state).toBe("ready_to_sign");
    const r = await row(i.id);
    expect(r.document_hash).toBe(await currentPfiHash(getDb(), i.id));
    expect(r.check_result).toMatchObject({ allowed: true });
  });

  it("a signature on a changed document is refused; an edit voids the signatures; three signatures → awaiting_co; the CO after the start is refused", async () => {
    const employer = await createEmployer();
    const conventionId = await activeConvention(employer.id);
    const i = await draftingInternship(employer.id);
    await withTransaction((trx) => savePfi(trx, officer, i.id, pfiTestInput(conventionId, i.version), today));
    const pdfV1 = await pdfOfPfi(i.id);
    const hashV1 = (await row(i.id)).document_hash!;

    await sign(i.id, officer, "host", pdfV1);
    expect((await row(i.id)).state).toBe("partially_signed");

    // The employer changes the hours: back to drafting, checks again, ready to sign with a new fingerprint, host signature void.
    const v1 = (await row(i.id)).version;
    const edited = await withTransaction((trx) =>
      savePfi(trx, officer, i.id, pfiTestInput(conventionId, v1, { weeklyHours: "36" }), today),
    );
    expect(edited.voidedSignatures).toBe(1);
    expect(edited.state).toBe("ready_to_sign");
    const hashV2 = (await row(i.id)).document_hash!;
    expect(hashV2).not.toBe(hashV1);
    const live = await getDb().selectFrom("internship_signatures").select("voided_at").where("internship_id", "=", i.id).execute();
    expect(live.every((s) => s.voided_at !== null)).toBe(true);
    const timeline = await getDb()
      .selectFrom("internship_transitions")
      .select("event")
      .where("internship_id", "=", i.id)
      .orderBy("id")
      .execute();
    expect(timeline.map((t) => t.event)).toContain("edit");

    // The old PDF (fingerprint in its Subject) is refused…
    const old = await refused(sign(i.id, officer, "promoter", pdfV1));
    expect(old.kind).toBe("conflict");
    expect(old.message).toMatch(/non corrisponde alla versione attuale/);
    // …and so is a scan without fingerprint declared for the old version.
    const scan = await PDFDocument.create();
    scan.addPage();
    const scanBytes = await scan.save();
    expect((await refused(sign(i.id, officer, "promoter", scanBytes, hashV1))).field).toBe("signedPdf");
    // A file that is not a PDF.
    expect((await refused(sign(i.id, officer, "promoter", new TextEncoder().encode("ciao")))).message).toBe(
      "Il file caricato non è un PDF",
    );

    const pdfV2 = await pdfOfPfi(i.id);
    const employerUser = await createUserWithRole("employer", { employerId: employer.id });
    const asEmployer: InternshipActor = { kind: "employer", userId: employerUser.id, employerId: employer.id };
    expect((await refused(sign(i.id, asEmployer, "trainee", pdfV2))).kind).toBe("forbidden");
    await sign(i.id, asEmployer, "host", pdfV2);
    await sign(i.id, officer, "promoter", pdfV2);
    expect((await row(i.id)).state).toBe("partially_signed");
    const duplicate = await refused(sign(i.id, officer, "promoter", pdfV2));
    expect(duplicate.message).toMatch(/già registrata/);
    const done = await sign(i.id, officer, "trainee", pdfV2);
    expect(done.state).toBe("awaiting_co");

    // UNILAV C.01.00 data.
    const unilav = (await unilavForInternship(getDb(), i.id))!;
    const value = (key: string) => unilav.fields.find((f) => f.key === key)?.value;
    expect(unilav.problems).toEqual([]);
    expect(value("tipologia_contrattuale")).toBe("C.01.00");
    expect(value("ccnl")).toBe("ND");
    expect(value("retribuzione_annua_lorda")).toBe("7200");
    expect(value("promotore_codice_fiscale")).toBe(PROMOTER_CF);
    expect(value("promotore_codice_fiscale")).not.toBe(value("datore_codice_fiscale"));
    expect(value("ore_settimanali_medie")).toBe("36");

    // The CO dated after the start is refused, in Italian.
    const r = await row(i.id);
    const late = await refused(
      withTransaction((trx) =>
        recordCo(
          trx,
          officer,
          i.id,
          { protocol: "CO-2026-1", filedOn: addDays(r.start_date!, 1), filedBy: "host", filerName: null, version: r.version },
          addDays(r.start_date!, 2),
        ),
      ),
    );
    expect(late.field).toBe("filedOn");
    expect(late.message).toMatch(/^La comunicazione obbligatoria va inviata prima dell'avvio/);
    const future = await refused(
      withTransaction((trx) =>
        recordCo(
          trx,
          officer,
          i.id,
          { protocol: "CO-2026-1", filedOn: addDays(today, 1), filedBy: "host", filerName: null, version: r.version },
          today,
        ),
      ),
    );
    expect(future.message).toMatch(/non può essere futura/);

    // Filed today, start in 20 days: still awaiting the start; the job starts it on its day.
    const filed = await withTransaction((trx) =>
      recordCo(
        trx,
        officer,
        i.id,
        { protocol: "CO-2026-1", filedOn: today, filedBy: "delegate", filerName: "Studio Neri", version: r.version },
        today,
      ),
    );
    expect(filed.state).toBe("awaiting_co");
    expect(await startDueInternships(getDb(), addDays(r.start_date!, -1))).toBe(0);
    expect(await startDueInternships(getDb(), r.start_date!)).toBeGreaterThanOrEqual(1);
    const started = await row(i.id);
    expect(started).toMatchObject({ state: "active", co_protocol: "CO-2026-1", co_filed_by: "delegate", co_filer_name: "Studio Neri" });
  });

  it("a PFI is signed only under a convention in force", async () => {
    const employer = await createEmployer();
    const { id: draftConvention } = await withTransaction((trx) => createConvention(trx, officerAudit, conventionInput(employer.id)));
    const i = await draftingInternship(employer.id);
    await withTransaction((trx) => savePfi(trx, officer, i.id, pfiTestInput(draftConvention, i.version), today));
    const e = await refused(sign(i.id, officer, "promoter", await pdfOfPfi(i.id)));
    expect(e.message).toMatch(/convenzione in vigore/);
  });

  it("in Emilia-Romagna the third signature waits for the regional authorisation", async () => {
    const employer = await createEmployer();
    const conventionId = await activeConvention(employer.id);
    const i = await draftingInternship(employer.id, { comune: "Bologna", region: "emilia-romagna" });
    await withTransaction((trx) => savePfi(trx, officer, i.id, pfiTestInput(conventionId, i.version), today));
    const pdf = await pdfOfPfi(i.id);
    for (const party of ["promoter", "host", "trainee"] as const) await sign(i.id, officer, party, pdf);
    let r = await row(i.id);
    expect(r.state).toBe("awaiting_authorisation");
    await withTransaction((trx) => authoriseInternship(trx, officer, i.id, { authorisationRef: "ER-2026/123", version: r.version }));
    r = await row(i.id);
    expect(r).toMatchObject({ state: "awaiting_co", authorisation_ref: "ER-2026/123" });

    // CO filed on the start day (date ≤ start) and recorded on that day: active at once.
    const onStart = await withTransaction((trx) =>
      recordCo(
        trx,
        officer,
        i.id,
        { protocol: "ER-CO-9", filedOn: r.start_date!, filedBy: "host", filerName: null, version: r.version },
        r.start_date!,
      ),
    );
    expect(onStart.state).toBe("active");
  });

  it("the PFI PDF loads and prints the parties", async () => {
    const employer = await createEmployer({ legalName: "Forneria Ådalsvägen S.r.l." });
    const conventionId = await activeConvention(employer.id);
    const i = await draftingInternship(employer.id);
    await withTransaction((trx) => savePfi(trx, officer, i.id, pfiTestInput(conventionId, i.version), today));
    const bytes = await pdfOfPfi(i.id);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toMatch(/^Progetto formativo individuale n\. \d+$/);
    const data = (await pfiData(getDb(), i.id))!;
    const { text } = await extractPdfText(bytes);
    for (const s of [data.host.name, data.trainee!.lastName, "Centro per l'Impiego di Milano", "Luca Verdi", data.trainee!.taxCode])
      expect(squash(text)).toContain(squash(s));
    const convention = await extractPdfText(await pdfOfConvention(conventionId));
    expect(squash(convention.text)).toContain(squash("Forneria Ådalsvägen S.r.l."));
    expect(squash(convention.text)).toContain(PROMOTER_CF);
  });
});
