import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { loader } from "~/routes/operatore.candidati._index";
import { enqueueSearchSync } from "../../search/outbox.server";
import { drainOutbox } from "../../search/sync.server";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { createTestCandidate } from "../support/factories-candidates";
import { insertOutplacementEvent } from "../support/factories-outplacement";
import { callRoute } from "../support/routes";
import { todayInItaly, addDays } from "~/utils/dates";

type Hit = { id: string; outplacement: { events: { id: string; title: string }[]; priorityTo: string } | null };
type Body = { result: { total: number; hits: Hit[]; facets: { param: string; values: { value: string; count: number }[] }[] } };

let cookie: string;
let eventId: string;
const cohort: string[] = [];
let expired: string;
const others: string[] = [];
const today = todayInItaly();
const windowEnd = addDays(today, 150);

const search = async (qs: string) => {
  const res = await callRoute(loader, request(`/operatore/candidati?${qs}`, { cookie }));
  expect(res.status).toBe(200);
  return res.body as Body;
};

let members = 0;
async function addMember(candidateId: string, from: string, to: string) {
  await getDb()
    .insertInto("outplacement_members")
    .values({
      event_id: eventId,
      candidate_id: candidateId,
      codice_fiscale: `RSSMRA80A01F${String(++members).padStart(4, "0")}`,
      first_name: "Mario",
      last_name: "Rossi",
      situation: "dismissed",
      priority_from: from,
      priority_to: to,
    })
    .execute();
}

beforeAll(async () => {
  cookie = await cookieFor((await createUserWithRole("preselection_officer")).id);
  eventId = (await insertOutplacementEvent((await createEmployer()).id, { state: "agreement_signed" })).id;
  // Five candidates share a rare skill: two in the cohort's priority window, one whose window is over, two never in a cohort.
  for (let i = 0; i < 5; i++) {
    const { id } = await createTestCandidate({ "certificates.0.name": "Attestato Zqroplx", firstName: `Prova${i}` });
    if (i < 2) cohort.push(id);
    else if (i === 2) expired = id;
    else others.push(id);
  }
  await addMember(cohort[0], addDays(today, -30), windowEnd);
  await addMember(cohort[1], addDays(today, -10), addDays(today, 100));
  await addMember(expired, addDays(today, -400), addDays(today, -200));
  await withTransaction((trx) => enqueueSearchSync(trx, "candidates", [...cohort, expired, ...others]));
  await drainOutbox(getDb());
});

describe("«ricollocazione» priority in the officer's candidate search", () => {
  it("filters exactly the cohort workers in their priority window, with exact counts and the badge", async () => {
    const all = await search("q=Zqroplx");
    expect(all.result.total).toBe(5);
    const only = await search("q=Zqroplx&outplacement=on");
    expect(only.result.total).toBe(2);
    expect(only.result.hits.map((h) => h.id).sort()).toEqual([...cohort].sort());
    // Facet counts are of the same cohort set.
    const consent = only.result.facets.find((f) => f.param === "consent")!;
    expect(consent.values.reduce((n, v) => n + v.count, 0)).toBe(2);
    const first = only.result.hits.find((h) => h.id === cohort[0])!;
    expect(first.outplacement).toEqual({
      events: [{ id: eventId, title: "Riduzione di personale stabilimento di Milano" }],
      priorityTo: windowEnd,
    });
    // An ended window and non-members carry no badge.
    for (const h of all.result.hits.filter((x) => !cohort.includes(x.id))) expect(h.outplacement).toBeNull();
  });

  it("sorts the cohort workers first, latest-ending window first, without changing the count", async () => {
    const sorted = await search("q=Zqroplx&sort=outplacement");
    expect(sorted.result.total).toBe(5);
    expect(sorted.result.hits.slice(0, 2).map((h) => h.id)).toEqual(cohort);
    expect(sorted.result.hits.slice(2).map((h) => h.id)).toEqual(expect.arrayContaining([expired, ...others]));
  });

  it("refuses a bad value with an Italian message", async () => {
    const res = await callRoute(loader, request(`/operatore/candidati?outplacement=si`, { cookie }));
    expect(res.status).toBe(400);
    expect((res.body as { errors: Record<string, string> }).errors.outplacement).toMatch(/Valore non valido/);
  });
});
