/**
 * Signatures of the convention and of the PFI (docs/decisions/tirocini.md#convenzioni-pfi-firme-e-co). Today a party
 * signs by uploading the signed PDF (`uploaded_pdf`); the row records who, when, how and the fingerprint of the version
 * signed, so a qualified e-signature (`qualified`) or a signature in the portal (`in_portal`) can be added later as
 * another method. A signature counts only while the document keeps that fingerprint: any change voids them all.
 */
import type { Trx } from "~/db/db.server";
import { DomainError } from "~/domain/errors";
import { SIGNATURE_PARTY_LABELS, type SignatureMethod, type SignatureParty, type SignedDocument } from "./convention-states";
import { looksLikePdf, readDocumentHash } from "./documents-pdf.server";

/** Whose document: a convention, or an internship's PFI or attestazione, or one of its addenda (`addendumId`). */
export type SignatureOwner = { conventionId: string } | { internshipId: string; addendumId?: string };

const addendumOf = (owner: SignatureOwner) => ("addendumId" in owner ? (owner.addendumId ?? null) : null);

/** Who signs for which party: the host's users for the host, the trainee for themself, the officer records any party. */
export type SignerKind = "officer" | "employer" | "candidate";

export const MAX_SIGNED_PDF_BYTES = 10 * 1024 * 1024;

export interface SignatureInput {
  party: SignatureParty;
  signerName: string;
  /** The fingerprint of the version the signer downloaded (the form sends the one shown on the page). */
  documentHash: string;
  pdf: { name: string; bytes: Uint8Array };
}

const ownerColumn = (owner: SignatureOwner) =>
  "conventionId" in owner ? (["convention_id", owner.conventionId] as const) : (["internship_id", owner.internshipId] as const);

export function assertMaySign(kind: SignerKind, party: SignatureParty) {
  const allowed = kind === "officer" || (kind === "employer" && party === "host") || (kind === "candidate" && party === "trainee");
  if (!allowed) throw new DomainError(`Non puoi firmare per ${SIGNATURE_PARTY_LABELS[party].toLowerCase()}`, "party", "forbidden");
}

/**
 * The fingerprint the uploaded copy was signed on: the one Rosa wrote in the PDF when the signing tool kept it,
 * otherwise the one of the page the signer used. It must be the document's current one.
 */
export async function signedVersionHash(input: SignatureInput, currentHash: string | null): Promise<string> {
  if (!looksLikePdf(input.pdf.bytes)) throw new DomainError("Il file caricato non è un PDF", "signedPdf");
  if (!currentHash) throw new DomainError("Il documento non è ancora pronto per la firma", "_form", "conflict");
  const inPdf = await readDocumentHash(input.pdf.bytes);
  const signed = inPdf ?? input.documentHash;
  if (signed !== currentHash)
    throw new DomainError(
      "Il PDF firmato non corrisponde alla versione attuale del documento (è cambiato dopo che è stato scaricato): " +
        "scarica di nuovo il PDF, fallo firmare e caricalo.",
      "signedPdf",
      "conflict",
    );
  return signed;
}

export async function recordSignature(
  trx: Trx,
  owner: SignatureOwner,
  document: SignedDocument,
  input: SignatureInput & { method?: SignatureMethod; signedBy: string | null; now?: Date },
): Promise<string> {
  const [column, id] = ownerColumn(owner);
  const existing = await trx
    .selectFrom("internship_signatures")
    .select("id")
    .where(column, "=", id)
    .where("document", "=", document)
    .$if(addendumOf(owner) !== null, (q) => q.where("addendum_id", "=", addendumOf(owner)!))
    .where("party", "=", input.party)
    .where("voided_at", "is", null)
    .executeTakeFirst();
  if (existing)
    throw new DomainError(`La firma di ${SIGNATURE_PARTY_LABELS[input.party].toLowerCase()} è già registrata`, "party", "conflict");
  const row = await trx
    .insertInto("internship_signatures")
    .values({
      [column]: id,
      addendum_id: addendumOf(owner),
      document,
      party: input.party,
      method: input.method ?? "uploaded_pdf",
      signer_name: input.signerName,
      signed_by: input.signedBy,
      signed_at: input.now ?? new Date(),
      document_hash: input.documentHash,
      signed_pdf: Buffer.from(input.pdf.bytes),
      signed_pdf_name: input.pdf.name.slice(0, 200),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Voids every live signature of the document (it changed); returns how many. */
export async function voidSignatures(trx: Trx, owner: SignatureOwner, document: SignedDocument, now = new Date()): Promise<number> {
  const [column, id] = ownerColumn(owner);
  const rows = await trx
    .updateTable("internship_signatures")
    .set({ voided_at: now })
    .where(column, "=", id)
    .where("document", "=", document)
    .where("voided_at", "is", null)
    .returning("id")
    .execute();
  return rows.length;
}

/** The parties whose signature on the document is live. */
export async function liveSignatureParties(trx: Trx, owner: SignatureOwner, document: SignedDocument): Promise<SignatureParty[]> {
  const [column, id] = ownerColumn(owner);
  const rows = await trx
    .selectFrom("internship_signatures")
    .select("party")
    .where(column, "=", id)
    .where("document", "=", document)
    .$if(addendumOf(owner) !== null, (q) => q.where("addendum_id", "=", addendumOf(owner)!))
    .where("voided_at", "is", null)
    .execute();
  return rows.map((r) => r.party as SignatureParty);
}

/** The signatures of a document for its panel (the live ones and the voided ones), newest first; never the PDF bytes. */
export async function listSignatures(trx: Trx, owner: SignatureOwner, document: SignedDocument) {
  const [column, id] = ownerColumn(owner);
  return trx
    .selectFrom("internship_signatures")
    .select(["id", "party", "method", "signer_name", "signed_at", "document_hash", "signed_pdf_name", "voided_at"])
    .where(column, "=", id)
    .where("document", "=", document)
    .$if(addendumOf(owner) !== null, (q) => q.where("addendum_id", "=", addendumOf(owner)!))
    .orderBy("signed_at", "desc")
    .execute();
}
