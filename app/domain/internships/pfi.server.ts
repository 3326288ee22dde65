/**
 * The PFI (progetto formativo individuale) from drafting to the start (docs/decisions/tirocini.md#convenzioni-pfi-firme-e-co):
 * every save runs the rules checker; when the checks pass the internship is ready to sign and the PFI's fingerprint is
 * frozen; each party signs by uploading the signed PDF of that version; an edit voids every signature; with the three
 * signatures the internship awaits the regional authorisation (where the Region requires one) or the mandatory
 * communication (UNILAV C.01.00), whose recording makes it active on its start date. All moves go through
 * `transitionInternship`, in the caller's transaction.
 */
import type { Db, Trx } from "~/db/db.server";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { formatDate } from "~/utils/format";
import type { CheckMessage } from "./checker";
import { requiresRegionalAuthorisation, DEFAULT_PROMOTER_KIND } from "./co-labels";
import { pfiContent, type PfiData } from "./documents";
import { documentHash } from "./documents-pdf.server";
import type { CoInput, PfiInput } from "./documents-schema";
import {
  assertMaySign,
  liveSignatureParties,
  recordSignature,
  signedVersionHash,
  voidSignatures,
  type SignatureInput,
} from "./signatures.server";
import { INTERNSHIP_STATE_LABELS, PFI_EDITABLE_STATES, type InternshipState } from "./states";
import {
  lockInternship,
  runInternshipChecks,
  transitionInternship,
  type InternshipActor,
  type InternshipCheckRecord,
  type InternshipRow,
} from "./transition.server";
import { buildUnilav, type UnilavData, type UnilavKind } from "./unilav";

/** The three parties of a PFI. */
export const PFI_PARTIES = ["promoter", "host", "trainee"] as const;

/** States in which the PFI is signed. */
const SIGNING_STATES: readonly InternshipState[] = ["ready_to_sign", "partially_signed"];

const auditActor = (actor: InternshipActor): Actor => ({
  userId: actor.kind === "system" ? null : actor.userId,
  role: actor.kind === "system" ? null : actor.kind,
  ip: actor.kind === "system" ? null : (actor.ip ?? null),
});

