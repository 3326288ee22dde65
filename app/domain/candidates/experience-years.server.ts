import type { Db } from "~/db/db.server";
import { experienceDayStep, experienceYearsByCode } from "~/domain/matching";
import { groupBy } from "~/utils/collections";
import { enqueueSearchSync } from "../../../search/outbox.server";
import { candidatesIndex } from "./search-index.server";

/** The refresh's row in search_refresh_marks (migrations/2026_12_09_1000_search_refresh_marks.ts). */
const MARK = "experience_years";
/** Candidates read per step: their experiences are compared in memory, then their sync is queued in one transaction. */
const PAGE = 5_000;

/**
 * Whole years of experience per occupation are a search field (`experienceYears`, app/domain/matching/fields.ts), and
 * those of a job in progress grow with the calendar while no row changes: «almeno 2 anni» would miss a person until
 * something else re-synced the CV. This queues the search sync of every candidate whose years, computed by the same
 * function as the index, differ between the time the last refresh covered and `now`; the sync worker then rebuilds
 * their documents. Years only grow, so any document built before `now` with fewer years than today's is among them.
 * Idempotent and safe to run late: the mark moves only after every page is queued. Runs within one day step read
 * nothing (experienceDayStep).
 */
export async function refreshExperienceYears(
  db: Db,
  now: Date = new Date(),
  /** Cover from this time instead of the mark (bench:match, on an index built at a known time). */
  since?: Date,
): Promise<{ from: Date; to: Date; scanned: number; queued: number }> {
  const mark = await db.selectFrom("search_refresh_marks").select("covered_until").where("name", "=", MARK).executeTakeFirst();
  const from = since ?? mark?.covered_until ?? now;
  let scanned = 0;
  let queued = 0;
  // Within one day step (12:00 UTC to 12:00 UTC) no count of days moves: 23 hourly runs in 24 read nothing.
  if (from < now && experienceDayStep(from) !== experienceDayStep(now)) {
    for (let after: string | null = null; ;) {
      const ids: string[] = (
        await db
          .selectFrom("candidate_experiences")
          .select("candidate_id")
          .distinct()
          .where("ended_on", "is", null)
          .$if(after != null, (q) => q.where("candidate_id", ">", after!))
          .orderBy("candidate_id")
          .limit(PAGE)
          .execute()
      ).map((r) => r.candidate_id);
      if (!ids.length) break;
      after = ids[ids.length - 1];
      scanned += ids.length;
      const rows = await db
        .selectFrom("candidate_experiences")
        .select(["candidate_id", "occupation_code", "started_on", "ended_on"])
        .where("candidate_id", "in", ids)
        .execute();
      const byCandidate = groupBy(rows, (r) => r.candidate_id);
      const changed = ids.filter((id) => !sameYears(byCandidate.get(id) ?? [], from, now));
      if (changed.length) await db.transaction().execute((trx) => enqueueSearchSync(trx, candidatesIndex.name, changed));
      queued += changed.length;
    }
  }
  // A mark in the future (a clock set back) stays where it is.
  if (mark && from >= now) return { from, to: now, scanned, queued };
  await db
    .insertInto("search_refresh_marks")
    .values({ name: MARK, covered_until: now })
    .onConflict((oc) => oc.column("name").doUpdateSet({ covered_until: now }))
    .execute();
  return { from, to: now, scanned, queued };
}

function sameYears(experiences: Parameters<typeof experienceYearsByCode>[0], a: Date, b: Date): boolean {
  const [before, after] = [experienceYearsByCode(experiences, a), experienceYearsByCode(experiences, b)];
  return before.size === after.size && [...after].every(([code, years]) => before.get(code) === years);
}
