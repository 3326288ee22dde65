import type { Transaction } from "kysely";
import type { DB } from "~/db/types";
import { LICENCE_CODE_OF_CATEGORY } from "~/domain/reference";
import { enqueueSearchSync } from "../../search/outbox.server";
import type { DemoRefs } from "./platform";

/**
 * Preselection demo (docs/architecture.md#service-4c): a validated vacancy of Panificio Lombardo in
 * Milano with a must-have licence and a preferable language, and a few
 * hand-written CVs that match it with different strengths; one lacks the
 * licence and appears only when the officer relaxes that requirement.
 */
const PEOPLE = [
  { first: "Elisa", last: "Vendramin", cf: "VNDLSE90A41F205X", prefs: ["5.1.2.2.0"], licences: ["B"], en: "B2", commute: 20 },
  {
    first: "Marco",
    last: "Quadrelli",
    cf: "QDRMRC88B12F205Y",
    prefs: ["5.1.2.4.0", "5.1.2.2.0"],
    licences: ["B"],
    en: null,
    commute: null,
  },
  { first: "Luca", last: "Ornaghi", cf: "RNGLCU92C15F205Z", prefs: ["5.1.2.2.0"], licences: [], en: "B1", commute: 30 },
] as const;

export async function seedShortlistDemo(trx: Transaction<DB>, refs: DemoRefs) {
  const milano = "015146";
  const ids: string[] = [];
  for (const p of PEOPLE) {
    const c = await trx
      .insertInto("candidates")
      .values({
        first_name: p.first,
        last_name: p.last,
        tax_code: p.cf,
        birth_date: "1990-01-01",
        domicile_comune_code: milano,
        phone: "02 5550101",
        email: `${p.first.toLowerCase()}.${p.last.toLowerCase()}@example.it`,
        work_time: "any",
        shifts: true,
        max_commute_km: p.commute,
        consent_visible: true,
        consent_changed_at: new Date(),
        cv_updated_at: new Date(),
        created_by: refs.preselectionOfficerId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.push(c.id);
    await trx
      .insertInto("candidate_education")
      .values({ candidate_id: c.id, study_level: 4, title: "Diploma di scuola superiore" })
      .execute();
    for (const [i, code] of p.prefs.entries()) {
      const o = await trx.selectFrom("occupations").select("title").where("code", "=", code).executeTakeFirstOrThrow();
      await trx
        .insertInto("candidate_preferences")
        .values({ candidate_id: c.id, slot: i + 1, occupation_code: code, occupation_label: o.title, source: "work", years_experience: 2 })
        .execute();
    }
    for (const l of p.licences)
      await trx
        .insertInto("candidate_licences")
        .values({ candidate_id: c.id, licence_code: LICENCE_CODE_OF_CATEGORY[l as "B"], licence_category: l })
        .execute();
    if (p.en) await trx.insertInto("candidate_languages").values({ candidate_id: c.id, language_code: "001", level: p.en }).execute();
  }
  await enqueueSearchSync(trx, "candidates", ids);
  const v = await trx
    .insertInto("vacancies")
    .values({
      employer_id: refs.employers.bakery,
      status: "validated",
      title: "Commesso/a per il punto vendita di Milano",
      occupation_code: "5.1.2.2.0",
      description:
        "Vendita al banco di pane e prodotti da forno, assistenza ai clienti, gestione della cassa nel negozio di corso Buenos Aires.",
      comune_code: milano,
      radius_km: 20,
      contract_type: "A.01.00",
      working_time_code: "F",
      weekly_hours: 40,
      positions: 1,
      closing_date: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
      publication_mode: "internal",
      discrimination_flags: "[]",
      submitted_at: new Date(),
      validated_at: new Date(),
      validated_by: refs.preselectionOfficerId,
      created_by: refs.bakeryLegalRepId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("vacancy_requirements")
    .values([
      { vacancy_id: v.id, position: 1, kind: "licence", priority: "must", description: "", licence_code: "02", licence_category: "B" },
      { vacancy_id: v.id, position: 2, kind: "language", priority: "nice", description: "", language_code: "001", cefr_level: "B1" },
    ])
    .execute();
  await seedAvailabilityDemo(trx, refs, milano);
}

/**
 * Demo of docs/decisions/0010-signed-availability-links.md and 0019-hire-with-unilav-fields.md:
 * a rosa on a second vacancy with two people still to contact (one with only an
 * e-mail and no account, one with only a phone: the bulk «avvia il contatto» sends a link by e-mail
 * and one by SMS) and one person already presented, whose hire the officer can record on the
 * employer's behalf. Their preference (Panettieri) keeps them out of the «Commesso/a» matching demo.
 */
async function seedAvailabilityDemo(trx: Transaction<DB>, refs: DemoRefs, milano: string) {
  const people = [
    { first: "Giulia", last: "Ferrandi", cf: "FRRGLI93D45F205K", email: "giulia.ferrandi@example.it", phone: null },
    { first: "Paolo", last: "Brambilla", cf: "BRMPLA85E10F205J", email: null, phone: "347 5550199" },
    { first: "Chiara", last: "Sironi", cf: "SRNCHR91H52F205W", email: "chiara.sironi@example.it", phone: "02 5550133" },
  ] as const;
  const ids: string[] = [];
  for (const p of people) {
    const c = await trx
      .insertInto("candidates")
      .values({
        first_name: p.first,
        last_name: p.last,
        tax_code: p.cf,
        birth_date: "1991-06-01",
        domicile_comune_code: milano,
        phone: p.phone,
        email: p.email,
        work_time: "any",
        shifts: true,
        max_commute_km: 25,
        consent_visible: true,
        consent_changed_at: new Date(),
        cv_updated_at: new Date(),
        created_by: refs.preselectionOfficerId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.push(c.id);
    await trx
      .insertInto("candidate_education")
      .values({ candidate_id: c.id, study_level: 3, title: "Qualifica professionale di operatore della trasformazione agroalimentare" })
      .execute();
    const o = await trx.selectFrom("occupations").select("title").where("code", "=", "6.5.1.2.1").executeTakeFirstOrThrow();
    await trx
      .insertInto("candidate_preferences")
      .values({ candidate_id: c.id, slot: 1, occupation_code: "6.5.1.2.1", occupation_label: o.title, source: "work", years_experience: 3 })
      .execute();
  }
  await enqueueSearchSync(trx, "candidates", ids);
  const v = await trx
    .insertInto("vacancies")
    .values({
      employer_id: refs.employers.bakery,
      status: "in_preselection",
      title: "Aiuto panettiere/a per il laboratorio di Milano",
      occupation_code: "6.5.1.2.1",
      description: "Preparazione degli impasti e cottura in forno nel laboratorio di via Rubattino, turni dalle 4 alle 10.",
      comune_code: milano,
      radius_km: 20,
      contract_type: "A.02.00",
      working_time_code: "P",
      weekly_hours: 30,
      positions: 1,
      closing_date: new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10),
      publication_mode: "public",
      discrimination_flags: "[]",
      submitted_at: new Date(),
      validated_at: new Date(),
      validated_by: refs.preselectionOfficerId,
      created_by: refs.bakeryLegalRepId,
      published_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const now = new Date();
  const shortlistId = await insertPresentedRosa(trx, refs, {
    vacancyId: v.id,
    title: "Rosa per Aiuto panettiere/a",
    total: 3,
    presentedAt: now,
  });
  await trx
    .insertInto("shortlist_candidates")
    .values([
      { shortlist_id: shortlistId, candidate_id: ids[0]!, rank: 1, score: 0, explanation: HAND_PICKED },
      { shortlist_id: shortlistId, candidate_id: ids[1]!, rank: 2, score: 0, explanation: HAND_PICKED },
      {
        shortlist_id: shortlistId,
        candidate_id: ids[2]!,
        rank: 3,
        score: 0,
        explanation: HAND_PICKED,
        state: "presented",
        presented_at: now,
        candidate_response: "confirmed",
        candidate_responded_at: now,
      },
    ])
    .execute();
}

/** The explanation of a row added to a demo rosa by hand (no matching run behind it). */
export const HAND_PICKED = JSON.stringify({ strength: null, requirements: [], distanceKm: 0, cvAgeDays: 0, parts: [], score: 0 });

/** A rosa of a Panificio Lombardo vacancy, presented by the demo officer (by default now); returns its id. */
export async function insertPresentedRosa(
  trx: Transaction<DB>,
  refs: DemoRefs,
  rosa: { vacancyId: string; title: string; total: number; presentedAt?: Date },
): Promise<string> {
  const presentedAt = rosa.presentedAt ?? new Date();
  const s = await trx
    .insertInto("shortlists")
    .values({
      vacancy_id: rosa.vacancyId,
      employer_id: refs.employers.bakery,
      title: rosa.title,
      status: "presented",
      search_snapshot: JSON.stringify({ conditions: [], filter: "", sort: [], relaxed: [], total: rosa.total }),
      results_snapshot: "[]",
      index_uid: "rosa_candidates",
      settings_version: 2,
      created_by: refs.preselectionOfficerId,
      presented_at: presentedAt,
      presented_by: refs.preselectionOfficerId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return s.id;
}
