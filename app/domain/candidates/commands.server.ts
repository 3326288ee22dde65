import { consumeLink, createEmailLink, lockOpenLink, revokeOpenLinks } from "~/domain/identity/index.server";
import { sql } from "kysely";
import type { Db, Trx } from "~/db/db.server";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError, StaleVersionError } from "~/domain/errors";
import { createUser, DuplicateEmailError } from "~/domain/identity/index.server";
import { enqueueMail } from "~/domain/mail/index.server";
import { codeEntry, findAteco, findOccupation, resolveComune } from "~/domain/reference/index.server";
import { enqueueSearchSync } from "../../../search/outbox.server";
import { getCandidateSections } from "./queries.server";
import { csvColumnFor } from "./csv";
import { titleBelongsToLevel } from "./education";
import type { CandidateInput } from "./schema";

export const CANDIDATES_INDEX = "candidates";

/** One check per reference of the CV (comune, each profession, each ATECO), each throwing its DomainError. */
function cvReferenceChecks(trx: Db, input: CandidateInput, labels: Map<string, string>) {
  const occupation = (code: string, field: string) => async () => {
    const found = await findOccupation(trx, code);
    if (!found || found.level < 4 || !found.title)
      throw new DomainError(`Professione ${code} inesistente nella classificazione CP2021: sceglila dall'elenco`, field);
    labels.set(code, found.title);
  };
  const firstIndex = new Map<string, number>();
  input.preferences.forEach((p, i) => {
    if (!firstIndex.has(p.occupation)) firstIndex.set(p.occupation, i);
  });
  return [
    ...input.education.map((e, i) => studyTitleCheck(e, `education.${i}.studyTitle`)),
    ...input.experiences.map((e, i) => occupation(e.occupation, `experiences.${i}.occupation`)),
    ...input.preferences.flatMap((p, i) => [
      occupation(p.occupation, `preferences.${i}.occupation`),
      async () => {
        // Form, CSV import and officer form all pass here: three preferences are three different occupations.
        const first = firstIndex.get(p.occupation)!;
        if (first !== i)
          throw new DomainError(
            `La professione «${labels.get(p.occupation) ?? p.occupation}» (${p.occupation}) è già la propensione ${first + 1}: ogni propensione deve indicare una professione diversa`,
            `preferences.${i}.occupation`,
          );
      },
      async () => {
        if (p.ateco && !(await findAteco(trx, p.ateco)))
          throw new DomainError(`Settore ATECO ${p.ateco} inesistente: sceglilo dall'elenco`, `preferences.${i}.ateco`);
      },
    ]),
  ];
}

/** The 8-digit title, when given, is one of the ministerial table and of the level chosen. */
const studyTitleCheck = (e: CandidateInput["education"][number], field: string) => async () => {
  if (!e.studyTitle) return;
  const entry = codeEntry("studyTitles", e.studyTitle);
  if (!entry) throw new DomainError(`Titolo di studio ${e.studyTitle} sconosciuto: sceglilo dall'elenco ministeriale`, field);
  if (entry.group !== String(e.studyLevel) || !titleBelongsToLevel(e.studyTitle, e.studyLevel))
    throw new DomainError("Il titolo scelto non è del livello indicato: scegli un titolo di quel livello o cambia il livello", field);
};

async function resolveComuneOrThrow(trx: Db, input: CandidateInput) {
  const comune = await resolveComune(trx, input.comune);
  if (!comune) throw new DomainError("Comune non trovato: scegli il comune dall'elenco, es. «Milano (MI)»", "comune");
  return comune;
}

async function resolveCvCodes(trx: Db, input: CandidateInput) {
  const comune = await resolveComuneOrThrow(trx, input);
  const labels = new Map<string, string>();
  for (const check of cvReferenceChecks(trx, input, labels)) await check();
  return { comuneCode: comune.istatCode, labels };
}

async function assertTaxCodeFree(trx: Db, taxCode: string, exceptId?: string) {
  let q = trx.selectFrom("candidates").select("id").where("tax_code", "=", taxCode);
  if (exceptId) q = q.where("id", "!=", exceptId);
  if (await q.executeTakeFirst()) throw new DomainError("Esiste già un candidato con questo codice fiscale", "taxCode", "conflict");
}

