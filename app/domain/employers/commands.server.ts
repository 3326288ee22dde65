import { sql } from "kysely";
import { absoluteUrl } from "~/utils/public-url.server";
import type { Trx } from "~/db/db.server";
import type { EmployerRole, RevalidationChanges } from "~/db/types";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { applyTransition, lockRow } from "~/domain/workflow/index.server";
import { createUser, DuplicateEmailError, isUniqueViolation } from "~/domain/identity/index.server";
import { consumeLink, createEmailLink, hashToken, lockOpenLink, revokeOpenLinks } from "~/domain/identity/index.server";
import { enqueueMail } from "~/domain/mail/index.server";
import { findAteco, resolveComune } from "~/domain/reference/index.server";
import { grantDelegation, worksFor } from "./delegations.server";
import { REVALIDATION_NOTICE, type CompanyInput, type RegistrationInput } from "./schema";
import { nextEmployerStatus, type EmployerEvent } from "./states";

/** Resolves the comuni and the ATECO code a company form refers to, with the field that failed. */
async function resolveCompanyCodes(trx: Trx, input: CompanyInput) {
  const legal = await resolveComune(trx, input.legalComune);
  if (!legal) throw new DomainError("Comune non trovato: scegli il comune dall'elenco, es. «Milano (MI)»", "legalComune");
  if (!(await findAteco(trx, input.atecoCode))) throw new DomainError("Codice ATECO inesistente: sceglilo dall'elenco", "atecoCode");
  const sites = [];
  for (const [i, site] of input.sites.entries()) {
    const comune = await resolveComune(trx, site.comune);
    if (!comune) throw new DomainError("Comune non trovato: sceglilo dall'elenco", `sites.${i}.comune`);
    sites.push({ label: site.label || `Sede ${i + 1}`, address: site.address, comune_code: comune.istatCode });
  }
  return { legalComuneCode: legal.istatCode, sites };
}

async function assertTaxCodesFree(trx: Trx, input: CompanyInput, exceptId?: string) {
  let query = trx
    .selectFrom("employers")
    .select(["tax_code", "vat_number"])
    .where((eb) => eb.or([eb("tax_code", "=", input.taxCode), ...(input.vatNumber ? [eb("vat_number", "=", input.vatNumber)] : [])]));
  if (exceptId) query = query.where("id", "!=", exceptId);
  const clash = await query.executeTakeFirst();
  if (clash?.tax_code === input.taxCode)
    throw new DomainError(
      "Un'azienda con questo codice fiscale è già registrata: chiedi al legale rappresentante di invitarti",
      "taxCode",
      "conflict",
    );
  if (clash) throw new DomainError("Un'azienda con questa partita IVA è già registrata", "vatNumber", "conflict");
}

function companyColumns(input: CompanyInput, legalComuneCode: string) {
  return {
    legal_name: input.legalName,
    tax_code: input.taxCode,
    vat_number: input.vatNumber ?? null,
    ateco_code: input.atecoCode,
    headcount_band: input.headcountBand,
    legal_address: input.legalAddress,
    legal_comune_code: legalComuneCode,
    pec: input.pec ?? null,
    contact_name: input.contactName,
    contact_email: input.contactEmail,
    contact_phone: input.contactPhone,
  };
}

