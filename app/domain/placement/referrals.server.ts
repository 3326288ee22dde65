/**
 * Referrals of enrolled people to an employer's available post (art. 7 and art. 9 L. 68/1999):
 * numeric (avviamento numerico: the office proposes the highest-ranked people whose capacities and
 * conditions fit the post, then confirms) or nominative (the employer names the person, the office
 * issues the nulla osta). The outcome ends it; a hire adds the worker to the employer's file and
 * the recomputation closes the obligation it covers with resolution «hire»
 * (l68/file/obligations.server.ts). Every status change goes through `transitionReferral` (table, row
 * lock, version check, audit in the caller's transaction), like vacancies/states.ts.
 */
import type { Db, Trx } from "~/db/db.server";
import type { ReferralKind, ReferralStatus } from "~/db/tables/placement";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError, StaleVersionError } from "~/domain/errors";
import { toDecimal } from "~/domain/l68";
import { lockFile, recompute } from "~/domain/l68/index.server";
import { provincialRanking, type RankingRow } from "./enrolments.server";
import { fitsPost, type Fit } from "./matching";
import { getPost, type PostView } from "./posts.server";
import type { Ranked } from "./ranking";
import type { OutcomeForm } from "./schema";

export type ReferralEvent = "confirm" | "cancel" | "hire" | "refuse_worker" | "not_suitable" | "refuse_employer";

/** The only allowed moves; the outcomes are final. */
export const REFERRAL_TRANSITIONS: Record<ReferralStatus, Partial<Record<ReferralEvent, ReferralStatus>>> = {
  proposed: { confirm: "referred", cancel: "cancelled" },
  referred: { hire: "hired", refuse_worker: "refused_by_worker", not_suitable: "not_suitable", refuse_employer: "refused_by_employer" },
  hired: {},
  refused_by_worker: {},
  not_suitable: {},
  refused_by_employer: {},
  cancelled: {},
};

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  proposed: "Proposto (da confermare)",
  referred: "Avviato, in attesa di esito",
  hired: "Assunto",
  refused_by_worker: "Rifiutato dal lavoratore",
  not_suitable: "Non idoneo",
  refused_by_employer: "Rifiutato dall'azienda",
  cancelled: "Proposta annullata",
};

export const REFERRAL_KIND_LABELS: Record<ReferralKind, string> = {
  numerica: "Avviamento numerico",
  nominativa: "Avviamento nominativo (nulla osta)",
};

const OUTCOME_EVENT: Record<OutcomeForm["outcome"], ReferralEvent> = {
  hired: "hire",
  refused_by_worker: "refuse_worker",
  not_suitable: "not_suitable",
  refused_by_employer: "refuse_employer",
};

export const nextReferralStatus = (from: ReferralStatus, event: ReferralEvent): ReferralStatus | null =>
  REFERRAL_TRANSITIONS[from][event] ?? null;

export interface Proposal {
  ranked: Ranked<RankingRow>;
  fit: Fit;
  score: string;
}

const scoreText = (r: Ranked<RankingRow>) => toDecimal(r.parts.total, { maxDigits: 2 }).text;

/**
 * The people the numeric referral would propose for `post` on `date`, in ranking order: those who
 * fit and have no referral in progress (`fitting`), and the others with the reason (`excluded`).
 */
export async function numericProposals(db: Db | Trx, post: PostView, date: string) {
  const ranking = await provincialRanking(db, post.provinceCode, date);
  const fitting: Proposal[] = [];
  const excluded: Proposal[] = [];
  for (const ranked of ranking) {
    const p = ranked.entry;
    const fit = fitsPost(post, p);
    if (p.busy) fit.reasons.unshift("Ha già un avviamento in corso");
    (fit.fits && !p.busy ? fitting : excluded).push({ ranked, fit: { ...fit, fits: fit.fits && !p.busy }, score: scoreText(ranked) });
  }
  return { fitting, excluded };
}

async function requireOpenPost(db: Db | Trx, province: string, postId: string) {
  const post = await getPost(db, postId);
  if (!post || post.provinceCode !== province) throw new DomainError("Posto non trovato", "_form", "not_found");
  if (post.status !== "open") throw new DomainError("Il posto non è più disponibile", "_form", "conflict");
  return post;
}

