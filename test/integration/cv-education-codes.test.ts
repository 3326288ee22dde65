import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { createCandidate, updateCandidate } from "~/domain/candidates/commands.server";
import { CSV_COLUMNS } from "~/domain/candidates/csv";
import { studyOfEqf } from "~/domain/candidates/education";
import { startCandidateImport } from "~/domain/candidates/import.server";
import { getCandidateSections } from "~/domain/candidates/queries.server";
import { DomainError } from "~/domain/errors";
import { loadMatchVacancy, runMatch } from "~/domain/matching/search.server";
import { loader as searchLoader } from "~/routes/operatore.candidati._index";
import { loader as lookupLoader } from "~/routes/api.codici-unilav";
import { drainOutbox } from "../../search/sync.server";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { candidateInput, createTestCandidate, SYSTEM_ACTOR, uniquePersonTaxCode } from "../support/factories-candidates";
import { createMatchCandidate, createMatchVacancy, indexPending } from "../support/factories-shortlists";
import { callRoute } from "../support/routes";

/** The CV's titles of study in the ministerial codes (docs/legal/national-systems.md, «Titoli di studio nel CV»). */
let officerId: string;
beforeAll(async () => {
  officerId = (await createUserWithRole("preselection_officer")).id;
});

describe("a CV's titles of study: ministerial level and title", () => {
  it("stores level and title, shows the official label, and refuses a title unknown or of another level", async () => {
    const { id } = await createTestCandidate({
      "education.0.title": "Laurea magistrale in economia",
      "education.0.studyLevel": "7",
      "education.0.studyTitle": "74000000 — Laurea specialistica",
      "education.1.title": "Diploma di ragioneria",
      "education.1.studyLevel": "4",
      "education.1.year": "1999",
    });
    const sections = await getCandidateSections(getDb(), id);
    expect(sections.education.map((e) => [e.study_level, e.study_title_code, e.title])).toEqual([
      [7, "74000000", "Laurea magistrale in economia"],
      [4, null, "Diploma di ragioneria"],
    ]);
    expect(sections.education[0]!.study_title_label).toMatch(/^Laurea specialistica - nuovo ordinamento/i);

    const version = (await getDb().selectFrom("candidates").select("version").where("id", "=", id).executeTakeFirstOrThrow()).version;
    const update = (overrides: Record<string, string>) =>
      withTransaction((trx) =>
        updateCandidate(
          trx,
          SYSTEM_ACTOR,
          { ...candidateInput(overrides), candidateId: id, version },
          { bySelf: false, canSetProtectedCategory: false },
        ),
      );
    const refused = async (overrides: Record<string, string>) => {
      const e = await update(overrides).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(DomainError);
      return [(e as DomainError).field, (e as DomainError).message];
    };
    expect(await refused({ "education.0.studyLevel": "4", "education.0.studyTitle": "74000000" })).toEqual([
      "education.0.studyTitle",
      "Il titolo scelto non è del livello indicato: scegli un titolo di quel livello o cambia il livello",
    ]);
    expect(await refused({ "education.0.studyLevel": "4", "education.0.studyTitle": "49999999" })).toEqual([
      "education.0.studyTitle",
      "Titolo di studio 49999999 sconosciuto: sceglilo dall'elenco ministeriale",
    ]);
    await update({ "education.0.studyLevel": "4", "education.0.studyTitle": "40200000" });
    expect((await getCandidateSections(getDb(), id)).education.map((e) => [e.study_level, e.study_title_code])).toEqual([[4, "40200000"]]);
    // The database refuses a title of another level even past the server's check.
    await expect(
      getDb().updateTable("candidate_education").set({ study_title_code: "71000000" }).where("candidate_id", "=", id).execute(),
    ).rejects.toThrow(/candidate_education_title_of_level/);
  });

  it("the form's title lookup offers only the titles of the level chosen", async () => {
    const lookup = async (qs: string) =>
      ((await callRoute(lookupLoader, request(`/api/codici-unilav?${qs}`))).body as { options: { label: string }[] }).options.map((o) =>
        o.label.slice(0, 8),
      );
    const all = await lookup("elenco=titoli&q=laurea");
    expect(all.some((c) => c.startsWith("7"))).toBe(true);
    const level4 = await lookup("elenco=titoli&q=diploma&livello=4");
    expect(level4.length).toBeGreaterThan(0);
    expect(level4.every((c) => c.startsWith("4"))).toBe(true);
    expect(await lookup("elenco=titoli&q=laurea&livello=2")).toEqual([]);
  });

  it("the CSV import takes livello_studio and codice_titolo_studio, and converts an older file's livello_eqf", async () => {
    const row = (o: Record<string, string>) => ({
      codice_fiscale: uniquePersonTaxCode(),
      nome: "Luca",
      cognome: "Galli",
      data_nascita: "15/06/1990",
      comune_domicilio: "Torino (TO)",
      propensione_1_professione: "4.3.1.2.0",
      propensione_1_fonte: "lavoro",
      ...o,
    });
    const rows = [
      row({ titolo_studio: "Laurea in lettere", livello_studio: "7", codice_titolo_studio: "71000000" }),
      row({ titolo_studio: "Laurea in lettere (vecchio ordinamento)", livello_eqf: "7" }),
      row({ titolo_studio: "Licenza media", livello_eqf: "2" }),
      row({ titolo_studio: "Diploma", livello_studio: "4", codice_titolo_studio: "71000000" }),
    ];
    const text = [CSV_COLUMNS.join(";"), ...rows.map((r) => CSV_COLUMNS.map((c) => (r as Record<string, string>)[c] ?? "").join(";"))].join(
      "\n",
    );
    const { importId, done } = await startCandidateImport(
      getDb(),
      { userId: officerId, role: "preselection_officer", ip: "127.0.0.1" },
      { name: "titoli.csv", text },
      { canSetProtectedCategory: false },
    );
    await done;
    const job = await getDb().selectFrom("candidate_imports").selectAll().where("id", "=", importId).executeTakeFirstOrThrow();
    // One bad row fails the file: the report names the column.
    expect(job.status).toBe("failed");
    expect(String(job.error_report)).toMatch(/"5";"[A-Z0-9]{16}";"codice_titolo_studio";"Il titolo scelto non è del livello indicato/);
    const { done: retried } = await startCandidateImport(
      getDb(),
      { userId: officerId, role: "preselection_officer", ip: "127.0.0.1" },
      { name: "titoli.csv", text: text.split("\n").slice(0, 4).join("\n") },
      { canSetProtectedCategory: false },
    );
    await retried;
    const stored = await getDb()
      .selectFrom("candidate_education as e")
      .innerJoin("candidates as c", "c.id", "e.candidate_id")
      .select(["c.tax_code", "e.study_level", "e.study_title_code"])
      .where(
        "c.tax_code",
        "in",
        rows.map((r) => r.codice_fiscale),
      )
      .execute();
    const of = (i: number) => stored.find((s) => s.tax_code === rows[i]!.codice_fiscale);
    expect([of(0), of(1), of(2)].map((s) => [s?.study_level, s?.study_title_code])).toEqual([
      [7, "71000000"],
      [7, "72000000"],
      [2, null],
    ]);
    expect(of(3)).toBeUndefined();
  });
});

describe("matching and searching the titles of study", () => {
  const OCC = "2.5.1.4.1";
  let ids: Record<string, string> = {};
  let vacancyId: string;
  beforeAll(async () => {
    // CVs as the migration left them (from an EQF level and the person's words), each with a unique certificate to find it by.
    const migrated = (eqf: number, title: string) => {
      const s = studyOfEqf(eqf, title)!;
      return { level: s.studyLevel, title: s.studyTitleCode };
    };
    ids = {
      triennale: await createMatchCandidate({ comune: "Sondrio", preferences: [OCC], study: migrated(6, "Laurea in economia") }),
      magistrale: await createMatchCandidate({ comune: "Sondrio", preferences: [OCC], study: migrated(7, "Laurea magistrale") }),
      master: await createMatchCandidate({ comune: "Sondrio", preferences: [OCC], study: migrated(7, "Master di I livello") }),
      diploma: await createMatchCandidate({ comune: "Sondrio", preferences: [OCC], study: migrated(4, "Diploma di ragioneria") }),
      media: await createMatchCandidate({ comune: "Sondrio", preferences: [OCC], study: migrated(2, "Licenza media") }),
    };
    await indexPending();
    const employer = await createEmployer();
    vacancyId = (
      await createMatchVacancy({
        employerId: employer.id,
        comune: "Sondrio",
        occupation: OCC,
        radiusKm: 10,
        requirements: [
          { kind: "education", priority: "must", educationLevel: "bachelor" },
          { kind: "education", priority: "nice", educationLevel: "master" },
          { kind: "education", priority: "nice", educationLevel: "lower_secondary" },
        ],
      })
    ).id;
  });

  it("an education requirement is met by the migrated CVs exactly as by their stored EQF", async () => {
    const v = (await loadMatchVacancy(getDb(), vacancyId))!;
    const result = await runMatch(v, { cvObsoleteMonths: 6, selfApplied: [] });
    const statuses = (id: string) => result.hits.find((h) => h.id === id)?.explanation.requirements.map((r) => r.status);
    // Laurea (EQF 6) must; laurea magistrale (EQF 7) nice; licenza media (EQF 1) nice.
    expect(statuses(ids.triennale!)).toEqual(["met", "missing", "met"]);
    expect(statuses(ids.magistrale!)).toEqual(["met", "met", "met"]);
    expect(statuses(ids.master!)).toEqual(["met", "met", "met"]);
    // The must-have excludes the others (the diploma, EQF 4; the licenza media, stored as EQF 2, now EQF 1).
    expect(result.hits.map((h) => h.id)).not.toContain(ids.diploma);
    expect(result.hits.map((h) => h.id)).not.toContain(ids.media);
  });

  it("the officer's «titolo di studio» filter is the highest ministerial level, with its label", async () => {
    const cookie = await cookieFor(officerId);
    const uniq = `Attestato Zqxlevel${Date.now().toString(36)}`;
    const a = (await createTestCandidate({ "certificates.0.name": uniq, "education.0.studyLevel": "9", "education.0.title": "Master" })).id;
    const b = (await createTestCandidate({ "certificates.0.name": uniq, "education.0.studyLevel": "4" })).id;
    await drainOutbox(getDb());
    type Body = {
      result: {
        hits: { id: string; studyLevel: number; educationLevel: number }[];
        facets: { param: string; values: { value: string; label: string; count: number }[] }[];
      };
    };
    const search = async (qs: string) =>
      (await callRoute(searchLoader, request(`/operatore/candidati?q=${encodeURIComponent(uniq)}${qs}`, { cookie }))).body as Body;
    const all = await search("");
    expect(all.result.hits.map((h) => h.id).sort()).toEqual([a, b].sort());
    expect(all.result.hits.find((h) => h.id === a)).toMatchObject({ studyLevel: 9, educationLevel: 7 });
    const facet = all.result.facets.find((f) => f.param === "education")!;
    expect(facet.values).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ value: "9", label: "Master universitario di primo livello", count: 1 }),
        expect.objectContaining({ value: "4", count: 1 }),
      ]),
    );
    expect((await search("&education=9")).result.hits.map((h) => h.id)).toEqual([a]);
    expect((await search("&education=4&education=7")).result.hits.map((h) => h.id)).toEqual([b]);
  });
});

