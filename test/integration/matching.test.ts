import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { indexShape, loadMatchVacancy, runMatch, type MatchLevers } from "~/domain/matching/search.server";
import { getMeili } from "../../search/client.server";
import { createEmployer } from "../support/factories";
import { createMatchCandidate, createMatchVacancy, indexPending } from "../support/factories-shortlists";

const OCC = "5.1.2.2.0";
let ids: Record<string, string> = {};
let vacancyId: string;

// A private occupation so other tests' candidates do not interfere: the commerce unit in Bergamo.
beforeAll(async () => {
  const employer = await createEmployer();
  const old = new Date(Date.now() - 400 * 86_400_000);
  ids = {
    unitNear: await createMatchCandidate({
      comune: "Bergamo",
      preferences: [OCC],
      licences: ["B"],
      languages: [{ code: "001", level: "B2" }],
    }),
    unitFar: await createMatchCandidate({ comune: "Treviglio", preferences: ["8.1.1.1.0", OCC], licences: ["C"] }),
    klass: await createMatchCandidate({ comune: "Bergamo", preferences: ["5.1.2.4.0"], licences: ["B"] }),
    noLicence: await createMatchCandidate({ comune: "Bergamo", preferences: [OCC] }),
    noConsent: await createMatchCandidate({ comune: "Bergamo", preferences: [OCC], licences: ["B"], consent: false }),
    obsolete: await createMatchCandidate({ comune: "Bergamo", preferences: [OCC], licences: ["B"], cvUpdatedAt: old }),
    shortCommute: await createMatchCandidate({ comune: "Treviglio", preferences: [OCC], licences: ["B"], maxCommuteKm: 5 }),
    experienceOnly: await createMatchCandidate({
      comune: "Bergamo",
      preferences: ["8.1.1.1.0"],
      experiences: [{ code: OCC, years: 3 }],
      licences: ["B"],
    }),
    farAway: await createMatchCandidate({ comune: "Roma", preferences: [OCC], licences: ["B"] }),
  };
  await indexPending();
  const v = await createMatchVacancy({
    employerId: employer.id,
    comune: "Bergamo",
    radiusKm: 30,
    requirements: [
      { kind: "licence", priority: "must", licenceCategory: "B" },
      { kind: "language", priority: "nice", languageCode: "001", cefrLevel: "B1" },
    ],
  });
  vacancyId = v.id;
});

