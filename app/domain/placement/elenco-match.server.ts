/**
 * The matching of a reserved vacancy, or of an available post, against the province's list: the
 * people enrolled whose capacities and conditions fit, by ranking, with why each fits or not
 * (rules in elenco-match.ts). Placement officers of the province only (the caller checks the role
 * with requirePlacementOfficer); every view is audited without health data. Also the link between
 * a reserved art. 1 vacancy and the structured post it describes (vacancies.l68_post_id).
 */
import type { Db, Trx } from "~/db/db.server";
import type { L68Reserved, VacancyStatus } from "~/db/tables/vacancies";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { groupBy } from "~/utils/collections";
import { employerInProvince } from "~/domain/l68/index.server";
import { toDecimal } from "~/domain/l68";
import { distanceKm } from "~/domain/reference";
import { comunePoints } from "~/domain/reference/index.server";
import { provincialRanking } from "./enrolments.server";
import { assessPerson, countMatches, orderMatches, type MatchRequirements, type MatchRow } from "./elenco-match";
import { getPost, listPosts, type PostView } from "./posts.server";
import { freePlaces } from "./referrals.server";

export interface ReservedVacancy {
  id: string;
  number: number;
  title: string;
  status: VacancyStatus;
  l68Reserved: L68Reserved;
  employerId: string;
  employerName: string;
  occupationCode: string;
  occupationTitle: string;
  comuneLabel: string;
  radiusKm: number;
  postId: string | null;
}

/** The officer's employers: registered office or an L. 68 site in the province (l68/policy.server.ts). */
async function employerOfProvince(db: Db | Trx, province: string, employerId: string) {
  const row = await db
    .selectFrom("employers")
    .innerJoin("comuni", "comuni.istat_code", "employers.legal_comune_code")
    .select("employers.id")
    .where("employers.id", "=", employerId)
    .where(employerInProvince(province))
    .executeTakeFirst();
  return !!row;
}

/** A sent vacancy of an employer the officer works on (registered office or L. 68 site in the province), or null. */
export async function getVacancyForPlacement(db: Db | Trx, province: string, vacancyId: string): Promise<ReservedVacancy | null> {
  const v = await db
    .selectFrom("vacancies as v")
    .innerJoin("employers as e", "e.id", "v.employer_id")
    .innerJoin("occupations as o", "o.code", "v.occupation_code")
    .innerJoin("comuni as c", "c.istat_code", "v.comune_code")
    .select([
      "v.id",
      "v.number",
      "v.title",
      "v.status",
      "v.l68_reserved as l68Reserved",
      "v.employer_id as employerId",
      "e.legal_name as employerName",
      "v.occupation_code as occupationCode",
      "o.title as occupationTitle",
      "c.name as comuneName",
      "c.province_code as comuneProvince",
      "v.radius_km as radiusKm",
      "v.l68_post_id as postId",
    ])
    .where("v.id", "=", vacancyId)
    .where("v.status", "<>", "draft")
    .executeTakeFirst();
  if (!v || !(await employerOfProvince(db, province, v.employerId))) return null;
  const { comuneName, comuneProvince, ...rest } = v;
  return { ...rest, comuneLabel: `${comuneName} (${comuneProvince})` };
}

/** The open posts of the vacancy's employer in the officer's province: what the vacancy may be linked to. */
export async function linkablePosts(db: Db, province: string, employerId: string) {
  return (await listPosts(db, employerId, { openOnly: true })).filter((p) => p.provinceCode === province);
}

/** The vacancies linked to a post (the post's matching page shows them). */
export async function vacanciesOfPost(db: Db, postId: string) {
  return db
    .selectFrom("vacancies")
    .select(["id", "number", "title", "status"])
    .where("l68_post_id", "=", postId)
    .where("status", "<>", "draft")
    .orderBy("number", "desc")
    .execute();
}

/**
 * Links (postId) or unlinks (null) a reserved art. 1 vacancy and an open post of the same employer
 * in the officer's province. Audited; the vacancy's version is not bumped (the employer's edit form
 * stays valid: the link is the office's, not a change of the vacancy's text).
 */