/** An employer user registers the company and becomes its legal representative; an officer validates it later. */
export async function registerEmployer(trx: Trx, actor: Actor, input: RegistrationInput) {
  await assertTaxCodesFree(trx, input);
  const { legalComuneCode, sites } = await resolveCompanyCodes(trx, input);
  const employer = await trx
    .insertInto("employers")
    .values(companyColumns(input, legalComuneCode))
    .returning("id")
    .executeTakeFirstOrThrow()
    .catch((e: unknown) => {
      // The same registration sent twice at once (double click): the unique index refuses the later one.
      if (isUniqueViolation(e, "employers_tax_code_key"))
        throw new DomainError(
          "Un'azienda con questo codice fiscale è già registrata: chiedi al legale rappresentante di invitarti",
          "taxCode",
          "conflict",
        );
      if (isUniqueViolation(e, "employers_vat_number_key"))
        throw new DomainError("Un'azienda con questa partita IVA è già registrata", "vatNumber", "conflict");
      throw e;
    });
  if (sites.length)
    await trx
      .insertInto("employer_sites")
      .values(sites.map((s) => ({ ...s, employer_id: employer.id })))
      .execute();
  const userId = await createUser(trx, actor, {
    email: input.email,
    full_name: input.fullName,
    password: input.password,
    role: "employer",
    employer_id: employer.id,
    employer_role: "legal_rep",
  });
  await recordAudit(
    trx,
    { ...actor, userId, role: "employer" },
    {
      action: "employer.registered",
      entityType: "employer",
      entityId: employer.id,
      employerId: employer.id,
      details: { legalName: input.legalName, taxCode: input.taxCode, sites: sites.length },
    },
  );
  return { employerId: employer.id, userId };
}

async function lockEmployer(trx: Trx, employerId: string, version: number) {
  const query = trx
    .selectFrom("employers")
    .select(["id", "status", "version", "contact_email", "legal_name", "tax_code"])
    .where("id", "=", employerId);
  return lockRow(query, version, "Azienda non trovata");
}

async function transition(trx: Trx, actor: Actor, employerId: string, version: number, event: EmployerEvent, reason: string | null) {
  const current = await lockEmployer(trx, employerId, version);
  const next = nextEmployerStatus(current.status, event);
  if (!next) throw new DomainError(`Operazione non consentita: l'azienda è nello stato «${current.status}»`, "_form", "conflict");
  await applyTransition(trx, {
    table: "employers",
    row: current,
    patch: {
      status: next,
      status_reason: reason,
      status_changed_by: actor.userId,
      status_changed_at: new Date(),
      // Validated again: what changed has been checked.
      ...(next === "validated" ? { revalidation_changes: null } : {}),
    },
    audit: {
      actor,
      entry: { action: `employer.${event}`, entityType: "employer", employerId, details: { from: current.status, to: next, reason } },
    },
  });
  return { ...current, next };
}

/** An officer validates or rejects a registration (with a reason the company sees). */
export async function reviewEmployer(
  trx: Trx,
  actor: Actor,
  input: { employerId: string; decision: "validate" | "reject"; reason: string; version: number },
) {
  const reason = input.decision === "reject" ? input.reason : input.reason || null;
  const result = await transition(trx, actor, input.employerId, input.version, input.decision, reason);
  await enqueueMail(trx, {
    to: result.contact_email,
    subject: input.decision === "validate" ? "Rosa: registrazione convalidata" : "Rosa: registrazione da correggere",
    body:
      input.decision === "validate"
        ? `La registrazione di ${result.legal_name} è stata convalidata: ora puoi pubblicare offerte di lavoro e chiedere servizi.\n\nAccedi all'area azienda: ${absoluteUrl("/azienda")}`
        : `La registrazione di ${result.legal_name} è stata respinta per questo motivo:\n\n${input.reason}\n\nCorreggi i dati nell'area azienda e inviali di nuovo: ${absoluteUrl("/azienda")}`,
  });
}

/** A changed codice fiscale or ragione sociale, field by field (the other fields need no new validation). */
function identityChanges(current: { legal_name: string; tax_code: string }, input: CompanyInput): RevalidationChanges {
  const changes: RevalidationChanges = {};
  if (current.legal_name !== input.legalName) changes.legalName = { from: current.legal_name, to: input.legalName };
  if (current.tax_code !== input.taxCode) changes.taxCode = { from: current.tax_code, to: input.taxCode };
  return changes;
}

/** A validated company changing codice fiscale or ragione sociale did not confirm that it goes back to validation. */
export class RevalidationRequiredError extends DomainError {
  constructor(readonly changes: RevalidationChanges) {
    super(`${REVALIDATION_NOTICE}: conferma per salvare`, "confirmRevalidation", "conflict");
  }
}

