import type { Kysely } from "kysely";
import type { DB } from "~/db/types";
import { readAteco, readComuni, readCp2021, type ReadOptions } from "./read";

const BATCH = 1000;

async function upsertAll<T>(rows: T[], write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

async function tableCount(db: Kysely<DB>, table: "comuni" | "ateco" | "occupations"): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function untitledOccupations(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom("occupations")
    .where("title", "=", "")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Loads the vendored ISTAT classifications. Idempotent upserts, skipped when
 * the table already holds as many rows as the file (the common restart case). With `cacheDir` the parsed
 * files are kept between starts (see read.ts).
 */
export async function syncReferenceData(
  db: Kysely<DB>,
  opts: ReadOptions = {},
): Promise<{ comuni: number; ateco: number; occupations: number }> {
  const comuni = readComuni(opts);
  if ((await tableCount(db, "comuni")) !== comuni.length) {
    await upsertAll(comuni, (batch) =>
      db
        .insertInto("comuni")
        .values(
          batch.map((c) => ({
            istat_code: c.istatCode,
            name: c.name,
            province_code: c.provinceCode,
            province_name: c.provinceName,
            region_name: c.regionName,
            belfiore: c.belfiore || null,
            lat: c.lat,
            lon: c.lon,
            population: c.population,
          })),
        )
        .onConflict((oc) =>
          oc.column("istat_code").doUpdateSet((eb) => ({
            name: eb.ref("excluded.name"),
            province_code: eb.ref("excluded.province_code"),
            province_name: eb.ref("excluded.province_name"),
            region_name: eb.ref("excluded.region_name"),
            belfiore: eb.ref("excluded.belfiore"),
            lat: eb.ref("excluded.lat"),
            lon: eb.ref("excluded.lon"),
            population: eb.ref("excluded.population"),
          })),
        )
        .execute(),
    );
  }
  const ateco = readAteco(opts);
  if ((await tableCount(db, "ateco")) !== ateco.length) {
    await upsertAll(ateco, (batch) =>
      db
        .insertInto("ateco")
        .values(batch.map((a) => ({ code: a.code, title: a.title, level: a.level, parent_code: a.parentCode })))
        .onConflict((oc) => oc.column("code").doUpdateSet((eb) => ({ title: eb.ref("excluded.title"), level: eb.ref("excluded.level"), parent_code: eb.ref("excluded.parent_code") })))
        .execute(),
    );
  }
  const occupations = readCp2021(opts);
  // A database loaded before a title was vendored has as many rows but more empty titles: load again.
  const untitled = occupations.filter((o) => o.title === "").length;
  if ((await tableCount(db, "occupations")) !== occupations.length || (await untitledOccupations(db)) !== untitled) {
    await upsertAll(occupations, (batch) =>
      db
        .insertInto("occupations")
        .values(batch.map((o) => ({ code: o.code, title: o.title, level: Number(o.level), parent_code: o.parentCode })))
        .onConflict((oc) => oc.column("code").doUpdateSet((eb) => ({ title: eb.ref("excluded.title"), level: eb.ref("excluded.level"), parent_code: eb.ref("excluded.parent_code") })))
        .execute(),
    );
  }
  return { comuni: comuni.length, ateco: ateco.length, occupations: occupations.length };
}
