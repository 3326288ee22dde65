import type { Db, Trx } from "~/db/db.server";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { createUserWithHash, DuplicateEmailError } from "~/domain/identity/index.server";
import { consumeLink, createEmailLink, findOpenLink, lockOpenLink, revokeOpenLinks } from "~/domain/identity/index.server";
import { hashPassword } from "~/domain/identity/index.server";
import { assertAcceptablePassword } from "~/domain/identity/index.server";
import { enqueueMail } from "~/domain/mail/index.server";
import { resolveComune } from "~/domain/reference/index.server";
import { safeRedirectPath } from "~/utils/redirect";
import { createCandidate, setConsent } from "./commands.server";
import { PRIVACY_NOTICE_VERSION, type CandidateInput, type CandidateRegistrationInput } from "./schema";

/** Hours a verification link stays valid. */
export const REGISTRATION_LINK_HOURS = 24;

/** Legal bases recorded with each consent (GDPR art. 6). */
export const LEGAL_BASES = {
  privacy_notice: "art. 6.1.e GDPR: compito di interesse pubblico dei servizi per l'impiego (D.Lgs. 150/2015); informativa art. 13 letta",
  cv_visible: "art. 6.1.a GDPR: consenso (facoltativo, revocabile in ogni momento)",
  job_alerts: "art. 6.1.a GDPR: consenso (facoltativo, revocabile in ogni momento)",
} as const;

/**
 * A visitor asks for a candidate account. Nothing is created yet: the request waits, with the
 * password as an argon2 hash, until the link sent to the e-mail is opened (single use, 24 hours).
 * The answer is the same whether or not the e-mail already has an account (no enumeration): that
 * owner receives a message saying so instead of a link.
 */
export async function startCandidateRegistration(
  trx: Trx,
  actor: Actor,
  input: CandidateRegistrationInput,
  opts: { baseUrl: string; now?: Date },
): Promise<{ link: string | null }> {
  const now = opts.now ?? new Date();
  const comune = await resolveComune(trx, input.comune);
  if (!comune) throw new DomainError("Comune non trovato: scegli il comune dall'elenco, es. «Milano (MI)»", "comune");
  const fullName = `${input.firstName} ${input.lastName}`;
  assertAcceptablePassword(input.password, { email: input.email, fullName }, "password");
  const existing = await trx.selectFrom("users").select("id").where("email", "=", input.email).executeTakeFirst();
  if (existing) {
    await enqueueMail(trx, {
      to: input.email,
      subject: "Rosa: hai già un account",
      body: `Qualcuno (forse tu) ha chiesto di registrare un account di candidato con questo indirizzo, che su Rosa ha già un account. Se sei stato tu, accedi da ${opts.baseUrl}/accedi. Se non sei stato tu, puoi ignorare questo messaggio: nessun dato è cambiato.`,
    });
    await recordAudit(trx, actor, { action: "candidate.registration_existing_email", entityType: "user", entityId: existing.id });
    return { link: null };
  }
  // A new request replaces an older one for the same address: only the latest link works.
  await revokeOpenLinks(trx, "candidate_registrations", { where: { email: input.email } }, now);
  const row = await createEmailLink(
    trx,
    "candidate_registrations",
    {
      email: input.email,
      first_name: input.firstName,
      last_name: input.lastName,
      tax_code: input.taxCode,
      birth_date: input.birthDate,
      sex: input.sex,
      comune_code: comune.istatCode,
      password_hash: await hashPassword(input.password),
      privacy_notice_version: PRIVACY_NOTICE_VERSION,
      consent_cv_visible: input.consentCvVisible,
      consent_job_alerts: input.consentJobAlerts,
      redirect_to: input.redirectTo ? safeRedirectPath(input.redirectTo, "") || null : null,
      ip: actor.ip,
    },
    { hours: REGISTRATION_LINK_HOURS },
    { now },
  );
  const link = `${opts.baseUrl}/registrazione/candidato/conferma/${row.token}`;
  await enqueueMail(trx, {
    to: input.email,
    subject: "Rosa: conferma il tuo indirizzo e-mail",
    body: `Buongiorno ${input.firstName},\nper attivare il tuo account di candidato su Rosa apri questo collegamento entro ${REGISTRATION_LINK_HOURS} ore:\n\n${link}\n\nIl collegamento vale una sola volta. Se non hai chiesto tu la registrazione, ignora questo messaggio: senza conferma l'account non viene creato.`,
  });
  await recordAudit(trx, actor, { action: "candidate.registration_started", entityType: "candidate_registration", entityId: row.id });
  return { link };
}

/** The pending registration behind a link, for the confirmation page (no personal data beyond the e-mail and name). */
export function findPendingRegistration(db: Db, token: string, now = new Date()) {
  return findOpenLink(db, "candidate_registrations", token, ["id", "email", "first_name"], now);
}

export type LinkOutcome = "linked" | "pending_officer" | "no_cv";

