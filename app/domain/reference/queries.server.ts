import { sql } from "kysely";
import type { Db } from "~/db/db.server";

export interface ComuneOption {
  istatCode: string;
  name: string;
  provinceCode: string;
  label: string;
}

const comuneLabel = (name: string, province: string) => `${name} (${province})`;

export async function searchComuni(db: Db, q: string, limit = 10): Promise<ComuneOption[]> {
  const text = q
    .trim()
    .toLowerCase()
    .replace(/\s*\([a-z]{2}\)\s*$/, "");
  if (text.length < 2) return [];
  const rows = await db
    .selectFrom("comuni")
    .select(["istat_code", "name", "province_code"])
    .where(sql<boolean>`lower(name) like ${text + "%"}`)
    .orderBy(sql`population desc nulls last`)
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    istatCode: r.istat_code,
    name: r.name,
    provinceCode: r.province_code,
    label: comuneLabel(r.name, r.province_code),
  }));
}

/** Resolves "Nome" or "Nome (XX)" to one comune; null when unknown or ambiguous without the province. */
export async function resolveComune(db: Db, text: string): Promise<ComuneOption | null> {
  const match = /^(.*?)\s*(?:\(([A-Za-z]{2})\))?\s*$/.exec(text.trim());
  if (!match || !match[1]) return null;
  let query = db
    .selectFrom("comuni")
    .select(["istat_code", "name", "province_code"])
    .where(sql<boolean>`lower(name) = ${match[1].toLowerCase()}`);
  if (match[2]) query = query.where("province_code", "=", match[2].toUpperCase());
  const rows = await query.limit(2).execute();
  if (rows.length !== 1) return null;
  const [r] = rows;
  return { istatCode: r.istat_code, name: r.name, provinceCode: r.province_code, label: comuneLabel(r.name, r.province_code) };
}

export async function comuneLabelByCode(db: Db, istatCode: string): Promise<string | null> {
  const r = await db.selectFrom("comuni").select(["name", "province_code"]).where("istat_code", "=", istatCode).executeTakeFirst();
  return r ? comuneLabel(r.name, r.province_code) : null;
}

export interface CodeOption {
  code: string;
  title: string;
  label: string;
}

/** ATECO codes usable for an employer: the most detailed levels, searched by code prefix or words in the title. */
export async function searchAteco(db: Db, q: string, limit = 15): Promise<CodeOption[]> {
  const text = q.trim().toLowerCase();
  if (text.length < 2) return [];
  const rows = await db
    .selectFrom("ateco")
    .select(["code", "title"])
    .where((eb) => eb.or([eb("code", "like", `${text}%`), eb(sql`lower(title)`, "like", `%${text}%`)]))
    .where("level", "not in", ["section"])
    .orderBy("code")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ code: r.code, title: r.title, label: `${r.code} — ${r.title}` }));
}

export async function findAteco(db: Db, code: string): Promise<CodeOption | null> {
  const r = await db.selectFrom("ateco").select(["code", "title"]).where("code", "=", code).executeTakeFirst();
  return r ? { code: r.code, title: r.title, label: `${r.code} — ${r.title}` } : null;
}

export async function findOccupation(db: Db, code: string): Promise<(CodeOption & { level: number }) | null> {
  const r = await db.selectFrom("occupations").select(["code", "title", "level"]).where("code", "=", code).executeTakeFirst();
  return r ? { code: r.code, title: r.title, level: r.level, label: `${r.code} — ${r.title}` } : null;
}
