/**
 * The parties' own signatures (docs/decisions/tirocini.md#firme-delle-parti): the host's legal representative or
 * delegate signs the convention and the PFI from the company's internship page, the trainee signs the PFI from their
 * own area. Same functions as the officer's (`signConvention`, `signPfi`): upload of the signed PDF, fingerprint of the
 * current version checked, audit, and `signatures_complete` when the last signature arrives. A party signs only for
 * itself and only on an internship it is part of (another company's or person's is «not found»).
 */
import type { Db, Trx } from "~/db/db.server";
import type { Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import type { EmployerRole } from "~/db/types";
import type { SignatureParty } from "./convention-states";
import { signConvention } from "./conventions.server";
import { signPfi } from "./pfi.server";
import type { SignatureInput } from "./signatures.server";
import type { InternshipState } from "./states";
import type { InternshipActor } from "./transition.server";

/** A signing party: the host's user (with their role in the company) or the trainee. */
export type SigningParty =
  | (Extract<InternshipActor, { kind: "employer" }> & { employerRole: EmployerRole | null })
  | Extract<InternshipActor, { kind: "candidate" }>;

/** Who signs for the host: its legal representative or a delegate (labour consultant); a colleague does not. */
export const HOST_SIGNER_ROLES: readonly EmployerRole[] = ["legal_rep", "delegate"];

const PFI_SIGNING_STATES: readonly string[] = ["ready_to_sign", "partially_signed"];

export interface PartyDocumentToSign {
  document: "convention" | "pfi";
  /** The convention's id (convention) or the internship's (PFI). */
  id: string;
  number: number;
  documentHash: string;
  version: number;
}

export interface PartySigningStatus {
  party: SignatureParty;
  /** Whether this user may sign for the party (a colleague of the host may not). */
  maySign: boolean;
  /** The documents still waiting for this party's signature, in the order they are signed (convention first). */
  toSign: PartyDocumentToSign[];
  /** The documents this party already signed (live signatures), with when. */
  signed: { document: "convention" | "pfi"; number: number; signerName: string; signedAt: Date }[];
  /** A PFI waiting for this party whose convention is not in force yet: it is signed after the convention. */
  pfiWaitsForConvention: boolean;
}

const partyOf = (p: SigningParty): SignatureParty => (p.kind === "employer" ? "host" : "trainee");

function assertMaySignAsParty(p: SigningParty) {
  if (p.kind === "employer" && !HOST_SIGNER_ROLES.includes(p.employerRole as EmployerRole))
    throw new DomainError(
      "Firma per l'azienda il legale rappresentante o un consulente delegato: i collaboratori non possono firmare.",
      "_form",
      "forbidden",
    );
}

async function scopedInternship(db: Db | Trx, p: SigningParty, internshipId: string) {
  let q = db
    .selectFrom("internships as i")
    .leftJoin("internship_conventions as k", "k.id", "i.convention_id")
    .select([
      "i.id",
      "i.number",
      "i.state",
      "i.version",
      "i.document_hash",
      "i.employer_id",
      "k.id as convention_id",
      "k.number as convention_number",
      "k.state as convention_state",
      "k.document_hash as convention_hash",
      "k.version as convention_version",
    ])
    .where("i.id", "=", internshipId);
  q = p.kind === "employer" ? q.where("i.employer_id", "=", p.employerId) : q.where("i.candidate_id", "=", p.candidateId);
  return q.executeTakeFirst();
}

/** What the party still has to sign on this internship and what it signed; null when the internship is not theirs. */
export async function partySigningStatus(db: Db | Trx, p: SigningParty, internshipId: string): Promise<PartySigningStatus | null> {
  const row = await scopedInternship(db, p, internshipId);
  if (!row) return null;
  const party = partyOf(p);
  const live = await db
    .selectFrom("internship_signatures")
    .select(["document", "convention_id", "internship_id", "signer_name", "signed_at", "document_hash"])
    .where("party", "=", party)
    .where("voided_at", "is", null)
    .where((eb) =>
      eb.or([
        eb("internship_id", "=", row.id),
        ...(row.convention_id && party === "host" ? [eb("convention_id", "=", row.convention_id)] : []),
      ]),
    )
    .execute();
  const signedConvention = live.find((s) => s.document === "convention" && s.convention_id === row.convention_id);
  const signedPfi = live.find((s) => s.document === "pfi" && s.internship_id === row.id && s.document_hash === row.document_hash);
  const toSign: PartyDocumentToSign[] = [];
  if (party === "host" && row.convention_id && row.convention_state === "draft" && row.convention_hash && !signedConvention)
    toSign.push({
      document: "convention",
      id: row.convention_id,
      number: row.convention_number!,
      documentHash: row.convention_hash,
      version: row.convention_version!,
    });
  const pfiDue = PFI_SIGNING_STATES.includes(row.state) && !!row.document_hash && !signedPfi;
  const conventionInForce = row.convention_state === "active";
  if (pfiDue && conventionInForce)
    toSign.push({ document: "pfi", id: row.id, number: row.number, documentHash: row.document_hash!, version: row.version });
  const signed = [
    ...(signedConvention
      ? [
          {
            document: "convention" as const,
            number: row.convention_number!,
            signerName: signedConvention.signer_name,
            signedAt: signedConvention.signed_at,
          },
        ]
      : []),
    ...(signedPfi
      ? [{ document: "pfi" as const, number: row.number, signerName: signedPfi.signer_name, signedAt: signedPfi.signed_at }]
      : []),
  ];
  return {
    party,
    maySign: p.kind === "candidate" || HOST_SIGNER_ROLES.includes(p.employerRole as EmployerRole),
    toSign,
    signed,
    pfiWaitsForConvention: pfiDue && !conventionInForce,
  };
}

export interface PartySignInput {
  document: "convention" | "pfi";
  signerName: string;
  documentHash: string;
  version: number;
  pdf: SignatureInput["pdf"];
}

/**
 * The party signs one document of its internship by uploading the signed PDF. The convention must be the one the
 * internship is annexed to (only the host signs it); the PFI is signed for the party's own side only. Returns the
 * document's state after the signature (the internship's for the PFI, the convention's for the convention).
 */
export async function signAsParty(
  trx: Trx,
  p: SigningParty,
  internshipId: string,
  input: PartySignInput,
  today: string,
  now = new Date(),
): Promise<{ document: "convention" | "pfi"; state: string; internshipState: InternshipState }> {
  const row = await scopedInternship(trx, p, internshipId);
  if (!row) throw new DomainError("Tirocinio non trovato", "_form", "not_found");
  assertMaySignAsParty(p);
  const party = partyOf(p);
  const signature = { party, signerName: input.signerName, documentHash: input.documentHash, pdf: input.pdf, version: input.version };
  if (input.document === "convention") {
    if (p.kind !== "employer") throw new DomainError("La convenzione la firmano il soggetto promotore e l'azienda", "_form", "forbidden");
    if (!row.convention_id)
      throw new DomainError("Il tirocinio non ha ancora una convenzione: la prepara il Centro per l'Impiego", "_form", "conflict");
    const actor: Actor = { userId: p.userId, role: "employer", ip: p.ip ?? null };
    const r = await signConvention(
      trx,
      actor,
      "employer",
      { kind: "employer", employerId: p.employerId },
      row.convention_id,
      signature,
      today,
      now,
    );
    return { document: "convention", state: r.state, internshipState: row.state as InternshipState };
  }
  const r = await signPfi(trx, p, internshipId, signature, today, now);
  return { document: "pfi", state: r.state, internshipState: r.state };
}