/**
 * The link was opened: the account is created and active, the consents recorded with their legal
 * basis. A CV with the same codice fiscale already in the database (recorded by an officer or by an
 * import) is linked only when the verified e-mail is the one the CPI recorded on that CV: whoever
 * merely knows a codice fiscale must not get that person's CV. In every other case the account stays
 * without a CV and an officer is asked to check the person's identity and link it (link request).
 */
export async function verifyCandidateRegistration(trx: Trx, actor: Actor, token: string, now = new Date()) {
  const reg = await lockOpenLink(
    trx,
    "candidate_registrations",
    token,
    [
      "id",
      "email",
      "first_name",
      "last_name",
      "tax_code",
      "password_hash",
      "privacy_notice_version",
      "consent_cv_visible",
      "consent_job_alerts",
      "redirect_to",
    ],
    now,
  );
  if (!reg || !reg.password_hash)
    throw new DomainError(
      "Collegamento non valido, già usato o scaduto: registrati di nuovo oppure accedi se hai già confermato",
      "_form",
      "not_found",
    );
  let userId: string;
  try {
    userId = await createUserWithHash(trx, actor, {
      email: reg.email,
      full_name: `${reg.first_name} ${reg.last_name}`,
      passwordHash: reg.password_hash,
      role: "candidate",
      tax_code: reg.tax_code,
    });
  } catch (e) {
    if (e instanceof DuplicateEmailError)
      throw new DomainError("Esiste già un account con questo indirizzo e-mail: accedi", "_form", "conflict");
    throw e;
  }
  await consumeLink(trx, "candidate_registrations", reg.id, { user_id: userId, password_hash: null }, now);
  const self: Actor = { ...actor, userId, role: "candidate" };
  const consents = [
    { purpose: "privacy_notice" as const, granted: true },
    { purpose: "cv_visible" as const, granted: reg.consent_cv_visible },
    { purpose: "job_alerts" as const, granted: reg.consent_job_alerts },
  ];
  await trx
    .insertInto("user_consents")
    .values(
      consents.map((c) => ({
        user_id: userId,
        purpose: c.purpose,
        granted: c.granted,
        legal_basis: LEGAL_BASES[c.purpose],
        notice_version: reg.privacy_notice_version,
        recorded_at: now,
      })),
    )
    .execute();
  await recordAudit(trx, self, {
    action: "candidate.registration_verified",
    entityType: "user",
    entityId: userId,
    details: {
      registrationId: reg.id,
      noticeVersion: reg.privacy_notice_version,
      consents: Object.fromEntries(consents.map((c) => [c.purpose, c.granted])),
    },
  });
  const outcome = await linkExistingCv(trx, self, {
    userId,
    email: reg.email,
    taxCode: reg.tax_code,
    consentCvVisible: reg.consent_cv_visible,
  });
  return { userId, outcome, redirectTo: reg.redirect_to };
}

async function linkExistingCv(
  trx: Trx,
  actor: Actor,
  who: { userId: string; email: string; taxCode: string; consentCvVisible: boolean },
): Promise<LinkOutcome> {
  const cv = await trx
    .selectFrom("candidates")
    .select(["id", "email", "user_id"])
    .where("tax_code", "=", who.taxCode)
    .where("erased_at", "is", null)
    .forUpdate()
    .executeTakeFirst();
  if (!cv) return "no_cv";
  if (!cv.user_id && cv.email && cv.email.trim().toLowerCase() === who.email) {
    await trx.updateTable("candidates").set({ user_id: who.userId, updated_at: new Date() }).where("id", "=", cv.id).execute();
    await recordAudit(trx, actor, {
      action: "candidate.account_linked",
      entityType: "candidate",
      entityId: cv.id,
      details: { method: "verified_email_on_cv" },
    });
    // A consent given at registration applies to the CV; an unticked box is not a withdrawal.
    if (who.consentCvVisible) await setConsent(trx, actor, cv.id, true);
    return "linked";
  }
  const reason = cv.user_id ? "cv_has_account" : cv.email ? "email_differs" : "no_email_on_cv";
  await trx
    .insertInto("candidate_link_requests")
    .values({ user_id: who.userId, candidate_id: cv.id, reason })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await recordAudit(trx, actor, { action: "candidate.link_requested", entityType: "candidate", entityId: cv.id, details: { reason } });
  return "pending_officer";
}

/** The account's pending request to be linked to an existing CV, if any (for the candidate's own pages). */
export function pendingLinkRequestOf(db: Db, userId: string) {
  return db
    .selectFrom("candidate_link_requests")
    .select(["id", "created_at"])
    .where("user_id", "=", userId)
    .where("status", "=", "pending")
    .executeTakeFirst();
}

/** Link requests waiting on a CV, with the account that asked (officer's candidate page). */
export function linkRequestsForCandidate(db: Db, candidateId: string) {
  return db
    .selectFrom("candidate_link_requests as r")
    .innerJoin("users as u", "u.id", "r.user_id")
    .select(["r.id", "r.reason", "r.created_at", "u.email", "u.full_name"])
    .where("r.candidate_id", "=", candidateId)
    .where("r.status", "=", "pending")
    .orderBy("r.created_at")
    .execute();
}

