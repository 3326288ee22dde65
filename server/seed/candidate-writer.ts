import { sql, type Kysely } from "kysely";
import type { DB } from "~/db/types";
import { enqueueSearchSync } from "../../search/outbox.server";
import { createCandidateGenerator, type GeneratedCandidate, type GeneratorRefs } from "./candidate-generator";

type Col = [name: string, pgType: string];

/**
 * One INSERT … SELECT FROM unnest(array per column): a whole batch in a single
 * statement with one parameter per column (no 65,535-parameter limit), the
 * COPY-like path that makes 200,000 candidates a matter of seconds.
 */
async function bulkInsert(db: Kysely<DB>, table: string, cols: Col[], rows: object[]) {
  if (!rows.length) return;
  const arrays = cols.map(([c, t]) => sql`${rows.map((r) => (r as Record<string, unknown>)[c] ?? null)}::${sql.raw(t)}[]`);
  await sql`insert into ${sql.table(table)} (${sql.join(cols.map(([c]) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)})`.execute(
    db,
  );
}

const CANDIDATE_COLS: Col[] = [
  ["id", "uuid"],
  ["first_name", "text"],
  ["last_name", "text"],
  ["tax_code", "text"],
  ["birth_date", "date"],
  ["domicile_comune_code", "text"],
  ["domicile_address", "text"],
  ["phone", "text"],
  ["email", "text"],
  ["work_time", "text"],
  ["shifts", "bool"],
  ["weekends", "bool"],
  ["max_commute_km", "int2"],
  ["willing_to_relocate", "bool"],
  ["own_vehicle", "bool"],
  ["available_from", "date"],
  ["consent_visible", "bool"],
  ["consent_changed_at", "timestamptz"],
  ["cv_updated_at", "timestamptz"],
  ["protected_category", "text"],
  ["created_by", "uuid"],
  ["created_at", "timestamptz"],
  ["updated_at", "timestamptz"],
];

/** Writes generated candidates (all sections) in one statement per table. The caller owns the transaction. */
export async function insertGeneratedCandidates(trx: Kysely<DB>, batch: GeneratedCandidate[], createdBy: string | null): Promise<void> {
  await bulkInsert(
    trx,
    "candidates",
    CANDIDATE_COLS,
    batch.map((g) => ({ ...g.candidate, created_by: createdBy, updated_at: g.candidate.cv_updated_at })),
  );
  await bulkInsert(
    trx,
    "candidate_education",
    [
      ["candidate_id", "uuid"],
      ["study_level", "int2"],
      ["study_title_code", "text"],
      ["title", "text"],
      ["institution", "text"],
      ["year", "int2"],
    ],
    batch.flatMap((g) => g.education),
  );
  await bulkInsert(
    trx,
    "candidate_experiences",
    [
      ["candidate_id", "uuid"],
      ["occupation_code", "text"],
      ["employer_name", "text"],
      ["started_on", "date"],
      ["ended_on", "date"],
      ["tasks", "text"],
    ],
    batch.flatMap((g) => g.experiences),
  );
  await bulkInsert(
    trx,
    "candidate_preferences",
    [
      ["candidate_id", "uuid"],
      ["slot", "int2"],
      ["occupation_code", "text"],
      ["occupation_label", "text"],
      ["ateco_code", "text"],
      ["source", "text"],
      ["years_experience", "int2"],
      ["last_job_year", "int2"],
      ["notes", "text"],
      ["interview_date", "date"],
    ],
    batch.flatMap((g) => g.preferences),
  );
  await bulkInsert(
    trx,
    "candidate_languages",
    [
      ["candidate_id", "uuid"],
      ["language_code", "text"],
      ["level", "text"],
    ],
    batch.flatMap((g) => g.languages),
  );
  await bulkInsert(
    trx,
    "candidate_mother_tongues",
    [
      ["candidate_id", "uuid"],
      ["language_code", "text"],
    ],
    batch.flatMap((g) => g.motherTongues),
  );
  await bulkInsert(
    trx,
    "candidate_licences",
    [
      ["candidate_id", "uuid"],
      ["licence_code", "text"],
      ["licence_category", "text"],
    ],
    batch.flatMap((g) => g.licences),
  );
  await bulkInsert(
    trx,
    "candidate_certificates",
    [
      ["candidate_id", "uuid"],
      ["name", "text"],
    ],
    batch.flatMap((g) => g.certificates),
  );
  await bulkInsert(
    trx,
    "candidate_it_skills",
    [
      ["candidate_id", "uuid"],
      ["skill", "text"],
      ["level", "text"],
    ],
    batch.flatMap((g) => g.itSkills),
  );
  await bulkInsert(
    trx,
    "candidate_disability",
    [
      ["candidate_id", "uuid"],
      ["percentage", "int2"],
      ["updated_by", "uuid"],
    ],
    batch.flatMap((g) => (g.disability ? [{ ...g.disability, updated_by: createdBy }] : [])),
  );
}