export async function linkVacancyToPost(trx: Trx, actor: Actor, province: string, vacancyId: string, postId: string | null) {
  const v = await trx
    .selectFrom("vacancies")
    .select(["id", "employer_id", "l68_reserved", "l68_post_id", "status"])
    .where("id", "=", vacancyId)
    .forUpdate()
    .executeTakeFirst();
  if (!v || v.status === "draft" || !(await employerOfProvince(trx, province, v.employer_id)))
    throw new DomainError("Offerta non trovata", "_form", "not_found");
  if (v.l68_reserved !== "art1")
    throw new DomainError(
      "Solo un'offerta riservata alle persone con disabilità (art. 1 L. 68/99) si collega a un posto dell'elenco del collocamento mirato",
      "postId",
      "conflict",
    );
  if (postId) {
    const post = await getPost(trx, postId);
    if (!post || post.employerId !== v.employer_id || post.provinceCode !== province)
      throw new DomainError("Scegli uno dei posti disponibili dell'azienda nella provincia", "postId");
    if (post.status !== "open") throw new DomainError("Il posto non è più disponibile", "postId", "conflict");
  }
  if (v.l68_post_id === postId) return;
  await trx.updateTable("vacancies").set({ l68_post_id: postId, updated_at: new Date() }).where("id", "=", vacancyId).execute();
  await recordAudit(trx, actor, {
    action: postId ? "l68.vacancy_post_linked" : "l68.vacancy_post_unlinked",
    entityType: "vacancy",
    entityId: vacancyId,
    employerId: v.employer_id,
    details: { postId: postId ?? v.l68_post_id },
  });
}

export interface ElencoMatchPerson {
  id: string;
  position: number;
  name: string;
  score: string;
  fits: boolean;
  checks: { ok: boolean; binding: boolean; text: string }[];
}

/** The CP2021 codes of the CVs linked to these enrolments (experiences and preferences), by candidate. */
async function cvOccupations(db: Db | Trx, candidateIds: string[]): Promise<Map<string, string[]>> {
  if (!candidateIds.length) return new Map();
  const rows = await db
    .selectFrom("candidate_experiences")
    .select(["candidate_id", "occupation_code"])
    .where("candidate_id", "in", candidateIds)
    .union(db.selectFrom("candidate_preferences").select(["candidate_id", "occupation_code"]).where("candidate_id", "in", candidateIds))
    .execute();
  const alive = new Set(
    (await db.selectFrom("candidates").select("id").where("id", "in", candidateIds).where("erased_at", "is", null).execute()).map(
      (c) => c.id,
    ),
  );
  const byCandidate = groupBy(
    rows.filter((r) => alive.has(r.candidate_id)),
    (r) => r.candidate_id,
  );
  return new Map([...byCandidate].map(([id, list]) => [id, list.map((r) => r.occupation_code)]));
}

/**
 * The province's list matched against a post (its capacities and conditions) and the profession
 * asked (`occupationCode`: the vacancy's, or the post's qualification), on `date`'s ranking.
 */
export async function matchElenco(
  db: Db,
  province: string,
  post: PostView,
  ask: { occupationCode: string; radiusKm: number | null },
  date: string,
) {
  const [ranking, points] = await Promise.all([provincialRanking(db, province, date), comunePoints(db)]);
  const occupations = await cvOccupations(
    db,
    ranking.map((r) => r.entry.candidateId).filter((id): id is string => !!id),
  );
  const workplace = points.get(post.comuneCode);
  const req: MatchRequirements = { ...post, occupationCode: ask.occupationCode, workplaceLabel: post.comuneLabel, radiusKm: ask.radiusKm };
  const rows: MatchRow<(typeof ranking)[number]>[] = ranking.map((r) => {
    const home = points.get(r.entry.domicileComuneCode);
    return {
      person: r,
      position: r.position,
      match: assessPerson(req, {
        ...r.entry,
        distanceKm: home && workplace ? distanceKm(home, workplace) : null,
        occupations: r.entry.candidateId ? (occupations.get(r.entry.candidateId) ?? []) : null,
      }),
    };
  });
  const ordered = orderMatches(rows);
  const people: ElencoMatchPerson[] = ordered.map((r) => ({
    id: r.person.entry.id,
    position: r.position,
    name: `${r.person.entry.lastName} ${r.person.entry.firstName}`,
    score: toDecimal(r.person.parts.total, { maxDigits: 2, separator: "," }).text,
    fits: r.match.fits,
    checks: r.match.checks.map(({ ok, binding, text }) => ({ ok, binding, text })),
  }));
  return { people, counts: countMatches(rows), freePlaces: post.status === "open" ? await freePlaces(db, post) : 0 };
}

/** `matchElenco` as a page shows it: the view is audited (counts and ids, no health data). */
export async function viewElencoMatch(
  db: Db,
  actor: Actor,
  province: string,
  post: PostView,
  from: { vacancy: Pick<ReservedVacancy, "id" | "occupationCode" | "radiusKm"> } | { vacancy: null },
  date: string,
) {
  const result = await matchElenco(
    db,
    province,
    post,
    from.vacancy
      ? { occupationCode: from.vacancy.occupationCode, radiusKm: from.vacancy.radiusKm }
      : { occupationCode: post.occupationCode, radiusKm: null },
    date,
  );
  await recordAudit(db, actor, {
    action: "l68.elenco_match_viewed",
    entityType: from.vacancy ? "vacancy" : "l68_available_post",
    entityId: from.vacancy ? from.vacancy.id : post.id,
    employerId: post.employerId,
    details: { province, postId: post.id, date, total: result.counts.total, fitting: result.counts.fitting },
  });
  return result;
}