async function inProgress(trx: Trx, postId: string) {
  const r = await trx
    .selectFrom("l68_referrals")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("post_id", "=", postId)
    .where("status", "in", ["proposed", "referred", "hired"])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Places of a post still free for a referral (posts minus referrals proposed, in progress or hired). */
export async function freePlaces(db: Db | Trx, post: Pick<PostView, "id" | "posts">) {
  const r = await db
    .selectFrom("l68_referrals")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("post_id", "=", post.id)
    .where("status", "in", ["proposed", "referred", "hired"])
    .executeTakeFirstOrThrow();
  return Math.max(0, post.posts - Number(r.n));
}

/** Numeric referral: proposes the first fitting people of the ranking, one per post still free. */
export async function proposeNumeric(trx: Trx, actor: Actor, province: string, postId: string, today: string): Promise<string[]> {
  const post = await requireOpenPost(trx, province, postId);
  await lockFile(trx, post.employerId);
  const free = post.posts - (await inProgress(trx, post.id));
  if (free <= 0) throw new DomainError("Tutti i posti hanno già un avviamento in corso o concluso con l'assunzione", "_form", "conflict");
  const { fitting } = await numericProposals(trx, post, today);
  if (!fitting.length)
    throw new DomainError("Nessuna persona iscritta ha le capacità e le condizioni richieste dal posto", "_form", "conflict");
  const ids: string[] = [];
  for (const p of fitting.slice(0, free)) {
    const row = await trx
      .insertInto("l68_referrals")
      .values({
        employer_id: post.employerId,
        post_id: post.id,
        enrolment_id: p.ranked.entry.id,
        kind: "numerica",
        rank_position: p.ranked.position,
        score: p.score,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.push(row.id);
    await recordAudit(trx, actor, {
      action: "l68.referral_proposed",
      entityType: "l68_referral",
      entityId: row.id,
      employerId: post.employerId,
      details: { kind: "numerica", postId: post.id, enrolmentId: p.ranked.entry.id, position: p.ranked.position },
    });
  }
  return ids;
}

/** Nominative referral: the office issues the nulla osta for the person the employer named. */
export async function referNominative(trx: Trx, actor: Actor, province: string, postId: string, enrolmentId: string, today: string) {
  const post = await requireOpenPost(trx, province, postId);
  await lockFile(trx, post.employerId);
  if (post.posts - (await inProgress(trx, post.id)) <= 0)
    throw new DomainError("Tutti i posti hanno già un avviamento in corso o concluso con l'assunzione", "_form", "conflict");
  const person = await trx
    .selectFrom("l68_enrolments")
    .select(["id", "status"])
    .where("id", "=", enrolmentId)
    .where("province_code", "=", province)
    .forUpdate()
    .executeTakeFirst();
  if (!person) throw new DomainError("Persona non trovata nell'elenco della provincia", "enrolmentId", "not_found");
  if (person.status !== "active") throw new DomainError("La persona non è più disponibile nell'elenco", "enrolmentId", "conflict");
  const busy = await trx
    .selectFrom("l68_referrals")
    .select("id")
    .where("enrolment_id", "=", enrolmentId)
    .where("status", "in", ["proposed", "referred"])
    .executeTakeFirst();
  if (busy) throw new DomainError("La persona ha già un avviamento in corso", "enrolmentId", "conflict");
  const seq = await trx.selectNoFrom((eb) => eb.fn<string>("nextval", [eb.val("l68_nulla_osta_seq")]).as("n")).executeTakeFirstOrThrow();
  const number = `NO-${province}-${today.slice(0, 4)}-${String(seq.n).padStart(5, "0")}`;
  const row = await trx
    .insertInto("l68_referrals")
    .values({
      employer_id: post.employerId,
      post_id: post.id,
      enrolment_id: enrolmentId,
      kind: "nominativa",
      status: "referred",
      nulla_osta_number: number,
      nulla_osta_on: today,
      referred_on: today,
      created_by: actor.userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: "l68.nulla_osta_issued",
    entityType: "l68_referral",
    entityId: row.id,
    employerId: post.employerId,
    details: { number, postId: post.id, enrolmentId },
  });
  return { id: row.id, number };
}

/**
 * Moves one referral. `confirm` starts a proposed numeric referral; the outcomes end a started one;
 * `hire` also records the worker in the employer's file (protected, art. 1 L. 68/1999) and
 * recomputes it, which closes the obligation the hire covers.
 */
export async function transitionReferral(
  trx: Trx,
  actor: Actor,
  province: string,
  referralId: string,
  event: ReferralEvent,
  version: number,
  today: string,
  outcome?: OutcomeForm,
) {
  const r = await trx
    .selectFrom("l68_referrals as r")
    .innerJoin("l68_enrolments as e", "e.id", "r.enrolment_id")
    .select([
      "r.id",
      "r.status",
      "r.version",
      "r.employer_id",
      "r.post_id",
      "r.enrolment_id",
      "r.kind",
      "e.first_name",
      "e.last_name",
      "e.province_code",
    ])
    .where("r.id", "=", referralId)
    .forUpdate()
    .executeTakeFirst();
  if (!r || r.province_code !== province) throw new DomainError("Avviamento non trovato", "_form", "not_found");
  if (r.version !== version) throw new StaleVersionError();
  const next = nextReferralStatus(r.status, event);
  if (!next) throw new DomainError(`Operazione non consentita: l'avviamento è «${REFERRAL_STATUS_LABELS[r.status]}»`, "_form", "conflict");
  let workerId: string | null = null;
  if (event === "hire") {
    if (outcome?.outcome !== "hired") throw new Error("hire needs the hire's data");
    if (outcome.hiredOn > today) throw new DomainError("Registra l'assunzione dal giorno in cui inizia, non prima", "hiredOn");
    if (outcome.contract === "determinato" && !outcome.months)
      throw new DomainError("Indica la durata del contratto a tempo determinato in mesi", "months");
    const post = await getPost(trx, r.post_id);
    if (!post) throw new Error("post of a referral not found");
    await lockFile(trx, r.employer_id);
    const worker = await trx
      .insertInto("l68_protected_workers")
      .values({
        employer_id: r.employer_id,
        province_code: post.provinceCode,
        worker_name: `${r.first_name} ${r.last_name}`,
        category: "disabile_l68",
        contract: outcome.contract,
        months: outcome.contract === "determinato" ? outcome.months : null,
        hired_on: outcome.hiredOn,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    workerId = worker.id;
    await trx
      .updateTable("l68_enrolments")
      .set({ status: "placed", version: (eb) => eb("version", "+", 1) })
      .where("id", "=", r.enrolment_id)
      .execute();
    const hired = await trx
      .selectFrom("l68_referrals")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("post_id", "=", r.post_id)
      .where("status", "=", "hired")
      .executeTakeFirstOrThrow();
    if (Number(hired.n) + 1 >= post.posts)
      await trx.updateTable("l68_available_posts").set({ status: "filled", updated_at: new Date() }).where("id", "=", r.post_id).execute();
    await trx
      .updateTable("l68_files")
      .set((eb) => ({ version: eb("version", "+", 1), updated_at: new Date() }))
      .where("employer_id", "=", r.employer_id)
      .execute();
  }
  await trx
    .updateTable("l68_referrals")
    .set({
      status: next,
      version: r.version + 1,
      updated_at: new Date(),
      ...(event === "confirm" ? { referred_on: today } : {}),
      ...(outcome ? { outcome_on: outcome.outcome === "hired" ? outcome.hiredOn : today, outcome_note: outcome.note ?? null } : {}),
      ...(outcome?.outcome === "hired" ? { contract: outcome.contract, protected_worker_id: workerId } : {}),
    })
    .where("id", "=", r.id)
    .execute();
  await recordAudit(trx, actor, {
    action: `l68.referral_${event}`,
    entityType: "l68_referral",
    entityId: r.id,
    employerId: r.employer_id,
    details: { from: r.status, to: next, kind: r.kind, workerId },
  });
  if (event === "hire") {
    const label = r.kind === "numerica" ? "avviamento numerico" : "avviamento nominativo";
    await recompute(trx, actor, r.employer_id, today, { reason: `Assunzione da ${label} del collocamento mirato` });
  }
  return next;
}

export const eventOfOutcome = (o: OutcomeForm) => OUTCOME_EVENT[o.outcome];

export interface ReferralRow {
  id: string;
  kind: ReferralKind;
  status: ReferralStatus;
  version: number;
  employerId: string;
  employerName: string;
  postId: string;
  task: string;
  enrolmentId: string;
  personName: string;
  rankPosition: number | null;
  score: string | null;
  nullaOstaNumber: string | null;
  nullaOstaOn: string | null;
  referredOn: string | null;
  outcomeOn: string | null;
  outcomeNote: string | null;
}

function referralQuery(db: Db | Trx) {
  return db
    .selectFrom("l68_referrals as r")
    .innerJoin("l68_available_posts as p", "p.id", "r.post_id")
    .innerJoin("employers as em", "em.id", "r.employer_id")
    .innerJoin("l68_enrolments as e", "e.id", "r.enrolment_id")
    .select([
      "r.id",
      "r.kind",
      "r.status",
      "r.version",
      "r.employer_id as employerId",
      "em.legal_name as employerName",
      "r.post_id as postId",
      "p.task",
      "r.enrolment_id as enrolmentId",
      "e.first_name",
      "e.last_name",
      "e.province_code",
      "r.rank_position as rankPosition",
      "r.score",
      "r.nulla_osta_number as nullaOstaNumber",
      "r.nulla_osta_on as nullaOstaOn",
      "r.referred_on as referredOn",
      "r.outcome_on as outcomeOn",
      "r.outcome_note as outcomeNote",
    ]);
}

const toRow = ({
  first_name,
  last_name,
  province_code: _p,
  ...r
}: Omit<ReferralRow, "personName"> & { first_name: string; last_name: string; province_code: string }): ReferralRow => ({
  ...r,
  personName: `${first_name} ${last_name}`,
});

/** The referrals of the people enrolled in `province` (officer's page). */
export async function listReferralsInProvince(db: Db, province: string): Promise<ReferralRow[]> {
  const rows = await referralQuery(db).where("e.province_code", "=", province).orderBy("r.created_at", "desc").orderBy("r.id").execute();
  return rows.map(toRow);
}

export async function getReferral(db: Db, province: string, referralId: string): Promise<ReferralRow | null> {
  const row = await referralQuery(db).where("r.id", "=", referralId).where("e.province_code", "=", province).executeTakeFirst();
  return row ? toRow(row) : null;
}

/**
 * What the employer sees of the referrals it received: the person's name and contacts and the
 * post — never the disability, the diagnosis, the capacities or the ranking. Proposals the office
 * has not confirmed are not shown.
 */
export async function listEmployerReferrals(db: Db, actor: Actor, employerId: string) {
  const rows = await db
    .selectFrom("l68_referrals as r")
    .innerJoin("l68_available_posts as p", "p.id", "r.post_id")
    .innerJoin("l68_enrolments as e", "e.id", "r.enrolment_id")
    .select([
      "r.id",
      "r.kind",
      "r.status",
      "p.task",
      "e.first_name as firstName",
      "e.last_name as lastName",
      "e.phone",
      "e.email",
      "r.nulla_osta_number as nullaOstaNumber",
      "r.nulla_osta_on as nullaOstaOn",
      "r.referred_on as referredOn",
      "r.outcome_on as outcomeOn",
    ])
    .where("r.employer_id", "=", employerId)
    .where("r.status", "not in", ["proposed", "cancelled"])
    .orderBy("r.referred_on", "desc")
    .orderBy("r.id")
    .execute();
  if (rows.length)
    await recordAudit(db, actor, {
      action: "l68.referrals_viewed_by_employer",
      entityType: "l68_referral",
      employerId,
      details: { count: rows.length },
    });
  return rows;
}

/** Units still to cover by the employer (Σ pending obligations) and the nearest term. */
export async function pendingObligationUnits(db: Db, employerId: string) {
  const r = await db
    .selectFrom("l68_obligations")
    .select((eb) => [eb.fn.coalesce(eb.fn.sum<string>("units"), eb.val("0")).as("units"), eb.fn.min<string>("due_on").as("due")])
    .where("employer_id", "=", employerId)
    .where("status", "in", ["open", "overdue", "request_filed"])
    .executeTakeFirstOrThrow();
  return { units: Number(r.units), dueOn: r.due };
}
