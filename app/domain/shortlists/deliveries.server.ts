/**
 * The service delivery register entries Rosa records by itself (issue 4's
 * register): the standard's output happened, so the service was delivered.
 * Durations are the Trento standard's minimums (service_standards): 4C
 * "durata minima 4 ore"; 4D is two services, "verifica delle competenze"
 * (4D-VERIFICA) and "selezione dei candidati" (4D-SELEZIONE), 2 h each.
 */
import { sql } from "kysely";
import type { Trx } from "~/db/db.server";

const MINUTES = { "4C": 240, "4D-VERIFICA": 120, "4D-SELEZIONE": 120 } as const;
const today = (now: Date) => now.toISOString().slice(0, 10);
const people = (n: number) => (n === 1 ? "1 candidato presentato" : `${n} candidati presentati`);

/** 4C/LEP Q: the output is the presented rosa. */
export async function recordPresentationDelivery(
  trx: Trx,
  s: { id: string; employer_id: string; title: string },
  officerId: string,
  presented: number,
  now: Date,
) {
  await trx
    .insertInto("service_deliveries")
    .values({
      employer_id: s.employer_id,
      standard_code: "4C",
      delivered_on: today(now),
      minutes: MINUTES["4C"],
      modality: "office",
      officer_id: officerId,
      output: `Rosa «${s.title}»: ${people(presented)}`,
      justification: null,
      service_request_id: null,
      shortlist_id: s.id,
    })
    .execute();
}

/**
 * 4D: the output is "individuazione del candidato da assumere". Recorded once
 * per shortlist, when someone in it is selected or hired after the vacancy's
 * assessment plan produced results for its people: the verification of
 * competences and the selection, by the officer who recorded the latest
 * result. Without an assessment, selection stays within 4C.
 */
export async function recordSelectionDelivery(trx: Trx, shortlistId: string, now: Date) {
  const assessed = await trx
    .selectFrom("assessment_results as r")
    .innerJoin("shortlist_candidates as sc", "sc.id", "r.shortlist_candidate_id")
    .innerJoin("shortlists as s", "s.id", "sc.shortlist_id")
    .innerJoin("vacancies as v", "v.id", "s.vacancy_id")
    .select(["s.employer_id", "v.title", "r.recorded_by"])
    .select([
      sql<string>`(select count(distinct x.step_id) from assessment_results x join shortlist_candidates y on y.id = x.shortlist_candidate_id where y.shortlist_id = s.id)`.as("steps"),
      sql<string>`(select count(distinct x.shortlist_candidate_id) from assessment_results x join shortlist_candidates y on y.id = x.shortlist_candidate_id where y.shortlist_id = s.id)`.as("people"),
    ])
    .where("sc.shortlist_id", "=", shortlistId)
    .orderBy("r.recorded_at", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!assessed) return;
  const steps = Number(assessed.steps);
  const assessedPeople = Number(assessed.people);
  const outputs = {
    "4D-VERIFICA": `Competenze verificate: ${assessedPeople === 1 ? "1 candidato" : `${assessedPeople} candidati`}, ${steps === 1 ? "1 passo" : `${steps} passi`} del piano di valutazione («${assessed.title}»)`,
    "4D-SELEZIONE": `Individuato il candidato da assumere per «${assessed.title}»`,
  };
  for (const [code, output] of Object.entries(outputs) as [keyof typeof outputs, string][])
    await trx
      .insertInto("service_deliveries")
      .values({
        employer_id: assessed.employer_id,
        standard_code: code,
        delivered_on: today(now),
        minutes: MINUTES[code],
        modality: "office",
        officer_id: assessed.recorded_by,
        output,
        justification: null,
        service_request_id: null,
        shortlist_id: shortlistId,
      })
      .onConflict((oc) => oc.columns(["shortlist_id", "standard_code"]).where("standard_code", "like", "4D%").doNothing())
      .execute();
}
