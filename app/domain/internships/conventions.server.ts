/**
 * Conventions between the CPI (promoter) and a host (docs/decisions/tirocini.md#convenzioni-pfi-firme-e-co): written by
 * the officer, signed by both parties by uploading the signed PDF, in force from their first day of validity, expired
 * after the last one, revocable. Every move: scoped row lock, version check, audit, in the caller's transaction.
 */
import type { Db, Trx } from "~/db/db.server";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { applyTransition, lockRow } from "~/domain/workflow/index.server";
import {
  CONVENTION_PARTIES,
  CONVENTION_STATE_LABELS,
  conventionStateOn,
  nextConventionState,
  type ConventionActorKind,
  type ConventionEvent,
  type ConventionState,
} from "./convention-states";
import { conventionContent, type ConventionData } from "./documents";
import { documentHash } from "./documents-pdf.server";
import type { ConventionInput } from "./documents-schema";
import {
  assertMaySign,
  liveSignatureParties,
  recordSignature,
  signedVersionHash,
  voidSignatures,
  type SignatureInput,
  type SignerKind,
} from "./signatures.server";

/** Whose conventions: the officer sees all, a host's user only their company's. */
export type ConventionScope = { kind: "officer" } | { kind: "employer"; employerId: string };

async function lockConvention(trx: Trx, scope: ConventionScope, id: string, version: number | null) {
  let q = trx.selectFrom("internship_conventions").selectAll().where("id", "=", id);
  if (scope.kind === "employer") q = q.where("employer_id", "=", scope.employerId);
  return lockRow(q, version, "Convenzione non trovata");
}

function move(state: ConventionState, event: ConventionEvent, by: ConventionActorKind): ConventionState {
  const next = nextConventionState(state, event, by);
  if (!next)
    throw new DomainError(
      `La convenzione è «${CONVENTION_STATE_LABELS[state].toLowerCase()}»: operazione non consentita`,
      "_form",
      "conflict",
    );
  return next;
}

/** The data the convention's document prints. */
export async function conventionData(db: Db | Trx, id: string): Promise<ConventionData | null> {
  const row = await db
    .selectFrom("internship_conventions as c")
    .innerJoin("employers as e", "e.id", "c.employer_id")
    .leftJoin("comuni as cm", "cm.istat_code", "e.legal_comune_code")
    .select([
      "c.number",
      "c.promoter_name",
      "c.promoter_tax_code",
      "c.promoter_office",
      "c.promoter_kind",
      "c.host_representative",
      "c.valid_from",
      "c.valid_to",
      "c.inail_position",
      "c.rc_policy",
      "c.max_internships",
      "e.legal_name",
      "e.tax_code",
      "e.legal_address",
      "e.ateco_code",
      "cm.name as comune_name",
    ])
    .where("c.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    number: row.number,
    promoter: {
      name: row.promoter_name ?? "Centro per l'Impiego",
      taxCode: row.promoter_tax_code ?? "",
      office: row.promoter_office,
      kind: row.promoter_kind,
    },
    host: {
      name: row.legal_name,
      taxCode: row.tax_code,
      address: [row.legal_address, row.comune_name].filter(Boolean).join(", "),
      atecoCode: row.ateco_code,
      representative: row.host_representative,
    },
    validFrom: row.valid_from,
    validTo: row.valid_to,
    inailPosition: row.inail_position,
    rcPolicy: row.rc_policy,
    maxInternships: row.max_internships,
  };
}

async function refreshHash(trx: Trx, id: string): Promise<string> {
  const data = await conventionData(trx, id);
  if (!data) throw new DomainError("Convenzione non trovata", "_form", "not_found");
  const hash = documentHash(conventionContent(data));
  await trx.updateTable("internship_conventions").set({ document_hash: hash }).where("id", "=", id).execute();
  return hash;
}

const columns = (input: ConventionInput) => ({
  valid_from: input.validFrom,
  valid_to: input.validTo,
  promoter_name: input.promoterName,
  promoter_tax_code: input.promoterTaxCode,
  promoter_kind: input.promoterKind,
  promoter_office: input.promoterOffice,
  host_representative: input.hostRepresentative,
  inail_position: input.inailPosition,
  rc_policy: input.rcPolicy,
  max_internships: input.maxInternships,
});

async function checkHost(trx: Trx, input: ConventionInput) {
  const employer = await trx.selectFrom("employers").select(["tax_code", "status"]).where("id", "=", input.employerId).executeTakeFirst();
  if (!employer) throw new DomainError("Azienda non trovata", "employerId");
  if (employer.status !== "validated")
    throw new DomainError("L'azienda non è ancora convalidata: la convenzione si stipula dopo la convalida", "employerId", "conflict");
  if (employer.tax_code.toUpperCase() === input.promoterTaxCode)
    throw new DomainError(
      "Il codice fiscale del soggetto promotore deve essere diverso da quello dell'azienda ospitante",
      "promoterTaxCode",
    );
}