/** The data the PFI prints: the internship's columns, the parties, the tutors and the convention it is annexed to. */
export async function pfiData(db: Db | Trx, internshipId: string): Promise<PfiData | null> {
  const r = await db
    .selectFrom("internships as i")
    .innerJoin("employers as e", "e.id", "i.employer_id")
    .leftJoin("comuni as ce", "ce.istat_code", "e.legal_comune_code")
    .leftJoin("employer_sites as s", "s.id", "i.site_id")
    .leftJoin("comuni as cs", "cs.istat_code", "i.comune_code")
    .leftJoin("candidates as c", "c.id", "i.candidate_id")
    .leftJoin("comuni as cd", "cd.istat_code", "c.domicile_comune_code")
    .leftJoin("occupations as o", "o.code", "i.occupation_code")
    .leftJoin("internship_conventions as k", "k.id", "i.convention_id")
    .leftJoin("users as pt", "pt.id", "i.promoter_tutor_id")
    .selectAll("i")
    .select([
      "e.legal_name",
      "e.tax_code as host_tax_code",
      "e.legal_address",
      "e.ateco_code as host_ateco",
      "ce.name as host_comune",
      "s.address as site_address",
      "cs.name as site_comune",
      "c.first_name",
      "c.last_name",
      "c.tax_code as trainee_tax_code",
      "c.birth_date",
      "c.erased_at",
      "cd.name as domicile",
      "o.title as occupation_title",
      "k.number as convention_number",
      "k.valid_from as convention_from",
      "k.valid_to as convention_to",
      "k.promoter_name",
      "k.promoter_tax_code",
      "k.promoter_office",
      "k.promoter_kind",
      "k.host_representative",
      "pt.full_name as promoter_tutor_name",
      "pt.email as promoter_tutor_email",
    ])
    .where("i.id", "=", internshipId)
    .executeTakeFirst();
  if (!r) return null;
  return {
    number: r.number,
    convention: r.convention_number ? { number: r.convention_number, validFrom: r.convention_from, validTo: r.convention_to } : null,
    promoter: {
      name: r.promoter_name ?? "Centro per l'Impiego",
      taxCode: r.promoter_tax_code ?? "",
      office: r.promoter_office,
      kind: r.promoter_kind ?? DEFAULT_PROMOTER_KIND,
    },
    promoterTutor: r.promoter_tutor_name ? { name: r.promoter_tutor_name, email: r.promoter_tutor_email } : null,
    host: {
      name: r.legal_name,
      taxCode: r.host_tax_code,
      address: [r.legal_address, r.host_comune].filter(Boolean).join(", "),
      atecoCode: r.host_ateco,
      representative: r.host_representative,
    },
    hostTutor: { name: r.host_tutor_name, role: r.host_tutor_role, email: r.host_tutor_email },
    site: { address: r.site_address, comuneName: r.site_comune },
    trainee:
      r.first_name && !r.erased_at
        ? { firstName: r.first_name, lastName: r.last_name!, taxCode: r.trainee_tax_code!, birthDate: r.birth_date!, domicile: r.domicile }
        : null,
    traineeCategory: r.trainee_category,
    internshipType: r.internship_type,
    title: r.title,
    occupationCode: r.occupation_code,
    occupationTitle: r.occupation_title,
    eqfLevel: r.eqf_level,
    atecoCode: r.ateco_code,
    activities: r.activities,
    objectives: r.objectives,
    competences: r.competences,
    weeklyHours: Number(r.weekly_hours),
    dailyHours: Number(r.daily_hours),
    plannedMonths: Number(r.planned_months),
    startDate: r.start_date,
    endDate: r.end_date,
    monthlyIndemnityCents: r.monthly_indemnity_cents,
    mealVouchers: r.meal_vouchers,
    inailPosition: r.inail_position,
    rcPolicy: r.rc_policy,
  };
}

/** The fingerprint of the PFI as its data stand now. */
export async function currentPfiHash(db: Db | Trx, internshipId: string): Promise<string> {
  const data = await pfiData(db, internshipId);
  if (!data) throw new DomainError("Tirocinio non trovato", "_form", "not_found");
  return documentHash(pfiContent(data));
}

function violationsText(record: InternshipCheckRecord): string {
  const messages: string[] = record.check
    ? record.check.messages.filter((m: CheckMessage) => m.kind === "violation").map((m: CheckMessage) => m.message)
    : record.problems.map((p) => p.message);
  return messages.join(" ");
}

function assertStaff(actor: InternshipActor): asserts actor is Extract<InternshipActor, { kind: "officer" | "employer" }> {
  if (actor.kind !== "officer" && actor.kind !== "employer")
    throw new DomainError("Il progetto formativo lo compilano il Centro per l'Impiego e l'azienda", "_form", "forbidden");
}

const pfiColumns = (input: PfiInput) => ({
  convention_id: input.conventionId,
  title: input.title,
  occupation_code: input.occupationCode,
  eqf_level: input.eqfLevel,
  ateco_code: input.atecoCode,
  activities: input.activities,
  objectives: input.objectives,
  competences: input.competences,
  weekly_hours: String(input.weeklyHours),
  daily_hours: String(input.dailyHours),
  full_time_weekly_hours: String(input.fullTimeWeeklyHours),
  planned_months: String(input.plannedMonths),
  start_date: input.startDate,
  end_date: input.endDate,
  monthly_indemnity_cents: input.monthlyIndemnity,
  meal_vouchers: input.mealVouchers,
  seasonal_host: input.seasonalHost,
  employees_permanent: input.employeesPermanent,
  employees_fixed_term_counting: input.employeesFixedTermCounting,
  other_active_trainees: input.otherActiveTrainees,
  hires_from_past_trainees: input.hiresFromPastTrainees,
  dismissals_last_12_months: input.dismissalsLast12Months,
  cig_same_tasks: input.cigSameTasks,
  is_public_administration: input.isPublicAdministration,
  host_tutor_name: input.hostTutorName,
  host_tutor_role: input.hostTutorRole,
  host_tutor_email: input.hostTutorEmail,
  host_tutor_trainees: input.hostTutorTrainees,
  inail_position: input.inailPosition,
  rc_policy: input.rcPolicy,
  trainee_category: input.traineeCategory,
  internship_type: input.internshipType,
});

