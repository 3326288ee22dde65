import type { Transaction } from "kysely";
import type { DB } from "~/db/types";
import type { Actor } from "~/domain/audit/commands.server";
import {
  importCohort,
  markNoticeSent,
  recordContactAttempt,
  recordInfoSession,
  assignProvider,
  transitionMember,
} from "~/domain/outplacement/index.server";
import { codiceFiscale } from "./candidate-generator";
import { addDays, todayInItaly } from "~/utils/dates";
import { toCsv } from "~/utils/csv";

/** What the cohort seed needs from the event seed. */
export interface CohortSeedRefs {
  eventId: string;
  coordinatorId: string;
  providerUserId: string;
}

/** The workers the cohort seed wrote, for the plan and outcome seeds: ids in file order, and the provider's ones. */
export interface CohortRefs {
  memberIds: string[];
  informedIds: string[];
  assignedIds: string[];
}

// ── the 40 workers ──────────────────────────────────────────────────────────────────────────────────
const PEOPLE: [first: string, last: string, sex: "M" | "F", birth: string, place: string][] = [
  ["Giuseppe", "Colombo", "M", "1966-03-14", "F205"],
  ["Maria", "Ferrari", "F", "1972-07-02", "F704"],
  ["Antonio", "Esposito", "M", "1968-11-23", "F839"],
  ["Francesca", "Bianchi", "F", "1980-01-30", "F205"],
  ["Luca", "Romano", "M", "1985-05-18", "F205"],
  ["Anna", "Gallo", "F", "1975-09-09", "A794"],
  ["Marco", "Conti", "M", "1979-12-01", "F704"],
  ["Paola", "Ricci", "F", "1970-04-27", "B157"],
  ["Giovanni", "Marino", "M", "1963-06-11", "G273"],
  ["Laura", "Greco", "F", "1988-02-15", "F205"],
  ["Roberto", "Bruno", "M", "1974-08-08", "L219"],
  ["Elena", "Galli", "F", "1982-10-21", "F704"],
  ["Stefano", "Costa", "M", "1969-01-05", "F205"],
  ["Silvia", "Fontana", "F", "1977-03-29", "F205"],
  ["Andrea", "Caruso", "M", "1990-11-12", "H501"],
  ["Chiara", "Mancini", "F", "1986-06-03", "F205"],
  ["Davide", "Rizzo", "M", "1971-09-17", "G273"],
  ["Federica", "Lombardi", "F", "1984-12-24", "A794"],
  ["Alessandro", "Moretti", "M", "1965-05-06", "F205"],
  ["Valentina", "Barbieri", "F", "1991-08-19", "F704"],
  ["Massimo", "Villa", "M", "1967-02-10", "F205"],
  ["Simona", "Sala", "F", "1973-04-04", "F205"],
  ["Fabio", "Brambilla", "M", "1978-07-28", "F704"],
  ["Cristina", "Cattaneo", "F", "1981-09-30", "B157"],
  ["Paolo", "Mariani", "M", "1962-12-12", "F205"],
  ["Monica", "Longo", "F", "1976-01-22", "F839"],
  ["Daniele", "Rinaldi", "M", "1987-03-08", "F205"],
  ["Sara", "Pellegrini", "F", "1993-05-25", "F704"],
  ["Claudio", "Ferrara", "M", "1964-10-16", "L219"],
  ["Roberta", "Vitale", "F", "1983-11-02", "F205"],
  ["Mihai", "Popescu", "M", "1980-06-20", "Z129"],
  ["Youssef", "El Amrani", "M", "1984-04-14", "Z330"],
  ["Giorgia", "Riva", "F", "1989-08-01", "F704"],
  ["Enrico", "Pozzi", "M", "1970-02-26", "F205"],
  ["Barbara", "Sanna", "F", "1974-12-09", "F205"],
  ["Matteo", "Fumagalli", "M", "1992-09-13", "F704"],
  ["Patrizia", "Gatti", "F", "1969-07-07", "A794"],
  ["Alberto", "Testa", "M", "1966-11-30", "F205"],
  ["Ilaria", "Colombo", "F", "1985-01-17", "F704"],
  ["Nicola", "De Luca", "M", "1977-05-31", "F839"],
];

/** Job held (CP2021), its level and the education title of each role in the plant. */
const JOBS: [qualification: string, cp2021: string, level: string, education: string, eqf: number][] = [
  ["Operatore di macchine utensili CNC", "7.2.1.1.0", "C2", "Diploma di qualifica di operatore meccanico", 3],
  ["Montatore di macchinari industriali", "6.2.3.1.1", "C3", "Diploma di perito meccanico", 4],
  ["Saldatore", "6.2.1.2.0", "C2", "Licenza media e patentino di saldatura", 2],
  ["Addetto al magazzino", "4.3.1.2.0", "C1", "Licenza media", 2],
  ["Impiegato amministrativo", "4.1.1.1.0", "B3", "Diploma di ragioneria", 4],
  ["Manutentore elettromeccanico", "6.2.4.1.1", "C3", "Diploma di perito elettrotecnico", 4],
  ["Addetto al controllo qualità", "3.1.5.3.0", "B3", "Diploma di perito meccanico", 4],
  ["Conduttore di carrelli elevatori", "7.4.4.3.0", "D1", "Licenza media", 2],
];