function coreColumns(input: CandidateInput, comuneCode: string) {
  return {
    first_name: input.firstName,
    last_name: input.lastName,
    tax_code: input.taxCode,
    birth_date: input.birthDate,
    domicile_comune_code: comuneCode,
    domicile_address: input.address ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    work_time: input.workTime,
    shifts: input.shifts,
    weekends: input.weekends,
    max_commute_km: input.maxCommuteKm ?? null,
    willing_to_relocate: input.willingToRelocate,
    own_vehicle: input.ownVehicle,
    available_from: input.availableFrom ?? null,
  };
}

/** Replaces every section of the CV; the deferred constraints check the result as a whole. */
async function writeSections(trx: Trx, candidateId: string, input: CandidateInput, labels: Map<string, string>) {
  for (const table of [
    "candidate_education",
    "candidate_experiences",
    "candidate_preferences",
    "candidate_languages",
    "candidate_mother_tongues",
    "candidate_licences",
    "candidate_certificates",
    "candidate_it_skills",
  ] as const) {
    await trx.deleteFrom(table).where("candidate_id", "=", candidateId).execute();
  }
  const id = { candidate_id: candidateId };
  const insert = async <T>(rows: T[], write: (rows: T[]) => Promise<unknown>) => (rows.length ? write(rows) : undefined);
  await insert(input.education, (r) =>
    trx
      .insertInto("candidate_education")
      .values(
        r.map((e) => ({
          ...id,
          study_level: e.studyLevel,
          study_title_code: e.studyTitle,
          title: e.title,
          institution: e.institution ?? null,
          year: e.year ?? null,
        })),
      )
      .execute(),
  );
  await insert(input.experiences, (r) =>
    trx
      .insertInto("candidate_experiences")
      .values(
        r.map((e) => ({
          ...id,
          occupation_code: e.occupation,
          employer_name: e.employer,
          started_on: e.from,
          ended_on: e.to ?? null,
          tasks: e.tasks ?? null,
        })),
      )
      .execute(),
  );
  // slot = position: a fourth preference gets slot 4, which the table's check constraint refuses.
  await insert(input.preferences, (r) =>
    trx
      .insertInto("candidate_preferences")
      .values(
        r.map((p, i) => ({
          ...id,
          slot: i + 1,
          occupation_code: p.occupation,
          occupation_label: labels.get(p.occupation) ?? p.occupation,
          ateco_code: p.ateco ?? null,
          source: p.source,
          years_experience: p.years ?? 0,
          last_job_year: p.lastJobYear ?? null,
          notes: p.notes ?? null,
          interview_date: p.interviewDate ?? null,
        })),
      )
      .execute(),
  );
  await insert(input.motherTongues, (r) =>
    trx
      .insertInto("candidate_mother_tongues")
      .values(r.map((m) => ({ ...id, language_code: m.code })))
      .execute(),
  );
  await insert(input.languages, (r) =>
    trx
      .insertInto("candidate_languages")
      .values(r.map((l) => ({ ...id, language_code: l.code, level: l.level })))
      .execute(),
  );
  await insert(input.licences, (r) =>
    trx
      .insertInto("candidate_licences")
      .values(r.map((l) => ({ ...id, licence_code: l.code, licence_category: l.category })))
      .execute(),
  );
  await insert(input.certificates, (r) =>
    trx
      .insertInto("candidate_certificates")
      .values(
        r.map((c) => ({ ...id, name: c.name, expires_on: c.expiresOn ?? null, patentino_code: c.patentinoCode, albo_code: c.alboCode })),
      )
      .execute(),
  );
  await insert(input.itSkills, (r) =>
    trx
      .insertInto("candidate_it_skills")
      .values(r.map((k) => ({ ...id, skill: k.skill, level: k.level })))
      .execute(),
  );
}

const CV_CONSTRAINTS =
  "candidates_cv_complete, candidate_education_cv_complete, candidate_preferences_cv_complete, candidate_preferences_slot_unique";

/**
 * Runs the commit-time CV rules now, so a violation becomes a clear Italian
 * message for the form instead of a failed COMMIT; then defers them again for
 * the next command in the same transaction (bulk import).
 */
async function checkCvRules(trx: Trx, write: () => Promise<void>) {
  try {
    await write();
    await sql.raw(`set constraints ${CV_CONSTRAINTS} immediate`).execute(trx);
    await sql.raw(`set constraints ${CV_CONSTRAINTS} deferred`).execute(trx);
  } catch (e) {
    throw translateDbError(e);
  }
}