/**
 * An officer who has checked the person's identity (in person, by phone with the data on the CV)
 * links the account to the CV, or refuses the request. Audited either way.
 */
export async function resolveLinkRequest(
  trx: Trx,
  actor: Actor,
  input: { candidateId: string; requestId: string; decision: "link" | "refuse" },
) {
  const req = await trx
    .selectFrom("candidate_link_requests")
    .select(["id", "user_id", "candidate_id", "status"])
    .where("id", "=", input.requestId)
    .where("candidate_id", "=", input.candidateId)
    .forUpdate()
    .executeTakeFirst();
  if (!req || req.status !== "pending") throw new DomainError("Richiesta di collegamento non trovata o già trattata", "_form", "not_found");
  if (input.decision === "link") {
    const cv = await trx
      .selectFrom("candidates")
      .select(["id", "user_id"])
      .where("id", "=", req.candidate_id)
      .where("erased_at", "is", null)
      .forUpdate()
      .executeTakeFirst();
    if (!cv) throw new DomainError("Candidato non trovato", "_form", "not_found");
    if (cv.user_id)
      throw new DomainError("Questo CV è già collegato a un altro account: rivolgiti all'amministratore", "_form", "conflict");
    if (await trx.selectFrom("candidates").select("id").where("user_id", "=", req.user_id).executeTakeFirst())
      throw new DomainError("L'account ha già un CV", "_form", "conflict");
    await trx.updateTable("candidates").set({ user_id: req.user_id, updated_at: new Date() }).where("id", "=", cv.id).execute();
  }
  await trx
    .updateTable("candidate_link_requests")
    .set({ status: input.decision === "link" ? "linked" : "refused", resolved_by: actor.userId, resolved_at: new Date() })
    .where("id", "=", req.id)
    .execute();
  await recordAudit(trx, actor, {
    action: input.decision === "link" ? "candidate.account_linked" : "candidate.link_refused",
    entityType: "candidate",
    entityId: req.candidate_id,
    details: { method: "officer_identity_check", requestId: req.id, userId: req.user_id },
  });
}

/** What the person typed at registration, to prefill their first CV. */
export async function registrationPrefill(db: Db, userId: string) {
  const r = await db
    .selectFrom("candidate_registrations as r")
    .innerJoin("comuni as m", "m.istat_code", "r.comune_code")
    .select(["r.first_name", "r.last_name", "r.tax_code", "r.birth_date", "r.email", "r.consent_cv_visible", "m.name", "m.province_code"])
    .where("r.user_id", "=", userId)
    .orderBy("r.verified_at", "desc")
    .executeTakeFirst();
  if (!r) return null;
  return {
    firstName: r.first_name,
    lastName: r.last_name,
    taxCode: r.tax_code,
    birthDate: r.birth_date,
    email: r.email,
    comune: `${r.name} (${r.province_code})`,
    consent: r.consent_cv_visible ? "on" : "",
  };
}

/**
 * A registered candidate without a CV writes their first one. The codice fiscale is the verified
 * one of the account, never what the form sends; the protected category is for officers only.
 * If a CV with that codice fiscale exists meanwhile, an officer is asked to link it instead.
 */
export async function createOwnCv(
  trx: Trx,
  actor: Actor & { userId: string },
  input: CandidateInput,
): Promise<{ candidateId: string } | { pendingLink: true }> {
  if (await trx.selectFrom("candidates").select("id").where("user_id", "=", actor.userId).executeTakeFirst())
    throw new DomainError("Hai già un CV: puoi modificarlo dalla pagina del tuo curriculum", "_form", "conflict");
  const user = await trx.selectFrom("users").select(["tax_code"]).where("id", "=", actor.userId).forUpdate().executeTakeFirstOrThrow();
  if (!user.tax_code)
    throw new DomainError("Il tuo account non ha un codice fiscale: rivolgiti al Centro per l'Impiego", "_form", "conflict");
  const existing = await trx.selectFrom("candidates").select(["id"]).where("tax_code", "=", user.tax_code).executeTakeFirst();
  if (existing) {
    await trx
      .insertInto("candidate_link_requests")
      .values({ user_id: actor.userId, candidate_id: existing.id, reason: "cv_exists" })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await recordAudit(trx, actor, {
      action: "candidate.link_requested",
      entityType: "candidate",
      entityId: existing.id,
      details: { reason: "cv_exists" },
    });
    return { pendingLink: true };
  }
  const candidateId = await createCandidate(
    trx,
    actor,
    { ...input, taxCode: user.tax_code, protectedCategory: "none" },
    { source: "self_registration", canSetProtectedCategory: false },
  );
  await trx.updateTable("candidates").set({ user_id: actor.userId }).where("id", "=", candidateId).execute();
  return { candidateId };
}

/** The codice fiscale recorded on a candidate account (verified at registration). */
export async function accountTaxCode(db: Db, userId: string): Promise<string | null> {
  const r = await db.selectFrom("users").select("tax_code").where("id", "=", userId).executeTakeFirst();
  return r?.tax_code ?? null;
}