async function checkReferences(trx: Trx, row: InternshipRow, input: PfiInput) {
  const occupation = await trx.selectFrom("occupations").select("code").where("code", "=", input.occupationCode).executeTakeFirst();
  if (!occupation) throw new DomainError("Professione sconosciuta: scegline una dall'elenco CP2021", "occupationCode");
  if (input.conventionId) {
    const convention = await trx
      .selectFrom("internship_conventions")
      .select(["employer_id", "state"])
      .where("id", "=", input.conventionId)
      .executeTakeFirst();
    if (!convention || convention.employer_id !== row.employer_id)
      throw new DomainError("La convenzione scelta non è di questa azienda", "conventionId");
    if (convention.state === "expired" || convention.state === "revoked")
      throw new DomainError("La convenzione scelta non è più in vigore: scegline un'altra o stipulane una nuova", "conventionId");
  }
}

/**
 * Saves the PFI (officer or host). A PFI ready to sign or partly signed goes back to drafting first (`edit`) and its
 * signatures are void. Then the checker runs on the saved data: passed → ready to sign with the fingerprint frozen;
 * not passed → checks_failed with the violations.
 */
export async function savePfi(trx: Trx, actor: InternshipActor, internshipId: string, input: PfiInput, today: string, now = new Date()) {
  assertStaff(actor);
  let row = await lockInternship(trx, actor, internshipId, input.version);
  let voided = 0;
  if (SIGNING_STATES.includes(row.state)) {
    row = await transitionInternship(trx, {
      internshipId,
      event: "edit",
      actor,
      expectedVersion: row.version,
      note: "Progetto formativo modificato: le firme raccolte non valgono più",
      patch: { document_hash: null },
      now,
    });
    voided = await voidSignatures(trx, { internshipId }, "pfi", now);
  } else if (!PFI_EDITABLE_STATES.includes(row.state))
    throw new DomainError(
      `Il progetto formativo non si modifica più: il tirocinio è «${INTERNSHIP_STATE_LABELS[row.state].toLowerCase()}»`,
      "_form",
      "conflict",
    );
  await checkReferences(trx, row, input);
  await trx
    .updateTable("internships")
    .set({ ...pfiColumns(input), version: row.version + 1, updated_at: now })
    .where("id", "=", internshipId)
    .execute();
  const { record, internship } = await runInternshipChecks(trx, internshipId, today, { now });
  let hash: string | null = null;
  if (internship.state === "ready_to_sign") {
    hash = await currentPfiHash(trx, internshipId);
    await trx.updateTable("internships").set({ document_hash: hash }).where("id", "=", internshipId).execute();
  }
  await recordAudit(trx, auditActor(actor), {
    action: "internship.pfi_saved",
    entityType: "internship",
    entityId: internshipId,
    employerId: row.employer_id,
    details: { state: internship.state, allowed: record.allowed, voidedSignatures: voided, documentHash: hash },
  });
  const fresh = await trx.selectFrom("internships").select(["state", "version"]).where("id", "=", internshipId).executeTakeFirstOrThrow();
  return { state: fresh.state as InternshipState, version: fresh.version, record, voidedSignatures: voided, documentHash: hash };
}

/**
 * One party's signature on the frozen PFI: the uploaded PDF must be of the current version, the convention in force,
 * and the checks must still pass with today's data. With the third signature the internship moves on.
 */
