import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { setConsent } from "~/domain/candidates/commands.server";
import { getMeili, indexUid, meiliAnswerError } from "../../search/client.server";
import { candidatesIndex } from "../../app/domain/candidates/search-index.server";
import { enqueueSearchSync } from "../../search/outbox.server";
import { reindex } from "../../search/reindex.server";
import { drainOutbox, processOutboxOnce } from "../../search/sync.server";
import { loader } from "~/routes/operatore.candidati._index";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { SYSTEM_ACTOR, createTestCandidate } from "../support/factories-candidates";
import { callRoute } from "../support/routes";

type Body = {
  result: {
    total: number;
    hits: { id: string; distanceKm: number | null; consentVisible: boolean; protectedCategory?: string; reasons: { label: string }[] }[];
    facets: { param: string; values: { value: string; count: number }[] }[];
  };
  errors?: Record<string, string>;
};

const cookies: Record<string, string> = {};
const search = async (who: string, qs: string) => callRoute(loader, request(`/operatore/candidati?${qs}`, { cookie: cookies[who] }));

let bergamo: string;
let protectedOne: string;

beforeAll(async () => {
  const employer = await createEmployer();
  cookies.employer = await cookieFor((await createUserWithRole("employer", { employerId: employer.id, employerRole: "legal_rep" })).id);
  cookies.candidate = await cookieFor((await createUserWithRole("candidate")).id);
  cookies.admin = await cookieFor((await createUserWithRole("admin")).id);
  cookies.preselection = await cookieFor((await createUserWithRole("preselection_officer")).id);
  cookies.placement = await cookieFor((await createUserWithRole("placement_officer")).id);
  bergamo = (await createTestCandidate({ comune: "Bergamo (BG)", "certificates.0.name": "Patentino Zyxwvqa", firstName: "Ottavio" })).id;
  protectedOne = (
    await createTestCandidate({ comune: "Milano (MI)", "certificates.0.name": "Attestato Qwzyxk" }, { protectedCategory: "art1" })
  ).id;
  await drainOutbox(getDb());
});

describe("outbox sync", () => {
  it("makes a committed candidate searchable, with the document built from PostgreSQL", async () => {
    const doc = await getMeili().index(indexUid("candidates")).getDocument(bergamo);
    const [expected] = await candidatesIndex.loadDocuments(getDb(), [bergamo]);
    expect(doc).toEqual(expected);
    expect(doc).toMatchObject({
      comuneName: "Bergamo",
      provinceCode: "BG",
      consentVisible: true,
      skills: expect.arrayContaining(["Patentino Zyxwvqa"]),
    });
  });

  it("applies a change within a second of the commit and removes deleted candidates", async () => {
    await withTransaction((trx) => setConsent(trx, SYSTEM_ACTOR, bergamo, false));
    const started = performance.now();
    await drainOutbox(getDb());
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await getMeili().index(indexUid("candidates")).getDocument(bergamo)).toMatchObject({ consentVisible: false });
    await withTransaction((trx) => setConsent(trx, SYSTEM_ACTOR, bergamo, true));

    const gone = (await createTestCandidate({ "certificates.0.name": "Da cancellare" })).id;
    await drainOutbox(getDb());
    await withTransaction(async (trx) => {
      await trx.deleteFrom("candidates").where("id", "=", gone).execute();
      await enqueueSearchSync(trx, "candidates", [gone, "not-a-uuid"]);
    });
    await drainOutbox(getDb());
    const missing = await getMeili().index(indexUid("candidates")).getDocument(gone).catch(meiliAnswerError);
    expect(missing?.cause?.code).toBe("document_not_found");
    expect(await getDb().selectFrom("search_outbox").select("id").execute()).toEqual([]);
  });
});

