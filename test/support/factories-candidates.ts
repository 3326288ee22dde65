import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import type { Actor } from "~/domain/audit/commands.server";
import { createCandidate } from "~/domain/candidates/commands.server";
import { CandidateSchema, type CandidateInput } from "~/domain/candidates/schema";
import { nestFormValues } from "./dotted-form";
import { personCodiceFiscaleCheckChar } from "~/utils/tax-codes";
import { cookieFor, createUserWithRole } from "./factories";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** A distinct valid personal codice fiscale per call (random surname/name letters). */
export function uniquePersonTaxCode(): string {
  const letters = Array.from({ length: 6 }, () => LETTERS[Math.floor(Math.random() * 26)]).join("");
  const first15 = `${letters}85M01F205`;
  return first15 + personCodiceFiscaleCheckChar(first15);
}

/** A valid CV form as the browser would post it (dotted names), with real CP2021/ATECO/comuni codes. */
export function candidateForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    firstName: "Giulia",
    lastName: "Verdi",
    taxCode: uniquePersonTaxCode(),
    birthDate: "1985-08-01",
    comune: "Milano (MI)",
    phone: "333 1234567",
    email: "giulia.verdi@example.it",
    workTime: "any",
    maxCommuteKm: "30",
    consent: "on",
    "education.0.title": "Diploma di ragioneria",
    "education.0.studyLevel": "4",
    "education.0.year": "2004",
    "preferences.0.occupation": "5.1.2.2.0 — Commessi delle vendite al minuto",
    "preferences.0.source": "work",
    "preferences.0.years": "5",
    "preferences.0.ateco": "47.11",
    "experiences.0.occupation": "5.1.2.2.0",
    "experiences.0.employer": "Supermercato Rossi",
    "experiences.0.from": "2015-03-01",
    "experiences.0.to": "2020-06-30",
    "languages.0.code": "001",
    "languages.0.level": "B1",
    "licences.0.code": "02",
    "certificates.0.name": "HACCP",
    "itSkills.0.skill": "Excel",
    "itSkills.0.level": "intermediate",
    ...overrides,
  };
}

/** The same form, parsed: what commands receive. */
export function candidateInput(overrides: Record<string, string> = {}): CandidateInput {
  const nested = nestFormValues(candidateForm(overrides));
  return CandidateSchema.parse(nested);
}

export const SYSTEM_ACTOR: Actor = { userId: null, role: "system", ip: "127.0.0.1" };

export async function createTestCandidate(
  overrides: Record<string, string> = {},
  opts: { protectedCategory?: "none" | "art1" | "art18" } = {},
) {
  const input = candidateInput({ ...overrides, ...(opts.protectedCategory ? { protectedCategory: opts.protectedCategory } : {}) });
  const id = await withTransaction((trx) => createCandidate(trx, SYSTEM_ACTOR, input, { canSetProtectedCategory: true }));
  return { id, input };
}

/** A candidate record with a linked candidate account and its session cookie. */
export async function createCandidateWithAccount(overrides: Record<string, string> = {}) {
  const candidate = await createTestCandidate(overrides);
  const user = await createUserWithRole("candidate");
  await getDb().updateTable("candidates").set({ user_id: user.id }).where("id", "=", candidate.id).execute();
  return { ...candidate, userId: user.id, cookie: await cookieFor(user.id) };
}

const TINY_PDF = Buffer.from("%PDF-1.4\n% matrix test file\n");

/**
 * For the authorization matrix: the candidate actor gets a CV of their own (with a PDF), and
 * routes with :candidateId receive ANOTHER person's CV (with a PDF), which officers may open
 * and the candidate may not.
 */
export async function setupCandidateMatrix(candidateUserId: string) {
  const own = await createTestCandidate();
  const other = await createTestCandidate();
  await getDb().updateTable("candidates").set({ user_id: candidateUserId }).where("id", "=", own.id).execute();
  for (const id of [own.id, other.id]) {
    await getDb()
      .insertInto("candidate_cv_files")
      .values({
        candidate_id: id,
        filename: "cv.pdf",
        size_bytes: TINY_PDF.length,
        sha256: "0".repeat(64),
        content: TINY_PDF,
        extracted_text: "",
      })
      .execute();
  }
  return { ownCandidateId: own.id, otherCandidateId: other.id };
}

/** A finished CV import with an error report, started by `officerId` (the only officer who may open it). */
export async function insertCandidateImport(officerId: string) {
  const row = await getDb()
    .insertInto("candidate_imports")
    .values({
      created_by: officerId,
      filename: "matrice.csv",
      status: "done",
      total_rows: 2,
      processed_rows: 2,
      imported_rows: 1,
      error_count: 1,
      error_report: "riga;errore\n2;Codice fiscale non valido\n",
      finished_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { importId: { importId: row.id } };
}
