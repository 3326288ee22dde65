import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { availabilityToken } from "~/domain/shortlists/availability-links.server";
import * as linkRoute from "~/routes/disponibilita.$token";
import * as employerRoute from "~/routes/azienda.rose.$shortlistId";
import * as officerRoute from "~/routes/operatore.rose.$shortlistId";
import * as officerVacancyRoute from "~/routes/operatore.offerte.$vacancyId";
import { readFlash } from "~/web/flash.server";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { createMatchCandidate, createMatchVacancy } from "../support/factories-shortlists";
import { callRoute, formErrorsOf } from "../support/routes";

/**
 * Officers' preselection work (docs/decisions/0010-signed-availability-links.md,
 * docs/decisions/0019-hire-with-unilav-fields.md): the officer records a hire on the employer's behalf; «avvia il contatto» for
 * many people at once; the signed one-click availability link (valid, reused, expired, tampered).
 */
let officer: string;
let officerId: string;
let employerCookie: string;
let employerId: string;

type RowKey = "withAccount" | "emailOnly" | "phoneOnly" | "noContact";
type Rosa = { vacancyId: string; shortlistId: string; rowIds: Record<RowKey, string> };

const officerPost = (rosa: Rosa, form: Record<string, string>, rows: string[] = []) => {
  const body = new URLSearchParams(form);
  for (const id of rows) body.append("rowIds", id);
  return new Request(`http://localhost/operatore/rose/${rosa.shortlistId}`, {
    method: "POST",
    headers: { Cookie: officer, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
};

const rowState = async (id: string) =>
  await getDb().selectFrom("shortlist_candidates").select(["state", "version"]).where("id", "=", id).executeTakeFirstOrThrow();
const linkFor = async (rowId: string) => {
  const r = await getDb()
    .selectFrom("availability_requests")
    .select(["id", "expires_at", "channel", "sent_to"])
    .where("shortlist_candidate_id", "=", rowId)
    .orderBy("created_at", "desc")
    .executeTakeFirstOrThrow();
  return { ...r, token: availabilityToken(r.id, r.expires_at) };
};

beforeAll(async () => {
  const employer = await createEmployer();
  employerId = employer.id;
  const officerUser = await createUserWithRole("preselection_officer");
  officerId = officerUser.id;
  officer = await cookieFor(officerUser.id);
  employerCookie = await cookieFor((await createUserWithRole("employer", { employerId })).id);
});

/**
 * A rosa of its own for each test (no state passes from one test to the next): a vacancy in preselection and four
 * people, one with a candidate account, one reachable only by e-mail, one only by phone (a number of its own), one
 * with neither.
 */
async function newRosa(): Promise<Rosa> {
  const candUser = await createUserWithRole("candidate");
  const ids = {
    withAccount: await createMatchCandidate({ comune: "Cremona", userId: candUser.id, lastName: "Conto" }),
    emailOnly: await createMatchCandidate({ comune: "Cremona", lastName: "Posta" }),
    phoneOnly: await createMatchCandidate({ comune: "Cremona", lastName: "Telefono" }),
    noContact: await createMatchCandidate({ comune: "Cremona", lastName: "Nessuno" }),
  };
  const phone = `333 ${String(Math.floor(Math.random() * 10_000_000)).padStart(7, "0")}`;
  await getDb().updateTable("candidates").set({ email: null, phone }).where("id", "=", ids.phoneOnly).execute();
  await getDb().updateTable("candidates").set({ email: null, phone: null }).where("id", "=", ids.noContact).execute();
  const vacancyId = (await createMatchVacancy({ employerId, comune: "Cremona", positions: 2, status: "in_preselection" })).id;
  const s = await getDb()
    .insertInto("shortlists")
    .values({
      vacancy_id: vacancyId,
      employer_id: employerId,
      title: "Rosa Cremona",
      search_snapshot: JSON.stringify({ conditions: [], filter: "", sort: [], relaxed: [], total: 4 }),
      results_snapshot: "[]",
      index_uid: "rosa_candidates",
      settings_version: 2,
      created_by: officerId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const rowIds = {} as Record<RowKey, string>;
  let rank = 1;
  for (const [key, candidateId] of Object.entries(ids) as [RowKey, string][]) {
    const r = await getDb()
      .insertInto("shortlist_candidates")
      .values({ shortlist_id: s.id, candidate_id: candidateId, rank: rank++, score: 1, explanation: "{}" })
      .returning("id")
      .executeTakeFirstOrThrow();
    rowIds[key] = r.id;
  }
  return { vacancyId, shortlistId: s.id, rowIds };
}

/** «Avvia il contatto» for the four people of the rosa: the links go out. */
async function contactAll(rosa: Rosa) {
  const res = (await officerRoute.action({
    request: officerPost(rosa, { intent: "contact_all" }, Object.values(rosa.rowIds)),
    params: { shortlistId: rosa.shortlistId },
    context: { clientIp: "127.0.0.1" },
  })) as Response;
  expect(res.status).toBe(302);
  return res;
}

/** A newer e-mail link for a person, expired an hour ago (it supersedes the one sent before). */
async function expiredNewerLink(rowId: string) {
  const past = new Date(Date.now() - 3_600_000);
  const r = await getDb()
    .insertInto("availability_requests")
    .values({
      shortlist_candidate_id: rowId,
      channel: "email",
      sent_to: "x@example.it",
      expires_at: past,
      created_at: new Date(Date.now() + 1000),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return availabilityToken(r.id, past);
}

/** The e-mail-only person confirms through the link, then is presented to the employer (the officer's ordinary flow). */
async function presentedRosa(): Promise<Rosa> {
  const rosa = await newRosa();
  await contactAll(rosa);
  const { token } = await linkFor(rosa.rowIds.emailOnly);
  const answer = await callRoute(
    linkRoute.action,
    request(`/disponibilita/${token}`, { form: { response: "confirmed", shareContacts: "on" } }),
    {
      token,
    },
  );
  expect(answer.status).toBe(302);
  await getDb()
    .updateTable("shortlist_candidates")
    .set({ state: "presented", presented_at: new Date() })
    .where("id", "=", rosa.rowIds.emailOnly)
    .execute();
  await getDb()
    .updateTable("shortlists")
    .set({ status: "presented", presented_at: new Date(), presented_by: officerId })
    .where("id", "=", rosa.shortlistId)
    .execute();
  return rosa;
}

describe("«avvia il contatto» for all the chosen people at once", () => {
  it("contacts everybody in one action, by the channel each has, and says so", async () => {
    const rosa = await newRosa();
    const { rowIds, shortlistId } = rosa;
    const mailsBefore = Number(
      (
        await getDb()
          .selectFrom("mail_outbox")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const res = (await officerRoute.action({
      request: officerPost(rosa, { intent: "contact_all" }, Object.values(rowIds)),
      params: { shortlistId },
      context: { clientIp: "127.0.0.1" },
    })) as Response;
    expect(res.status).toBe(302);
    const { flash } = await readFlash(
      new Request("http://localhost/", { headers: { Cookie: res.headers.get("Set-Cookie")!.split(";")[0]! } }),
    );
    expect(flash?.message).toBe("Contattati 4 candidati (2 per e-mail, 1 per SMS, 1 senza e-mail né telefono: contattalo tu).");
    for (const id of Object.values(rowIds)) expect((await rowState(id)).state).toBe("contacting");
    const requests = await getDb()
      .selectFrom("availability_requests")
      .select(["shortlist_candidate_id", "channel"])
      .where("shortlist_candidate_id", "in", Object.values(rowIds))
      .execute();
    expect(requests.map((r) => r.channel).sort()).toEqual(["email", "email", "sms"]);
    expect(requests.find((r) => r.shortlist_candidate_id === rowIds.phoneOnly)?.channel).toBe("sms");
    const mails = await getDb().selectFrom("mail_outbox").select(["to_address", "body_text"]).orderBy("id", "desc").limit(10).execute();
    expect(
      Number(
        (
          await getDb()
            .selectFrom("mail_outbox")
            .select((eb) => eb.fn.countAll<string>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      ) - mailsBefore,
    ).toBe(2);
    // The person without an account is never told to log into an area they do not have.
    const emailOnly = await linkFor(rowIds.emailOnly);
    const mailToEmailOnly = mails.find((m) => m.to_address === emailOnly.sent_to)!;
    expect(mailToEmailOnly.body_text).toContain(`/disponibilita/${emailOnly.token}`);
    expect(mailToEmailOnly.body_text).not.toMatch(/area personale|accedi/i);
    const withAccount = await linkFor(rowIds.withAccount);
    expect(mails.find((m) => m.to_address === withAccount.sent_to)!.body_text).toContain("area personale");
    const phone = await linkFor(rowIds.phoneOnly);
    const sms = await getDb().selectFrom("sms_outbox").select(["to_number", "body_text"]).where("to_number", "=", phone.sent_to).execute();
    expect(sms).toHaveLength(1);
    expect(sms[0]!.body_text).toContain(`/disponibilita/${phone.token}`);
    expect(sms[0]!.body_text.length).toBeLessThanOrEqual(480);
  });

  it("a double submit changes nothing and says nobody new was contacted", async () => {
    const rosa = await newRosa();
    await contactAll(rosa);
    const { rowIds, shortlistId } = rosa;
    const before = await getDb()
      .selectFrom("availability_requests")
      .select("id")
      .where("shortlist_candidate_id", "in", Object.values(rowIds))
      .execute();
    const res = (await officerRoute.action({
      request: officerPost(rosa, { intent: "contact_all" }, Object.values(rowIds)),
      params: { shortlistId },
      context: { clientIp: "127.0.0.1" },
    })) as Response;
    expect(res.status).toBe(302);
    const { flash } = await readFlash(
      new Request("http://localhost/", { headers: { Cookie: res.headers.get("Set-Cookie")!.split(";")[0]! } }),
    );
    expect(flash?.message).toBe("Nessun nuovo candidato contattato. 4 erano già in contatto o non contattabili: invariati.");
    const after = await getDb()
      .selectFrom("availability_requests")
      .select("id")
      .where("shortlist_candidate_id", "in", Object.values(rowIds))
      .execute();
    expect(after).toHaveLength(before.length);
    const audits = await getDb()
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "shortlist.contact_many")
      .where("entity_id", "=", shortlistId)
      .execute();
    expect(audits).toHaveLength(2);
  });

  it("refuses an empty choice and a person of another rosa with a message, not a 500", async () => {
    const rosa = await newRosa();
    await contactAll(rosa);
    const { shortlistId } = rosa;
    const none = await callRoute(officerRoute.action, officerPost(rosa, { intent: "contact_all" }), { shortlistId });
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body)).toContain("Scegli almeno un candidato");
    const foreign = await callRoute(
      officerRoute.action,
      officerPost(rosa, { intent: "contact_all" }, ["00000000-0000-4000-8000-000000000000"]),
      {
        shortlistId,
      },
    );
    expect(foreign.status).toBe(404);
  });

  it("shows the officer the channel of each link", async () => {
    const rosa = await newRosa();
    await contactAll(rosa);
    const { rowIds, shortlistId } = rosa;
    const page = await callRoute(officerRoute.loader, request(`/operatore/rose/${shortlistId}`, { cookie: officer }), { shortlistId });
    const rows = (page.body as { rows: { id: string; links: { channel: string }[] }[] }).rows;
    expect(rows.find((r) => r.id === rowIds.phoneOnly)!.links.map((l) => l.channel)).toEqual(["sms"]);
    expect(rows.find((r) => r.id === rowIds.noContact)!.links).toEqual([]);
  });
});

describe("the signed one-click availability link", () => {
  const post = (token: string, form: Record<string, string>) => request(`/disponibilita/${token}`, { form });

  it("shows the vacancy summary without login and without the employer of an internal vacancy", async () => {
    const rosa = await newRosa();
    await contactAll(rosa);
    const { rowIds } = rosa;
    const { token } = await linkFor(rowIds.emailOnly);
    const page = await callRoute(linkRoute.loader, request(`/disponibilita/${token}`), { token });
    expect(page.status).toBe(200);
    const open = (page.body as { open: { vacancy: { title: string; place: string; employer: string | null } } }).open;
    expect(open.vacancy).toMatchObject({ title: "Addetto alle vendite", place: "Cremona (CR)", employer: null });
  });

  it("records the answer once; a reused link says it was already answered", async () => {
    const rosa = await newRosa();
    await contactAll(rosa);
    const { rowIds } = rosa;
    const { token, id } = await linkFor(rowIds.emailOnly);
    const answer = await callRoute(linkRoute.action, post(token, { response: "confirmed", shareContacts: "on" }), { token });
    expect(answer.status).toBe(302);
    expect((await rowState(rowIds.emailOnly)).state).toBe("available");
    const req = await getDb()
      .selectFrom("availability_requests")
      .select(["answer", "answered_at"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(req.answer).toBe("confirmed");
    const t = await getDb()
      .selectFrom("shortlist_transitions")
      .select(["actor_kind", "note"])
      .where("shortlist_candidate_id", "=", rowIds.emailOnly)
      .where("event", "=", "candidate_confirm")
      .executeTakeFirstOrThrow();
    expect(t).toEqual({ actor_kind: "candidate", note: "Risposta dal collegamento ricevuto" });
    const again = await callRoute(linkRoute.action, post(token, { response: "declined" }), { token });
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).toContain("Risposta registrata il");
    expect((await rowState(rowIds.emailOnly)).state).toBe("available");
    const page = await callRoute(linkRoute.loader, request(`/disponibilita/${token}`), { token });
    expect(page.status).toBe(200);
    expect((page.body as { message: string }).message).toMatch(/^Risposta registrata il .*: sei disponibile/);
  });

  it("refuses a tampered link (404, clear message) and a made-up one", async () => {
    const rosa = await newRosa();
    await contactAll(rosa);
    const { rowIds } = rosa;
    const { token } = await linkFor(rowIds.phoneOnly);
    const tampered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    for (const t of [tampered, "x".repeat(32), token.replace(/^[0-9a-f]/, (c) => (c === "0" ? "1" : "0"))]) {
      const page = await callRoute(linkRoute.loader, request(`/disponibilita/${t}`), { token: t });
      expect(page.status).toBe(404);
      expect((page.body as { message: string }).message).toContain("Il collegamento non è valido");
      const answer = await callRoute(linkRoute.action, post(t, { response: "confirmed" }), { token: t });
      expect(answer.status).toBe(404);
    }
    expect((await rowState(rowIds.phoneOnly)).state).toBe("contacting");
  });

  it("an expired link says so (410) and records nothing", async () => {
    const rosa = await newRosa();
    await contactAll(rosa);
    const { rowIds } = rosa;
    const token = await expiredNewerLink(rowIds.withAccount);
    const page = await callRoute(linkRoute.loader, request(`/disponibilita/${token}`), { token });
    expect(page.status).toBe(410);
    expect((page.body as { message: string }).message).toMatch(/^Il collegamento è scaduto il /);
    const answer = await callRoute(linkRoute.action, post(token, { response: "confirmed" }), { token });
    expect(answer.status).toBe(409);
    expect(JSON.stringify(answer.body)).toContain("scaduto");
    expect((await rowState(rowIds.withAccount)).state).toBe("contacting");
  });

  it("an older link is superseded by the newer one; a missing answer is a form error", async () => {
    const rosa = await newRosa();
    await contactAll(rosa);
    const { rowIds } = rosa;
    await expiredNewerLink(rowIds.withAccount); // the newer link that supersedes the first
    const old = await getDb()
      .selectFrom("availability_requests")
      .select(["id", "expires_at"])
      .where("shortlist_candidate_id", "=", rowIds.withAccount)
      .where("channel", "=", "email")
      .orderBy("created_at")
      .executeTakeFirstOrThrow();
    const token = availabilityToken(old.id, old.expires_at);
    const page = await callRoute(linkRoute.loader, request(`/disponibilita/${token}`), { token });
    expect((page.body as { message: string }).message).toContain("non attende più una risposta");
    const { token: smsToken } = await linkFor(rowIds.phoneOnly);
    const empty = await callRoute(linkRoute.action, post(smsToken, {}), { token: smsToken });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain("Sono disponibile");
  });
});

describe("the officer records the hire on the employer's behalf", () => {
  const valid = (rowId: string, version: number) => ({
    intent: "hire",
    rowId,
    version: String(version),
    requestChannel: "telefono",
    contractType: "A.02.00",
    startDate: "2027-01-11",
    endDate: "2027-07-10",
    workingTime: "P",
    weeklyHours: "24",
    ccnl: "042 — C.c.n.l. per i dipendenti dalle aziende del terziario",
    contractLevel: "4",
    qualification: "5.1.2.2.0.1",
    grossPay: "15.600,00",
    workComune: "Cremona (CR)",
  });

  it("reports every problem of the form at once, in Italian", async () => {
    const rosa = await presentedRosa();
    const { rowIds, shortlistId, vacancyId } = rosa;
    const { version } = await rowState(rowIds.emailOnly);
    const bad = await callRoute(
      officerRoute.action,
      officerPost(rosa, {
        ...valid(rowIds.emailOnly, version),
        requestChannel: "",
        contractType: "A.03.02",
        endDate: "2027-01-01",
        weeklyHours: "45",
        ccnl: "ZZZ",
        qualification: "9.9.9",
        startDate: "2027-01-11",
      }),
      { shortlistId },
    );
    expect(bad.status).toBe(400);
    const errors = formErrorsOf(bad.body);
    expect(errors.contractType).toContain("non è più in vigore");
    expect(errors.ccnl).toContain("CCNL sconosciuto");
    expect(errors.qualification).toContain("Qualifica sconosciuta");
    const shape = await callRoute(
      officerRoute.action,
      officerPost(rosa, { ...valid(rowIds.emailOnly, version), endDate: "2027-01-01", weeklyHours: "45", startDate: "2027-02-30" }),
      { shortlistId },
    );
    expect(formErrorsOf(shape.body).startDate).toContain("Data inesistente");
    const cross = await callRoute(
      officerRoute.action,
      officerPost(rosa, { ...valid(rowIds.emailOnly, version), endDate: "2027-01-01", weeklyHours: "45" }),
      { shortlistId },
    );
    const crossErrors = formErrorsOf(cross.body);
    expect(crossErrors.endDate).toBe("La data di fine non può precedere l'inizio");
    expect(crossErrors.weeklyHours).toBe("Tempo parziale: al massimo 39 ore settimanali");
    const noEnd = await callRoute(officerRoute.action, officerPost(rosa, { ...valid(rowIds.emailOnly, version), endDate: "" }), {
      shortlistId,
    });
    expect(formErrorsOf(noEnd.body).endDate).toContain("indica la data di fine");
    const noChannel = await callRoute(officerRoute.action, officerPost(rosa, { ...valid(rowIds.emailOnly, version), requestChannel: "" }), {
      shortlistId,
    });
    expect(noChannel.status).toBe(400);
    expect(formErrorsOf(noChannel.body).requestChannel).toContain("come l'azienda ha chiesto");
    expect(await getDb().selectFrom("hires").select("id").where("vacancy_id", "=", vacancyId).execute()).toEqual([]);
  });

  it("records it with the UNILAV fields, the channel and an audit entry; employer and officer see it", async () => {
    const rosa = await presentedRosa();
    const { rowIds, shortlistId, vacancyId } = rosa;
    const { version } = await rowState(rowIds.emailOnly);
    const ok = await callRoute(officerRoute.action, officerPost(rosa, valid(rowIds.emailOnly, version)), { shortlistId });
    expect(ok.status).toBe(302);
    const hire = await getDb()
      .selectFrom("hires")
      .select([
        "contract_type",
        "working_time_code",
        "weekly_hours",
        "ccnl_code",
        "contract_level",
        "qualification_code",
        "gross_annual_pay",
        "recorded_as",
        "request_channel",
        "recorded_by",
        "l68_reserved_post",
      ])
      .where("vacancy_id", "=", vacancyId)
      .executeTakeFirstOrThrow();
    expect(hire).toEqual({
      contract_type: "A.02.00",
      working_time_code: "P",
      weekly_hours: "24.0",
      ccnl_code: "042",
      contract_level: "4",
      qualification_code: "5.1.2.2.0.1",
      gross_annual_pay: "15600.00",
      recorded_as: "officer",
      request_channel: "telefono",
      recorded_by: officerId,
      l68_reserved_post: false,
    });
    const audit = await getDb()
      .selectFrom("audit_log")
      .select(["actor_user_id", "details"])
      .where("action", "=", "hire.record")
      .where("entity_id", "=", vacancyId)
      .executeTakeFirstOrThrow();
    expect(audit.actor_user_id).toBe(officerId);
    expect(audit.details).toMatchObject({ recordedAs: "officer", requestChannel: "telefono", contractType: "A.02.00" });
    const employerPage = await callRoute(employerRoute.loader, request(`/azienda/rose/${shortlistId}`, { cookie: employerCookie }), {
      shortlistId,
    });
    const hires = (
      employerPage.body as {
        hires: { recorded_as: string; request_channel: string; comune_name: string; labels: { contractType: string; ccnl: string } }[];
      }
    ).hires;
    expect(hires).toHaveLength(1);
    expect(hires[0]).toMatchObject({ recorded_as: "officer", request_channel: "telefono", comune_name: "Cremona" });
    expect(hires[0]!.labels.contractType).toBe("Lavoro a tempo determinato (A.02.00)");
    expect(hires[0]!.labels.ccnl).toContain("(042)");
    const officerPage = await callRoute(officerVacancyRoute.loader, request(`/operatore/offerte/${vacancyId}`, { cookie: officer }), {
      vacancyId,
    });
    expect((officerPage.body as { hires: unknown[] }).hires).toHaveLength(1);
    const viewAudit = await getDb()
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "hire.list_viewed")
      .where("entity_id", "=", vacancyId)
      .execute();
    expect(viewAudit).toHaveLength(1);
  });

  it("a second submit of the same hire is refused with a message (stale version), not a 500", async () => {
    const rosa = await presentedRosa();
    const { rowIds, shortlistId, vacancyId } = rosa;
    const first = await callRoute(
      officerRoute.action,
      officerPost(rosa, valid(rowIds.emailOnly, (await rowState(rowIds.emailOnly)).version)),
      {
        shortlistId,
      },
    );
    expect(first.status).toBe(302);
    const again = await callRoute(officerRoute.action, officerPost(rosa, valid(rowIds.emailOnly, 1)), { shortlistId });
    expect(again.status).toBe(409);
    expect(await getDb().selectFrom("hires").select("id").where("vacancy_id", "=", vacancyId).execute()).toHaveLength(1);
  });
});
