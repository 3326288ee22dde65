import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import * as employerRoute from "~/routes/azienda.rose.$shortlistId";
import * as registerList from "~/routes/operatore.registro._index";
import * as registerCsv from "~/routes/operatore.registro.csv";
import * as editRoute from "~/routes/operatore.registro.$deliveryId";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { createMatchCandidate, createMatchVacancy } from "../support/factories-shortlists";
import { callRoute, formErrorsOf } from "../support/routes";

let employerId: string;
let employerCookie: string;
let officerId: string;
let officer: string;
let shortlistId: string;
let rowId: string;

beforeAll(async () => {
  const db = getDb();
  employerId = (await createEmployer()).id;
  employerCookie = await cookieFor((await createUserWithRole("employer", { employerId })).id);
  officerId = (await createUserWithRole("preselection_officer")).id;
  officer = await cookieFor(officerId);
  const candidateId = await createMatchCandidate({ comune: "Brescia", preferences: ["6.5.1.1.1"], lastName: "Registro" });
  const vacancy = await createMatchVacancy({ employerId, comune: "Brescia", occupation: "6.5.1.1.1", positions: 1, status: "published" });
  shortlistId = (
    await db
      .insertInto("shortlists")
      .values({
        vacancy_id: vacancy.id,
        employer_id: employerId,
        title: "Rosa registro",
        status: "presented",
        presented_at: new Date(),
        presented_by: officerId,
        search_snapshot: "{}",
        results_snapshot: "[]",
        index_uid: "x",
        settings_version: 3,
        created_by: officerId,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  rowId = (
    await db
      .insertInto("shortlist_candidates")
      .values({
        shortlist_id: shortlistId,
        candidate_id: candidateId,
        rank: 1,
        score: 40,
        explanation: "{}",
        state: "presented",
        presented_at: new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  const { addAssessmentStep, recordAssessmentResult } = await import("~/domain/shortlists/assessment.server");
  const actor = { userId: officerId, role: "preselection_officer" as const, ip: "127.0.0.1" };
  await db.transaction().execute(async (trx) => {
    const stepId = await addAssessmentStep(trx, actor, {
      vacancyId: vacancy.id,
      kind: "interview",
      description: "Colloquio tecnico",
      representative: "Sig. Neri",
      sessionDate: null,
    });
    await recordAssessmentResult(trx, actor, { shortlistId, stepId, rowId, decision: "passed", justification: "Colloquio superato" });
  });
});

const fourD = (code: string) =>
  getDb()
    .selectFrom("service_deliveries")
    .select(["id", "minutes", "modality", "justification", "version"])
    .where("shortlist_id", "=", shortlistId)
    .where("standard_code", "=", code)
    .executeTakeFirstOrThrow();

describe("service register: the officer states the real time of an automatic 4D row", () => {
  it("the employer's selection writes 4D at 120 min; the officer corrects it to 90 min with a justification; the CSV shows it", async () => {
    const { version } = await getDb()
      .selectFrom("shortlist_candidates")
      .select("version")
      .where("id", "=", rowId)
      .executeTakeFirstOrThrow();
    const sel = await callRoute(
      employerRoute.action,
      request(`/azienda/rose/${shortlistId}`, {
        cookie: employerCookie,
        form: { intent: "feedback", rowId, version: String(version), decision: "selected" },
      }),
      { shortlistId },
    );
    expect(sel.status).toBe(302);
    const before = await fourD("4D-SELEZIONE");
    expect(before).toMatchObject({ minutes: 120, modality: "office", justification: null, version: 1 });

    const list = await callRoute(registerList.loader, request(`/operatore/registro?azienda=${employerId}`, { cookie: officer }));
    expect((list.body as { rows: { id: string; shortlist_id: string | null }[] }).rows.find((r) => r.id === before.id)?.shortlist_id).toBe(
      shortlistId,
    );

    const page = await callRoute(editRoute.loader, request(`/operatore/registro/${before.id}`, { cookie: officer }), {
      deliveryId: before.id,
    });
    expect(page.status).toBe(200);
    expect((page.body as { row: { minutes: number; min_minutes: number; max_minutes: number } }).row).toMatchObject({
      minutes: 120,
      min_minutes: 120,
      max_minutes: 360,
    });

    const post = (form: Record<string, string>) =>
      callRoute(editRoute.action, request(`/operatore/registro/${before.id}`, { cookie: officer, form }), { deliveryId: before.id });
    const noWhy = await post({ minutes: "90", modality: "remote", justification: "", version: "1" });
    expect(noWhy.status).toBe(400);
    expect(formErrorsOf(noWhy.body).justification).toMatch(/inferiore allo standard \(minimo 2 h\)/);
    const bad = await post({ minutes: "novanta", modality: "teletrasporto", version: "1" });
    expect(bad.status).toBe(400);
    expect(formErrorsOf(bad.body)).toMatchObject({ minutes: expect.stringMatching(/minuti/), modality: "Scegli la modalità" });
    expect(await fourD("4D-SELEZIONE")).toMatchObject({ minutes: 120, version: 1 });

    const ok = await post({
      minutes: "90",
      modality: "remote",
      justification: "Un solo candidato da valutare, colloquio in videochiamata",
      version: "1",
    });
    expect(ok.status).toBe(302);
    expect(await fourD("4D-SELEZIONE")).toMatchObject({
      minutes: 90,
      modality: "remote",
      justification: "Un solo candidato da valutare, colloquio in videochiamata",
      version: 2,
    });
    const audit = await getDb()
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "service_delivery.time_corrected")
      .where("entity_id", "=", before.id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({
      from: { minutes: 120, modality: "office", justification: null },
      to: { minutes: 90, modality: "remote" },
    });

    // A stale form (version 1) does not overwrite the correction.
    const stale = await post({ minutes: "150", modality: "office", justification: "", version: "1" });
    expect(stale.status).toBe(409);
    expect(await fourD("4D-SELEZIONE")).toMatchObject({ minutes: 90, version: 2 });

    const csv = (
      await callRoute(
        registerCsv.loader,
        request(`/operatore/registro/csv?azienda=${employerId}&servizio=4D-SELEZIONE`, { cookie: officer }),
      )
    ).body as string;
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/;4D-SELEZIONE;.*;90;A distanza;.*Un solo candidato da valutare/);
    expect(lines[2]).toMatch(/^TOTALE;1 servizio;.*;90;/);
    // The other 4D row keeps Rosa's minimum until the officer corrects it.
    expect(await fourD("4D-VERIFICA")).toMatchObject({ minutes: 120 });
  });

  it("refuses employers, manual rows and unknown ids without a 500", async () => {
    const d = await fourD("4D-VERIFICA");
    const asEmployer = await callRoute(
      editRoute.action,
      request(`/operatore/registro/${d.id}`, { cookie: employerCookie, form: { minutes: "150", modality: "office", version: "1" } }),
      { deliveryId: d.id },
    );
    expect(asEmployer.status).toBe(403);
    const manual = (
      await getDb()
        .insertInto("service_deliveries")
        .values({
          employer_id: employerId,
          standard_code: "4A",
          delivered_on: "2026-12-01",
          minutes: 45,
          modality: "company",
          officer_id: officerId,
          output: "Informazioni",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    expect(
      (await callRoute(editRoute.loader, request(`/operatore/registro/${manual}`, { cookie: officer }), { deliveryId: manual })).status,
    ).toBe(404);
    const manualPost = await callRoute(
      editRoute.action,
      request(`/operatore/registro/${manual}`, { cookie: officer, form: { minutes: "50", modality: "office", version: "1" } }),
      { deliveryId: manual },
    );
    expect(manualPost.status).toBe(409);
    expect(
      (await callRoute(editRoute.loader, request("/operatore/registro/nonunid", { cookie: officer }), { deliveryId: "nonunid" })).status,
    ).toBe(404);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(
      (
        await callRoute(
          editRoute.action,
          request(`/operatore/registro/${unknown}`, { cookie: officer, form: { minutes: "150", modality: "office", version: "1" } }),
          { deliveryId: unknown },
        )
      ).status,
    ).toBe(404);
  });
});
