import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import * as lookup from "~/routes/api.codici-unilav";
import * as apiVacancy from "~/routes/api.v1.offerte.$vacancyId";
import * as employerRosa from "~/routes/azienda.rose.$shortlistId";
import * as employerDetail from "~/routes/azienda.offerte.$vacancyId._index";
import * as employerEdit from "~/routes/azienda.offerte.$vacancyId.modifica";
import * as employerNew from "~/routes/azienda.offerte.nuova";
import * as hirePage from "~/routes/operatore.assunzioni.$hireId";
import * as officerDetail from "~/routes/operatore.offerte.$vacancyId";
import { publicBaseUrl } from "~/web/action.server";
import { openApiDocument } from "~/web/openapi.server";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { createMatchCandidate, createMatchVacancy } from "../support/factories-shortlists";
import { insertVacancy, vacancyForm } from "../support/factories-vacancies";
import { callRoute, formErrorsOf } from "../support/routes";

/**
 * The CNEL code of the CCNL beside the CO code (docs/legal/national-systems.md, «CCNL: codice CO e codice CNEL»): saved
 * and read back on vacancies and hires, refused with an Italian message when it is not in the CNEL table, never a 500.
 */

let employerId: string;
let employerCookie: string;
let officer: string;
let officerId: string;

beforeAll(async () => {
  employerId = (await createEmployer()).id;
  employerCookie = await cookieFor((await createUserWithRole("employer", { employerId, employerRole: "legal_rep" })).id);
  const o = await createUserWithRole("preselection_officer");
  officerId = o.id;
  officer = await cookieFor(o.id);
});

const vacancyRow = (id: string) => getDb().selectFrom("vacancies").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const newVacancy = (form: Record<string, string>) =>
  callRoute(employerNew.action, request("/azienda/offerte/nuova", { cookie: employerCookie, form: vacancyForm(form) }));

describe("the CNEL code on a vacancy", () => {
  it("is saved from the lookup's text, shown to the employer and the officer, and kept on the edit form", async () => {
    const created = await newVacancy({ ccnlCnel: "E015 — CCNL Area Alimentazione-Panificazione (CNA Agroalimentare…)" });
    expect(created.status).toBe(302);
    const id = created.location!.split("/").pop()!;
    const row = await vacancyRow(id);
    expect([row.ccnl_code, row.ccnl_cnel_code]).toEqual(["176", "E015"]);

    const mine = await callRoute(employerDetail.loader, request(`/azienda/offerte/${id}`, { cookie: employerCookie }), { vacancyId: id });
    expect((mine.body as { view: { ccnlCnel: string; ccnlCnelLabel: string } }).view).toMatchObject({
      ccnlCnel: "E015",
      ccnlCnelLabel: "E015 — CCNL Area Alimentazione-Panificazione",
    });
    const edit = await callRoute(employerEdit.loader, request(`/azienda/offerte/${id}/modifica`, { cookie: employerCookie }), {
      vacancyId: id,
    });
    expect((edit.body as { values: { ccnlCnel: string } }).values.ccnlCnel).toBe("E015 — CCNL Area Alimentazione-Panificazione");

    // Submitted, the officer sees it too.
    await getDb().updateTable("vacancies").set({ status: "submitted", submitted_at: new Date() }).where("id", "=", id).execute();
    const theirs = await callRoute(officerDetail.loader, request(`/operatore/offerte/${id}`, { cookie: officer }), { vacancyId: id });
    expect(theirs.status).toBe(200);
    expect((theirs.body as { view: { ccnlCnel: string } }).view.ccnlCnel).toBe("E015");

    // Back to a draft: changed on edit, then emptied (the column goes back to null).
    await getDb().updateTable("vacancies").set({ status: "draft", submitted_at: null }).where("id", "=", id).execute();
    const edit2 = (form: Record<string, string>) =>
      vacancyRow(id).then((r) =>
        callRoute(
          employerEdit.action,
          request(`/azienda/offerte/${id}/modifica`, {
            cookie: employerCookie,
            form: vacancyForm({ ...form, version: String(r.version) }),
          }),
          { vacancyId: id },
        ),
      );
    expect((await edit2({ ccnl: "011", ccnlCnel: "A012" })).status).toBe(302);
    expect((await vacancyRow(id)).ccnl_cnel_code).toBe("A012");
    expect((await edit2({ ccnlCnel: "" })).status).toBe(302);
    expect((await vacancyRow(id)).ccnl_cnel_code).toBeNull();
  });

  it("refuses a malformed or unknown code and one beside «ND», in Italian, storing nothing", async () => {
    const before = await getDb().selectFrom("vacancies").select("id").where("employer_id", "=", employerId).execute();
    const malformed = await newVacancy({ ccnlCnel: "E1" });
    expect(malformed.status).toBe(400);
    expect(formErrorsOf(malformed.body).ccnlCnel).toBe("Codice CNEL non valido: 4 lettere o cifre (es. E015); sceglilo dall'elenco");
    const unknown = await newVacancy({ ccnlCnel: "ZZZZ" });
    expect(unknown.status).toBe(400);
    expect(formErrorsOf(unknown.body).ccnlCnel).toMatch(/^Codice CNEL sconosciuto/);
    const nd = await newVacancy({ ccnl: "ND", ccnlCnel: "E015" });
    expect(nd.status).toBe(400);
    expect(formErrorsOf(nd.body).ccnlCnel).toMatch(/non si applica alcun contratto \(ND\)/);
    const after = await getDb().selectFrom("vacancies").select("id").where("employer_id", "=", employerId).execute();
    expect(after).toHaveLength(before.length);
  });

  it("is in the open API's vacancy JSON, valid for the published document", async () => {
    const v = await insertVacancy(employerId, { status: "published" });
    await getDb().updateTable("vacancies").set({ ccnl_code: "011", ccnl_cnel_code: "A012" }).where("id", "=", v.id).execute();
    const response = (await apiVacancy.loader({
      request: new Request(`http://localhost/api/v1/offerte/${v.id}`),
      params: { vacancyId: v.id },
      context: {},
    } as never)) as Response;
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ ccnl: "011", ccnlCnel: "A012" });
    const doc = openApiDocument(publicBaseUrl()) as unknown as {
      paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: object }> }> } }>;
      components: object;
    };
    const schema = doc.paths["/api/v1/offerte/{vacancyId}"]!.get.responses["200"]!.content["application/json"]!.schema;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile({ ...schema, components: doc.components });
    expect(validate(body), ajv.errorsText(validate.errors)).toBe(true);
    expect(validate({ ...body, ccnlCnel: "E15" })).toBe(false);
  });
});

