/**
 * Available posts (posti di lavoro disponibili) as in the national prospetto informativo: entered
 * by the employer on its file or by the placement officer on its behalf; they feed the numeric
 * referral (referrals.server.ts). Writes take the file lock, like every change to the L. 68 file.
 */
import type { Db, Trx } from "~/db/db.server";
import type { PostStatus } from "~/db/tables/placement";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { lockFile } from "~/domain/l68/index.server";
import { findOccupation, resolveComune } from "~/domain/reference/index.server";
import { plural } from "~/utils/plural";
import type { PostForm } from "./schema";

export interface PostView {
  id: string;
  employerId: string;
  task: string;
  occupationCode: string;
  occupationTitle: string;
  posts: number;
  capacities: string[];
  architecturalBarriers: boolean;
  nightShifts: boolean;
  comuneCode: string;
  comuneLabel: string;
  provinceCode: string;
  publicTransport: boolean;
  status: PostStatus;
}

function postQuery(db: Db | Trx) {
  return db
    .selectFrom("l68_available_posts as p")
    .innerJoin("occupations as o", "o.code", "p.occupation_code")
    .innerJoin("comuni as c", "c.istat_code", "p.comune_code")
    .select([
      "p.id",
      "p.employer_id as employerId",
      "p.task",
      "p.occupation_code as occupationCode",
      "o.title as occupationTitle",
      "p.posts",
      "p.capacities",
      "p.architectural_barriers as architecturalBarriers",
      "p.night_shifts as nightShifts",
      "p.comune_code as comuneCode",
      "c.name as comuneName",
      "c.province_code as provinceCode",
      "p.public_transport as publicTransport",
      "p.status",
    ]);
}

const toView = ({ comuneName, ...r }: Omit<PostView, "comuneLabel"> & { comuneName: string }): PostView => ({
  ...r,
  comuneLabel: `${comuneName} (${r.provinceCode})`,
});

export async function listPosts(db: Db | Trx, employerId: string, opts: { openOnly?: boolean } = {}): Promise<PostView[]> {
  let q = postQuery(db).where("p.employer_id", "=", employerId);
  if (opts.openOnly) q = q.where("p.status", "=", "open");
  const rows = await q.orderBy("p.created_at").orderBy("p.id").execute();
  return rows.map(toView);
}

export async function getPost(db: Db | Trx, postId: string): Promise<PostView | null> {
  const row = await postQuery(db).where("p.id", "=", postId).executeTakeFirst();
  return row ? toView(row) : null;
}

/** Open posts in a province (the officer's avviamenti page). */
export async function listOpenPostsInProvince(db: Db, province: string) {
  const rows = await postQuery(db)
    .innerJoin("employers as e", "e.id", "p.employer_id")
    .select("e.legal_name as employerName")
    .where("c.province_code", "=", province)
    .where("p.status", "=", "open")
    .orderBy("e.legal_name")
    .orderBy("p.created_at")
    .execute();
  return rows.map((r) => ({ ...toView(r), employerName: r.employerName }));
}

export async function addPost(trx: Trx, actor: Actor, employerId: string, input: PostForm) {
  const occupation = await findOccupation(trx, input.occupation);
  if (!occupation || occupation.level !== 5)
    throw new DomainError("Scegli la qualifica dall'elenco (unità professionale CP2021, es. 4.3.1.2.0)", "occupation");
  const comune = await resolveComune(trx, input.comune);
  if (!comune) throw new DomainError("Comune non trovato: scegli dall'elenco, ad esempio «Milano (MI)»", "comune");
  await lockFile(trx, employerId);
  const row = await trx
    .insertInto("l68_available_posts")
    .values({
      employer_id: employerId,
      task: input.task,
      occupation_code: occupation.code,
      posts: input.posts,
      capacities: input.cap,
      architectural_barriers: input.architecturalBarriers,
      night_shifts: input.nightShifts,
      comune_code: comune.istatCode,
      public_transport: input.publicTransport,
      created_by: actor.userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: "l68.post_added",
    entityType: "l68_available_post",
    entityId: row.id,
    employerId,
    details: { task: input.task, occupation: occupation.code, posts: input.posts, comune: comune.istatCode },
  });
  return row.id;
}

/** Withdraws an open post of this employer (a referral in progress keeps it). */
export async function withdrawPost(trx: Trx, actor: Actor, employerId: string, postId: string) {
  await lockFile(trx, employerId);
  const busy = await trx
    .selectFrom("l68_referrals")
    .select("id")
    .where("post_id", "=", postId)
    .where("status", "in", ["proposed", "referred"])
    .executeTakeFirst();
  if (busy)
    throw new DomainError(
      "Il posto ha un avviamento in corso: non si può ritirare finché l'ufficio non ne registra l'esito",
      "_form",
      "conflict",
    );
  const row = await trx
    .updateTable("l68_available_posts")
    .set({ status: "withdrawn", updated_at: new Date() })
    .where("id", "=", postId)
    .where("employer_id", "=", employerId)
    .where("status", "=", "open")
    .returning("id")
    .executeTakeFirst();
  if (!row) throw new DomainError("Posto non trovato o non più aperto", "_form", "not_found");
  await recordAudit(trx, actor, { action: "l68.post_withdrawn", entityType: "l68_available_post", entityId: postId, employerId });
}

/** One line per open post for the prospetto informativo (its «posti di lavoro disponibili»). */
export function postsSummary(posts: readonly PostView[]): string {
  return posts
    .filter((p) => p.status === "open")
    .map((p) => `${p.task} (${p.occupationCode}), ${plural(p.posts, "posto", "posti")}, ${p.comuneLabel}`)
    .join("; ");
}