describe("officer candidate search page", () => {
  it("is closed to employers, candidates and administrators, and never reaches Meilisearch for them", async () => {
    for (const who of ["employer", "candidate", "admin"]) expect((await search(who, "q=Zyxwvqa")).status).toBe(403);
    expect((await callRoute(loader, request("/operatore/candidati?q=Zyxwvqa"))).status).toBe(302);
  });

  it("finds a candidate by text with the reason, by facet and by radius with the distance", async () => {
    const byText = (await search("preselection", "q=Zyxwvqa")).body as Body;
    expect(byText.result.hits.map((h) => h.id)).toEqual([bergamo]);
    expect(byText.result.hits[0].reasons[0].label).toBe("Competenze e attestati");

    const byFacet = (await search("preselection", "q=Zyxwvqa&province=BG&licence=02")).body as Body;
    expect(byFacet.result.hits.map((h) => h.id)).toEqual([bergamo]);
    expect((await search("preselection", "q=Zyxwvqa&province=MI")).body).toMatchObject({ result: { total: 0 } });
    const provinces = byFacet.result.facets.find((f) => f.param === "province")!;
    expect(provinces.values).toEqual(expect.arrayContaining([expect.objectContaining({ value: "BG", count: 1 })]));

    const near = (await search("preselection", "q=Zyxwvqa&comune=Milano+(MI)&radiusKm=100&sort=distance")).body as Body;
    expect(near.result.hits.map((h) => h.id)).toEqual([bergamo]);
    expect(near.result.hits[0].distanceKm).toBeGreaterThan(50); // Milano–Bergamo ≈ 54 km as the crow flies
    expect(near.result.hits[0].distanceKm).toBeLessThan(60);
    expect((await search("preselection", "q=Zyxwvqa&comune=Milano+(MI)&radiusKm=50")).body).toMatchObject({ result: { total: 0 } });
  });

  it("orders by distance comune by comune across pages, with relevance within each comune", async () => {
    // 25 CVs in three comuni, created in turns so that neither creation order nor relevance follows the distance;
    // one in three names both words and outranks the others of its comune.
    const comuni = ["Bergamo (BG)", "Monza (MB)", "Milano (MI)"];
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      const name = i % 3 === 1 ? "Patentino Vorbeluk Trandoso" : "Patentino Vorbeluk";
      ids.push((await createTestCandidate({ comune: comuni[i % 3], "certificates.0.name": name })).id);
    }
    await drainOutbox(getDb());
    const page = async (qs: string) => ((await search("preselection", qs)).body as Body).result;
    const near = "q=Vorbeluk+Trandoso&comune=Milano+(MI)&radiusKm=100";
    const [first, second] = [await page(`${near}&sort=distance`), await page(`${near}&sort=distance&page=2`)];
    const byDistance = [...first.hits, ...second.hits];
    expect([first.total, first.hits.length, second.hits.length]).toEqual([25, 20, 5]);
    expect(new Set(byDistance.map((h) => h.id))).toEqual(new Set(ids));
    const km = byDistance.map((h) => h.distanceKm!);
    expect(km).toEqual([...km].sort((a, b) => a - b));
    // Within each comune, the order of the relevance search.
    const relevance = [...(await page(near)).hits, ...(await page(`${near}&page=2`)).hits].map((h) => h.id);
    for (const d of new Set(km)) {
      const here = byDistance.filter((h) => h.distanceKm === d).map((h) => h.id);
      expect(here).toEqual(relevance.filter((id) => here.includes(id)));
    }
  });

  it("answers bad input with Italian messages, not errors", async () => {
    const unknown = await search("preselection", "comune=Paperopoli");
    expect(unknown.status).toBe(400);
    expect((unknown.body as Body).errors?.comune).toMatch(/Comune sconosciuto/);
    const sort = await search("preselection", "sort=distance");
    expect((sort.body as Body).errors?.comune).toMatch(/indica un comune/);
  });

  it("shows withdrawn consent to officers instead of hiding the CV", async () => {
    await withTransaction((trx) => setConsent(trx, SYSTEM_ACTOR, bergamo, false));
    await drainOutbox(getDb());
    const body = (await search("preselection", "q=Zyxwvqa")).body as Body;
    expect(body.result.hits).toMatchObject([{ id: bergamo, consentVisible: false }]);
    await withTransaction((trx) => setConsent(trx, SYSTEM_ACTOR, bergamo, true));
    await drainOutbox(getDb());
  });

  it("keeps the protected category invisible to preselection officers and usable by placement officers", async () => {
    const pre = (await search("preselection", "q=Qwzyxk&protected=none")).body as Body;
    expect(pre.result.facets.map((f) => f.param)).not.toContain("protected");
    expect(pre.result.hits.map((h) => h.id)).toEqual([protectedOne]); // the filter is ignored, not applied
    expect(pre.result.hits[0]).not.toHaveProperty("protectedCategory");

    const placement = (await search("placement", "q=Qwzyxk")).body as Body;
    expect(placement.result.hits[0].protectedCategory).toBe("art1");
    expect(placement.result.facets.find((f) => f.param === "protected")!.values).toEqual([
      expect.objectContaining({ value: "art1", count: 1 }),
    ]);
    expect((await search("placement", "q=Qwzyxk&protected=none")).body).toMatchObject({ result: { total: 0 } });
  });
});

describe("reindex with swap", () => {
  afterAll(async () => {
    await drainOutbox(getDb());
  });

  it("rebuilds from PostgreSQL into a new index, keeps serving searches and changes made meanwhile, then swaps", async () => {
    const meili = getMeili();
    const live = meili.index(indexUid("candidates"));
    // Drift the live index away from PostgreSQL: the rebuild must repair it.
    await live.addDocuments([{ id: "00000000-0000-4000-8000-000000000000", fullName: "Fantasma" }]).waitTask();
    const late = (await createTestCandidate({ "certificates.0.name": "Attestato Ritardatario" })).id;
    await drainOutbox(getDb());
    let searchesDuring = 0;
    let changed = false;
    const result = await reindex(getDb(), meili, "candidates", {
      batchSize: 2,
      onProgress: async () => {
        // Searches keep answering from the live index during the rebuild.
        const hits = await live.search("Zyxwvqa");
        expect(hits.hits.map((h) => h.id)).toContain(bergamo);
        searchesDuring++;
        if (!changed) {
          changed = true;
          await withTransaction((trx) => setConsent(trx, SYSTEM_ACTOR, late, false));
          await processOutboxOnce(getDb());
        }
      },
    });
    expect(searchesDuring).toBeGreaterThan(1);
    // Erased CVs (tombstones kept for the counts) have no document.
    const ids = (await getDb().selectFrom("candidates").select("id").where("erased_at", "is", null).orderBy("id").execute()).map(
      (r) => r.id,
    );
    expect(result.documents).toBe(ids.length);
    const { results } = await live.getDocuments({ limit: 10_000 });
    expect(results.map((d) => d.id).sort()).toEqual(ids);
    expect(results.find((d) => d.id === late)).toMatchObject({ consentVisible: false });
    const indexes = (await meili.getRawIndexes({ limit: 1000 })).results.map((i) => i.uid);
    expect(indexes.filter((uid) => uid.includes("__rebuild_"))).toEqual([]);
    expect(await getDb().selectFrom("search_reindex_targets").selectAll().execute()).toEqual([]);
    expect((await live.getSettings()).filterableAttributes).toContain("protectedCategory");
  });
});
