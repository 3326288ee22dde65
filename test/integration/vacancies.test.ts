import { addDays, todayInItaly } from "~/utils/dates";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { getEnv, setEnv } from "~/utils/env.server";
import { getMeili, indexUid } from "../../search/client.server";
import { drainOutbox } from "../../search/sync.server";
import * as board from "~/routes/offerte._index";
import * as publicPage from "~/routes/offerte.$vacancyId";
import * as rss from "~/routes/offerte.rss";
import * as jsonFeed from "~/routes/api.offerte";
import * as employerList from "~/routes/azienda.offerte._index";
import * as employerNew from "~/routes/azienda.offerte.nuova";
import * as employerDetail from "~/routes/azienda.offerte.$vacancyId._index";
import * as employerEdit from "~/routes/azienda.offerte.$vacancyId.modifica";
import * as officerQueue from "~/routes/operatore.offerte._index";
import * as officerDetail from "~/routes/operatore.offerte.$vacancyId";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { insertVacancy, vacancyForm } from "../support/factories-vacancies";
import { callRoute, formErrorsOf } from "../support/routes";

let employerId: string;
let employerName: string;
let employerCookie: string;
let colleagueCookie: string;
let officerCookie: string;
let otherEmployerId: string;
let otherCookie: string;

beforeAll(async () => {
  const own = await createEmployer({ legalName: `Forno Test ${Date.now()} S.r.l.` });
  employerId = own.id;
  employerName = own.legal_name;
  employerCookie = await cookieFor((await createUserWithRole("employer", { employerId, employerRole: "legal_rep" })).id);
  colleagueCookie = await cookieFor((await createUserWithRole("employer", { employerId, employerRole: "colleague" })).id);
  officerCookie = await cookieFor((await createUserWithRole("preselection_officer")).id);
  const other = await createEmployer();
  otherEmployerId = other.id;
  otherCookie = await cookieFor((await createUserWithRole("employer", { employerId: other.id, employerRole: "legal_rep" })).id);
});

const countVacancies = async (employer: string) =>
  Number(
    (
      await getDb()
        .selectFrom("vacancies")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("employer_id", "=", employer)
        .executeTakeFirstOrThrow()
    ).n,
  );

const vacancyRow = (id: string) => getDb().selectFrom("vacancies").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

async function post(cookie: string, form: Record<string, string>) {
  return callRoute(employerNew.action, request("/azienda/offerte/nuova", { cookie, form }));
}

async function officerMove(id: string, form: Record<string, string>) {
  const version = String((await vacancyRow(id)).version);
  return callRoute(officerDetail.action, request(`/operatore/offerte/${id}`, { cookie: officerCookie, form: { version, ...form } }), {
    vacancyId: id,
  });
}

async function employerMove(id: string, form: Record<string, string>, cookie = employerCookie) {
  const version = String((await vacancyRow(id)).version);
  return callRoute(employerDetail.action, request(`/azienda/offerte/${id}`, { cookie, form: { version, ...form } }), { vacancyId: id });
}

async function boardIds(query: Record<string, string> = {}) {
  const outcome = await callRoute(board.loader, request(`/offerte?${new URLSearchParams(query)}`));
  return (outcome.body as { hits: { id: string }[] }).hits.map((h) => h.id);
}

const idFromLocation = (location: string | null) => location!.split("/").pop()!;

