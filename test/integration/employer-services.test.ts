import { addDays, todayInItaly } from "~/utils/dates";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import * as infoIndex from "~/routes/informazioni._index";
import * as infoPage from "~/routes/informazioni.$slug";
import * as contentEdit from "~/routes/admin.contenuti.$articleId";
import * as questionnaire from "~/routes/azienda.servizi.questionario";
import * as requests from "~/routes/operatore.richieste";
import * as registerNew from "~/routes/operatore.registro.nuovo";
import * as registerList from "~/routes/operatore.registro._index";
import * as registerCsv from "~/routes/operatore.registro.csv";
import * as needsNew from "~/routes/operatore.fabbisogni.nuova";
import * as needsDetail from "~/routes/operatore.fabbisogni.$assessmentId";
import * as needsIndex from "~/routes/operatore.fabbisogni._index";
import * as employerPdf from "~/routes/azienda.fabbisogni.$assessmentId.pdf";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { callRoute, formErrorsOf } from "../support/routes";

let otherCookie: string;
let preselection: string;
let placement: string;
let admin: string;

beforeAll(async () => {
  const other = await createEmployer();
  otherCookie = await cookieFor((await createUserWithRole("employer", { employerId: other.id })).id);
  preselection = await cookieFor((await createUserWithRole("preselection_officer")).id);
  placement = await cookieFor((await createUserWithRole("placement_officer")).id);
  admin = await cookieFor((await createUserWithRole("admin")).id);
});

const requestsOf = (id: string) =>
  getDb()
    .selectFrom("service_requests")
    .select(["id", "service_code", "queue", "status", "version"])
    .where("employer_id", "=", id)
    .orderBy("service_code")
    .execute();

/** An employer of the test's own (the register totals and the request queues are counted per employer). */
async function newEmployer() {
  const employerId = (await createEmployer()).id;
  return { employerId, employerCookie: await cookieFor((await createUserWithRole("employer", { employerId })).id) };
}

/** The employer answers the first-screening questionnaire: hiring now and mandatory hiring. */
const answerQuestionnaire = (employerCookie: string) =>
  callRoute(
    questionnaire.action,
    request("/azienda/servizi/questionario", {
      cookie: employerCookie,
      form: { hiringNow: "on", mandatoryHiring: "on", note: "Due magazzinieri" },
    }),
  );

describe("first-screening questionnaire", () => {
  it("turns answers into requests routed to the right queue, once", async () => {
    const { employerId, employerCookie } = await newEmployer();
    const post = () => answerQuestionnaire(employerCookie);
    const first = await post();
    expect(first.status).toBe(302);
    expect(first.location).toBe("/azienda/offerte/nuova");
    expect((await requestsOf(employerId)).map((r) => `${r.service_code}:${r.queue}:${r.status}`)).toEqual([
      "4C:preselection:open",
      "S:placement:open",
    ]);
    expect((await post()).status).toBe(302);
    expect(await requestsOf(employerId)).toHaveLength(2);
    const none = await callRoute(
      questionnaire.action,
      request("/azienda/servizi/questionario", { cookie: employerCookie, form: { note: "" } }),
    );
    expect(none.status).toBe(400);
  });

  it("shows each officer only the queue of their role, and moves are checked", async () => {
    const { employerId, employerCookie } = await newEmployer();
    expect((await answerQuestionnaire(employerCookie)).status).toBe(302);
    const ids = (body: unknown) =>
      (body as { requests: { employer_id: string; service_code: string }[] }).requests
        .filter((r) => r.employer_id === employerId)
        .map((r) => r.service_code);
    expect(ids((await callRoute(requests.loader, request("/operatore/richieste", { cookie: preselection }))).body)).toEqual(["4C"]);
    expect(ids((await callRoute(requests.loader, request("/operatore/richieste", { cookie: placement }))).body)).toEqual(["S"]);
    const s = (await requestsOf(employerId)).find((r) => r.service_code === "S")!;
    const wrongQueue = await callRoute(
      requests.action,
      request("/operatore/richieste", { cookie: preselection, form: { requestId: s.id, move: "take", version: String(s.version) } }),
    );
    expect(wrongQueue.status).toBe(404);
    const take = await callRoute(
      requests.action,
      request("/operatore/richieste", { cookie: placement, form: { requestId: s.id, move: "take", version: String(s.version) } }),
    );
    expect(take.status).toBe(302);
    const stale = await callRoute(
      requests.action,
      request("/operatore/richieste", { cookie: placement, form: { requestId: s.id, move: "done", version: String(s.version) } }),
    );
    expect(stale.status).toBe(409);
    expect((await requestsOf(employerId)).find((r) => r.service_code === "S")!.status).toBe("taken");
  });
});