export async function signPfi(
  trx: Trx,
  actor: InternshipActor,
  internshipId: string,
  input: SignatureInput & { version: number },
  today: string,
  now = new Date(),
) {
  if (actor.kind === "system") throw new DomainError("Firma non consentita", "_form", "forbidden");
  const row = await lockInternship(trx, actor, internshipId, input.version);
  assertMaySign(actor.kind, input.party);
  if (!SIGNING_STATES.includes(row.state))
    throw new DomainError(
      `Il progetto formativo non è da firmare: il tirocinio è «${INTERNSHIP_STATE_LABELS[row.state].toLowerCase()}»`,
      "_form",
      "conflict",
    );
  const convention = row.convention_id
    ? await trx
        .selectFrom("internship_conventions")
        .select(["state", "employer_id", "number"])
        .where("id", "=", row.convention_id)
        .executeTakeFirst()
    : null;
  if (!convention || convention.employer_id !== row.employer_id || convention.state !== "active")
    throw new DomainError(
      "Il progetto formativo si firma solo sotto una convenzione in vigore con l'azienda ospitante: fai firmare prima la convenzione.",
      "_form",
      "conflict",
    );
  // The data must still print what was frozen (nothing changed them outside the drafting form).
  if (row.document_hash !== (await currentPfiHash(trx, internshipId)))
    throw new DomainError(
      "Il progetto formativo è cambiato dopo che è stato reso pronto per la firma: salvalo di nuovo per rifare i controlli.",
      "_form",
      "conflict",
    );
  const hash = await signedVersionHash(input, row.document_hash);
  const { record } = await runInternshipChecks(trx, internshipId, today, { now });
  if (!record.allowed)
    throw new DomainError(`Con i dati di oggi i controlli non sono superati: ${violationsText(record)}`, "_form", "conflict");
  await recordSignature(trx, { internshipId }, "pfi", { ...input, documentHash: hash, signedBy: actor.userId, now });
  let after = await transitionInternship(trx, {
    internshipId,
    event: "sign",
    actor,
    note: `Firma: ${input.signerName}`,
    now,
  });
  const parties = await liveSignatureParties(trx, { internshipId }, "pfi");
  if (PFI_PARTIES.every((p) => parties.includes(p)))
    after = await transitionInternship(trx, {
      internshipId,
      event: "signatures_complete",
      actor: { kind: "system" },
      authorisationRequired: requiresRegionalAuthorisation(row.region),
      now,
    });
  return { state: after.state, version: after.version, parties };
}

/** The officer records the Region's authorisation (only where the Region requires one). */
export async function authoriseInternship(
  trx: Trx,
  actor: InternshipActor,
  internshipId: string,
  input: { authorisationRef: string; version: number },
  now = new Date(),
) {
  if (actor.kind !== "officer")
    throw new DomainError("L'autorizzazione regionale la registra il Centro per l'Impiego", "_form", "forbidden");
  const row = await transitionInternship(trx, {
    internshipId,
    event: "authorise",
    actor,
    expectedVersion: input.version,
    note: `Autorizzazione regionale: ${input.authorisationRef}`,
    patch: { authorisation_ref: input.authorisationRef },
    now,
  });
  return { state: row.state, version: row.version };
}

/**
 * Records the UNILAV C.01.00 filed by the host (or its delegate, or the CPI): protocol, date, who. The communication is
 * due before the start, so a date after the start date is refused; the checks run once more. On or after the start
 * date the internship becomes active at once, otherwise the daily job starts it on that day.
 */