describe("vacancy lifecycle", () => {
  it("goes draft → submitted → returned → submitted → validated → published → in preselection → closed, audited and indexed", async () => {
    const saved = await post(colleagueCookie, vacancyForm());
    expect(saved.status).toBe(302);
    const id = idFromLocation(saved.location);
    let row = await vacancyRow(id);
    expect(row.status).toBe("draft");
    const reqs = await getDb()
      .selectFrom("vacancy_requirements")
      .select(["kind", "priority", "position"])
      .where("vacancy_id", "=", id)
      .orderBy("position")
      .execute();
    expect(reqs).toEqual([
      { kind: "experience", priority: "must", position: 1 },
      { kind: "licence", priority: "nice", position: 2 },
    ]);

    expect((await employerMove(id, { event: "submit" })).status).toBe(302);
    expect((await officerMove(id, { event: "return", reason: "Indica il CCNL completo con il livello" })).status).toBe(302);
    row = await vacancyRow(id);
    expect(row.status).toBe("returned");
    expect(row.status_reason).toContain("CCNL");
    const notice = await getDb()
      .selectFrom("employer_notifications")
      .select("title")
      .where("employer_id", "=", employerId)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(notice.title).toContain("da correggere");

    const edited = await callRoute(
      employerEdit.action,
      request(`/azienda/offerte/${id}/modifica`, {
        cookie: employerCookie,
        form: vacancyForm({ ccnl: "176", ccnlNote: "livello A3", intent: "submit", version: String(row.version) }),
      }),
      { vacancyId: id },
    );
    expect(edited.status).toBe(302);
    expect((await vacancyRow(id)).status).toBe("submitted");

    const queue = await callRoute(officerQueue.loader, request("/operatore/offerte", { cookie: officerCookie }));
    expect((queue.body as { vacancies: { id: string }[] }).vacancies.map((v) => v.id)).toContain(id);

    expect((await officerMove(id, { event: "validate" })).status).toBe(302);
    await drainOutbox(getDb());
    expect(await boardIds()).not.toContain(id); // validated is not yet public
    expect((await officerMove(id, { event: "publish" })).status).toBe(302);
    await drainOutbox(getDb());
    expect(await boardIds({ q: "panettiere" })).toContain(id);
    expect(await boardIds({ professione: "6.5.1" })).toContain(id);
    expect(await boardIds({ comune: "Milano (MI)", raggio: "20" })).toContain(id); // Segrate is ~8 km from Milano
    expect(await boardIds({ comune: "Trento (TN)", raggio: "50" })).not.toContain(id);
    expect(await boardIds({ orario: "part_time" })).not.toContain(id);
    expect(await boardIds({ contratto: "A.01.00", orario: "full_time" })).toContain(id);

    expect((await officerMove(id, { event: "start_preselection" })).status).toBe(302);
    const badClose = await employerMove(id, { event: "close", outcome: "filled" });
    expect(badClose.status).toBe(400); // the channel is required when filled
    expect((await employerMove(id, { event: "close", outcome: "filled", channel: "rosa" })).status).toBe(302);
    row = await vacancyRow(id);
    expect([row.status, row.outcome, row.outcome_channel]).toEqual(["closed", "filled", "rosa"]);
    await drainOutbox(getDb());
    expect(await boardIds({ q: "panettiere" })).not.toContain(id);

    const audit = await getDb().selectFrom("audit_log").select("action").where("entity_id", "=", id).orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual([
      "vacancy.created",
      "vacancy.submit",
      "vacancy.return",
      "vacancy.updated",
      "vacancy.submit",
      "vacancy.validate",
      "vacancy.publish",
      "vacancy.start_preselection",
      "vacancy.close",
    ]);
  });

  it("refuses a move the table does not allow, and changes nothing", async () => {
    const { id } = await insertVacancy(employerId, { status: "submitted" });
    const before = await vacancyRow(id);
    const outcome = await officerMove(id, { event: "publish" });
    expect(outcome.status).toBe(409);
    expect(formErrorsOf(outcome.body)._form).toMatch(/non consentita/);
    expect(await vacancyRow(id)).toEqual(before);
    expect((await employerMove(id, { event: "validate" })).status).toBe(409); // an employer cannot validate its own vacancy
  });

  it("detects a concurrent edit (optimistic locking)", async () => {
    const { id, version } = await insertVacancy(employerId, { status: "draft" });
    const first = await callRoute(
      employerEdit.action,
      request(`/azienda/offerte/${id}/modifica`, {
        cookie: employerCookie,
        form: vacancyForm({ title: "Primo salvataggio", version: String(version) }),
      }),
      { vacancyId: id },
    );
    expect(first.status).toBe(302);
    const second = await callRoute(
      employerEdit.action,
      request(`/azienda/offerte/${id}/modifica`, {
        cookie: colleagueCookie,
        form: vacancyForm({ title: "Secondo salvataggio", version: String(version) }),
      }),
      { vacancyId: id },
    );
    expect(second.status).toBe(409);
    expect((await vacancyRow(id)).title).toBe("Primo salvataggio");
  });
});