/** A new convention (officer): a draft whose document is ready to print and sign. */
export async function createConvention(trx: Trx, actor: Actor, input: ConventionInput): Promise<{ id: string }> {
  await checkHost(trx, input);
  const row = await trx
    .insertInto("internship_conventions")
    .values({ ...columns(input), employer_id: input.employerId, created_by: actor.userId })
    .returning(["id", "number"])
    .executeTakeFirstOrThrow();
  const hash = await refreshHash(trx, row.id);
  await recordAudit(trx, actor, {
    action: "internship.convention_created",
    entityType: "internship_convention",
    entityId: row.id,
    employerId: input.employerId,
    details: { number: row.number, validFrom: input.validFrom, validTo: input.validTo, documentHash: hash },
  });
  return { id: row.id };
}

/**
 * Changes a draft or signed convention (officer). When what the document prints changes, the signatures given on the
 * previous version are void and a signed convention goes back to draft. The host cannot be changed.
 */
export async function updateConvention(trx: Trx, actor: Actor, id: string, input: ConventionInput, now = new Date()) {
  const row = await lockConvention(trx, { kind: "officer" }, id, input.version);
  if (row.employer_id !== input.employerId) throw new DomainError("L'azienda ospitante di una convenzione non si cambia", "employerId");
  const to = move(row.state as ConventionState, "edit", "officer");
  await checkHost(trx, input);
  await trx
    .updateTable("internship_conventions")
    .set({ ...columns(input), version: row.version + 1, updated_at: now })
    .where("id", "=", id)
    .execute();
  const hash = await refreshHash(trx, id);
  let voided = 0;
  if (hash !== row.document_hash) {
    voided = await voidSignatures(trx, { conventionId: id }, "convention", now);
    if (to !== row.state) await trx.updateTable("internship_conventions").set({ state: to }).where("id", "=", id).execute();
  }
  await recordAudit(trx, actor, {
    action: "internship.convention_updated",
    entityType: "internship_convention",
    entityId: id,
    employerId: row.employer_id,
    details: { number: row.number, documentHash: hash, voidedSignatures: voided, state: hash !== row.document_hash ? to : row.state },
  });
  return { voidedSignatures: voided };
}

/**
 * Records one party's signature (the uploaded signed PDF of the current version). With both signatures the convention
 * is signed, and in force at once when its validity has begun.
 */
export async function signConvention(
  trx: Trx,
  actor: Actor,
  by: SignerKind,
  scope: ConventionScope,
  id: string,
  input: SignatureInput & { version: number },
  today: string,
  now = new Date(),
) {
  const row = await lockConvention(trx, scope, id, input.version);
  if (input.party === "trainee") throw new DomainError("La convenzione la firmano il soggetto promotore e l'azienda", "party");
  assertMaySign(by, input.party);
  move(row.state as ConventionState, "sign", by === "employer" ? "employer" : "officer");
  const hash = await signedVersionHash(input, row.document_hash);
  await recordSignature(trx, { conventionId: id }, "convention", { ...input, documentHash: hash, signedBy: actor.userId, now });
  const parties = await liveSignatureParties(trx, { conventionId: id }, "convention");
  let state = row.state as ConventionState;
  if (CONVENTION_PARTIES.every((p) => parties.includes(p))) {
    state = move(state, "signatures_complete", "system");
    const onDay = conventionStateOn(state, row.valid_from, row.valid_to, today);
    if (onDay === "active") state = move(state, "activate", "system");
    else if (onDay === "expired") state = move(state, "expire", "system");
  }
  await trx
    .updateTable("internship_conventions")
    .set({ state, version: row.version + 1, updated_at: now })
    .where("id", "=", id)
    .execute();
  await recordAudit(trx, actor, {
    action: "internship.convention_signed",
    entityType: "internship_convention",
    entityId: id,
    employerId: row.employer_id,
    details: { number: row.number, party: input.party, signer: input.signerName, documentHash: hash, state },
  });
  return { state };
}