describe("matching a vacancy against the real index", () => {
  it("lists accepted self-applications, marked, even when they miss a must-have", async () => {
    const v = (await loadMatchVacancy(getDb(), vacancyId))!;
    await getDb()
      .insertInto("vacancy_applications")
      .values({ vacancy_id: vacancyId, candidate_id: ids.noLicence, status: "accepted" })
      .execute();
    const result = await runMatch(v, { cvObsoleteMonths: 6, selfApplied: [ids.noLicence, ids.unitNear] });
    const applied = result.hits.filter((h) => h.selfApplied).map((h) => h.id);
    expect(applied.sort()).toEqual([ids.noLicence, ids.unitNear].sort());
    expect(result.hits.find((h) => h.id === ids.noLicence)!.explanation.requirements[0].status).toBe("missing");
  });

  it("applies must-haves, consent, freshness, radius and the candidate's own commute; ranks by strength then nice-to-haves", async () => {
    const v = (await loadMatchVacancy(getDb(), vacancyId))!;
    const result = await runMatch(v, { cvObsoleteMonths: 6, rereadShape: true });
    const found = result.hits.map((h) => h.id);
    const mine = new Set(Object.values(ids));
    const ours = found.filter((id) => mine.has(id));
    expect(ours[0]).toBe(ids.unitNear); // unit + English: 50
    expect(ours).toContain(ids.unitFar);
    expect(ours).toContain(ids.experienceOnly);
    expect(result.hits.find((h) => h.id === ids.klass)?.explanation.strength?.grade).toBe("class");
    for (const excluded of ["noLicence", "noConsent", "obsolete", "shortCommute", "farAway"]) expect(ours).not.toContain(ids[excluded]);
    const top = result.hits.find((h) => h.id === ids.unitNear)!;
    expect(top.explanation.score).toBe(50);
    expect(top.explanation.strength).toMatchObject({ grade: "unit", slot: 1 });
    const far = result.hits.find((h) => h.id === ids.unitFar)!;
    expect(far.explanation.strength).toMatchObject({ grade: "unit", slot: 2 });
    expect(far.explanation.distanceKm).toBeGreaterThan(5);
    const scores = result.hits.map((h) => h.explanation.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("gives the same ranked list when a large result set is walked level by level and comune by comune", async () => {
    const v = (await loadMatchVacancy(getDb(), vacancyId))!;
    const whole = await runMatch(v, { cvObsoleteMonths: 6 });
    expect(whole.total).toBeGreaterThanOrEqual(4);
    const rank = (r: typeof whole) => r.hits.map((h) => [h.id, h.explanation.score, h.explanation.distanceKm]);
    // fetchAll 0 forces the path used beyond FETCH_ALL results: per-level per-comune counts, then the nearest people.
    expect(rank(await runMatch(v, { cvObsoleteMonths: 6, fetchAll: 0 }))).toEqual(rank(whole));
    // Each round in one request, as before it went in two at once, and other numbers of levels per round: the same list.
    for (const levers of [{ walkInOneRequest: true }, { levelsPerRound: 1 }, { levelsPerRound: 8 }])
      expect(rank(await runMatch(v, { cvObsoleteMonths: 6, fetchAll: 0, levers }))).toEqual(rank(whole));
  });

  it("gives the same total, counts and page whether the other counts go out with the total, after it or in its request", async () => {
    const v = (await loadMatchVacancy(getDb(), vacancyId))!;
    expect(v.requirements.some((r) => r.priority === "must")).toBe(true);
    const seen = async (levers: MatchLevers) => {
      const r = await runMatch(v, { cvObsoleteMonths: 6, withControls: true, levers });
      return { total: r.total, relaxation: r.relaxation, toVerify: r.toVerify, controls: r.controls, hits: r.hits.map((h) => h.id) };
    };
    const now = await seen({});
    expect(now.relaxation.length).toBeGreaterThan(0);
    expect(now.controls?.radius.length).toBeGreaterThan(0);
    for (const levers of [{ countsAfterTotal: true }, { countsTogether: true }]) expect(await seen(levers)).toEqual(now);
  });

  it("finds the same people whether the freshness condition names the fresh CVs or the obsolete ones", async () => {
    const v = (await loadMatchVacancy(getDb(), vacancyId))!;
    const run = (levers: MatchLevers) => runMatch(v, { cvObsoleteMonths: 6, withControls: true, rereadShape: true, levers });
    const fresh = (r: Awaited<ReturnType<typeof run>>) => r.plan.conditions.find((c) => c.key === "fresh")!.filter;
    const named = await run({});
    const since = await run({ freshSince: true });
    // The test index holds more fresh CVs than obsolete ones: the code names the obsolete ones. Seen from 2100, every CV
    // is obsolete and the condition names the fresh ones (read last with today, as the cache keeps the last reading).
    const uid = named.indexUid;
    expect((await indexShape(getMeili(), uid, { now: new Date("2100-01-01T00:00:00Z"), cvObsoleteMonths: 6 }, true)).obsoleteFewer).toBe(
      false,
    );
    expect((await indexShape(getMeili(), uid, { now: new Date(), cvObsoleteMonths: 6 }, true)).obsoleteFewer).toBe(true);
    expect(fresh(named)).toMatch(/^NOT cvUpdatedAt < \d+$/);
    expect(fresh(since)).toMatch(/^cvUpdatedAt >= \d+$/);
    expect(named.hits.some((h) => h.id === ids.obsolete)).toBe(false);
    const seen = (r: typeof named) => [r.total, r.relaxation, r.controls, r.hits.map((h) => h.id)];
    expect(seen(named)).toEqual(seen(since));
    expect(seen(await runMatch(v, { cvObsoleteMonths: 6, withControls: true, fetchAll: 0, levers: { freshSince: true } }))).toEqual(
      seen(named),
    );
  });

  it("ranks a whole set on the ranking fields alone and shows the page exactly as when every field is read", async () => {
    const v = (await loadMatchVacancy(getDb(), vacancyId))!;
    // Pages of 2 out of 4 or more: larger sets than the page, the ones ranked on the score's fields.
    const light = await runMatch(v, { cvObsoleteMonths: 6, limit: 2 });
    const full = await runMatch(v, { cvObsoleteMonths: 6, limit: 2, levers: { readAllFields: true } });
    expect(light.total).toBeGreaterThanOrEqual(4);
    expect(light.hits).toHaveLength(2);
    expect(light.hits).toEqual(full.hits);
    // The page's people are read in full: name, comune and the preference's title, not only what decided the order.
    const top = light.hits[0];
    expect(top.id).toBe(ids.unitNear);
    expect(top.fullName).toMatch(/\S+ \S+/);
    expect(top.comuneName).toBe("Bergamo");
    expect(top.explanation.strength?.preference).not.toBe(OCC);
    // Page 2 of one per page: the second person, read in full too.
    const second = await runMatch(v, { cvObsoleteMonths: 6, limit: 1, options: { page: 2 } });
    expect(second.hits.map((h) => h.id)).toEqual([full.hits[1].id]);
    expect(second.hits[0]).toEqual(full.hits[1]);
  });

  it("within one score, takes the nearest comuni first and the freshest CVs of the boundary comune", async () => {
    // Bricklayers around Pavia: an occupation and a place no other test uses.
    const day = 86_400_000;
    const at = (n: number) => new Date(Date.now() - n * day);
    const people = {
      pavia1: await createMatchCandidate({ comune: "Pavia", preferences: ["6.1.2.1.0"], cvUpdatedAt: at(9) }),
      pavia2: await createMatchCandidate({ comune: "Pavia", preferences: ["6.1.2.1.0"], cvUpdatedAt: at(3) }),
      voghera: await createMatchCandidate({ comune: "Voghera", preferences: ["6.1.2.1.0"], cvUpdatedAt: at(1) }),
      vigevanoOld: await createMatchCandidate({ comune: "Vigevano", preferences: ["6.1.2.1.0"], cvUpdatedAt: at(20) }),
      vigevanoNew: await createMatchCandidate({ comune: "Vigevano", preferences: ["6.1.2.1.0"], cvUpdatedAt: at(2) }),
    };
    await indexPending();
    const employer = await createEmployer();
    const pv = await createMatchVacancy({ employerId: employer.id, comune: "Pavia", occupation: "6.1.2.1.0", radiusKm: 40 });
    const v = (await loadMatchVacancy(getDb(), pv.id))!;
    const whole = await runMatch(v, { cvObsoleteMonths: 6 });
    const order = whole.hits.map((h) => h.id);
    const km = (id: string) => whole.hits.find((h) => h.id === id)!.explanation.distanceKm!;
    expect(order.slice(0, 2)).toEqual([people.pavia2, people.pavia1]); // same comune: freshest first
    expect(km(people.pavia1)).toBe(0);
    const distances = whole.hits.map((h) => h.explanation.distanceKm!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    // The walk used beyond 1,000 results must give exactly the same order, also when it cuts inside a comune.
    const ranked = (r: typeof whole) => r.hits.map((h) => h.id);
    expect(ranked(await runMatch(v, { cvObsoleteMonths: 6, fetchAll: 0 }))).toEqual(order);
    for (const limit of [1, 2, 3, 4])
      expect(ranked(await runMatch(v, { cvObsoleteMonths: 6, fetchAll: 0, limit }))).toEqual(order.slice(0, limit));
  });

  it("counts how many more candidates relaxing a must-have would bring, and relaxing brings them", async () => {
    const v = (await loadMatchVacancy(getDb(), vacancyId))!;
    const strict = await runMatch(v, { cvObsoleteMonths: 6 });
    const licenceReq = v.requirements.find((r) => r.kind === "licence")!;
    const extra = strict.relaxation.find((r) => r.requirementId === licenceReq.id)!.extra;
    expect(extra).toBeGreaterThanOrEqual(1);
    const relaxed = await runMatch(v, { cvObsoleteMonths: 6, relaxed: [licenceReq.id] });
    expect(relaxed.total).toBe(strict.total + extra);
    expect(relaxed.hits.map((h) => h.id)).toContain(ids.noLicence);
    const row = relaxed.hits.find((h) => h.id === ids.noLicence)!;
    expect(row.explanation.requirements.find((r) => r.id === licenceReq.id)).toMatchObject({ status: "missing", relaxed: true });
  });
});