const RESIDENCES = [
  "Sesto San Giovanni (MI)",
  "Milano (MI)",
  "Cinisello Balsamo (MI)",
  "Monza (MB)",
  "Cologno Monzese (MI)",
  "Vimercate (MB)",
  "Arcore (MB)",
  "Brugherio (MB)",
];

/**
 * The 40-worker cohort of the collective dismissal at the Lombard manufacturer, imported through the real import
 * (its CSV carries family burden and selection scores, dropped like any list's): half already dismissed, the others
 * in CIGS or serving notice; the notice sent to most, an information session held, some informed workers assigned to
 * the demo provider, one worker proposed as unreachable.
 */
export async function seedOutplacementCohort(trx: Transaction<DB>, refs: CohortSeedRefs, now: Date = new Date()): Promise<CohortRefs> {
  const today = todayInItaly(now);
  const officer: Actor & { userId: string } = { userId: refs.coordinatorId, role: "preselection_officer", ip: null };
  const header = [
    "codice_fiscale",
    "cognome",
    "nome",
    "comune_residenza",
    "qualifica",
    "cp2021_code",
    "livello_inquadramento",
    "ccnl_cnel",
    "sede_lavoro_comune",
    "situazione",
    "data_cessazione",
    "cigs_dal",
    "cigs_al",
    "riduzione_orario_pct",
    "naspi",
    "titolo_studio",
    "livello_eqf",
    "telefono",
    "carichi_famiglia",
    "punteggio_criteri",
  ];
  const rows = PEOPLE.map(([first, last, sex, birth, place], i) => {
    const job = JOBS[i % JOBS.length]!;
    const situation = i < 20 ? "DISMISSED" : i < 30 ? "CIGS_ZERO_HOURS" : i < 36 ? "CIGS_PARTIAL" : "NOTICE_PERIOD";
    // The last 6 have no CV data: the import leaves their CV to complete at the interview.
    const withCv = i < 34;
    return [
      codiceFiscale({ first, last, birth: new Date(`${birth}T00:00:00Z`), female: sex === "F", place }),
      last,
      first,
      RESIDENCES[i % RESIDENCES.length]!,
      job[0],
      job[1],
      job[2],
      "C011",
      i % 4 === 3 ? "Vimercate" : "Sesto San Giovanni",
      situation,
      situation === "DISMISSED" ? addDays(today, -30 - (i % 5)) : "",
      situation.startsWith("CIGS") ? addDays(today, -60) : "",
      situation.startsWith("CIGS") ? addDays(today, 300) : "",
      situation === "CIGS_PARTIAL" ? "50" : "",
      situation === "DISMISSED" ? "sì" : "",
      withCv ? job[3] : "",
      withCv ? String(job[4]) : "",
      `33${String(1000000 + i * 7919).slice(0, 8)}`,
      String(i % 4),
      String(40 + (i % 17)),
    ];
  });
  const result = await importCohort(
    trx,
    officer,
    refs.eventId,
    { name: "elenco-lavoratori-art4.csv", text: toCsv(header, rows) },
    now,
    trx,
  );
  if (result.status !== "done") throw new Error(`demo cohort refused: ${JSON.stringify(result)}`);
  const members = await trx
    .selectFrom("outplacement_members")
    .select(["id", "codice_fiscale"])
    .where("event_id", "=", refs.eventId)
    .orderBy("last_name")
    .orderBy("first_name")
    .execute();
  const ids = members.map((m) => m.id);
  // Notice sent to the first 34 (by PEC and registered letter); the session held a week later with 22 present.
  await markNoticeSent(trx, officer, refs.eventId, { memberIds: ids.slice(0, 20), sentOn: addDays(today, -21), channel: "pec" }, now);
  await markNoticeSent(
    trx,
    officer,
    refs.eventId,
    { memberIds: ids.slice(20, 34), sentOn: addDays(today, -16), channel: "raccomandata" },
    now,
  );
  const informedIds = ids.slice(0, 22);
  await recordInfoSession(
    trx,
    officer,
    refs.eventId,
    { heldOn: addDays(today, -10), place: "Sala mensa dello stabilimento di Sesto San Giovanni", memberIds: informedIds },
    now,
  );
  // Three failed calls to one contacted worker: proposed as unreachable on the list.
  for (const days of [-9, -6, -3])
    await recordContactAttempt(
      trx,
      officer,
      { kind: "officer" },
      ids[30]!,
      { attemptedOn: addDays(today, days), channel: "telefono", reached: false, note: "Non risponde" },
      now,
    );
  const assignedIds = informedIds.slice(0, 8);
  await assignProvider(trx, officer, refs.eventId, { memberIds: assignedIds, providerUserId: refs.providerUserId });
  for (const id of assignedIds.slice(0, 4))
    await transitionMember(trx, officer, { kind: "officer" }, id, { event: "start_intake", version: null });
  return { memberIds: ids, informedIds, assignedIds };
}
