import { createHash } from "node:crypto";
import type { Db, Trx } from "~/db/db.server";
import { validateNationalXml } from "~/documents/xsd.server";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { ateco2022Subcategory, codeEntry, cp2011For, resolveCp2011, type Cp2011Mapping } from "~/domain/reference/index.server";
import { bcnlGaps, buildBcnlVacancy, type BcnlGap, type BcnlInput, type BcnlMessage } from "./bcnl";
import { cliclavoroAmpiezza, codiceOfferta, ministerialRegion, type ClicLavoroMessageKind } from "./cliclavoro-codes";
import type { VacancyScope } from "./policy.server";
import { toPublicVacancy } from "./public-view";
import { getVacancy, type VacancyDetail } from "./queries.server";

/**
 * The ClicLavoro messages of a vacancy (docs/legal/national-systems.md#bcnl): only a vacancy that was published on the
 * board (never an internal one) is sent; the first document is the «invio», a later one with different content an
 * «aggiornamento» (new code, the previous one in codiceoffertaprecedente), a closed vacancy's the «chiusura». Each
 * message offered is recorded, so the same content gets the same code again. Every document is validated against the
 * schema before it is offered.
 */

/** Why a vacancy has no ClicLavoro message at all (null: it has one). */
export function bcnlRefusal(v: Pick<VacancyDetail, "publication_mode" | "published_at" | "status">): string | null {
  if (v.publication_mode === "internal")
    return "Offerta solo interna: non è pubblicata, quindi non si invia a ClicLavoro (solo le offerte pubblicate nella bacheca vanno a ClicLavoro).";
  if (!v.published_at || v.status === "draft") return "Offerta non ancora pubblicata: si invia a ClicLavoro dopo la pubblicazione.";
  return null;
}

async function comune(db: Db | Trx, istatCode: string) {
  return db
    .selectFrom("comuni")
    .select(["belfiore", "region_name", "province_code"])
    .where("istat_code", "=", istatCode)
    .executeTakeFirst();
}

/** The builder's input: every code resolved to the national lists. */
export async function loadBcnlInput(
  db: Db | Trx,
  v: VacancyDetail,
): Promise<BcnlInput & { region: string | null; mapping: Cp2011Mapping | null }> {
  const [employerComune, workplace] = await Promise.all([comune(db, v.employer_comune_code), comune(db, v.comune_code)]);
  // The CCNL column holds the CO code (ccnl_code) or, in older rows, free text (ccnl): only a code of the list is sent as one.
  const stored = v as { ccnl?: string | null; ccnl_code?: string | null };
  const ccnl = codeEntry("ccnl", stored.ccnl_code ?? stored.ccnl ?? null);
  return {
    vacancy: { ...toPublicVacancy(v), employerName: v.employer_name, employerTaxCode: v.employer_tax_code, outcome: v.outcome },
    employer: {
      taxCode: v.employer_tax_code,
      name: v.employer_name,
      sector: ateco2022Subcategory(v.ateco_code) ?? ateco2022Subcategory(v.employer_ateco_code),
      ampiezza: cliclavoroAmpiezza(v.employer_headcount_band),
      address: v.employer_address,
      comuneBelfiore: employerComune?.belfiore || null,
      phone: v.employer_phone,
      email: v.employer_email,
    },
    workplaceBelfiore: workplace?.belfiore || null,
    cp2011: resolveCp2011(v.occupation_code, v.cp2011_code),
    ccnlCode: ccnl ? ccnl.code : null,
    intermediary: { name: "Centro per l'Impiego", email: null },
    region: workplace ? ministerialRegion(workplace.region_name, workplace.province_code) : null,
    mapping: cp2011For(v.occupation_code),
  };
}

const contentHash = (input: BcnlInput) =>
  createHash("sha256")
    .update(buildBcnlVacancy(input, { kind: "invio", code: "0".repeat(25), previousCode: null }))
    .digest("hex");

export interface BcnlMessageRow {
  revision: number;
  kind: ClicLavoroMessageKind;
  code: string;
  previous_code: string | null;
  content_hash: string;
  created_at: Date;
}