export async function recordCo(trx: Trx, actor: InternshipActor, internshipId: string, input: CoInput, today: string, now = new Date()) {
  assertStaff(actor);
  const row = await lockInternship(trx, actor, internshipId, input.version);
  if (row.state !== "awaiting_co")
    throw new DomainError(
      `La comunicazione obbligatoria si registra quando il tirocinio attende la CO: ora è «${INTERNSHIP_STATE_LABELS[row.state].toLowerCase()}»`,
      "_form",
      "conflict",
    );
  if (!row.start_date) throw new DomainError("Il tirocinio non ha una data di inizio", "_form", "conflict");
  if (input.filedOn > today) throw new DomainError("La data di invio della comunicazione non può essere futura", "filedOn");
  if (input.filedOn > row.start_date)
    throw new DomainError(
      `La comunicazione obbligatoria va inviata prima dell'avvio: il ${formatDate(input.filedOn)} è dopo l'inizio del tirocinio (${formatDate(row.start_date)}).`,
      "filedOn",
    );
  const { record } = await runInternshipChecks(trx, internshipId, today, { now });
  if (!record.allowed)
    throw new DomainError(`Con i dati di oggi i controlli non sono superati: ${violationsText(record)}`, "_form", "conflict");
  let after = await transitionInternship(trx, {
    internshipId,
    event: "record_co",
    actor,
    note: `UNILAV C.01.00 protocollo ${input.protocol} del ${formatDate(input.filedOn)}`,
    patch: {
      co_protocol: input.protocol,
      co_filed_on: input.filedOn,
      co_filed_by: input.filedBy,
      co_filer_name: input.filerName,
      co_recorded_by: actor.userId,
      co_recorded_at: now,
    },
    now,
  });
  if (row.start_date <= today) after = await transitionInternship(trx, { internshipId, event: "start", actor: { kind: "system" }, now });
  return { state: after.state, version: after.version };
}

/** The daily job: internships with the CO recorded start on their start date. */
export async function startDueInternships(db: Db, today: string, now = new Date()): Promise<number> {
  const due = await db
    .selectFrom("internships")
    .select("id")
    .where("state", "=", "awaiting_co")
    .where("co_protocol", "is not", null)
    .where("start_date", "<=", today)
    .execute();
  for (const { id } of due)
    await db
      .transaction()
      .execute((trx) => transitionInternship(trx, { internshipId: id, event: "start", actor: { kind: "system" }, now }));
  return due.length;
}

/**
 * The one read of what an internship's UNILAV C.01.00 says: host, site, trainee, project and promoter. It feeds both the
 * CO fields (`unilavForInternship`, CSV) and the XML of the common UNILAV builder (`internshipUnilavExport`).
 */
export function internshipUnilavSource(db: Db | Trx, internshipId: string) {
  return db
    .selectFrom("internships as i")
    .innerJoin("employers as e", "e.id", "i.employer_id")
    .leftJoin("employer_sites as s", "s.id", "i.site_id")
    .leftJoin("comuni as cs", "cs.istat_code", "i.comune_code")
    .leftJoin("comuni as cl", "cl.istat_code", "e.legal_comune_code")
    .leftJoin("candidates as c", "c.id", "i.candidate_id")
    .leftJoin("comuni as cd", "cd.istat_code", "c.domicile_comune_code")
    .leftJoin("occupations as o", "o.code", "i.occupation_code")
    .leftJoin("internship_conventions as k", "k.id", "i.convention_id")
    .select([
      "e.tax_code as host_tax_code",
      "e.legal_name",
      "e.legal_address",
      "e.ateco_code as host_ateco",
      "i.ateco_code",
      "cl.belfiore as legal_belfiore",
      "s.address as site_address",
      "i.comune_code",
      "cs.name as site_comune",
      "cs.belfiore as site_belfiore",
      "cs.istat_code as site_istat",
      "c.tax_code as trainee_tax_code",
      "c.first_name",
      "c.last_name",
      "c.birth_date",
      "c.domicile_address",
      "cd.belfiore as domicile_belfiore",
      "i.start_date",
      "i.end_date",
      "i.occupation_code",
      "o.title as occupation_title",
      "i.weekly_hours",
      "i.full_time_weekly_hours",
      "i.monthly_indemnity_cents",
      "i.planned_months",
      "i.trainee_category",
      "i.internship_type",
      "i.inail_position",
      "i.is_public_administration",
      "k.promoter_tax_code",
      "k.promoter_name",
      "k.promoter_kind",
    ])
    .where("i.id", "=", internshipId)
    .executeTakeFirst();
}

