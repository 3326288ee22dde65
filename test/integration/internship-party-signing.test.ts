import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import type { Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import {
  concludeInternship,
  conventionContent,
  conventionData,
  createConvention,
  partySigningStatus,
  pfiContent,
  pfiData,
  renderDocumentPdf,
  savePfi,
  signAsParty,
  signPfi,
  type InternshipActor,
  type SigningParty,
} from "~/domain/internships/index.server";
import { addDays, todayInItaly } from "~/utils/dates";
import { createEmployer, createUserWithRole } from "../support/factories";
import { createTestCandidate } from "../support/factories-candidates";
import { conventionTestInput, officerSignsConvention, pfiTestInput } from "../support/factories-internship-documents";
import { insertInternship } from "../support/factories-internships";

/**
 * The parties' own signatures (docs/decisions/tirocini.md#firme-delle-parti) on real PostgreSQL: the host's legal
 * representative or delegate signs the convention and the PFI, the trainee the PFI, each only for itself and only on
 * its own internship; the last signature moves the internship on.
 */

const today = todayInItaly();
let officer: InternshipActor & { kind: "officer" };
let officerAudit: Actor;

async function refused(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

async function internshipRow(id: string) {
  return getDb().selectFrom("internships").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

/** An internship ready to sign under a draft convention of its host, with its trainee; the parties' actors. */
async function readyToSign() {
  const employer = await createEmployer();
  const other = await createEmployer();
  const legalRep = await createUserWithRole("employer", { employerId: employer.id, employerRole: "legal_rep" });
  const colleague = await createUserWithRole("employer", { employerId: employer.id, employerRole: "colleague" });
  const otherRep = await createUserWithRole("employer", { employerId: other.id, employerRole: "legal_rep" });
  const trainee = await createTestCandidate();
  const stranger = await createTestCandidate();
  const traineeUser = await createUserWithRole("candidate");
  const strangerUser = await createUserWithRole("candidate");
  const { id: conventionId } = await withTransaction((trx) => createConvention(trx, officerAudit, conventionTestInput(employer.id)));
  const row = await insertInternship(employer.id, { state: "drafting", candidate_id: trainee.id });
  const input = pfiTestInput(conventionId, row.version);
  const saved = await withTransaction((trx) => savePfi(trx, officer, row.id, input, today));
  expect(saved.state).toBe("ready_to_sign");
  const host = (user: { id: string }, employerId: string, employerRole: "legal_rep" | "colleague" | "delegate"): SigningParty => ({
    kind: "employer",
    userId: user.id,
    employerId,
    employerRole,
  });
  return {
    id: row.id,
    conventionId,
    legalRep: host(legalRep, employer.id, "legal_rep"),
    colleague: host(colleague, employer.id, "colleague"),
    otherRep: host(otherRep, other.id, "legal_rep"),
    trainee: { kind: "candidate", userId: traineeUser.id, candidateId: trainee.id } as SigningParty,
    stranger: { kind: "candidate", userId: strangerUser.id, candidateId: stranger.id } as SigningParty,
  };
}

async function conventionPdf(id: string) {
  return renderDocumentPdf(conventionContent((await conventionData(getDb(), id))!), "prova");
}
async function pfiPdf(id: string) {
  return renderDocumentPdf(pfiContent((await pfiData(getDb(), id))!), "prova");
}

async function signConventionAsParty(p: SigningParty, internshipId: string, conventionId: string) {
  const c = await getDb()
    .selectFrom("internship_conventions")
    .select(["version", "document_hash"])
    .where("id", "=", conventionId)
    .executeTakeFirstOrThrow();
  const bytes = await conventionPdf(conventionId);
  return withTransaction((trx) =>
    signAsParty(
      trx,
      p,
      internshipId,
      {
        document: "convention",
        signerName: "Mario Rossi",
        documentHash: c.document_hash!,
        version: c.version,
        pdf: { name: "convenzione.pdf", bytes },
      },
      today,
    ),
  );
}

async function signPfiAsParty(p: SigningParty, internshipId: string, bytes?: Uint8Array) {
  const r = await internshipRow(internshipId);
  return withTransaction(async (trx) =>
    signAsParty(
      trx,
      p,
      internshipId,
      {
        document: "pfi",
        signerName: p.kind === "employer" ? "Mario Rossi" : "Giulia Neri",
        documentHash: r.document_hash!,
        version: r.version,
        pdf: { name: "pfi.pdf", bytes: bytes ?? (await pfiPdf(internshipId)) },
      },
      today,
    ),
  );
}

beforeAll(async () => {
  const user = await createUserWithRole("preselection_officer");
  officer = { kind: "officer", userId: user.id };
  officerAudit = { userId: user.id, role: "preselection_officer", ip: null };
});

describe("the parties sign their own copies", () => {
  it("host signs the convention then the PFI, the trainee's signature is the last one and completes the PFI", async () => {
    const t = await readyToSign();
    // Before anything: the host has the convention to sign, the PFI waits for the convention in force.
    let host = (await partySigningStatus(getDb(), t.legalRep, t.id))!;
    expect(host.maySign).toBe(true);
    expect(host.toSign.map((d) => d.document)).toEqual(["convention"]);
    expect(host.pfiWaitsForConvention).toBe(true);
    const traineeBefore = (await partySigningStatus(getDb(), t.trainee, t.id))!;
    expect(traineeBefore.toSign).toEqual([]);
    expect(traineeBefore.pfiWaitsForConvention).toBe(true);

    // The promoter signs the convention (officer's page), then the host from its own page: in force at once.
    await officerSignsConvention(officerAudit, t.conventionId, "promoter");
    const afterHost = await signConventionAsParty(t.legalRep, t.id, t.conventionId);
    expect(afterHost).toMatchObject({ document: "convention", state: "active" });
    host = (await partySigningStatus(getDb(), t.legalRep, t.id))!;
    expect(host.toSign.map((d) => d.document)).toEqual(["pfi"]);
    expect(host.signed.map((d) => d.document)).toEqual(["convention"]);

    // The promoter signs the PFI first (officer), then the host, then the trainee: the third one completes it.
    const r = await internshipRow(t.id);
    await withTransaction(async (trx) =>
      signPfi(
        trx,
        officer,
        t.id,
        {
          party: "promoter",
          signerName: "Paola Bianchi",
          documentHash: r.document_hash!,
          version: r.version,
          pdf: { name: "p.pdf", bytes: await pfiPdf(t.id) },
        },
        today,
      ),
    );
    expect((await signPfiAsParty(t.legalRep, t.id)).state).toBe("partially_signed");
    expect((await partySigningStatus(getDb(), t.legalRep, t.id))!.toSign).toEqual([]);
    expect((await partySigningStatus(getDb(), t.trainee, t.id))!.toSign.map((d) => d.document)).toEqual(["pfi"]);
    const last = await signPfiAsParty(t.trainee, t.id);
    expect(last).toMatchObject({ document: "pfi", state: "awaiting_co" });

    const signatures = await getDb()
      .selectFrom("internship_signatures")
      .select(["party", "method", "signed_by"])
      .where("internship_id", "=", t.id)
      .where("voided_at", "is", null)
      .execute();
    expect(signatures.map((s) => `${s.party}:${s.method}`).sort()).toEqual([
      "host:uploaded_pdf",
      "promoter:uploaded_pdf",
      "trainee:uploaded_pdf",
    ]);
    expect(signatures.find((s) => s.party === "trainee")!.signed_by).toBe(t.trainee.userId);
    const events = await getDb()
      .selectFrom("internship_transitions")
      .select(["event", "actor_kind"])
      .where("internship_id", "=", t.id)
      .orderBy("id")
      .execute();
    expect(events.slice(-2)).toEqual([
      { event: "sign", actor_kind: "candidate" },
      { event: "signatures_complete", actor_kind: "system" },
    ]);
    const audit = await getDb()
      .selectFrom("audit_log")
      .select(["action", "actor_user_id"])
      .where("entity_id", "=", t.conventionId)
      .where("action", "=", "internship.convention_signed")
      .execute();
    expect(audit.map((a) => a.actor_user_id)).toContain(t.legalRep.userId);
  });

  it("refuses a colleague, another company, another person, the trainee on the convention, a changed document and a second signature", async () => {
    const t = await readyToSign();
    // A colleague sees what is to be signed but may not sign for the company.
    const colleague = (await partySigningStatus(getDb(), t.colleague, t.id))!;
    expect(colleague.maySign).toBe(false);
    expect((await refused(signConventionAsParty(t.colleague, t.id, t.conventionId))).kind).toBe("forbidden");
    // Another company's legal representative and another person do not even find the internship.
    expect(await partySigningStatus(getDb(), t.otherRep, t.id)).toBeNull();
    expect((await refused(signConventionAsParty(t.otherRep, t.id, t.conventionId))).kind).toBe("not_found");
    expect(await partySigningStatus(getDb(), t.stranger, t.id)).toBeNull();
    expect((await refused(signPfiAsParty(t.stranger, t.id))).kind).toBe("not_found");
    // The trainee does not sign the convention.
    expect((await refused(signConventionAsParty(t.trainee, t.id, t.conventionId))).kind).toBe("forbidden");
    // A party cannot sign for another party through the shared function either.
    const r = await internshipRow(t.id);
    const asTrainee = await refused(
      withTransaction(async (trx) =>
        signPfi(
          trx,
          t.legalRep as InternshipActor,
          t.id,
          {
            party: "trainee",
            signerName: "Mario Rossi",
            documentHash: r.document_hash!,
            version: r.version,
            pdf: { name: "p.pdf", bytes: await pfiPdf(t.id) },
          },
          today,
        ),
      ),
    );
    expect(asTrainee.kind).toBe("forbidden");
    // The PFI is signed only under a convention in force.
    expect((await refused(signPfiAsParty(t.trainee, t.id))).message).toMatch(/convenzione in vigore/);

    // With the convention in force: a copy of another version is refused, the right one counts once.
    await signConventionAsParty(t.legalRep, t.id, t.conventionId);
    await officerSignsConvention(officerAudit, t.conventionId, "promoter");
    const changed = await renderDocumentPdf({ ...pfiContent((await pfiData(getDb(), t.id))!), title: "Un altro documento" }, "prova");
    const wrong = await refused(signPfiAsParty(t.trainee, t.id, changed));
    expect(wrong.kind).toBe("conflict");
    expect(wrong.message).toMatch(/non corrisponde alla versione attuale/);
    await signPfiAsParty(t.trainee, t.id);
    const twice = await refused(signPfiAsParty(t.trainee, t.id));
    expect(twice.kind).toBe("conflict");
    expect((await internshipRow(t.id)).state).toBe("partially_signed");
  });
});

describe("the officer records the conclusion", () => {
  it("only past the end date, and only for a running internship", async () => {
    const employer = await createEmployer();
    const trainee = await createTestCandidate();
    const running = await insertInternship(employer.id, {
      state: "active",
      candidate_id: trainee.id,
      start_date: addDays(today, -90),
      end_date: today,
    });
    const early = await refused(withTransaction((trx) => concludeInternship(trx, officer, { internshipId: running.id }, today)));
    expect(early.kind).toBe("conflict");
    expect(early.message).toMatch(/si può solo interrompere/);
    const done = await withTransaction((trx) => concludeInternship(trx, officer, { internshipId: running.id }, addDays(today, 1)));
    expect(done.state).toBe("completed");
    expect(done.actual_end_date).toBe(today);
    const again = await refused(
      withTransaction((trx) => concludeInternship(trx, officer, { internshipId: running.id }, addDays(today, 1))),
    );
    expect(again.kind).toBe("conflict");
    const outcomes = await getDb()
      .selectFrom("internship_outcomes")
      .select("horizon_months")
      .where("internship_id", "=", running.id)
      .execute();
    expect(outcomes.map((o) => o.horizon_months).sort()).toEqual([12, 6]);
  });
});