export const listBcnlMessages = (db: Db | Trx, vacancyId: string): Promise<BcnlMessageRow[]> =>
  db
    .selectFrom("vacancy_cliclavoro_messages")
    .select(["revision", "kind", "code", "previous_code", "content_hash", "created_at"])
    .where("vacancy_id", "=", vacancyId)
    .orderBy("revision")
    .execute();

/** The message the vacancy would get now: the last one again when nothing changed, else a new revision. */
export function nextBcnlMessage(
  v: Pick<VacancyDetail, "status" | "number" | "published_at">,
  region: string,
  hash: string,
  messages: BcnlMessageRow[],
): (BcnlMessage & { revision: number; isNew: boolean }) | { refused: string } {
  const last = messages.at(-1);
  const year = new Date(v.published_at!).getFullYear();
  const code = (kind: ClicLavoroMessageKind, revision: number) => codiceOfferta({ region, year, kind, number: v.number, revision });
  if (v.status === "closed") {
    if (!last) return { refused: "L'offerta è chiusa e non è mai stata inviata a ClicLavoro: non c'è nessuna offerta da chiudere." };
    if (last.kind === "chiusura")
      return { kind: last.kind, code: last.code, previousCode: last.previous_code, revision: last.revision, isNew: false };
    return {
      kind: "chiusura",
      code: code("chiusura", last.revision + 1),
      previousCode: last.code,
      revision: last.revision + 1,
      isNew: true,
    };
  }
  if (!last) return { kind: "invio", code: code("invio", 0), previousCode: null, revision: 0, isNew: true };
  if (last.content_hash === hash && last.kind !== "chiusura")
    return { kind: last.kind, code: last.code, previousCode: last.previous_code, revision: last.revision, isNew: false };
  return {
    kind: "aggiornamento",
    code: code("aggiornamento", last.revision + 1),
    previousCode: last.code,
    revision: last.revision + 1,
    isNew: true,
  };
}

export type BcnlProblem = BcnlGap;

/**
 * Schema validation takes a few hundred milliseconds (libxml2 in WebAssembly): the vacancy page shows whether the
 * document is valid at every view, so the verdict is kept per document text (a bounded, per-process memo).
 */
const verdicts = new Map<string, Awaited<ReturnType<typeof validateNationalXml>>>();
async function validateCached(xml: string) {
  const key = createHash("sha256").update(xml).digest("hex");
  let verdict = verdicts.get(key);
  if (!verdict) {
    verdict = await validateNationalXml("cliclavoroVacancy", xml);
    if (verdicts.size >= 500) verdicts.delete(verdicts.keys().next().value!);
    verdicts.set(key, verdict);
  }
  return verdict;
}

/** Italian names of the elements libxml2 may name in a schema error, and where the officer fixes them. */
const ELEMENT_FIELDS: Record<string, { label: string; fix: BcnlGap["fix"] }> = {
  codicefiscale: { label: "codice fiscale dell'azienda", fix: "employer" },
  denominazione: { label: "ragione sociale dell'azienda", fix: "employer" },
  settore: { label: "settore ATECO dell'azienda", fix: "employer" },
  ampiezza: { label: "numero di dipendenti dell'azienda", fix: "employer" },
  indirizzo: { label: "indirizzo della sede dell'azienda", fix: "employer" },
  telefono: { label: "telefono dell'azienda", fix: "employer" },
  email: { label: "e-mail di contatto dell'azienda", fix: "employer" },
  idcomune: { label: "comune (codice catastale)", fix: "vacancy" },
  numerolavoratori: { label: "numero di posizioni", fix: "vacancy" },
  idprofessione: { label: "qualifica CP2011", fix: "cp2011" },
  descrprofessione: { label: "titolo dell'offerta", fix: "vacancy" },
  descrizionericerca: { label: "descrizione dell'offerta", fix: "vacancy" },
  idtitolostudio: { label: "titolo di studio richiesto", fix: "vacancy" },
  idlingua: { label: "lingua richiesta", fix: "vacancy" },
  idlivelloletto: { label: "livello della lingua", fix: "vacancy" },
  idlivelloscritto: { label: "livello della lingua", fix: "vacancy" },
  idlivelloparlato: { label: "livello della lingua", fix: "vacancy" },
  idpatenteguida: { label: "patente di guida richiesta", fix: "vacancy" },
  idpatentino: { label: "patentino o abilitazione richiesta", fix: "vacancy" },
  idtipologiacontratto: { label: "tipo di contratto", fix: "vacancy" },
  idccnl: { label: "CCNL", fix: "vacancy" },
  idmodalitalavoro: { label: "orario di lavoro", fix: "vacancy" },
  retribuzioneannualorda: { label: "retribuzione annua lorda", fix: "vacancy" },
  datapubblicazione: { label: "data di pubblicazione", fix: "vacancy" },
  datascadenza: { label: "data di scadenza", fix: "vacancy" },
};