describe("the CNEL lookup", () => {
  it("suggests the contracts of the CO code's sector first, and answers empty to bad queries", async () => {
    const res = await callRoute(lookup.loader, request("/api/codici-unilav?elenco=cnel&q=operai%20agricoli&co=011%20%E2%80%94%20C.c.n.l."));
    const options = (res.body as { options: { label: string; matched?: string }[] }).options;
    expect(options.length).toBeGreaterThan(0);
    expect(options[0]!.matched).toBe("settore del CCNL indicato");
    const free = await callRoute(lookup.loader, request("/api/codici-unilav?elenco=cnel&q=E015"));
    expect((free.body as { options: { label: string }[] }).options[0]!.label).toMatch(/^E015 — CCNL Area Alimentazione-Panificazione/);
    const bad = await callRoute(lookup.loader, request("/api/codici-unilav?elenco=nessuno&q=xx"));
    expect(bad.body).toEqual({ options: [] });
  });
});

/** A presented rosa of one person on a vacancy of the employer, whose CCNL is given. */
async function presentedRow(vacancyCcnl: { ccnl_code: string | null; ccnl_cnel_code: string | null }) {
  const candidateId = await createMatchCandidate({ comune: "Cremona", lastName: "Cnel" });
  const vacancyId = (await createMatchVacancy({ employerId, comune: "Cremona", positions: 2, status: "in_preselection" })).id;
  await getDb().updateTable("vacancies").set(vacancyCcnl).where("id", "=", vacancyId).execute();
  const s = await getDb()
    .insertInto("shortlists")
    .values({
      vacancy_id: vacancyId,
      employer_id: employerId,
      title: "Rosa CNEL",
      status: "presented",
      presented_at: new Date(),
      presented_by: officerId,
      search_snapshot: JSON.stringify({ conditions: [], filter: "", sort: [], relaxed: [], total: 1 }),
      results_snapshot: "[]",
      index_uid: "rosa_candidates",
      settings_version: 2,
      created_by: officerId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const row = await getDb()
    .insertInto("shortlist_candidates")
    .values({
      shortlist_id: s.id,
      candidate_id: candidateId,
      rank: 1,
      score: 1,
      explanation: "{}",
      state: "presented",
      presented_at: new Date(),
    })
    .returning(["id", "version"])
    .executeTakeFirstOrThrow();
  return { shortlistId: s.id, row, vacancyId };
}

const hireForm = (rowId: string, version: number, over: Record<string, string> = {}) => ({
  intent: "hire",
  rowId,
  version: String(version),
  contractType: "A.01.00",
  startDate: "2027-02-01",
  workingTime: "F",
  ccnl: "176 — Panettieri artigiani.",
  contractLevel: "A3",
  qualification: "6.5.1.2.1.2",
  workComune: "Cremona (CR)",
  ...over,
});

describe("the CNEL code on a hire", () => {
  it("the hire form starts from the vacancy's CCNL, saves the CNEL code and the hire list shows it", async () => {
    const { shortlistId, row, vacancyId } = await presentedRow({ ccnl_code: "176", ccnl_cnel_code: "E015" });
    const page = await callRoute(employerRosa.loader, request(`/azienda/rose/${shortlistId}`, { cookie: employerCookie }), { shortlistId });
    expect(JSON.stringify(page.body)).toContain('"ccnlCnel":"E015 — CCNL Area Alimentazione-Panificazione"');

    const bad = await callRoute(
      employerRosa.action,
      request(`/azienda/rose/${shortlistId}`, { cookie: employerCookie, form: hireForm(row.id, row.version, { ccnlCnel: "ZZZZ" }) }),
      { shortlistId },
    );
    expect(bad.status).toBe(400);
    expect(formErrorsOf(bad.body).ccnlCnel).toMatch(/^Codice CNEL sconosciuto/);
    const nd = await callRoute(
      employerRosa.action,
      request(`/azienda/rose/${shortlistId}`, {
        cookie: employerCookie,
        form: hireForm(row.id, row.version, { ccnl: "ND", ccnlCnel: "E015" }),
      }),
      { shortlistId },
    );
    expect(nd.status).toBe(400);
    expect(formErrorsOf(nd.body).ccnlCnel).toMatch(/\(ND\)/);
    expect(await getDb().selectFrom("hires").select("id").where("vacancy_id", "=", vacancyId).execute()).toEqual([]);

    const ok = await callRoute(
      employerRosa.action,
      request(`/azienda/rose/${shortlistId}`, {
        cookie: employerCookie,
        form: hireForm(row.id, row.version, { ccnlCnel: "E015 — CCNL Area Alimentazione-Panificazione (CNA…)" }),
      }),
      { shortlistId },
    );
    expect(ok.status).toBe(302);
    const hire = await getDb()
      .selectFrom("hires")
      .select(["id", "ccnl_code", "ccnl_cnel_code"])
      .where("vacancy_id", "=", vacancyId)
      .executeTakeFirstOrThrow();
    expect([hire.ccnl_code, hire.ccnl_cnel_code]).toEqual(["176", "E015"]);
    const after = await callRoute(employerRosa.loader, request(`/azienda/rose/${shortlistId}`, { cookie: employerCookie }), {
      shortlistId,
    });
    expect(JSON.stringify(after.body)).toContain('"ccnlCnel":"E015 — CCNL Area Alimentazione-Panificazione"');

    // The officer's hire page shows it and offers it in the UNILAV form.
    const officerPage = await callRoute(hirePage.loader, request(`/operatore/assunzioni/${hire.id}`, { cookie: officer }), {
      hireId: hire.id,
    });
    const body = officerPage.body as { hire: { ccnlCnel: string }; values: { ccnlCnel: string } };
    expect(body.hire.ccnlCnel).toBe("E015 — CCNL Area Alimentazione-Panificazione");
    expect(body.values.ccnlCnel).toBe("E015 — CCNL Area Alimentazione-Panificazione");
  });

  it("a hire recorded without it is completed on the hire page; an unknown code or one beside ND is refused in Italian", async () => {
    const { shortlistId, row, vacancyId } = await presentedRow({ ccnl_code: null, ccnl_cnel_code: null });
    const ok = await callRoute(
      employerRosa.action,
      request(`/azienda/rose/${shortlistId}`, { cookie: employerCookie, form: hireForm(row.id, row.version, { ccnl: "011" }) }),
      { shortlistId },
    );
    expect(ok.status).toBe(302);
    const hire = await getDb()
      .selectFrom("hires")
      .select(["id", "version", "ccnl_cnel_code"])
      .where("vacancy_id", "=", vacancyId)
      .executeTakeFirstOrThrow();
    expect(hire.ccnl_cnel_code).toBeNull();
    const post = (form: Record<string, string>) =>
      callRoute(
        hirePage.action,
        request(`/operatore/assunzioni/${hire.id}`, { cookie: officer, form: { intent: "unilav", hireId: hire.id, ...form } }),
        { hireId: hire.id },
      );
    const unknown = await post({ version: String(hire.version), ccnlCnel: "Q999" });
    expect(unknown.status).toBe(400);
    expect(formErrorsOf(unknown.body).ccnlCnel).toMatch(/^Codice CNEL sconosciuto/);
    expect((await post({ version: String(hire.version), ccnlCnel: "A012 — Operai agricoli" })).status).toBe(302);
    const saved = await getDb()
      .selectFrom("hires")
      .select(["ccnl_cnel_code", "version"])
      .where("id", "=", hire.id)
      .executeTakeFirstOrThrow();
    expect(saved.ccnl_cnel_code).toBe("A012");

    // A hire with no contract applied (ND) takes no CNEL code.
    await getDb().updateTable("hires").set({ ccnl_code: "ND", ccnl_cnel_code: null }).where("id", "=", hire.id).execute();
    const nd = await post({ version: String(saved.version), ccnlCnel: "A012" });
    expect(nd.status).toBe(400);
    expect(formErrorsOf(nd.body).ccnlCnel).toMatch(/\(ND\)/);
    expect(
      (await getDb().selectFrom("hires").select("ccnl_cnel_code").where("id", "=", hire.id).executeTakeFirstOrThrow()).ccnl_cnel_code,
    ).toBeNull();
  });
});