describe("bad input changes nothing", () => {
  it.each([
    [{ closingDate: addDays(todayInItaly(), -1) }, "closingDate", /futura/],
    [{ positions: "0" }, "positions", /almeno una/],
    [{ payMin: "2000", payMax: "1500" }, "payMax", /inferiore alla minima/],
    [{ occupation: "9.9.9.9.9" }, "occupation", /inesistente/],
    [{ contractType: "X.99" }, "contractType", /contratto/],
    // The legacy apprenticeship of L. 196/97 is no longer offered; the CCNL must be a code of the CO table.
    [{ contractType: "A.03.00" }, "contractType", /non è più in vigore/],
    [{ ccnl: "Alimentari artigianato" }, "ccnl", /CCNL/],
    [{ ccnl: "ZZZ" }, "ccnl", /CCNL sconosciuto/],
    [{ comune: "Atlantide" }, "comune", /non trovato/],
    [{ description: "Cerchiamo solo uomini, età massima 30 anni, per il nostro laboratorio." }, "description", /sesso/],
    [{ "requirements.0.kind": "language", "requirements.0.languageCode": "001" }, "requirements.0.cefrLevel", /livello/],
  ])("%j → error on %s", async (overrides, field, message) => {
    const before = await countVacancies(employerId);
    const outcome = await post(employerCookie, vacancyForm(overrides as Record<string, string>));
    expect(outcome.status).toBe(400);
    expect(formErrorsOf(outcome.body)[field]).toMatch(message);
    expect(await countVacancies(employerId)).toBe(before);
  });

  it("a company not yet validated cannot send a vacancy (nothing saved)", async () => {
    const pending = await createEmployer({ status: "pending" });
    const cookie = await cookieFor((await createUserWithRole("employer", { employerId: pending.id })).id);
    const outcome = await post(cookie, vacancyForm({ intent: "submit" }));
    expect(outcome.status).toBe(409);
    expect(formErrorsOf(outcome.body)._form).toMatch(/non è ancora convalidata/);
    expect(await countVacancies(pending.id)).toBe(0);
    expect((await post(cookie, vacancyForm())).status).toBe(302); // a draft is fine
  });

  it("keeps warnings (not errors) for ambiguous wording", async () => {
    const outcome = await post(
      employerCookie,
      vacancyForm({ title: "Magazziniere", description: "Cerchiamo un neolaureato per il banco." }),
    );
    expect(outcome.status).toBe(302);
    const row = await vacancyRow(idFromLocation(outcome.location));
    expect((row.discrimination_flags as { rule: string }[]).map((f) => f.rule).sort()).toEqual(["new_graduate", "one_gender_title"]);
  });

  it("reports every discrimination problem of a save at once, each next to its field with the words as typed", async () => {
    const before = await countVacancies(employerId);
    const outcome = await post(
      employerCookie,
      vacancyForm({
        title: "Magazziniera",
        description: "Cerchiamo persone Under 35, bella presenza, madrelingua italiana. Astenersi stranieri.",
      }),
    );
    expect(outcome.status).toBe(400);
    const errors = formErrorsOf(outcome.body);
    expect(errors.title).toMatch(/«Magazziniera»/);
    for (const words of ["«Under 35»", "«bella presenza»", "«madrelingua»", "«Astenersi stranieri»"])
      expect(errors.description).toContain(words);
    expect(await countVacancies(employerId)).toBe(before);
  });
});

describe("scoping", () => {
  it("an employer never sees another employer's vacancies", async () => {
    const theirs = await insertVacancy(otherEmployerId, { status: "submitted", title: "Offerta riservata di altri" });
    const list = await callRoute(employerList.loader, request("/azienda/offerte", { cookie: employerCookie }));
    expect(JSON.stringify(list.body)).not.toContain(theirs.id);
    for (const [handler, path] of [
      [employerDetail.loader, `/azienda/offerte/${theirs.id}`],
      [employerEdit.loader, `/azienda/offerte/${theirs.id}/modifica`],
    ] as const) {
      expect((await callRoute(handler, request(path, { cookie: employerCookie }), { vacancyId: theirs.id })).status).toBe(404);
    }
    const move = await callRoute(
      employerDetail.action,
      request(`/azienda/offerte/${theirs.id}`, { cookie: employerCookie, form: { event: "cancel", version: "1" } }),
      { vacancyId: theirs.id },
    );
    expect(move.status).toBe(404);
    expect((await vacancyRow(theirs.id)).status).toBe("submitted");
    // …and the other employer does see it.
    expect(
      (await callRoute(employerDetail.loader, request(`/azienda/offerte/${theirs.id}`, { cookie: otherCookie }), { vacancyId: theirs.id }))
        .status,
    ).toBe(200);
  });

  it("officers do not see drafts", async () => {
    const draft = await insertVacancy(otherEmployerId, { status: "draft" });
    expect(
      (await callRoute(officerDetail.loader, request(`/operatore/offerte/${draft.id}`, { cookie: officerCookie }), { vacancyId: draft.id }))
        .status,
    ).toBe(404);
  });
});