/** A libxml2 message («Element '{ns}settore': [facet 'pattern'] The value '10' is not accepted…») for the officer. */
export function xsdProblemToItalian(message: string): BcnlProblem {
  const names = [...message.matchAll(/\{[^}]*\}([A-Za-z.]+)|Element '([A-Za-z.]+)'/g)].map((m) => m[1] ?? m[2]!);
  const missing = /Missing child element|Expected is/.test(message);
  const subject = missing ? (names.at(-1) ?? names[0]) : names[0];
  const field = subject ? ELEMENT_FIELDS[subject] : undefined;
  const value = /The value '([^']*)'/.exec(message)?.[1];
  if (!field) return { element: subject ?? "", message: `Il documento non rispetta lo schema ClicLavoro (${message}).`, fix: "vacancy" };
  return {
    element: subject!,
    message: missing
      ? `Manca il dato «${field.label}», obbligatorio per ClicLavoro.`
      : `Il dato «${field.label}»${value !== undefined ? ` («${value}»)` : ""} non è accettato da ClicLavoro.`,
    fix: field.fix,
  };
}

export type BcnlExport =
  | { ok: true; xml: string; kind: ClicLavoroMessageKind; code: string; fileName: string }
  | { ok: false; refused: string | null; problems: BcnlProblem[] };

/**
 * What the vacancy page shows: the CP2011 mapping, the messages already offered, and whether the next message can be
 * offered (the document is built and validated, nothing is recorded).
 */
export async function bcnlStatus(db: Db, v: VacancyDetail) {
  const input = await loadBcnlInput(db, v);
  const messages = await listBcnlMessages(db, v.id);
  const outcome = await prepare(v, input, messages);
  return { mapping: input.mapping, cp2011: input.cp2011, messages, next: outcome };
}

async function prepare(v: VacancyDetail, input: Awaited<ReturnType<typeof loadBcnlInput>>, messages: BcnlMessageRow[]) {
  const refusal = bcnlRefusal(v);
  if (refusal) return { ok: false as const, refused: refusal, problems: [] };
  const gaps = bcnlGaps(input);
  if (!input.region) gaps.push({ element: "codiceofferta", message: "La regione del luogo di lavoro non è riconosciuta.", fix: "vacancy" });
  if (gaps.length) return { ok: false as const, refused: null, problems: gaps };
  const hash = contentHash(input);
  const next = nextBcnlMessage(v, input.region!, hash, messages);
  if ("refused" in next) return { ok: false as const, refused: next.refused, problems: [] };
  const xml = buildBcnlVacancy(input, next);
  const check = await validateCached(xml);
  if (!check.valid) {
    const problems = check.problems.map((p) => xsdProblemToItalian(p.message));
    return {
      ok: false as const,
      refused: null,
      problems: problems.filter((p, i) => problems.findIndex((q) => q.message === p.message) === i),
    };
  }
  return { ok: true as const, xml, next, hash };
}

/**
 * The ClicLavoro document to offer now, validated; records the message (when new) and the export in the audit log.
 * Runs under the vacancy's row lock so two officers cannot number two messages alike.
 */