/** The UNILAV C.01.00 data of an internship (start, or extension/early end with their dates). */
export async function unilavForInternship(
  db: Db | Trx,
  internshipId: string,
  kind: UnilavKind = "instaurazione",
  extra: { newEndDate?: string | null; endedOn?: string | null; endReason?: string | null } = {},
): Promise<UnilavData | null> {
  const r = await internshipUnilavSource(db, internshipId);
  if (!r || !r.trainee_tax_code) return null;
  return buildUnilav({
    kind,
    host: {
      taxCode: r.host_tax_code,
      name: r.legal_name,
      atecoCode: r.ateco_code ?? r.host_ateco,
      siteAddress: r.site_address,
      siteComuneCode: r.comune_code,
      siteComuneName: r.site_comune,
    },
    promoter: { taxCode: r.promoter_tax_code, name: r.promoter_name, kind: r.promoter_kind },
    trainee: { taxCode: r.trainee_tax_code, firstName: r.first_name!, lastName: r.last_name!, birthDate: r.birth_date! },
    internship: {
      startDate: r.start_date,
      endDate: r.end_date,
      occupationCode: r.occupation_code,
      occupationTitle: r.occupation_title,
      weeklyHours: Number(r.weekly_hours),
      fullTimeWeeklyHours: Number(r.full_time_weekly_hours),
      monthlyIndemnityCents: r.monthly_indemnity_cents,
      plannedMonths: Number(r.planned_months),
      traineeCategory: r.trainee_category,
      internshipType: r.internship_type,
    },
    ...extra,
  });
}

/**
 * What the documents and CO panels show, scoped to the actor (null when not theirs): the PFI's state and fingerprint,
 * its convention, the signatures (live and voided), who still has to sign, the CO record and the UNILAV data.
 */
export async function getInternshipDocuments(db: Db, actor: InternshipActor, internshipId: string) {
  let q = db
    .selectFrom("internships as i")
    .leftJoin("internship_conventions as k", "k.id", "i.convention_id")
    .select([
      "i.id",
      "i.number",
      "i.title",
      "i.state",
      "i.version",
      "i.document_hash",
      "i.employer_id",
      "i.region",
      "i.start_date",
      "i.end_date",
      "i.candidate_id",
      "i.authorisation_ref",
      "i.co_protocol",
      "i.co_filed_on",
      "i.co_filed_by",
      "i.co_filer_name",
      "i.co_recorded_at",
      "i.check_result",
      "k.id as convention_id",
      "k.number as convention_number",
      "k.state as convention_state",
    ])
    .where("i.id", "=", internshipId);
  if (actor.kind === "employer") q = q.where("i.employer_id", "=", actor.employerId);
  if (actor.kind === "candidate") q = q.where("i.candidate_id", "=", actor.candidateId);
  const internship = await q.executeTakeFirst();
  if (!internship) return null;
  const signatures = await db
    .selectFrom("internship_signatures")
    .select(["id", "party", "method", "signer_name", "signed_at", "document_hash", "signed_pdf_name", "voided_at"])
    .where("internship_id", "=", internshipId)
    .where("document", "=", "pfi")
    .orderBy("signed_at", "desc")
    .execute();
  const live = signatures.filter((s) => s.voided_at === null && s.document_hash === internship.document_hash).map((s) => s.party);
  const unilav = internship.candidate_id ? await unilavForInternship(db, internshipId) : null;
  return {
    internship: { ...internship, state: internship.state as InternshipState },
    signatures,
    missingParties: PFI_PARTIES.filter((p) => !live.includes(p)),
    authorisationRequired: requiresRegionalAuthorisation(internship.region),
    unilav,
  };
}
export type InternshipDocuments = NonNullable<Awaited<ReturnType<typeof getInternshipDocuments>>>;
