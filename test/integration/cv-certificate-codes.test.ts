import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { getCandidateSections } from "~/domain/candidates/queries.server";
import { loadMatchVacancy, runMatch } from "~/domain/matching/search.server";
import * as selfEdit from "~/routes/candidato.modifica";
import { createEmployer, request } from "../support/factories";
import { candidateForm, createCandidateWithAccount, createTestCandidate } from "../support/factories-candidates";
import { createMatchCandidate, createMatchVacancy, indexPending } from "../support/factories-shortlists";
import { callRoute, formErrorsOf } from "../support/routes";

/** A CV certificate naming the official patentino or albo (docs/legal/national-systems.md#cv-codes). */
describe("a CV certificate with a patentino or albo code", () => {
  it("is stored with its code and read back; without words it takes the official label", async () => {
    const { id } = await createTestCandidate({
      "certificates.0.name": "Conduzione caldaie",
      "certificates.0.official": "patentino:07",
      "certificates.0.expiresOn": "2030-06-30",
      "certificates.1.official": "albo:0001",
      "certificates.2.name": "HACCP",
    });
    const { certificates } = await getCandidateSections(getDb(), id);
    expect(certificates.map((c) => [c.name, c.patentino_code, c.albo_code, c.expires_on])).toEqual([
      ["Biologo", null, "0001", null],
      ["Conduzione caldaie", "07", null, "2030-06-30"],
      ["HACCP", null, null, null],
    ]);
    // The database keeps the format and at most one of the two, past the server's check.
    const set = (v: { patentino_code?: string; albo_code?: string }) =>
      getDb().updateTable("candidate_certificates").set(v).where("candidate_id", "=", id).where("name", "=", "HACCP").execute();
    await expect(set({ patentino_code: "07", albo_code: "0001" })).rejects.toThrow(/candidate_certificates_one_code/);
    await expect(set({ albo_code: "1" })).rejects.toThrow(/check constraint/);
  });

  it("an unlisted code is refused with an Italian message by the field, and what was typed comes back", async () => {
    const me = await createCandidateWithAccount();
    const before = (await getCandidateSections(getDb(), me.id)).certificates;
    const outcome = await callRoute(
      selfEdit.action,
      request("/candidato/modifica", {
        cookie: me.cookie,
        form: { ...candidateForm(), "certificates.0.name": "Caldaie", "certificates.0.official": "patentino:99" },
      }),
    );
    expect(outcome.status).toBe(400);
    expect(formErrorsOf(outcome.body)["certificates.0.official"]).toBe("Scegli il patentino o l'albo dall'elenco ministeriale");
    const values = (outcome.body as { result: { initialValue: { certificates: { name: string; official: string }[] } } }).result
      .initialValue;
    expect(values.certificates[0]).toMatchObject({ name: "Caldaie", official: "patentino:99" });
    expect((await getCandidateSections(getDb(), me.id)).certificates).toEqual(before);
  });
});

describe("matching a vacancy's patentino requirement", () => {
  const OCC = "7.4.2.3.0";
  const people: Record<string, string> = {};
  let vacancyId = "";
  beforeAll(async () => {
    const cv = (certificates: string[]) => createMatchCandidate({ comune: "Mantova", preferences: [OCC], certificates });
    people.byCode = await cv(["Conduttore di generatori di vapore"]);
    people.byWords = await cv(["Patentino impianti termici"]);
    people.none = await cv(["HACCP"]);
    await getDb().updateTable("candidate_certificates").set({ patentino_code: "07" }).where("candidate_id", "=", people.byCode).execute();
    await getDb().insertInto("search_outbox").values({ index_uid: "candidates", document_id: people.byCode }).execute();
    await indexPending();
    const employer = await createEmployer();
    vacancyId = (
      await createMatchVacancy({
        employerId: employer.id,
        comune: "Mantova",
        occupation: OCC,
        radiusKm: 10,
        requirements: [{ kind: "certificate", priority: "must", patentinoCode: "07", description: "Impianti termici" }],
      })
    ).id;
  });

  it("is met by the same code whatever the CV's words, or by the words as before; the explanation says which", async () => {
    const result = await runMatch((await loadMatchVacancy(getDb(), vacancyId))!, { cvObsoleteMonths: 6 });
    const byId = new Map(result.hits.map((h) => [h.id, h.explanation.requirements[0]]));
    expect([...byId.keys()].sort()).toEqual([people.byCode, people.byWords].sort());
    expect(byId.get(people.byCode)).toMatchObject({ status: "met", metBy: "code" });
    expect(byId.get(people.byWords)).toMatchObject({ status: "met", metBy: "words" });
  });
});
