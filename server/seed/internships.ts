import type { Insertable, Transaction } from "kysely";
import type { DB } from "~/db/types";
import type { Internships } from "~/db/schema.generated";
import { ensureOutcomeRows, proposeChange, runInternshipChecks } from "~/domain/internships/index.server";
import { DomainError } from "~/domain/errors";
import { addDays, addMonths, todayInItaly } from "~/utils/dates";
import { DEMO_CANDIDATE_EMAIL } from "./candidates";
import type { DemoRefs } from "./platform";

/**
 * Internships of Panificio Lombardo (Milano, Lombardia) in several states (docs/decisions/tirocini.md «Dati dimostrativi»):
 * one running with two months of attendance, one concluded with the attestazione, one refused by the rules checker
 * (indemnity under the Lombard minimum), and one each requested, in scouting, in drafting and awaiting the CO.
 */
export async function seedInternships(trx: Transaction<DB>, refs: DemoRefs) {
  const today = todayInItaly();
  const milano = (await trx.selectFrom("comuni").select("istat_code").where("name", "=", "Milano").executeTakeFirstOrThrow()).istat_code;
  const sara = await trx
    .selectFrom("candidates as c")
    .innerJoin("users as u", "u.id", "c.user_id")
    .select("c.id")
    .where("u.email", "=", DEMO_CANDIDATE_EMAIL)
    .executeTakeFirst();
  const others = await trx
    .selectFrom("candidates")
    .select("id")
    .where("user_id", "is", null)
    .orderBy("created_at")
    .orderBy("id")
    .limit(3)
    .execute();
  const base = (over: Partial<Insertable<Internships>>): Insertable<Internships> => ({
    employer_id: refs.employers.bakery,
    source: "direct",
    comune_code: milano,
    region: "lombardia",
    title: "Tirocinio di addetto alla vendita in panetteria",
    occupation_code: "5.1.2.2.0",
    eqf_level: 3,
    activities: "Accoglienza dei clienti, vendita al banco, allestimento delle vetrine, gestione della cassa.",
    objectives: "Acquisire autonomia nella vendita assistita e nella gestione del punto vendita.",
    competences: "Vendita assistita; cura dell'esposizione dei prodotti; uso del registratore di cassa.",
    weekly_hours: 30,
    daily_hours: 6,
    planned_months: 6,
    monthly_indemnity_cents: 50_000,
    meal_vouchers: true,
    employees_permanent: 12,
    host_tutor_name: "Giulia Ferri",
    host_tutor_email: "giulia.ferri@panificio.example.it",
    host_tutor_role: "Responsabile del punto vendita",
    promoter_tutor_id: refs.preselectionOfficerId,
    officer_id: refs.preselectionOfficerId,
    inail_position: "12345678/90",
    rc_policy: "RC 2026/0042",
    created_by: refs.preselectionOfficerId,
    ...over,
  });
  const insert = async (over: Partial<Insertable<Internships>>) =>
    (await trx.insertInto("internships").values(base(over)).returningAll().executeTakeFirstOrThrow()).id;

  // Requested, in scouting, in drafting, awaiting the CO.
  await insert({ state: "requested", title: "Tirocinio di aiuto panettiere" });
  await insert({ state: "scouting", title: "Tirocinio di addetto al laboratorio di pasticceria", occupation_code: "6.5.1.2.0" });
  await insert({
    state: "drafting",
    candidate_id: others[0]?.id ?? null,
    start_date: addDays(today, 30),
    end_date: addMonths(addDays(today, 30), 6),
  });
  await insert({
    state: "awaiting_co",
    candidate_id: others[1]?.id ?? null,
    start_date: addDays(today, 10),
    end_date: addDays(addMonths(addDays(today, 10), 6), -1),
    title: "Tirocinio di addetto alle consegne",
  });
  // Refused by the checker: 300 € a month is under the Lombard minimum (400 € with meal vouchers).
  const refused = await insert({
    state: "drafting",
    monthly_indemnity_cents: 30_000,
    title: "Tirocinio di addetto alle pulizie del laboratorio",
    start_date: addDays(today, 20),
    end_date: addMonths(addDays(today, 20), 6),
  });
  await runInternshipChecks(trx, refused, today);

  // Running since two months and a bit, with the two past months of attendance recorded by the host.
  const start = addMonths(`${today.slice(0, 7)}-01`, -2);
  const active = await insert({
    state: "active",
    candidate_id: sara?.id ?? others[2]?.id ?? null,
    start_date: start,
    end_date: addDays(addMonths(start, 6), -1),
  });
  for (const [offset, attended] of [
    [0, "118.00"],
    [1, "96.50"],
  ] as const) {
    await trx
      .insertInto("internship_attendance")
      .values({
        internship_id: active,
        month: addMonths(start, offset),
        planned_hours: "126.00",
        attended_hours: attended,
        indemnity_paid_cents: offset === 0 ? 50_000 : null,
        recorded_as: "employer",
        recorded_by: refs.bakeryLegalRepId,
      })
      .execute();
  }
  // An addendum awaiting the three signatures: the host tutor changes (docs/decisions/tirocini.md#addendum).
  const { version } = await trx.selectFrom("internships").select("version").where("id", "=", active).executeTakeFirstOrThrow();
  const none = { activities: null, objectives: null, competences: null, weeklyHours: null, dailyHours: null, monthlyIndemnity: null };
  try {
    await proposeChange(
      trx,
      { kind: "officer", userId: refs.preselectionOfficerId },
      active,
      {
        ...none,
        hostTutorName: "Giulia Bianchi",
        hostTutorRole: "Responsabile del banco",
        hostTutorEmail: null,
        reason: "Cambio del tutor aziendale",
        version,
      },
      today,
    );
  } catch (e) {
    // The demo's other data may change what the checker allows: the addendum is then simply left out.
    if (!(e instanceof DomainError)) throw e;
  }
  await trx
    .insertInto("internship_dossier_items")
    .values({
      internship_id: active,
      kind: "visit",
      occurred_on: addDays(start, 14),
      title: "Visita del tutor del Centro per l'Impiego",
      description: "Inserimento regolare; definiti gli orari della vendita al banco.",
      author_kind: "officer",
      created_by: refs.preselectionOfficerId,
    })
    .execute();
  await trx
    .insertInto("internship_service_time")
    .values([
      {
        internship_id: active,
        delivered_on: addDays(start, -20),
        minutes: 240,
        modality: "office",
        activity: "Scouting e colloqui",
        officer_id: refs.preselectionOfficerId,
      },
      {
        internship_id: active,
        delivered_on: addDays(start, 14),
        minutes: 120,
        modality: "company",
        activity: "Visita in azienda con il tutor",
        officer_id: refs.preselectionOfficerId,
      },
    ])
    .execute();
  await trx
    .insertInto("service_deliveries")
    .values({
      employer_id: refs.employers.bakery,
      standard_code: "R",
      delivered_on: addDays(start, 14),
      minutes: 360,
      modality: "office",
      officer_id: refs.preselectionOfficerId,
      output: "Tirocinio di addetto alla vendita in panetteria (in corso)",
      internship_id: active,
    })
    .execute();

  // Concluded with the attestazione last year.
  const aStart = addMonths(start, -10);
  const aEnd = addDays(addMonths(aStart, 6), -1);
  const attested = await insert({
    state: "attested",
    title: "Tirocinio di addetto alla vendita (concluso)",
    candidate_id: others[2]?.id ?? null,
    start_date: aStart,
    end_date: aEnd,
    actual_end_date: aEnd,
  });
  for (let m = 0; m < 6; m++)
    await trx
      .insertInto("internship_attendance")
      .values({
        internship_id: attested,
        month: addMonths(aStart, m),
        planned_hours: "126.00",
        attended_hours: m === 2 ? "80.00" : "120.00",
        indemnity_paid_cents: 50_000,
        recorded_as: "employer",
        recorded_by: refs.bakeryLegalRepId,
      })
      .execute();
  await trx
    .insertInto("internship_attestations")
    .values({
      internship_id: attested,
      issued_on: addDays(aEnd, 5),
      planned_hours: "756.00",
      attended_hours: "680.00",
      competences: "Vendita assistita; cura dell'esposizione dei prodotti; uso del registratore di cassa.",
      host_signer_name: "Marco Lombardi",
      document_hash: "d".repeat(64),
      issued_by: refs.preselectionOfficerId,
    })
    .execute();
  await ensureOutcomeRows(trx, { id: attested, start_date: aStart, actual_end_date: aEnd, end_date: aEnd });
}