export function translateDbError(e: unknown): unknown {
  const pg = e as { code?: string; constraint?: string };
  switch (pg.constraint) {
    case "candidate_requires_education":
      return new DomainError("Il CV deve avere almeno un titolo di studio", "education.0.title");
    case "candidate_requires_preference":
      return new DomainError("Il CV deve avere almeno una propensione", "preferences.0.occupation");
    case "candidate_preferences_slot_check":
    case "candidate_preferences_slot_unique":
      return new DomainError("Al massimo tre propensioni: togline una prima di aggiungerne un'altra", "preferences.3.occupation");
    case "candidates_tax_code_key":
      return new DomainError("Esiste già un candidato con questo codice fiscale", "taxCode", "conflict");
    default:
      return e;
  }
}

/** For the bulk import's validation pass: the first reference problem of a row, with its CSV column. */
/** Every reference problem of a CV (codice fiscale taken, comune, professions, ATECO), each with its CSV column. */
export async function validateCvReferences(db: Db, input: CandidateInput): Promise<{ column: string; message: string }[]> {
  const problems: { column: string; message: string }[] = [];
  const check = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      problems.push({ column: csvColumnFor(e.field), message: e.message });
    }
  };
  await check(() => assertTaxCodeFree(db, input.taxCode));
  await check(() => resolveComuneOrThrow(db, input));
  for (const c of cvReferenceChecks(db, input, new Map())) await check(c);
  return problems;
}

const sectionCounts = (input: CandidateInput) => ({
  education: input.education.length,
  experiences: input.experiences.length,
  preferences: input.preferences.length,
  motherTongues: input.motherTongues.length,
  languages: input.languages.length,
  licences: input.licences.length,
  certificates: input.certificates.length,
  itSkills: input.itSkills.length,
});

/** An officer records a new candidate (orientation interview or bulk import). */
export async function createCandidate(
  trx: Trx,
  actor: Actor,
  input: CandidateInput,
  opts: { source?: "form" | "import" | "self_registration"; canSetProtectedCategory: boolean },
) {
  await assertTaxCodeFree(trx, input.taxCode);
  const { comuneCode, labels } = await resolveCvCodes(trx, input);
  const now = new Date();
  let candidateId = "";
  await checkCvRules(trx, async () => {
    const row = await trx
      .insertInto("candidates")
      .values({
        ...coreColumns(input, comuneCode),
        consent_visible: input.consent,
        consent_changed_at: input.consent ? now : null,
        protected_category: opts.canSetProtectedCategory ? input.protectedCategory : "none",
        cv_updated_at: now,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    candidateId = row.id;
    await writeSections(trx, candidateId, input, labels);
  });
  await recordAudit(trx, actor, {
    action: "candidate.created",
    entityType: "candidate",
    entityId: candidateId,
    details: { source: opts.source ?? "form", consent: input.consent, sections: sectionCounts(input) },
  });
  await enqueueSearchSync(trx, CANDIDATES_INDEX, [candidateId]);
  return candidateId;
}

async function lockCandidate(trx: Trx, candidateId: string, version?: number) {
  const current = await trx.selectFrom("candidates").selectAll().where("id", "=", candidateId).forUpdate().executeTakeFirst();
  if (!current || current.erased_at) throw new DomainError("Candidato non trovato", "_form", "not_found");
  if (version !== undefined && current.version !== version) throw new StaleVersionError();
  return current;
}

/** Names (never values: the audit log is not a copy of the CV) of what an update changed. */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const norm = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === undefined ? null : v);
  return Object.keys(after).filter((k) => JSON.stringify(norm(before[k])) !== JSON.stringify(norm(after[k])));
}

/**
 * Officers and the candidate update the whole CV. The candidate cannot change
 * the codice fiscale or the protected category (an officer records those).
 */
