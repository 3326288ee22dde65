/**
 * The service delivery register entries Rosa records by itself
 * (docs/decisions/0018-service-register-one-row-per-output.md): the standard's output happened, so the service was delivered.
 * 4C takes the time and modality the officer enters when presenting (the form
 * is prefilled with the Trento standard's minimum, "durata minima 4 ore"), and
 * there is one 4C row per rosa (unique index): presenting again updates it.
 * 4D is two services, "verifica delle competenze" (4D-VERIFICA) and "selezione
 * dei candidati" (4D-SELEZIONE), recorded at the standard's minimum, 2 h each,
 * when the employer selects; the officer corrects them from the register.
 */
import { todayInItaly } from "~/utils/dates";
import { sql } from "kysely";
import type { Db, Trx } from "~/db/db.server";
import { plural } from "~/utils/plural";

const MINUTES = { "4C": 240, "4D-VERIFICA": 120, "4D-SELEZIONE": 120 } as const;
const people = (n: number) => plural(n, "candidato presentato", "candidati presentati");

type Delivery = { employer_id: string; standard_code: keyof typeof MINUTES; officer_id: string; output: string; shortlist_id: string };

/** One register row, done at the office on the standard's minimum time. */
const deliveryRow = (d: Delivery, now: Date) => ({
  ...d,
  delivered_on: todayInItaly(now),
  minutes: MINUTES[d.standard_code],
  modality: "office" as const,
  justification: null,
  service_request_id: null,
});

export interface SpentTime {
  minutes: number;
  modality: "office" | "company" | "remote";
  justification: string | null;
}

/**
 * 4C/LEP Q: the output is the presented rosa. Idempotent: a rosa presented
 * again keeps its one row, whose output counts everybody presented so far and
 * whose time becomes the total the officer entered (prefilled with the row's).
 */
export async function recordPresentationDelivery(
  trx: Trx,
  s: { id: string; employer_id: string; title: string },
  officerId: string,
  presentedInAll: number,
  spent: SpentTime,
  now: Date,
) {
  await trx
    .insertInto("service_deliveries")
    .values({
      ...deliveryRow(
        {
          employer_id: s.employer_id,
          standard_code: "4C",
          officer_id: officerId,
          output: `Rosa «${s.title}»: ${people(presentedInAll)}`,
          shortlist_id: s.id,
        },
        now,
      ),
      ...spent,
    })
    .onConflict((oc) =>
      oc
        .column("shortlist_id")
        .where("standard_code", "=", "4C")
        .doUpdateSet((eb) => ({
          output: eb.ref("excluded.output"),
          minutes: eb.ref("excluded.minutes"),
          modality: eb.ref("excluded.modality"),
          justification: eb.ref("excluded.justification"),
          version: sql<number>`service_deliveries.version + 1`,
          updated_at: new Date(),
        })),
    )
    .execute();
}

/** The 4C standard's range and the row already recorded for a rosa: the prefill of the presentation's time. */
export async function presentationTime(db: Db, shortlistId: string) {
  const [standard, recorded] = await Promise.all([
    db.selectFrom("service_standards").select(["code", "min_minutes", "max_minutes"]).where("code", "=", "4C").executeTakeFirst(),
    db
      .selectFrom("service_deliveries")
      .select(["minutes", "modality", "justification"])
      .where("shortlist_id", "=", shortlistId)
      .where("standard_code", "=", "4C")
      .executeTakeFirst(),
  ]);
  return { standard, recorded };
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
      sql<string>`(select count(distinct x.step_id) from assessment_results x join shortlist_candidates y on y.id = x.shortlist_candidate_id where y.shortlist_id = s.id)`.as(
        "steps",
      ),
      sql<string>`(select count(distinct x.shortlist_candidate_id) from assessment_results x join shortlist_candidates y on y.id = x.shortlist_candidate_id where y.shortlist_id = s.id)`.as(
        "people",
      ),
    ])
    .where("sc.shortlist_id", "=", shortlistId)
    .orderBy("r.recorded_at", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!assessed) return;
  const steps = Number(assessed.steps);
  const assessedPeople = Number(assessed.people);
  const outputs = {
    "4D-VERIFICA": `Competenze verificate: ${plural(assessedPeople, "candidato", "candidati")}, ${plural(steps, "passo", "passi")} del piano di valutazione («${assessed.title}»)`,
    "4D-SELEZIONE": `Individuato il candidato da assumere per «${assessed.title}»`,
  };
  for (const [code, output] of Object.entries(outputs) as [keyof typeof outputs, string][])
    await trx
      .insertInto("service_deliveries")
      .values(
        deliveryRow(
          { employer_id: assessed.employer_id, standard_code: code, officer_id: assessed.recorded_by, output, shortlist_id: shortlistId },
          now,
        ),
      )
      .onConflict((oc) => oc.columns(["shortlist_id", "standard_code"]).where("standard_code", "like", "4D%").doNothing())
      .execute();
}