/**
 * The legal representative corrects the company data. A rejected registration goes back to the
 * officers; a validated company that changes codice fiscale or ragione sociale too (after confirming),
 * with what changed for the officer to see.
 */
export async function updateCompany(
  trx: Trx,
  actor: Actor,
  employerId: string,
  version: number,
  input: CompanyInput & { confirmRevalidation?: boolean },
) {
  const current = await lockEmployer(trx, employerId, version);
  await assertTaxCodesFree(trx, input, employerId);
  const { legalComuneCode, sites } = await resolveCompanyCodes(trx, input);
  const changes = identityChanges(current, input);
  const revalidate = current.status === "validated" && Object.keys(changes).length > 0;
  if (revalidate && !input.confirmRevalidation) throw new RevalidationRequiredError(changes);
  const resubmit = current.status === "rejected";
  const event: EmployerEvent | null = resubmit ? "resubmit" : revalidate ? "revalidate" : null;
  const status = event ? nextEmployerStatus(current.status, event)! : current.status;
  await trx
    .updateTable("employers")
    .set({
      ...companyColumns(input, legalComuneCode),
      status,
      ...(revalidate ? { revalidation_changes: JSON.stringify(changes), status_reason: null } : {}),
      version: version + 1,
      updated_at: new Date(),
    })
    .where("id", "=", employerId)
    .execute();
  await trx.deleteFrom("employer_sites").where("employer_id", "=", employerId).execute();
  if (sites.length)
    await trx
      .insertInto("employer_sites")
      .values(sites.map((s) => ({ ...s, employer_id: employerId })))
      .execute();
  await recordAudit(trx, actor, {
    action: event ? `employer.${event}` : "employer.updated",
    entityType: "employer",
    entityId: employerId,
    employerId,
    details: { legalName: input.legalName, sites: sites.length, ...(revalidate ? { from: current.status, to: status, changes } : {}) },
  });
  return { status, revalidate };
}

export const INVITATION_DAYS = 7;

/**
 * Whether an invitation to this e-mail can be made: a new account, or (for a labour consultant)
 * an existing employer-side account that does not work for the company yet.
 */
async function existingInvitee(trx: Trx, employerId: string, email: string, employerRole: Exclude<EmployerRole, "legal_rep">) {
  const existing = await trx.selectFrom("users").select(["id", "role"]).where("email", "=", email).executeTakeFirst();
  if (!existing) return null;
  if (existing.role !== "employer")
    throw new DomainError(
      "Questo indirizzo appartiene a un account che non è aziendale: indica un altro indirizzo e-mail",
      "email",
      "conflict",
    );
  if (await worksFor(trx, existing.id, employerId)) throw new DomainError("Questa persona opera già per l'azienda", "email", "conflict");
  if (employerRole !== "delegate")
    throw new DomainError(
      "Questo indirizzo ha già un account presso un'altra azienda: un collaboratore appartiene a una sola azienda; un consulente del lavoro va invitato come delegato",
      "email",
      "conflict",
    );
  return existing;
}

/**
 * The legal representative invites a colleague or a labour consultant; the link goes by e-mail.
 * A consultant who already has an account (delegated by another company) accepts with that account.
 */
