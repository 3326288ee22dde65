import type { Insertable } from "kysely";
import { getDb } from "~/db/db.server";
import type { Hires } from "~/db/schema.generated";
import { comuneCode, createMatchCandidate, createMatchVacancy, insertPresentedShortlist } from "./factories-shortlists";
import { validTaxCode } from "./tax-codes";

/**
 * What the officer adds on the hire page for the UNILAV (citizenship, addresses, education, ATECO 2007, PAT INAIL, pension
 * body): a hire recorded before those fields existed has none of them and is «da completare».
 */
export const UNILAV_COMPLETION = {
  worker_citizenship: "000",
  worker_address: "Via Po 2",
  worker_cap: "26100",
  worker_education_level: "40",
  employer_ateco2007: "10.71.10",
  employer_legal_cap: "20121",
  work_address: "Via Dante 3",
  work_cap: "26100",
  pat_inail: "12345678",
  pension_body_code: "01",
} satisfies Partial<Insertable<Hires>>;

/**
 * A hire as the hire form stores it (fixed-term part-time contract, CCNL, level, CP2011 qualification, pay, work seat in
 * Cremona) of a new candidate in Cremona with a valid codice fiscale (the UNILAV reads sex, birth date and place from it),
 * picked from a presented rosa of the vacancy (by default a new vacancy of the employer in Cremona). `columns` overrides or
 * adds the hire's own columns, e.g. `UNILAV_COMPLETION`.
 */
export async function insertHire(
  spec: { employerId: string; recordedBy: string; vacancyId?: string },
  columns: Partial<Insertable<Hires>> = {},
) {
  const db = getDb();
  const candidateId = await createMatchCandidate({ comune: "Cremona", taxCode: validTaxCode() });
  const vacancyId =
    spec.vacancyId ?? (await createMatchVacancy({ employerId: spec.employerId, comune: "Cremona", status: "in_preselection" })).id;
  const shortlistId = await insertPresentedShortlist(spec.employerId, vacancyId);
  const picked = await db
    .insertInto("shortlist_candidates")
    .values({ shortlist_id: shortlistId, candidate_id: candidateId, state: "hired", rank: 1, score: 1, explanation: "{}" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const hire = await db
    .insertInto("hires")
    .values({
      shortlist_candidate_id: picked.id,
      vacancy_id: vacancyId,
      employer_id: spec.employerId,
      candidate_id: candidateId,
      contract_type: "A.02.00",
      start_date: "2027-01-11",
      end_date: "2027-07-10",
      weekly_hours: 24,
      working_time_code: "P",
      ccnl_code: "042",
      contract_level: "4",
      qualification_code: "5.1.2.2.0.1",
      gross_annual_pay: 15600,
      work_comune_code: await comuneCode("Cremona"),
      l68_reserved_post: false,
      recorded_by: spec.recordedBy,
      ...columns,
    })
    .returning(["id", "version"])
    .executeTakeFirstOrThrow();
  return { ...hire, candidateId };
}
