import { sql } from "kysely";
import type { Db, Trx } from "~/db/db.server";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { releaseErasedTrainee } from "~/domain/internships/index.server";
import { enqueueSearchSync } from "../../../search/outbox.server";
import { CANDIDATES_INDEX } from "./commands.server";

/**
 * Right to erasure (GDPR art. 17) and storage limitation (art. 5(1)(e)).
 *
 * The candidate row is anonymised in place (a tombstone), not deleted: shortlists, self-applications
 * and hires reference it (foreign keys without cascade), and employers' and officers' history, the
 * service register and the preselection figures must keep counting the person. What stays is what
 * the counts need and identifies nobody: the comune of domicile, the occupations sought (CP2021 codes),
 * the levels and titles of study (ministerial codes), the shortlist states and hires. Everything else
 * that can name or reach the person is removed or blanked, in every table that held it, in one
 * transaction; the search document is deleted
 * through the outbox (the sync worker finds no document for an erased id and removes it).
 */
export const ERASED_FIRST_NAME = "Candidato";
export const ERASED_LAST_NAME = "cancellato";
/** Placeholder free text where a column cannot be null (check constraints ask for ≥ 3 characters). */
const REDACTED = "Dato cancellato";
/** A fixed date: the column is NOT NULL and no statistic reads ages. */
const ERASED_BIRTH_DATE = "1900-01-01";

export type ErasureReason = "self" | "officer" | "retention";

/**
 * A real codice fiscale starts with six letters (omocodia replaces only digits), so a leading digit can
 * never collide with a person's code; the rest comes from the row id, which keeps the column unique.
 */