describe("publication", () => {
  it("hides the employer of an anonymous vacancy and never publishes an internal one", async () => {
    const anonymous = await insertVacancy(employerId, {
      status: "published",
      publicationMode: "anonymous",
      title: "Addetto vendite anonimo",
    });
    const internal = await insertVacancy(employerId, {
      status: "published",
      publicationMode: "internal",
      title: "Addetto vendite interno",
    });
    await getDb()
      .insertInto("search_outbox")
      .values([anonymous, internal].map((v) => ({ index_uid: "vacancies", document_id: v.id })))
      .execute();
    await drainOutbox(getDb());
    const page = await callRoute(publicPage.loader, request(`/offerte/${anonymous.id}`), { vacancyId: anonymous.id });
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.body)).not.toContain(employerName);
    const doc = await getMeili().index(indexUid("vacancies")).getDocument(anonymous.id);
    expect(doc.employerName).toBeNull();
    expect((await callRoute(publicPage.loader, request(`/offerte/${internal.id}`), { vacancyId: internal.id })).status).toBe(404);
    expect(await boardIds({ q: "interno" })).not.toContain(internal.id);
  });

  it("a closed vacancy keeps its public page, which says it is closed, takes no application and is not a JobPosting", async () => {
    const v = await insertVacancy(employerId, { status: "closed", title: "Fornaio chiuso per il test" });
    const page = await callRoute(publicPage.loader, request(`/offerte/${v.id}`), { vacancyId: v.id });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ open: false, jsonLd: null });
    const candidate = await createUserWithRole("candidate");
    const apply = await callRoute(
      publicPage.action,
      request(`/offerte/${v.id}`, { cookie: await cookieFor(candidate.id), form: { message: "" } }),
      { vacancyId: v.id },
    );
    expect([404, 409]).toContain(apply.status);
    const feed = JSON.parse((await callRoute(jsonFeed.loader, request("/api/offerte"))).body as string);
    expect(feed.items.map((i: { id: string }) => i.id)).not.toContain(v.id);
    expect((await callRoute(rss.loader, request("/offerte/rss"))).body as string).not.toContain(v.id);
    // Past its closing date (before the nightly job closes it) the page is closed as well.
    const expired = await insertVacancy(employerId, { status: "published", closingDate: addDays(todayInItaly(), -1), title: "Scaduta" });
    expect((await callRoute(publicPage.loader, request(`/offerte/${expired.id}`), { vacancyId: expired.id })).body).toMatchObject({
      open: false,
    });
    // Never published (a draft closed by the employer): still 404.
    const draftClosed = await getDb()
      .updateTable("vacancies")
      .set({ published_at: null })
      .where("id", "=", v.id)
      .returning("id")
      .executeTakeFirstOrThrow();
    expect((await callRoute(publicPage.loader, request(`/offerte/${draftClosed.id}`), { vacancyId: draftClosed.id })).status).toBe(404);
  });

  it("serves the JSON-LD, the JSON feed and the RSS feed of published vacancies", async () => {
    const v = await insertVacancy(employerId, { status: "published", title: "Commesso per il feed" });
    const page = await callRoute(publicPage.loader, request(`/offerte/${v.id}`), { vacancyId: v.id });
    const jsonLd = JSON.parse((page.body as { jsonLd: string }).jsonLd);
    expect(jsonLd).toMatchObject({ "@type": "JobPosting", title: "Commesso per il feed", hiringOrganization: { name: employerName } });
    const feed = JSON.parse((await callRoute(jsonFeed.loader, request("/api/offerte"))).body as string);
    expect(feed.items.map((i: { id: string }) => i.id)).toContain(v.id);
    const xml = (await callRoute(rss.loader, request("/offerte/rss"))).body as string;
    expect(xml).toContain(`<guid isPermaLink="true">http://localhost:${getEnv().PORT}/offerte/${v.id}</guid>`);
  });

  it("builds the links of the public feeds and JSON-LD from configuration, never from the request's Host", async () => {
    const v = await insertVacancy(employerId, { status: "published", title: "Commesso per il feed con Host falso" });
    // What @remix-run/express builds from a request carrying `Host: evil.example`.
    const forged = (path: string) => new Request(`http://evil.example${path}`, { headers: { Host: "evil.example" } });
    const bodies = async () => [
      (await callRoute(rss.loader, forged("/offerte/rss"))).body as string,
      (await callRoute(jsonFeed.loader, forged("/api/offerte"))).body as string,
      ((await callRoute(publicPage.loader, forged(`/offerte/${v.id}`), { vacancyId: v.id })).body as { jsonLd: string }).jsonLd,
    ];
    for (const body of await bodies()) {
      expect(body).not.toContain("evil.example");
      expect(body).toContain(`http://localhost:${getEnv().PORT}/offerte/${v.id}`);
    }
    const previous = process.env.PUBLIC_URL;
    setEnv({ PUBLIC_URL: "https://rosa.example.it/" });
    try {
      for (const body of await bodies()) {
        expect(body).not.toContain("evil.example");
        expect(body).toContain(`https://rosa.example.it/offerte/${v.id}`);
      }
    } finally {
      setEnv({ PUBLIC_URL: previous });
    }
  });
});