describe("information area", () => {
  it("is searchable in Italian and editable only by administrators", async () => {
    const found = await callRoute(infoIndex.loader, request("/informazioni?q=tirocinio"));
    const slugs = (found.body as { articles: { slug: string }[] }).articles.map((a) => a.slug);
    expect(slugs).toContain("tirocini-extracurricolari");
    expect(slugs).not.toContain("comunicazioni-obbligatorie");

    const created = await callRoute(
      contentEdit.action,
      request("/admin/contenuti/nuovo", {
        cookie: admin,
        form: {
          slug: "bonus-prova",
          category: "incentives",
          title: "Bonus di prova",
          summary: "Una pagina di prova per il test.",
          body: "Testo della pagina di prova sul bonus assunzioni giovani.",
          sortOrder: "50",
        },
      }),
      { articleId: "nuovo" },
    );
    expect(created.status).toBe(302);
    const article = await getDb()
      .selectFrom("info_articles")
      .select(["id", "version", "published"])
      .where("slug", "=", "bonus-prova")
      .executeTakeFirstOrThrow();
    expect(article.published).toBe(false); // the box was not ticked
    expect((await callRoute(infoPage.loader, request("/informazioni/bonus-prova"), { slug: "bonus-prova" })).status).toBe(404);

    const form = {
      slug: "bonus-prova",
      category: "incentives",
      title: "Bonus di prova",
      summary: "Una pagina di prova per il test.",
      body: "Testo della pagina di prova sul bonus assunzioni giovani.",
      published: "on",
    };
    const edit = (cookie: string, version: number) =>
      callRoute(contentEdit.action, request(`/admin/contenuti/${article.id}`, { cookie, form: { ...form, version: String(version) } }), {
        articleId: article.id,
      });
    expect((await edit(preselection, article.version)).status).toBe(403);
    expect((await edit(admin, article.version)).status).toBe(302);
    expect((await edit(admin, article.version)).status).toBe(409); // stale
    expect((await callRoute(infoPage.loader, request("/informazioni/bonus-prova"), { slug: "bonus-prova" })).status).toBe(200);
  });
});

describe("service delivery register", () => {
  const delivery = (employerId: string, over: Record<string, string> = {}) => ({
    employerId,
    standardCode: "4A",
    deliveredOn: todayInItaly(),
    minutes: "45",
    modality: "company",
    output: "Informazioni sugli incentivi per l'apprendistato",
    ...over,
  });

  it("requires a justification outside the standard duration, lists with totals and exports CSV", async () => {
    const { employerId } = await newEmployer();
    const post = (form: Record<string, string>) =>
      callRoute(registerNew.action, request("/operatore/registro/nuovo", { cookie: preselection, form }));
    expect((await post(delivery(employerId))).status).toBe(302);
    const tooLong = await post(delivery(employerId, { minutes: "90" }));
    expect(tooLong.status).toBe(400);
    expect(formErrorsOf(tooLong.body).justification).toMatch(/massimo 1 h/);
    expect((await post(delivery(employerId, { minutes: "90", justification: "Visita con due sedi da presentare" }))).status).toBe(302);
    expect(
      (await post(delivery(employerId, { standardCode: "4C", minutes: "300", output: "Preselezione per due magazzinieri" }))).status,
    ).toBe(302);
    expect((await post(delivery(employerId, { deliveredOn: addDays(todayInItaly(), 3) }))).status).toBe(400);

    const list = await callRoute(registerList.loader, request(`/operatore/registro?azienda=${employerId}`, { cookie: admin }));
    const { totals } = list.body as {
      totals: { count: number; minutes: number; byService: { code: string; count: number; minutes: number }[] };
    };
    expect(totals).toMatchObject({ count: 3, minutes: 45 + 90 + 300 });
    expect(totals.byService).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "4A", count: 2, minutes: 135 }),
        expect.objectContaining({ code: "4C", count: 1, minutes: 300 }),
      ]),
    );

    const csv = (
      await callRoute(registerCsv.loader, request(`/operatore/registro/csv?azienda=${employerId}&servizio=4C`, { cookie: admin }))
    ).body as string;
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "data;servizio;standard_trento;lep;codice_sap;azienda;codice_fiscale;minuti;modalita;operatore;risultato;giustificazione",
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(";4C;4C;Q;B03;");
    expect(lines[2]).toMatch(/^TOTALE;1 servizio;.*;300;/);
  });
});

