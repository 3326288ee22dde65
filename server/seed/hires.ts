import type { Transaction } from "kysely";
import type { DB } from "~/db/types";
import type { DemoRefs } from "./platform";
import { HAND_PICKED, insertPresentedRosa } from "./shortlists";

/**
 * Demo of the hires' UNILAV and of the reconciliation with the filed CO (docs/legal/national-systems.md#unilav-xml): a
 * filled vacancy of Panificio Lombardo with two hires. Marco Galli's UNILAV is complete and the CO filed says another start
 * date (a difference to reconcile); Elena Rota's hire was recorded before the UNILAV fields (citizenship, CAP, PAT
 * INAIL… «da completare») and has no CO yet. The officer finds both in /operatore/assunzioni.
 */
export async function seedHiresDemo(trx: Transaction<DB>, refs: DemoRefs) {
  const comune = async (name: string) =>
    (await trx.selectFrom("comuni").select("istat_code").where("name", "=", name).executeTakeFirstOrThrow()).istat_code;
  const milano = await comune("Milano");
  const segrate = await comune("Segrate");
  const people = [
    { first: "Marco", last: "Galli", cf: "GLLMRC92C15F205N", address: "Via Padova 44" },
    { first: "Elena", last: "Rota", cf: "RTOLNE95M50F205Q", address: "Viale Monza 10" },
  ];
  const ids: string[] = [];
  for (const p of people) {
    const c = await trx
      .insertInto("candidates")
      .values({
        first_name: p.first,
        last_name: p.last,
        tax_code: p.cf,
        birth_date: p.cf === "GLLMRC92C15F205N" ? "1992-03-15" : "1995-08-10",
        domicile_comune_code: milano,
        domicile_address: p.address,
        work_time: "any",
        consent_visible: false,
        consent_changed_at: new Date(),
        cv_updated_at: new Date(),
        created_by: refs.preselectionOfficerId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.push(c.id);
    await trx
      .insertInto("candidate_education")
      .values({ candidate_id: c.id, study_level: 2, study_title_code: "20000000", title: "Licenza media" })
      .execute();
    const o = await trx.selectFrom("occupations").select("title").where("code", "=", "8.4.3.1.0").executeTakeFirstOrThrow();
    await trx
      .insertInto("candidate_preferences")
      .values({ candidate_id: c.id, slot: 1, occupation_code: "8.4.3.1.0", occupation_label: o.title, source: "work", years_experience: 1 })
      .execute();
  }
  const v = await trx
    .insertInto("vacancies")
    .values({
      employer_id: refs.employers.bakery,
      status: "closed",
      title: "Addetti al confezionamento (laboratorio di Segrate)",
      occupation_code: "8.4.3.1.0",
      description: "Confezionamento ed etichettatura dei prodotti da forno nel laboratorio di via Rubattino.",
      comune_code: segrate,
      radius_km: 20,
      contract_type: "A.02.00",
      working_time_code: "P",
      weekly_hours: 24,
      // The bakers' CCNL: CO code 176 and the CNEL archive code of the artisans' food and bakery contract.
      ccnl_code: "176",
      ccnl_cnel_code: "E015",
      positions: 2,
      closing_date: new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10),
      publication_mode: "internal",
      discrimination_flags: "[]",
      submitted_at: new Date(Date.now() - 60 * 86_400_000),
      validated_at: new Date(Date.now() - 59 * 86_400_000),
      validated_by: refs.preselectionOfficerId,
      created_by: refs.bakeryLegalRepId,
      closed_at: new Date(Date.now() - 15 * 86_400_000),
      outcome: "filled",
      outcome_channel: "rosa",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const shortlistId = await insertPresentedRosa(trx, refs, {
    vacancyId: v.id,
    title: "Rosa per Addetti al confezionamento",
    total: 2,
    presentedAt: new Date(Date.now() - 40 * 86_400_000),
  });
  const today = new Date().toISOString().slice(0, 10);
  const start = new Date(Date.now() - 14 * 86_400_000).toISOString().slice(0, 10);
  const end = new Date(Date.now() + 166 * 86_400_000).toISOString().slice(0, 10);
  for (const [i, candidateId] of ids.entries()) {
    const row = await trx
      .insertInto("shortlist_candidates")
      .values({
        shortlist_id: shortlistId,
        candidate_id: candidateId,
        rank: i + 1,
        score: 0,
        explanation: HAND_PICKED,
        state: "hired",
        presented_at: new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const complete = i === 0;
    await trx
      .insertInto("hires")
      .values({
        shortlist_candidate_id: row.id,
        vacancy_id: v.id,
        employer_id: refs.employers.bakery,
        candidate_id: candidateId,
        contract_type: "A.02.00",
        start_date: start,
        end_date: end,
        weekly_hours: 24,
        working_time_code: "P",
        // The first hire applies the vacancy's CCNL (CO and CNEL codes); the second one none (ND).
        ccnl_code: complete ? "176" : "ND",
        ccnl_cnel_code: complete ? "E015" : null,
        contract_level: "5",
        qualification_code: "8.4.3.1.0.0",
        gross_annual_pay: 14800,
        work_comune_code: segrate,
        l68_reserved_post: false,
        recorded_by: refs.bakeryLegalRepId,
        ...(complete
          ? {
              worker_citizenship: "000",
              worker_cap: "20127",
              employer_ateco2007: "10.71.10",
              employer_legal_cap: "20132",
              work_address: "Via Rubattino 8",
              work_cap: "20054",
              pat_inail: "12345678",
              pension_body_code: "01",
              // The CO filed says a start one day later than the hire recorded in Rosa.
              co_code: "1300026000123456",
              co_filed_on: today < start ? today : start,
              co_start_date: new Date(Date.parse(start) + 86_400_000).toISOString().slice(0, 10),
              co_end_date: end,
              co_contract_type: "A.02.00",
              co_recorded_by: refs.preselectionOfficerId,
              co_recorded_at: new Date(),
            }
          : {}),
      })
      .execute();
  }
}