export async function inviteEmployerUser(
  trx: Trx,
  actor: Actor,
  input: { employerId: string; email: string; employerRole: Exclude<EmployerRole, "legal_rep">; baseUrl: string },
) {
  const existing = await existingInvitee(trx, input.employerId, input.email, input.employerRole);
  // A new invitation to the same person supersedes the earlier links (they answer «invito già usato o scaduto»).
  await revokeOpenLinks(trx, "employer_invitations", { where: { employer_id: input.employerId, email: input.email } });
  const invitation = await createEmailLink(
    trx,
    "employer_invitations",
    { employer_id: input.employerId, email: input.email, employer_role: input.employerRole, invited_by: actor.userId! },
    { days: INVITATION_DAYS },
  );
  const employer = await trx.selectFrom("employers").select("legal_name").where("id", "=", input.employerId).executeTakeFirstOrThrow();
  const link = `${input.baseUrl}/invito/${invitation.token}`;
  await enqueueMail(trx, {
    to: input.email,
    subject: existing ? `Rosa: ${employer.legal_name} ti ha delegato` : "Rosa: invito ad accedere all'area azienda",
    body: existing
      ? `${employer.legal_name} ti ha indicato come consulente del lavoro delegato in Rosa. Apri questo collegamento entro ${INVITATION_DAYS} giorni e accedi con il tuo account per accettare la delega:\n\n${link}`
      : `Sei stato invitato ad accedere all'area azienda di Rosa. Apri questo collegamento entro ${INVITATION_DAYS} giorni per creare il tuo account:\n\n${link}`,
  });
  await recordAudit(trx, actor, {
    action: "employer.user_invited",
    entityType: "employer_invitation",
    entityId: invitation.id,
    employerId: input.employerId,
    details: { email: input.email, employerRole: input.employerRole, existingAccount: !!existing },
  });
  return { invitationId: invitation.id, link, existingAccount: !!existing };
}

/** Advisory lock class for accepting invitations, one key per e-mail (next to the identity ones, 72_400_118…). */
const INVITATION_EMAIL_LOCK = 72_400_130;

export const INVITATION_USED_MESSAGE =
  "Invito già usato o scaduto: se devi ancora accedere, chiedi al legale rappresentante dell'azienda un nuovo invito.";

async function lockOpenInvitation(trx: Trx, token: string) {
  // Two invitations to one address accepted at once would each lock their row and then wait on the
  // other's: one lock per e-mail first makes them take turns (the second finds the account and stops).
  const target = await trx.selectFrom("employer_invitations").select("email").where("token_hash", "=", hashToken(token)).executeTakeFirst();
  if (target) await sql`select pg_advisory_xact_lock(${INVITATION_EMAIL_LOCK}::int, hashtext(lower(${target.email})))`.execute(trx);
  const invitation = await lockOpenLink(trx, "employer_invitations", token, ["id", "employer_id", "email", "employer_role", "invited_by"]);
  if (!invitation) throw new DomainError(INVITATION_USED_MESSAGE, "_form", "gone");
  return invitation;
}

/**
 * A new account accepts the invitation: a colleague of the company, or a consultant it delegates. A link
 * already used, cancelled, superseded by a newer invitation, expired, or whose e-mail meanwhile got an
 * account (another invitation accepted first) is refused with «invito già usato o scaduto», never a 500.
 */
export async function acceptInvitation(trx: Trx, actor: Actor, token: string, input: { fullName: string; password: string }) {
  const invitation = await lockOpenInvitation(trx, token);
  const delegate = invitation.employer_role === "delegate";
  if (await trx.selectFrom("users").select("id").where("email", "=", invitation.email).executeTakeFirst())
    throw new DomainError(
      delegate
        ? "Esiste già un account con questo indirizzo e-mail: accedi con il tuo account per accettare l'invito"
        : INVITATION_USED_MESSAGE,
      "_form",
      // The same answer whether the other invitation was accepted just before this request or during it.
      delegate ? "conflict" : "gone",
    );
  let userId: string;
  try {
    userId = await createUser(trx, actor, {
      email: invitation.email,
      full_name: input.fullName,
      password: input.password,
      role: "employer",
      // A consultant belongs to no company: each company that delegates them is a row of employer_delegations.
      employer_id: delegate ? null : invitation.employer_id,
      employer_role: invitation.employer_role,
    });
  } catch (e) {
    if (e instanceof DuplicateEmailError) throw new DomainError(INVITATION_USED_MESSAGE, "_form", "gone");
    throw e;
  }
  if (delegate)
    await grantDelegation(
      trx,
      { ...actor, userId },
      { employerId: invitation.employer_id, userId, grantedBy: invitation.invited_by, invitationId: invitation.id },
    );
  await consumeLink(trx, "employer_invitations", invitation.id);
  // Other open invitations to the same address can no longer create an account; a delegation from
  // another company stays open: the consultant accepts it with the account just created.
  await revokeOpenLinks(trx, "employer_invitations", {
    where: { email: invitation.email },
    whereNot: { id: invitation.id, employer_role: "delegate" },
  });
  return { userId, employerId: invitation.employer_id };
}