describe("UNILAV level of education from the CV", () => {
  it("is the CV's highest ministerial title, in the ClicLavoro 2 digits", async () => {
    const { id } = await createTestCandidate({
      "education.0.studyLevel": "7",
      "education.0.studyTitle": "71000000",
      "education.0.title": "Laurea",
      "education.1.studyLevel": "4",
      "education.1.title": "Diploma",
    });
    const { cvUnilavEducationLevels, workerEducationLevelOf } = await import("~/domain/shortlists/hire-unilav.server");
    expect((await cvUnilavEducationLevels(getDb(), [id])).get(id)).toBe("70");
    // A hire that recorded a level keeps it; one that did not exports the CV's.
    const cv = [
      { studyLevel: 4, studyTitleCode: null },
      { studyLevel: 7, studyTitleCode: "71000000" },
    ];
    expect(workerEducationLevelOf({ worker_education_level: null, cv_education: cv })).toBe("70");
    expect(workerEducationLevelOf({ worker_education_level: "40", cv_education: cv })).toBe("40");
    const input = candidateInput({ "education.0.studyLevel": "0", "education.0.title": "Nessun titolo" });
    const none = await withTransaction((trx) => createCandidate(trx, SYSTEM_ACTOR, input, { canSetProtectedCategory: false }));
    expect((await cvUnilavEducationLevels(getDb(), [none])).get(none)).toBeNull();
  });
});
