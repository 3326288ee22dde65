import type { Transaction } from "kysely";
import type { DB } from "~/db/types";
import { receiveEmployerList } from "~/domain/outplacement/index.server";
import { toCsv } from "~/utils/csv";
import { addDays, todayInItaly } from "~/utils/dates";
import { personCodiceFiscaleCheckChar } from "~/utils/tax-codes";
import type { DemoRefs } from "./platform";
import { HAND_PICKED, insertPresentedRosa } from "./shortlists";

const cf = (first15: string) => first15 + personCodiceFiscaleCheckChar(first15);

/**
 * The employer's updated list, sent from its area and waiting for the officer (docs/decisions/outplacement.md, «Elenco
 * dall'azienda, Excel e reimportazione»): the 40 workers again, one with a new qualification, and two workers of the
 * second wave of dismissals. On the import page the officer checks it, reads the differences and applies them.
 */
export async function seedEmployerPendingList(
  trx: Transaction<DB>,
  refs: { eventId: string; employerId: string; employerUserId: string },
  now: Date = new Date(),
): Promise<void> {
  const today = todayInItaly(now);
  const members = await trx
    .selectFrom("outplacement_members")
    .select([
      "codice_fiscale",
      "last_name",
      "first_name",
      "residence_comune_code",
      "qualification",
      "cp2021_code",
      "level",
      "site",
      "situation",
      "dismissal_on",
      "cigs_from",
      "cigs_to",
      "hours_reduction_pct",
    ])
    .where("event_id", "=", refs.eventId)
    .orderBy("last_name")
    .orderBy("first_name")
    .execute();
  const header = [
    "codice_fiscale",
    "cognome",
    "nome",
    "comune_residenza",
    "qualifica",
    "cp2021_code",
    "livello_inquadramento",
    "sede_lavoro_comune",
    "situazione",
    "data_cessazione",
    "cigs_dal",
    "cigs_al",
    "riduzione_orario_pct",
    "carichi_famiglia",
  ];
  const rows = members.map((m, i) => [
    m.codice_fiscale,
    m.last_name,
    m.first_name,
    m.residence_comune_code ?? "",
    i === 0 ? `${m.qualification} (capo turno)` : (m.qualification ?? ""),
    m.cp2021_code ?? "",
    m.level ?? "",
    (m.site ?? "").split(" — ").pop()!,
    m.situation.toUpperCase(),
    m.dismissal_on ?? "",
    m.cigs_from ?? "",
    m.cigs_to ?? "",
    m.hours_reduction_pct === null ? "" : String(m.hours_reduction_pct),
    String(i % 3),
  ]);
  const dismissal = addDays(today, -2);
  rows.push(
    [
      cf("BRTLCU80A01F205"),
      "Bertolini",
      "Luca",
      "Sesto San Giovanni (MI)",
      "Saldatore",
      "6.2.1.2.0",
      "C2",
      "Sesto San Giovanni",
      "DISMISSED",
      dismissal,
      "",
      "",
      "",
      "2",
    ],
    [
      cf("PZZLNE82H45F205"),
      "Pozzi",
      "Elena",
      "Monza (MB)",
      "Impiegata amministrativa",
      "4.1.1.1.0",
      "B3",
      "Vimercate",
      "DISMISSED",
      dismissal,
      "",
      "",
      "",
      "1",
    ],
  );
  const result = await receiveEmployerList(
    trx,
    { userId: refs.employerUserId, role: "employer", ip: null },
    refs.employerId,
    refs.eventId,
    { name: "elenco-aggiornato-seconda-fase.csv", text: toCsv(header, rows) },
    now,
    trx,
  );
  if (result.status !== "pending") throw new Error(`demo employer list refused: ${JSON.stringify(result)}`);
}

/**
 * A rosa of Panificio Lombardo with a worker of the demo cohort, presented and confirmed: recording the hire (by the
 * employer or by the officer on its behalf) closes the worker's outcome by itself (closeOutcomeOnHire).
 */
export async function seedCohortRosa(trx: Transaction<DB>, refs: DemoRefs, eventId: string): Promise<void> {
  const worker = await trx
    .selectFrom("outplacement_members as m")
    .select(["m.candidate_id"])
    .where("m.event_id", "=", eventId)
    .where("m.candidate_id", "is not", null)
    .where("m.qualification", "=", "Addetto al magazzino")
    .where((eb) => eb.not(eb.exists(eb.selectFrom("outplacement_outcomes as o").select("o.id").whereRef("o.member_id", "=", "m.id"))))
    .orderBy("m.last_name")
    .orderBy("m.first_name")
    .executeTakeFirst();
  if (!worker?.candidate_id) return;
  const now = new Date();
  const v = await trx
    .insertInto("vacancies")
    .values({
      employer_id: refs.employers.bakery,
      status: "in_preselection",
      title: "Magazziniere/a per il laboratorio di Milano",
      occupation_code: "4.3.1.2.0",
      description: "Ricevimento delle farine e delle materie prime, tenuta del magazzino, preparazione delle consegne ai negozi.",
      comune_code: "015146",
      radius_km: 25,
      contract_type: "A.01.00",
      working_time_code: "F",
      weekly_hours: 40,
      positions: 1,
      closing_date: new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10),
      publication_mode: "public",
      discrimination_flags: "[]",
      submitted_at: now,
      validated_at: now,
      validated_by: refs.preselectionOfficerId,
      created_by: refs.bakeryLegalRepId,
      published_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const shortlistId = await insertPresentedRosa(trx, refs, {
    vacancyId: v.id,
    title: "Rosa per Magazziniere/a",
    total: 1,
    presentedAt: now,
  });
  await trx
    .insertInto("shortlist_candidates")
    .values({
      shortlist_id: shortlistId,
      candidate_id: worker.candidate_id,
      rank: 1,
      score: 0,
      explanation: HAND_PICKED,
      state: "presented",
      presented_at: now,
      candidate_response: "confirmed",
      candidate_responded_at: now,
    })
    .execute();
}
