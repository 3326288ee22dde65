import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { loadMatchVacancy, runMatch, type MatchResult } from "~/domain/matching/search.server";
import { addDays, todayInItaly } from "~/utils/dates";
import { enqueueSearchSync } from "../../search/outbox.server";
import { createEmployer } from "../support/factories";
import { insertOutplacementEvent } from "../support/factories-outplacement";
import { createMatchCandidate, createMatchVacancy, indexPending } from "../support/factories-shortlists";

// Welders around Pavia: the same score for everyone, so the order is the CV freshness.
const OCC = "6.2.1.2.0";
const DAY = 86_400_000;
const at = (n: number) => new Date(Date.now() - n * DAY);
const today = todayInItaly();
let people: Record<string, string> = {};
let vacancyId: string;
let employerId: string;
const ids = (r: MatchResult) => r.hits.map((h) => h.id);
let n = 0;

async function addMember(eventId: string, candidateId: string) {
  await getDb()
    .insertInto("outplacement_members")
    .values({
      event_id: eventId,
      candidate_id: candidateId,
      codice_fiscale: `BRMSRG70A01F${String(++n).padStart(4, "0")}`,
      first_name: "Sergio",
      last_name: "Brambilla",
      situation: "dismissed",
      dismissal_on: addDays(today, -60),
      priority_from: addDays(today, -90),
      priority_to: addDays(today, 300),
    })
    .execute();
}

beforeAll(async () => {
  people = {
    a: await createMatchCandidate({ comune: "Pavia", preferences: [OCC], cvUpdatedAt: at(1) }),
    b: await createMatchCandidate({ comune: "Pavia", preferences: [OCC], cvUpdatedAt: at(2) }),
    other: await createMatchCandidate({ comune: "Pavia", preferences: [OCC], cvUpdatedAt: at(3) }),
    own: await createMatchCandidate({ comune: "Pavia", preferences: [OCC], cvUpdatedAt: at(4) }),
  };
  employerId = (await createEmployer()).id;
  const elsewhere = (await createEmployer()).id;
  // «own» was dismissed by the vacancy's employer two months ago; «other» by another employer.
  await addMember((await insertOutplacementEvent(employerId, { state: "agreement_signed" })).id, people.own);
  await addMember((await insertOutplacementEvent(elsewhere, { state: "agreement_signed" })).id, people.other);
  await withTransaction((trx) => enqueueSearchSync(trx, "candidates", Object.values(people)));
  await indexPending();
  vacancyId = (await createMatchVacancy({ employerId, comune: "Pavia", occupation: OCC, radiusKm: 20 })).id;
});

describe("«ricollocazione» on the vacancy matching page", () => {
  it("counts the cohort workers among the results and, when asked, lists them first on both retrieval paths", async () => {
    const v = (await loadMatchVacancy(getDb(), vacancyId))!;
    const plain = await runMatch(v, { cvObsoleteMonths: 6, withControls: true, employerId });
    expect(ids(plain)).toEqual([people.a, people.b, people.other, people.own]);
    expect(plain.controls!.cohort).toBe(2);
    for (const fetchAll of [undefined, 0]) {
      const first = await runMatch(v, { cvObsoleteMonths: 6, fetchAll, employerId, options: { cohortFirst: true } });
      expect(first.total).toBe(4);
      expect(ids(first)).toEqual([people.other, people.own, people.a, people.b]);
      const pages = await Promise.all(
        [1, 2].map((page) => runMatch(v, { cvObsoleteMonths: 6, limit: 1, fetchAll, options: { cohortFirst: true, page } })),
      );
      expect(pages.flatMap(ids)).toEqual([people.other, people.own]);
    }
  });

  it("explains the priority in Italian: no precedence with other employers, re-hiring precedence with the dismissing one", async () => {
    const v = (await loadMatchVacancy(getDb(), vacancyId))!;
    const r = await runMatch(v, { cvObsoleteMonths: 6, withControls: true, employerId, options: { cohortFirst: true } });
    const by = new Map(r.hits.map((h) => [h.id, h]));
    expect(by.get(people.a)!.outplacement).toBeUndefined();
    expect(by.get(people.other)!.outplacement).toEqual({
      rehire: false,
      text: "In ricollocazione (evento «Riduzione di personale stabilimento di Milano»): nessuna precedenza di legge presso altri datori di lavoro; la precedenza di 6 mesi vale solo per la riassunzione presso l'azienda che ha licenziato.",
    });
    const own = by.get(people.own)!.outplacement!;
    expect(own.rehire).toBe(true);
    expect(own.text).toMatch(
      /^In ricollocazione \(evento «Riduzione di personale stabilimento di Milano»\): l'azienda dell'offerta è quella che ha licenziato il lavoratore il \d\d\/\d\d\/\d{4}; si applica la precedenza nella riassunzione/,
    );
    // The score explanation is the one of any other candidate.
    expect(by.get(people.own)!.explanation.score).toBe(by.get(people.a)!.explanation.score);
  });
});