/** The reference data the generator draws from, read in a stable order. */
export async function loadGeneratorRefs(db: Kysely<DB>): Promise<GeneratorRefs> {
  const [comuni, occupations, ateco] = await Promise.all([
    db.selectFrom("comuni").select(["istat_code", "name", "province_code", "belfiore", "population"]).orderBy("istat_code").execute(),
    db.selectFrom("occupations").select(["code", "title"]).where("level", "=", 5).orderBy("code").execute(),
    db.selectFrom("ateco").select("code").execute(),
  ]);
  return { comuni, occupations, atecoCodes: new Set(ateco.map((a) => a.code)) };
}

export interface GenerateOptions {
  count: number;
  seed: string;
  today: Date;
  createdBy: string | null;
  batchSize?: number;
  /** Also write search outbox rows (the running sync worker indexes them); otherwise the caller reindexes. */
  enqueue: boolean;
  onBatch?: (done: number) => void;
  /** After `count`, one more candidate per entry whose first preference is this CP2021 unit (the relevance bench). */
  forcedOccupations?: string[];
}

/**
 * Generates and writes `count` candidates, one transaction per batch when
 * given the database (so a million rows never sit in one transaction), or
 * inside the caller's transaction when given one; `atomic` puts every batch in
 * one transaction (all or nothing: `npm run seed:candidates`).
 * A generated codice fiscale already in the database (a second run with the same seed, the demo data) or already
 * in this run is skipped and another candidate generated in its place, so a run never fails on a duplicate.
 */
export async function generateCandidates(db: Kysely<DB>, opts: GenerateOptions & { atomic?: boolean }): Promise<number> {
  if (opts.atomic && !db.isTransaction) return db.transaction().execute((trx) => generateCandidates(trx, { ...opts, atomic: false }));
  const refs = await loadGeneratorRefs(db);
  const gen = createCandidateGenerator(refs, { seed: opts.seed, today: opts.today });
  const batchSize = opts.batchSize ?? 2000;
  const forced = opts.forcedOccupations ?? [];
  const total = opts.count + forced.length;
  const used = new Set<string>();
  const write = async (trx: Kysely<DB>, batch: GeneratedCandidate[]) => {
    await insertGeneratedCandidates(trx, batch, opts.createdBy);
    if (opts.enqueue)
      await enqueueSearchSync(
        trx as never,
        "candidates",
        batch.map((b) => b.candidate.id),
      );
  };
  for (let done = 0; done < total;) {
    const slots = Array.from({ length: Math.min(batchSize, total - done) }, (_, i) => done + i);
    const batch: GeneratedCandidate[] = [];
    let pending = slots;
    for (let attempt = 0; pending.length; attempt++) {
      if (attempt > 50) throw new Error("Impossibile generare codici fiscali non ancora usati: cambia --seed");
      const made = pending.map((n) => ({ n, c: n < opts.count ? gen.next() : gen.next({ occupationCode: forced[n - opts.count] }) }));
      const codes = made.map((m) => m.c.candidate.tax_code);
      const taken = new Set(
        (await db.selectFrom("candidates").select("tax_code").where("tax_code", "in", codes).execute()).map((r) => r.tax_code),
      );
      const retry: number[] = [];
      for (const m of made) {
        if (taken.has(m.c.candidate.tax_code) || used.has(m.c.candidate.tax_code)) retry.push(m.n);
        else (used.add(m.c.candidate.tax_code), batch.push(m.c));
      }
      pending = retry;
    }
    if (db.isTransaction) await write(db, batch);
    else await db.transaction().execute((trx) => write(trx, batch));
    done += batch.length;
    opts.onBatch?.(done);
  }
  return total;
}

/** Midnight UTC of the current day: the generator's anchor, stable for a whole day. */
export function generatorToday(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