export async function exportBcnlVacancy(trx: Trx, actor: Actor, scope: VacancyScope, vacancyId: string): Promise<BcnlExport> {
  const locked = await trx.selectFrom("vacancies").select("id").where("id", "=", vacancyId).forUpdate().executeTakeFirst();
  const v = locked ? await getVacancy(trx, scope, vacancyId) : null;
  if (!v || v.status === "draft") throw new DomainError("Offerta non trovata", "_form", "not_found");
  const input = await loadBcnlInput(trx, v);
  const outcome = await prepare(v, input, await listBcnlMessages(trx, v.id));
  if (!outcome.ok) return outcome;
  const { next } = outcome;
  if (next.isNew) {
    await trx
      .insertInto("vacancy_cliclavoro_messages")
      .values({
        vacancy_id: v.id,
        revision: next.revision,
        kind: next.kind,
        code: next.code,
        previous_code: next.previousCode,
        content_hash: outcome.hash,
        created_by: actor.userId,
      })
      .execute();
  }
  await recordAudit(trx, actor, {
    action: "vacancy.exported_bcnl",
    entityType: "vacancy",
    entityId: v.id,
    employerId: v.employer_id,
    details: { number: v.number, kind: next.kind, code: next.code, new: next.isNew },
  });
  return {
    ok: true,
    xml: outcome.xml,
    kind: next.kind,
    code: next.code,
    fileName: `offerta-${v.number}-cliclavoro-${next.kind}-${next.revision}.xml`,
  };
}

/** The officer's CP2011 qualification for a vacancy whose CP2021 profession has no certain one (or to refine it). */
export async function chooseVacancyCp2011(trx: Trx, actor: Actor, scope: VacancyScope, vacancyId: string, code: string) {
  let query = trx.selectFrom("vacancies").select(["id", "employer_id", "occupation_code", "cp2011_code"]).where("id", "=", vacancyId);
  if (scope.kind === "employer") query = query.where("employer_id", "=", scope.employerId);
  const v = await query.forUpdate().executeTakeFirst();
  if (!v) throw new DomainError("Offerta non trovata", "_form", "not_found");
  const mapping = cp2011For(v.occupation_code);
  if (!mapping?.candidates.some((c) => c.code === code))
    throw new DomainError("Scegli una delle qualifiche CP2011 proposte per questa professione.", "cp2011");
  await trx
    .updateTable("vacancies")
    .set({ cp2011_code: code, cp2011_chosen_by: actor.userId, cp2011_chosen_at: new Date() })
    .where("id", "=", vacancyId)
    .execute();
  await recordAudit(trx, actor, {
    action: "vacancy.cp2011_chosen",
    entityType: "vacancy",
    entityId: vacancyId,
    employerId: v.employer_id,
    details: { from: v.cp2011_code, to: code, cp2021: v.occupation_code },
  });
}

/**
 * The vacancy's ClicLavoro document as it would be offered now, for authorised systems (open API): read-only (the
 * message is recorded when an officer downloads it; its code is the same either way). A vacancy that is not exported
 * (internal, unpublished, closed without ever being sent) is «not found».
 */
export async function exportVacancyClicLavoro(
  db: Db,
  vacancyId: string,
): Promise<
  | { kind: "ok"; xml: string; number: number; code: string; message: ClicLavoroMessageKind }
  | { kind: "not_found"; message: string }
  | { kind: "invalid"; problems: BcnlProblem[] }
> {
  const v = await getVacancy(db, { kind: "system" }, vacancyId);
  if (!v || v.status === "draft") return { kind: "not_found", message: "Offerta non trovata tra quelle pubblicate" };
  const outcome = await prepare(v, await loadBcnlInput(db, v), await listBcnlMessages(db, v.id));
  if (outcome.ok) return { kind: "ok", xml: outcome.xml, number: v.number, code: outcome.next.code, message: outcome.next.kind };
  if (outcome.refused) return { kind: "not_found", message: outcome.refused };
  return { kind: "invalid", problems: outcome.problems };
}