describe("needs consultancy (4B)", () => {
  it("records figures, gives the employer a PDF, turns a figure into a vacancy draft once and counts unmet demand", async () => {
    const { employerId, employerCookie } = await newEmployer();
    const before = (await callRoute(needsIndex.loader, request("/operatore/fabbisogni", { cookie: preselection }))).body as {
      unmet: { figures: number; people: number };
    };
    const created = await callRoute(
      needsNew.action,
      request("/operatore/fabbisogni/nuova", {
        cookie: preselection,
        form: {
          employerId,
          assessedOn: todayInItaly(),
          minutes: "150",
          modality: "company",
          "figures.0.occupation": "4.3.1.2.0 — Addetti alla gestione dei magazzini",
          "figures.0.quantity": "2",
          "figures.0.neededBy": addDays(todayInItaly(), 40),
          "figures.1.occupation": "6.5.1.2.1",
          "figures.1.quantity": "1",
          skillGaps: "Uso del gestionale di magazzino",
          trainingNeeds: "Corso carrellisti",
          actionsAgreed: "Pubblicare l'offerta per i magazzinieri",
        },
      }),
    );
    expect(created.status).toBe(302);
    const id = created.location!.split("/").pop()!;
    const after = (await callRoute(needsIndex.loader, request("/operatore/fabbisogni", { cookie: preselection }))).body as {
      unmet: { figures: number; people: number };
    };
    expect(after.unmet).toEqual({ figures: before.unmet.figures + 2, people: before.unmet.people + 3 });

    const pdf = await callRoute(employerPdf.loader, request(`/azienda/fabbisogni/${id}/pdf`, { cookie: employerCookie }), {
      assessmentId: id,
    });
    expect(pdf.status).toBe(200);
    expect(String(pdf.body).startsWith("%PDF")).toBe(true);
    expect(
      (await callRoute(employerPdf.loader, request(`/azienda/fabbisogni/${id}/pdf`, { cookie: otherCookie }), { assessmentId: id })).status,
    ).toBe(404);

    const figure = await getDb()
      .selectFrom("needs_figures")
      .select("id")
      .where("assessment_id", "=", id)
      .where("position", "=", 1)
      .executeTakeFirstOrThrow();
    const toDraft = () =>
      callRoute(needsDetail.action, request(`/operatore/fabbisogni/${id}`, { cookie: preselection, form: { figureId: figure.id } }), {
        assessmentId: id,
      });
    expect((await toDraft()).status).toBe(302);
    expect((await toDraft()).status).toBe(409);
    const linked = await getDb()
      .selectFrom("needs_figures")
      .innerJoin("vacancies", "vacancies.id", "needs_figures.vacancy_id")
      .select(["vacancies.status", "vacancies.employer_id", "vacancies.positions", "vacancies.occupation_code"])
      .where("needs_figures.id", "=", figure.id)
      .executeTakeFirstOrThrow();
    expect(linked).toEqual({ status: "draft", employer_id: employerId, positions: 2, occupation_code: "4.3.1.2.0" });
  });
});