export async function updateCandidate(
  trx: Trx,
  actor: Actor,
  input: CandidateInput & { candidateId: string; version: number },
  opts: { bySelf: boolean; canSetProtectedCategory: boolean },
) {
  const current = await lockCandidate(trx, input.candidateId, input.version);
  const taxCode = opts.bySelf ? current.tax_code : input.taxCode;
  if (!opts.bySelf) await assertTaxCodeFree(trx, taxCode, input.candidateId);
  const { comuneCode, labels } = await resolveCvCodes(trx, { ...input, taxCode });
  const before = await getCandidateSections(trx, input.candidateId);
  const columns = {
    ...coreColumns({ ...input, taxCode }, comuneCode),
    protected_category: opts.canSetProtectedCategory ? input.protectedCategory : current.protected_category,
  };
  const consentChanged = current.consent_visible !== input.consent;
  await checkCvRules(trx, async () => {
    await trx
      .updateTable("candidates")
      .set({
        ...columns,
        consent_visible: input.consent,
        consent_changed_at: consentChanged ? new Date() : current.consent_changed_at,
        cv_updated_at: new Date(),
        version: current.version + 1,
        updated_at: new Date(),
      })
      .where("id", "=", input.candidateId)
      .execute();
    await writeSections(trx, input.candidateId, input, labels);
  });
  const after = await getCandidateSections(trx, input.candidateId);
  const sectionsChanged = (Object.keys(after) as (keyof typeof after)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  await recordAudit(trx, actor, {
    action: "candidate.updated",
    entityType: "candidate",
    entityId: input.candidateId,
    details: {
      bySelf: opts.bySelf,
      fields: changedFields(current, columns),
      sections: sectionsChanged,
      ...(consentChanged ? { consent: input.consent } : {}),
    },
  });
  await enqueueSearchSync(trx, CANDIDATES_INDEX, [input.candidateId]);
}

/** Opt-in or withdrawal of the visibility consent: takes effect at once (the outbox removes the CV from employer matching). */
export async function setConsent(trx: Trx, actor: Actor, candidateId: string, grant: boolean) {
  const current = await lockCandidate(trx, candidateId);
  if (current.consent_visible === grant) return;
  await trx
    .updateTable("candidates")
    .set({ consent_visible: grant, consent_changed_at: new Date(), version: current.version + 1, updated_at: new Date() })
    .where("id", "=", candidateId)
    .execute();
  await recordAudit(trx, actor, {
    action: grant ? "candidate.consent_granted" : "candidate.consent_withdrawn",
    entityType: "candidate",
    entityId: candidateId,
  });
  await enqueueSearchSync(trx, CANDIDATES_INDEX, [candidateId]);
}

/** "The CV is still current": restarts the freshness clock without changing data. */
export async function confirmCvCurrent(trx: Trx, actor: Actor, candidateId: string, version: number) {
  const current = await lockCandidate(trx, candidateId, version);
  await trx
    .updateTable("candidates")
    .set({ cv_updated_at: new Date(), version: current.version + 1, updated_at: new Date() })
    .where("id", "=", candidateId)
    .execute();
  await recordAudit(trx, actor, {
    action: "candidate.cv_confirmed",
    entityType: "candidate",
    entityId: candidateId,
    details: { previous: current.cv_updated_at },
  });
  await enqueueSearchSync(trx, CANDIDATES_INDEX, [candidateId]);
}

/** Health data: written only by placement officers (the route checks candidates:health). Not indexed. */
export async function setDisability(trx: Trx, actor: Actor, candidateId: string, input: { percentage: number; functionalNotes?: string }) {
  await lockCandidate(trx, candidateId);
  await trx
    .insertInto("candidate_disability")
    .values({
      candidate_id: candidateId,
      percentage: input.percentage,
      functional_notes: input.functionalNotes ?? null,
      updated_by: actor.userId,
      updated_at: new Date(),
    })
    .onConflict((oc) =>
      oc.column("candidate_id").doUpdateSet({
        percentage: input.percentage,
        functional_notes: input.functionalNotes ?? null,
        updated_by: actor.userId,
        updated_at: new Date(),
      }),
    )
    .execute();
  await recordAudit(trx, actor, { action: "candidate.health_updated", entityType: "candidate", entityId: candidateId });
}

export interface ValidatedPdf {
  filename: string;
  bytes: Uint8Array;
  sha256: string;
  text: string;
  pageCount: number;
}

/** Stores (or replaces) the PDF CV with its checksum and extracted text; the text becomes searchable via the outbox. */
export async function storeCvFile(trx: Trx, actor: Actor, candidateId: string, pdf: ValidatedPdf) {
  const current = await lockCandidate(trx, candidateId);
  const row = {
    filename: pdf.filename,
    size_bytes: pdf.bytes.length,
    sha256: pdf.sha256,
    content: Buffer.from(pdf.bytes),
    extracted_text: pdf.text,
    page_count: pdf.pageCount,
    uploaded_by: actor.userId,
    uploaded_at: new Date(),
  };
  await trx
    .insertInto("candidate_cv_files")
    .values({ candidate_id: candidateId, ...row })
    .onConflict((oc) => oc.column("candidate_id").doUpdateSet(row))
    .execute();
  await trx
    .updateTable("candidates")
    .set({ cv_updated_at: new Date(), version: current.version + 1, updated_at: new Date() })
    .where("id", "=", candidateId)
    .execute();
  await recordAudit(trx, actor, {
    action: "candidate.cv_uploaded",
    entityType: "candidate",
    entityId: candidateId,
    details: { filename: pdf.filename, size: pdf.bytes.length, sha256: pdf.sha256, pages: pdf.pageCount },
  });
  await enqueueSearchSync(trx, CANDIDATES_INDEX, [candidateId]);
}

/** Every look at a candidate's personal data leaves a trace (who, when, what). */
export async function recordCandidateView(trx: Trx, actor: Actor, candidateId: string, what: "cv" | "cv_file" | "health" = "cv") {
  await recordAudit(trx, actor, {
    action: what === "cv_file" ? "candidate.cv_downloaded" : "candidate.viewed",
    entityType: "candidate",
    entityId: candidateId,
    details: { what },
  });
}

export const CANDIDATE_INVITATION_DAYS = 14;

/**
 * Without SPID a person cannot prove who they are online, so the officer who
 * knows them (orientation interview) sends the activation link to the e-mail
 * the person gives; accepting it links the new candidate account to this CV.
 */
export async function inviteCandidate(trx: Trx, actor: Actor, input: { candidateId: string; email: string; baseUrl: string }) {
  const current = await lockCandidate(trx, input.candidateId);
  if (current.user_id) throw new DomainError("Il candidato ha già un account", "email", "conflict");
  if (await trx.selectFrom("users").select("id").where("email", "=", input.email).executeTakeFirst())
    throw new DomainError("Esiste già un account con questo indirizzo e-mail", "email", "conflict");
  await revokeOpenLinks(trx, "candidate_invitations", { where: { candidate_id: input.candidateId } });
  const invitation = await createEmailLink(
    trx,
    "candidate_invitations",
    { candidate_id: input.candidateId, email: input.email, invited_by: actor.userId! },
    { days: CANDIDATE_INVITATION_DAYS },
  );
  const link = `${input.baseUrl}/attivazione/${invitation.token}`;
  await enqueueMail(trx, {
    to: input.email,
    subject: "Rosa: attiva il tuo account per gestire il tuo CV",
    body: `Il Centro per l'Impiego ti invita ad attivare il tuo account su Rosa per vedere e aggiornare il tuo CV, le tue propensioni e il consenso alla visibilità. Apri questo collegamento entro ${CANDIDATE_INVITATION_DAYS} giorni:\n\n${link}`,
  });
  await recordAudit(trx, actor, {
    action: "candidate.account_invited",
    entityType: "candidate",
    entityId: input.candidateId,
    details: { invitationId: invitation.id, email: input.email },
  });
  return { invitationId: invitation.id, link };
}

export async function acceptCandidateInvitation(trx: Trx, actor: Actor, token: string, input: { fullName: string; password: string }) {
  const invitation = await lockOpenLink(trx, "candidate_invitations", token, ["id", "candidate_id", "email"]);
  if (!invitation)
    throw new DomainError("Collegamento non valido o scaduto: chiedi un nuovo invito al Centro per l'Impiego", "_form", "not_found");
  const candidate = await lockCandidate(trx, invitation.candidate_id);
  if (candidate.user_id) throw new DomainError("Questo CV ha già un account", "_form", "conflict");
  let userId: string;
  try {
    userId = await createUser(trx, actor, {
      email: invitation.email,
      full_name: input.fullName,
      password: input.password,
      role: "candidate",
      tax_code: candidate.tax_code,
    });
  } catch (e) {
    if (e instanceof DuplicateEmailError) throw new DomainError(e.message, "_form", "conflict");
    throw e;
  }
  await trx.updateTable("candidates").set({ user_id: userId, updated_at: new Date() }).where("id", "=", candidate.id).execute();
  await consumeLink(trx, "candidate_invitations", invitation.id);
  await recordAudit(
    trx,
    { ...actor, userId, role: "candidate" },
    { action: "candidate.account_activated", entityType: "candidate", entityId: candidate.id },
  );
  return { userId, candidateId: candidate.id };
}