export async function revokeConvention(trx: Trx, actor: Actor, id: string, input: { reason: string; version: number }, now = new Date()) {
  const row = await lockConvention(trx, { kind: "officer" }, id, input.version);
  const to = move(row.state as ConventionState, "revoke", "officer");
  const running = await trx
    .selectFrom("internships")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("convention_id", "=", id)
    .where("state", "in", ["active", "suspended"])
    .executeTakeFirstOrThrow();
  await applyTransition(trx, {
    table: "internship_conventions",
    row,
    patch: { state: to, state_reason: input.reason },
    now,
    audit: {
      actor,
      entry: {
        action: "internship.convention_revoked",
        entityType: "internship_convention",
        employerId: row.employer_id,
        details: { number: row.number, reason: input.reason, runningInternships: Number(running.n) },
      },
    },
  });
  return { state: to, runningInternships: Number(running.n) };
}

/** The daily job: signed conventions come into force on their first day, conventions expire after their last. */
export async function refreshConventionStates(db: Db, today: string): Promise<{ activated: number; expired: number }> {
  const activated = await db
    .updateTable("internship_conventions")
    .set((eb) => ({ state: "active", version: eb("version", "+", 1), updated_at: new Date() }))
    .where("state", "=", "signed")
    .where("valid_from", "<=", today)
    .where("valid_to", ">=", today)
    .returning("id")
    .execute();
  const expired = await db
    .updateTable("internship_conventions")
    .set((eb) => ({ state: "expired", version: eb("version", "+", 1), updated_at: new Date() }))
    .where("state", "in", ["signed", "active"])
    .where("valid_to", "<", today)
    .returning("id")
    .execute();
  return { activated: activated.length, expired: expired.length };
}

export interface ConventionFilter {
  state?: ConventionState | null;
  employerId?: string | null;
}

/** The conventions list (officer: all; employer: their own), newest first. */
export async function listConventions(db: Db, scope: ConventionScope, filter: ConventionFilter = {}) {
  let q = db
    .selectFrom("internship_conventions as c")
    .innerJoin("employers as e", "e.id", "c.employer_id")
    .select((eb) => [
      "c.id",
      "c.number",
      "c.state",
      "c.valid_from",
      "c.valid_to",
      "c.employer_id",
      "e.legal_name",
      "e.tax_code",
      eb
        .selectFrom("internships as i")
        .select((x) => x.fn.countAll<string>().as("n"))
        .whereRef("i.convention_id", "=", "c.id")
        .where("i.state", "in", ["active", "suspended"])
        .as("running"),
    ])
    .orderBy("c.created_at", "desc")
    .limit(500);
  if (scope.kind === "employer") q = q.where("c.employer_id", "=", scope.employerId);
  if (filter.state) q = q.where("c.state", "=", filter.state);
  if (filter.employerId) q = q.where("c.employer_id", "=", filter.employerId);
  return q.execute();
}

/** One convention with its signatures (never the PDF bytes). */
export async function getConvention(db: Db, scope: ConventionScope, id: string) {
  let q = db
    .selectFrom("internship_conventions as c")
    .innerJoin("employers as e", "e.id", "c.employer_id")
    .selectAll("c")
    .select(["e.legal_name", "e.tax_code as employer_tax_code"])
    .where("c.id", "=", id);
  if (scope.kind === "employer") q = q.where("c.employer_id", "=", scope.employerId);
  const convention = await q.executeTakeFirst();
  if (!convention) return null;
  const signatures = await db
    .selectFrom("internship_signatures")
    .select(["id", "party", "method", "signer_name", "signed_at", "document_hash", "signed_pdf_name", "voided_at"])
    .where("convention_id", "=", id)
    .orderBy("signed_at", "desc")
    .execute();
  const internships = await db
    .selectFrom("internships")
    .select(["id", "number", "title", "state"])
    .where("convention_id", "=", id)
    .orderBy("number")
    .execute();
  return { convention, signatures, internships };
}

/** The conventions a PFI may be tied to: of the same host, not revoked nor expired. */
export async function usableConventions(db: Db | Trx, employerId: string) {
  return db
    .selectFrom("internship_conventions")
    .select(["id", "number", "state", "valid_from", "valid_to"])
    .where("employer_id", "=", employerId)
    .where("state", "in", ["draft", "signed", "active"])
    .orderBy("number", "desc")
    .execute();
}

/** A stored signed copy (the owner's scope is checked by the caller through the convention or internship it belongs to). */
export async function signedCopy(db: Db, signatureId: string, owner: { conventionId: string } | { internshipId: string }) {
  let q = db.selectFrom("internship_signatures").select(["signed_pdf", "signed_pdf_name", "document_hash"]).where("id", "=", signatureId);
  q = "conventionId" in owner ? q.where("convention_id", "=", owner.conventionId) : q.where("internship_id", "=", owner.internshipId);
  const row = await q.executeTakeFirst();
  return row?.signed_pdf
    ? { bytes: new Uint8Array(row.signed_pdf), name: row.signed_pdf_name ?? "firmato.pdf", hash: row.document_hash }
    : null;
}
