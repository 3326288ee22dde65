import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { refreshExperienceYears } from "~/domain/candidates/index.server";
import { loadCandidateSources } from "~/domain/candidates/search-index.server";
import { toCandidateDocument } from "~/domain/candidates/search-document";
import { LANGUAGE_LABELS } from "~/domain/candidates/schema";
import { getMeili, indexUid } from "../../search/client.server";
import { drainOutbox } from "../../search/sync.server";
import { createTestCandidate } from "../support/factories-candidates";

/**
 * The whole years of a job in progress grow with the calendar: an index built two days ago, when someone had one
 * year as a welder, says «1» on the day they reach two. After the refresh and the sync, the index holds what a
 * document built from PostgreSQL today holds, and «almeno 2 anni» finds them.
 */
const DAY = 86_400_000;
const WELDER = "6.2.1.2.0";
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

async function documentAt(id: string, at: Date) {
  const [source] = await loadCandidateSources(getDb(), [id]);
  return toCandidateDocument(source, LANGUAGE_LABELS, at);
}

describe("refreshing the years of jobs in progress", () => {
  it("re-syncs exactly the CVs whose whole years changed since the last covered time", async () => {
    const now = new Date();
    const twoDaysAgo = new Date(now.getTime() - 2 * DAY);
    const todayStart = Date.parse(`${isoDay(now.getTime())}T00:00:00Z`);
    const job = (from: number, to = "") => ({
      "experiences.0.occupation": WELDER,
      "experiences.0.from": isoDay(from),
      "experiences.0.to": to,
    });
    // 731 days of welding today (two years), 729 or 730 two days ago (one year).
    const reaching = (await createTestCandidate(job(todayStart - 731 * DAY))).id;
    // Mid-way through the third year: no change in these two days.
    const steady = (await createTestCandidate(job(todayStart - 900 * DAY))).id;
    // A job that ended: its years never move.
    const ended = (await createTestCandidate(job(todayStart - 2_000 * DAY, isoDay(todayStart - 1_000 * DAY)))).id;
    await drainOutbox(getDb());

    // The index as it was built two days ago.
    const uid = indexUid("candidates");
    const stale = await Promise.all([reaching, steady, ended].map((id) => documentAt(id, twoDaysAgo)));
    expect(stale[0].experienceYears).toEqual([`${WELDER}:1`]);
    await getMeili().index(uid).addDocuments(stale).waitTask();
    const withTwoYears = async () =>
      (
        await getMeili()
          .index(uid)
          .search("", { filter: `experienceYears = "${WELDER}:2"`, limit: 100 })
      ).hits.map((h) => h.id);
    expect(await withTwoYears()).not.toContain(reaching);

    await getDb().deleteFrom("search_outbox").execute();
    const run = await refreshExperienceYears(getDb(), now, twoDaysAgo);
    const queued = (await getDb().selectFrom("search_outbox").select("document_id").execute()).map((r) => r.document_id);
    expect(queued).toContain(reaching);
    expect(queued).not.toContain(steady);
    expect(queued).not.toContain(ended);
    expect(run.queued).toBe(queued.length);
    expect(run.scanned).toBeGreaterThanOrEqual(2);

    await drainOutbox(getDb());
    expect(await withTwoYears()).toContain(reaching);
    for (const id of [reaching, steady, ended])
      expect(await getMeili().index(uid).getDocument(id)).toEqual(JSON.parse(JSON.stringify(await documentAt(id, new Date()))));

    // The mark moved: the next run covers only what came after, and finds nothing in the same instant.
    const mark = await getDb()
      .selectFrom("search_refresh_marks")
      .select("covered_until")
      .where("name", "=", "experience_years")
      .executeTakeFirstOrThrow();
    expect(mark.covered_until.getTime()).toBe(now.getTime());
    expect((await refreshExperienceYears(getDb(), now)).queued).toBe(0);
  });

  it("reads nothing between two times of the same day step, and reads again once 12:00 UTC has passed", async () => {
    await createTestCandidate({ "experiences.0.occupation": WELDER, "experiences.0.from": "2024-03-01", "experiences.0.to": "" });
    const at = (time: string) => new Date(`2026-12-05T${time}Z`);
    expect(await refreshExperienceYears(getDb(), at("11:59:59"), at("00:00:00"))).toMatchObject({ scanned: 0, queued: 0 });
    expect((await refreshExperienceYears(getDb(), at("12:00:00"), at("11:59:59"))).scanned).toBeGreaterThanOrEqual(1);
    expect(await refreshExperienceYears(getDb(), at("23:59:59"), at("12:00:00"))).toMatchObject({ scanned: 0, queued: 0 });
  });

  it("starts from the time of its first run when no mark was ever kept", async () => {
    await getDb().deleteFrom("search_refresh_marks").execute();
    const now = new Date();
    expect(await refreshExperienceYears(getDb(), now)).toMatchObject({ scanned: 0, queued: 0 });
    const mark = await getDb().selectFrom("search_refresh_marks").select("covered_until").executeTakeFirstOrThrow();
    expect(mark.covered_until.getTime()).toBe(now.getTime());
  });
});