export function erasedTaxCode(candidateId: string): string {
  return ("0" + candidateId.replace(/-/g, "").slice(0, 15)).toUpperCase();
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Erases one candidate; returns false when the row was already erased (idempotent). */
export async function eraseCandidate(trx: Trx, actor: Actor, candidateId: string, reason: ErasureReason): Promise<boolean> {
  const c = await trx
    .selectFrom("candidates")
    .select(["id", "first_name", "last_name", "tax_code", "email", "phone", "user_id", "erased_at"])
    .where("id", "=", candidateId)
    .forUpdate()
    .executeTakeFirst();
  if (!c) throw new DomainError("Candidato non trovato", "_form", "not_found");
  if (c.erased_at) return false;
  const user = c.user_id
    ? await trx.selectFrom("users").select(["id", "email", "full_name"]).where("id", "=", c.user_id).forUpdate().executeTakeFirst()
    : undefined;
  const emails = [...new Set([c.email, user?.email].filter((e): e is string => !!e).map((e) => e.toLowerCase()))];
  const now = new Date();

  // The CV sections that describe the person; only what the figures count survives, blanked.
  for (const table of [
    "candidate_experiences",
    "candidate_languages",
    "candidate_mother_tongues",
    "candidate_licences",
    "candidate_certificates",
    "candidate_it_skills",
    "candidate_disability",
    "candidate_cv_files",
    "candidate_invitations",
  ] as const) {
    await trx.deleteFrom(table).where("candidate_id", "=", candidateId).execute();
  }
  await trx
    .updateTable("candidate_education")
    .set({ title: REDACTED, institution: null, year: null })
    .where("candidate_id", "=", candidateId)
    .execute();
  await trx
    .updateTable("candidate_preferences")
    .set({ notes: null, interview_date: null, last_job_year: null })
    .where("candidate_id", "=", candidateId)
    .execute();
  await trx
    .updateTable("candidates")
    .set({
      first_name: ERASED_FIRST_NAME,
      last_name: ERASED_LAST_NAME,
      tax_code: erasedTaxCode(candidateId),
      birth_date: ERASED_BIRTH_DATE,
      domicile_address: null,
      phone: null,
      email: null,
      user_id: null,
      max_commute_km: null,
      available_from: null,
      consent_visible: false,
      consent_changed_at: now,
      // Health data (art. 9): the L. 68/99 category goes with the rest.
      protected_category: "none",
      erased_at: now,
      version: sql<number>`version + 1`,
      updated_at: now,
    })
    .where("id", "=", candidateId)
    .execute();

  // The account: kept as an inactive row (transitions and the audit log name it as actor), without login.
  if (user) {
    await trx.deleteFrom("sessions").where("user_id", "=", user.id).execute();
    // The self-registration (codice fiscale, name, birth date) and link requests describe the person too.
    await trx.deleteFrom("candidate_registrations").where("user_id", "=", user.id).execute();
    await trx.deleteFrom("candidate_link_requests").where("user_id", "=", user.id).execute();
    await trx
      .updateTable("users")
      .set({
        email: `cancellato-${user.id}@cancellato.invalid`,
        full_name: `${ERASED_FIRST_NAME} ${ERASED_LAST_NAME}`,
        tax_code: null,
        password_hash: null,
        active: false,
        updated_at: now,
      })
      .where("id", "=", user.id)
      .execute();
  }
  await trx.deleteFrom("candidate_registrations").where("tax_code", "=", c.tax_code).execute();
  if (emails.length)
    await trx
      .deleteFrom("login_attempts")
      .where(sql<boolean>`lower(email::text) in (${sql.join(emails)})`)
      .execute();

  // Preselection history: the rows and their states stay (counts), the free text about the person goes.
  const rows = trx.selectFrom("shortlist_candidates").select("id").where("candidate_id", "=", candidateId);
  await trx.updateTable("shortlist_candidates").set({ contact_consent: false }).where("candidate_id", "=", candidateId).execute();
  await trx.updateTable("shortlist_transitions").set({ note: null }).where("shortlist_candidate_id", "in", rows).execute();
  await trx.updateTable("contact_attempts").set({ note: null }).where("shortlist_candidate_id", "in", rows).execute();
  await trx
    .updateTable("employer_feedback")
    .set({ missing_skills: null, reason_text: null, comment: null })
    .where("shortlist_candidate_id", "in", rows)
    .execute();
  await trx.updateTable("assessment_results").set({ justification: REDACTED }).where("shortlist_candidate_id", "in", rows).execute();
  await trx
    .updateTable("gap_proposals")
    .set({ gap: REDACTED, description: REDACTED })
    .where("shortlist_candidate_id", "in", rows)
    .execute();
  // Availability links (docs/decisions/0010-signed-availability-links.md): the channel and the answer stay, the address or number goes.
  await trx.updateTable("availability_requests").set({ sent_to: REDACTED }).where("shortlist_candidate_id", "in", rows).execute();
  // The ranked results frozen in each shortlist name every hit: this person becomes the placeholder.
  await sql`
    update shortlists s set results_snapshot = (
      select jsonb_agg(case when e->>'id' = ${candidateId} then e || jsonb_build_object('name', ${`${ERASED_FIRST_NAME} ${ERASED_LAST_NAME}`}::text) else e end order by ord)
      from jsonb_array_elements(s.results_snapshot) with ordinality as t(e, ord))
    where s.results_snapshot @> ${JSON.stringify([{ id: candidateId }])}::jsonb`.execute(trx);
  await trx
    .updateTable("vacancy_applications")
    .set({ message: null, decline_reason: sql<string | null>`case when decline_reason is null then null else ${REDACTED}::text end` })
    .where("candidate_id", "=", candidateId)
    .execute();

  // Internships (docs/decisions/tirocini.md#cancellazione): not yet started ones are cancelled, started ones kept anonymised.
  await releaseErasedTrainee(trx, candidateId, now);

  // Messages to the person: the unsent ones are dropped, the sent ones keep only that a message went out.
  if (emails.length) {
    const toPerson = sql<boolean>`lower(to_address) in (${sql.join(emails)})`;
    await trx.deleteFrom("mail_outbox").where(toPerson).where("sent_at", "is", null).execute();
    await trx
      .updateTable("mail_outbox")
      .set({ to_address: "cancellato@cancellato.invalid", subject: REDACTED, body_text: "", last_error: null })
      .where(toPerson)
      .execute();
  }
  // SMS (no gateway: none is ever sent) to the person's phone are dropped.
  if (c.phone) await trx.deleteFrom("sms_outbox").where("to_number", "=", c.phone).execute();

  // The audit log keeps who did what and when; personal values inside its rows about this person are redacted.
  const needles = [
    c.tax_code,
    `${c.first_name} ${c.last_name}`,
    `${c.last_name} ${c.first_name}`,
    c.phone,
    ...emails,
    user?.full_name,
  ].filter((s): s is string => !!s && s.length >= 3);
  const pattern = needles.map(escapeRegex).join("|");
  await sql`set local rosa.audit_redaction = 'on'`.execute(trx);
  const related = [candidateId, ...(user ? [user.id] : [])];
  await sql`
    update audit_log set
      details = (regexp_replace(details::text, ${pattern}, '[cancellato]', 'gi'))::jsonb
        - 'filename' || case when details ? 'filename' then '{"filename":"[cancellato]"}'::jsonb else '{}'::jsonb end,
      ip = case when ${user?.id ?? null}::uuid is not null and actor_user_id = ${user?.id ?? null}::uuid then null else ip end
    where (entity_id in (${sql.join(related)}) or (${user?.id ?? null}::uuid is not null and actor_user_id = ${user?.id ?? null}::uuid))`.execute(
    trx,
  );
  await sql`set local rosa.audit_redaction = 'off'`.execute(trx);

  // Who and when; for a self-erasure not the person's IP address, which is personal data being erased.
  await recordAudit(trx, reason === "self" ? { ...actor, ip: null } : actor, {
    action: "candidate.erased",
    entityType: "candidate",
    entityId: candidateId,
    details: { reason },
  });
  await enqueueSearchSync(trx, CANDIDATES_INDEX, [candidateId]);
  return true;
}

/**
 * Candidates inactive for longer than the retention period: no CV update or confirmation, no change
 * to the record, no action by their account (every login is in the audit log), no shortlist or
 * application movement. Oldest first, at most `limit` per call.
 */
export async function findInactiveCandidates(db: Db, cutoff: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom("candidates as c")
    .select("c.id")
    .where("c.erased_at", "is", null)
    .where("c.cv_updated_at", "<", cutoff)
    .where("c.updated_at", "<", cutoff)
    .where("c.created_at", "<", cutoff)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("audit_log as a")
            .select(sql`1`.as("one"))
            .whereRef("a.actor_user_id", "=", "c.user_id")
            .where("a.at", ">=", cutoff),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("shortlist_candidates as sc")
            .select(sql`1`.as("one"))
            .whereRef("sc.candidate_id", "=", "c.id")
            .where((eb) =>
              eb.or([
                eb("sc.updated_at", ">=", cutoff),
                eb("sc.presented_at", ">=", cutoff),
                eb("sc.candidate_responded_at", ">=", cutoff),
              ]),
            ),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("vacancy_applications as va")
            .select(sql`1`.as("one"))
            .whereRef("va.candidate_id", "=", "c.id")
            .where((eb) => eb.or([eb("va.created_at", ">=", cutoff), eb("va.decided_at", ">=", cutoff)])),
        ),
      ),
    )
    .orderBy("c.cv_updated_at")
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Months back from `now`, on the calendar (24 months before 31 March is 31 March two years earlier). */
export function retentionCutoff(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/**
 * The retention job: anonymises at most `batch` inactive CVs per run, each in its own transaction (one
 * failure does not hold back the others). Idempotent: an erased row is never selected again.
 */
export async function runCvRetention(db: Db, opts: { months: number; batch: number; now?: Date }): Promise<{ erased: number }> {
  const cutoff = retentionCutoff(opts.now ?? new Date(), opts.months);
  const ids = await findInactiveCandidates(db, cutoff, opts.batch);
  const system: Actor = { userId: null, role: "system", ip: null };
  let erased = 0;
  for (const id of ids) {
    const done = await db.transaction().execute(async (trx) => {
      // Re-checked under the row lock: activity between the selection and now keeps the CV.
      const still = await trx
        .selectFrom("candidates")
        .select("id")
        .where("id", "=", id)
        .where("cv_updated_at", "<", cutoff)
        .where("updated_at", "<", cutoff)
        .forUpdate()
        .executeTakeFirst();
      return still ? eraseCandidate(trx, system, id, "retention") : false;
    });
    if (done) erased++;
  }
  return { erased };
}