/**
 * The legal representative removes a colleague: the account is disabled (no login, open sessions end)
 * and no longer listed among the company's people; what they did stays in the audit log. An
 * administrator can re-enable it. The legal representative cannot remove themselves, and labour
 * consultants are revoked through the delegations, not here.
 */
export async function removeEmployerUser(trx: Trx, actor: Actor, input: { employerId: string; userId: string }) {
  const user = await trx
    .selectFrom("users")
    .select(["id", "email", "employer_role", "active", "version"])
    .where("id", "=", input.userId)
    .where("employer_id", "=", input.employerId)
    .forUpdate()
    .executeTakeFirst();
  if (!user || !user.active) throw new DomainError("Questa persona non opera più per l'azienda: ricarica la pagina", "_form", "conflict");
  if (user.employer_role !== "colleague")
    throw new DomainError("Qui si possono togliere solo i collaboratori dell'azienda", "_form", "invalid");
  await trx
    .updateTable("users")
    .set({ active: false, version: user.version + 1, updated_at: new Date() })
    .where("id", "=", user.id)
    .execute();
  await trx.deleteFrom("sessions").where("user_id", "=", user.id).execute();
  await recordAudit(trx, actor, {
    action: "employer.user_removed",
    entityType: "user",
    entityId: user.id,
    employerId: input.employerId,
    details: { email: user.email, employerRole: user.employer_role },
  });
  return { email: user.email };
}

/** The legal representative cancels an invitation not yet accepted: its link stops working. */
export async function cancelInvitation(trx: Trx, actor: Actor, input: { employerId: string; invitationId: string }) {
  const [cancelled] = await revokeOpenLinks(trx, "employer_invitations", {
    where: { id: input.invitationId, employer_id: input.employerId },
  });
  if (!cancelled) throw new DomainError("L'invito è già stato accettato o annullato: ricarica la pagina", "_form", "conflict");
  await recordAudit(trx, actor, {
    action: "employer.invitation_cancelled",
    entityType: "employer_invitation",
    entityId: cancelled.id,
    employerId: input.employerId,
    details: { email: cancelled.email, employerRole: cancelled.employer_role },
  });
  return { email: cancelled.email };
}

/**
 * A consultant who already has an account (delegated by another company) accepts a delegation
 * while logged in; the session switches to the new company.
 */
export async function acceptDelegationWithAccount(trx: Trx, actor: Actor & { userId: string }, token: string, sessionId: string) {
  const invitation = await lockOpenInvitation(trx, token);
  const user = await trx.selectFrom("users").select(["id", "email", "role"]).where("id", "=", actor.userId).executeTakeFirstOrThrow();
  if (user.email.toLowerCase() !== invitation.email.toLowerCase())
    throw new DomainError(`L'invito è per ${invitation.email}: esci e accedi con quell'account`, "_form", "conflict");
  if (invitation.employer_role !== "delegate" || user.role !== "employer")
    throw new DomainError("Questo invito non può essere accettato con un account esistente: chiedi un nuovo invito", "_form", "conflict");
  await grantDelegation(trx, actor, {
    employerId: invitation.employer_id,
    userId: user.id,
    grantedBy: invitation.invited_by,
    invitationId: invitation.id,
  });
  await consumeLink(trx, "employer_invitations", invitation.id);
  await trx
    .updateTable("sessions")
    .set({ active_employer_id: invitation.employer_id })
    .where("id", "=", sessionId)
    .where("user_id", "=", user.id)
    .execute();
  return { employerId: invitation.employer_id };
}
