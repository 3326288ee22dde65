// A reserved art. 1 vacancy linked to the structured post it describes, matched
// against the province's list (placement officers only, every view audited), and the nominative
// referral started from the list, prefilled.
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import * as employerPosts from "~/routes/azienda.collocamento-mirato.posti";
import * as enrolForm from "~/routes/operatore.collocamento-mirato.iscrizione";
import * as vacancyMatch from "~/routes/operatore.collocamento-mirato.abbinamento.offerta.$vacancyId";
import * as postMatch from "~/routes/operatore.collocamento-mirato.abbinamento.posto.$postId";
import * as referrals from "~/routes/operatore.collocamento-mirato.avviamenti._index";
import * as officerVacancy from "~/routes/operatore.offerte.$vacancyId";
import * as enrolmentPage from "~/routes/operatore.collocamento-mirato.elenco.$enrolmentId";
import { addMonths } from "~/domain/l68/calculator/dates";
import { todayInItaly } from "~/utils/dates";
import { cookieFor, createUserWithRole, request } from "../support/factories";
import { createTestCandidate } from "../support/factories-candidates";
import { createL68Employer, createPlacementOfficer } from "../support/factories-l68";
import { enrolmentForm, post, postForm } from "../support/factories-placement";
import { insertVacancy } from "../support/factories-vacancies";
import { callRoute } from "../support/routes";
import type { Db } from "~/db/db.server";
import { matchElenco } from "~/domain/placement/elenco-match.server";
import { getPost } from "~/domain/placement/posts.server";
import { seedL68 } from "../../server/seed/l68";
import { seedReservedVacancyDemo } from "../../server/seed/placement";
import { seedPlatform } from "../../server/seed/platform";

/** Thrown to roll the demo data back: the test database is shared by the other files. */
class Rollback extends Error {}

const today = todayInItaly();

type Person = {
  id: string;
  position: number;
  name: string;
  score: string;
  fits: boolean;
  checks: { ok: boolean; binding: boolean; text: string }[];
};
type Match = {
  people: Person[];
  counts: { total: number; fitting: number; excluded: number; fittingSameOccupation: number; fittingWithinRadius: number };
  freePlaces: number;
};

async function enrol(cookie: string, form: Record<string, string>) {
  const r = await callRoute(enrolForm.action, post("/operatore/collocamento-mirato/iscrizione", cookie, form));
  expect(r.status, JSON.stringify(r.body)).toBe(302);
  return r.location!.split("/").pop()!;
}

/** An employer in Milano with a reserved art. 1 vacancy (radius 10 km) and an open post (2 places; «guida» keeps demo people out). */
async function world(opts: { reserved?: "art1" | "art18" } = {}) {
  const e = await createL68Employer();
  const officer = await createPlacementOfficer("MI");
  const added = await callRoute(
    employerPosts.action,
    post(
      "/azienda/collocamento-mirato/posti",
      e.cookie,
      postForm(["uso_computer", "guida"], { posts: "2", task: "Addetto alle vendite online" }),
    ),
  );
  expect(added.status, JSON.stringify(added.body)).toBe(302);
  const p = await getDb().selectFrom("l68_available_posts").select("id").where("employer_id", "=", e.employerId).executeTakeFirstOrThrow();
  const v = await insertVacancy(e.employerId, { status: "published", title: "Addetto/a vendite online (riservata L. 68/99)" });
  await getDb()
    .updateTable("vacancies")
    .set({ l68_reserved: opts.reserved ?? "art1", radius_km: 10 })
    .where("id", "=", v.id)
    .execute();
  return { e, officer, postId: p.id, vacancyId: v.id };
}

const matchPath = (id: string) => `/operatore/collocamento-mirato/abbinamento/offerta/${id}`;

describe("matching a reserved vacancy with the province's list", () => {
  it("links the post, lists the people by ranking with why each fits or not, audits every view, and starts a prefilled nominative referral", async () => {
    const { e, officer, postId, vacancyId } = await world();
    const top = await enrol(
      officer.cookie,
      enrolmentForm({ firstName: "Alta", enrolledOn: addMonths(today, -30), percent: "90", capacities: ["uso_computer", "guida"] }),
    );
    const cv = await createTestCandidate({ firstName: "Carla", lastName: "Banco" });
    const withCv = await enrol(officer.cookie, {
      ...enrolmentForm({ firstName: "Carla", enrolledOn: addMonths(today, -2), percent: "60", capacities: ["uso_computer", "guida"] }),
      taxCode: cv.input.taxCode,
    });
    const far = await enrol(officer.cookie, {
      ...enrolmentForm({ firstName: "Lontana", enrolledOn: addMonths(today, -1), percent: "50", capacities: ["uso_computer", "guida"] }),
      comune: "Pavia (PV)",
    });
    const noCar = await enrol(
      officer.cookie,
      enrolmentForm({ firstName: "Senzapatente", enrolledOn: addMonths(today, -40), percent: "100", capacities: ["uso_computer"] }),
    );

    // Before the link: no matching, the employer's open post is offered.
    const before = await callRoute(vacancyMatch.loader, request(matchPath(vacancyId), { cookie: officer.cookie }), { vacancyId });
    expect(before.status).toBe(200);
    const b = before.body as { match: Match | null; options: [string, string][] };
    expect(b.match).toBeNull();
    expect(b.options.map((o) => o[0])).toEqual([postId]);

    const bad = await callRoute(vacancyMatch.action, request(matchPath(vacancyId), { cookie: officer.cookie, form: { intent: "link" } }), {
      vacancyId,
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/Scegli il posto/);
    const other = await world();
    const foreign = await callRoute(
      vacancyMatch.action,
      request(matchPath(vacancyId), { cookie: officer.cookie, form: { intent: "link", postId: other.postId } }),
      { vacancyId },
    );
    expect(foreign.status).toBe(400);
    const linked = await callRoute(
      vacancyMatch.action,
      request(matchPath(vacancyId), { cookie: officer.cookie, form: { intent: "link", postId } }),
      { vacancyId },
    );
    expect(linked.status, JSON.stringify(linked.body)).toBe(302);
    expect(
      (await getDb().selectFrom("vacancies").select("l68_post_id").where("id", "=", vacancyId).executeTakeFirstOrThrow()).l68_post_id,
    ).toBe(postId);

    const page = await callRoute(vacancyMatch.loader, request(matchPath(vacancyId), { cookie: officer.cookie }), { vacancyId });
    const m = (page.body as { match: Match }).match;
    const mine = m.people.filter((p) => [top, withCv, far, noCar].includes(p.id));
    // Those who fit first, each group by ranking position; the one without «guida» is not suitable, with the reason.
    expect(mine.map((p) => [p.id, p.fits])).toEqual([
      [top, true],
      [withCv, true],
      [far, true],
      [noCar, false],
    ]);
    const positions = m.people.filter((p) => p.fits).map((p) => p.position);
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    const text = (id: string) =>
      m.people
        .find((p) => p.id === id)!
        .checks.map((c) => `${c.ok}/${c.binding}: ${c.text}`)
        .join(" | ");
    expect(text(noCar)).toMatch(/false\/true: Capacità richieste non presenti: guidare veicoli/);
    expect(text(top)).toMatch(/true\/true: Ha tutte le 2 capacità richieste/);
    expect(text(withCv)).toMatch(/true\/false: Esperienza o preferenza nella professione richiesta \(CP2021 5\.1\.2\.2\.0\)/);
    expect(text(top)).toMatch(/Qualifica non nota/);
    expect(text(far)).toMatch(/false\/false: Domicilio a \d+(,\d)? km dalla sede di Milano \(MI\), oltre i 10 km indicati nell'offerta/);
    // Exact counts: they add up to the list shown.
    expect(m.counts.total).toBe(m.people.length);
    expect(m.counts.fitting).toBe(m.people.filter((p) => p.fits).length);
    expect(m.counts.excluded).toBe(m.counts.total - m.counts.fitting);
    expect(m.counts.fittingWithinRadius).toBe(
      m.people.filter((p) => p.fits && !p.checks.some((c) => !c.ok && /oltre i/.test(c.text))).length,
    );
    expect(m.freePlaces).toBe(2);

    const audit = await getDb()
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("entity_id", "=", vacancyId)
      .where("action", "like", "l68.%")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["l68.vacancy_post_linked", "l68.elenco_match_viewed"]);
    expect(JSON.stringify(audit)).not.toMatch(/Diagnosi|invalido|guida|capacit/i);

    // The officer's vacancy page offers the matching to placement officers only.
    const asPlacement = await callRoute(officerVacancy.loader, request(`/operatore/offerte/${vacancyId}`, { cookie: officer.cookie }), {
      vacancyId,
    });
    expect((asPlacement.body as { elencoMatch: boolean }).elencoMatch).toBe(true);
    const preselection = await cookieFor((await createUserWithRole("preselection_officer")).id);
    const asPreselection = await callRoute(officerVacancy.loader, request(`/operatore/offerte/${vacancyId}`, { cookie: preselection }), {
      vacancyId,
    });
    expect((asPreselection.body as { elencoMatch: boolean }).elencoMatch).toBe(false);

    // From the list to the nominative referral: the form comes prefilled, the nulla osta is issued.
    const href = `/operatore/collocamento-mirato/avviamenti?posto=${postId}&persona=${top}&offerta=${vacancyId}`;
    const form = await callRoute(referrals.loader, request(href, { cookie: officer.cookie }));
    expect((form.body as { prefill: unknown }).prefill).toEqual({ postId, enrolmentId: top, vacancyId });
    const issued = await callRoute(
      referrals.action,
      request("/operatore/collocamento-mirato/avviamenti", { cookie: officer.cookie, form: { postId, enrolmentId: top } }),
    );
    expect(issued.status, JSON.stringify(issued.body)).toBe(302);
    const after = (await callRoute(vacancyMatch.loader, request(matchPath(vacancyId), { cookie: officer.cookie }), { vacancyId })).body as {
      match: Match;
    };
    expect(after.match.freePlaces).toBe(1);
    expect(after.match.people.find((p) => p.id === top)).toMatchObject({
      fits: false,
      checks: expect.arrayContaining([{ ok: false, binding: true, text: "Ha già un avviamento in corso" }]),
    });

    // The post's own matching page: the post's qualification, no radius; the linked vacancy listed.
    const pm = await callRoute(
      postMatch.loader,
      request(`/operatore/collocamento-mirato/abbinamento/posto/${postId}`, { cookie: officer.cookie }),
      { postId },
    );
    expect(pm.status).toBe(200);
    const pb = pm.body as { match: Match; vacancies: { id: string }[] };
    expect(pb.vacancies.map((v) => v.id)).toEqual([vacancyId]);
    expect(pb.match.people.find((p) => p.id === far)!.checks.some((c) => /oltre i/.test(c.text))).toBe(false);
    expect(
      pb.match.people
        .find((p) => p.id === withCv)!
        .checks.map((c) => c.text)
        .join(),
    ).toMatch(/Nessuna esperienza o preferenza nella professione richiesta \(CP2021 4\.1\.1\.1\.0\)/);
    const postViews = await getDb()
      .selectFrom("audit_log")
      .select("id")
      .where("entity_id", "=", postId)
      .where("action", "=", "l68.elenco_match_viewed")
      .execute();
    expect(postViews).toHaveLength(1);

    // Unlink.
    const unlinked = await callRoute(
      vacancyMatch.action,
      request(matchPath(vacancyId), { cookie: officer.cookie, form: { intent: "unlink" } }),
      { vacancyId },
    );
    expect(unlinked.status).toBe(302);
    expect(
      (await getDb().selectFrom("vacancies").select("l68_post_id").where("id", "=", vacancyId).executeTakeFirstOrThrow()).l68_post_id,
    ).toBeNull();
    void e;
  });

  it("health data stay with the placement officers of the province: employers, preselection officers and admins get 403, other provinces 404", async () => {
    const { e, officer, postId, vacancyId } = await world();
    await callRoute(vacancyMatch.action, request(matchPath(vacancyId), { cookie: officer.cookie, form: { intent: "link", postId } }), {
      vacancyId,
    });
    const postPath = `/operatore/collocamento-mirato/abbinamento/posto/${postId}`;
    const cookies: [string, string][] = [
      ["employer", e.cookie],
      ["preselection_officer", await cookieFor((await createUserWithRole("preselection_officer")).id)],
      ["admin", await cookieFor((await createUserWithRole("admin")).id)],
    ];
    for (const [who, cookie] of cookies) {
      expect((await callRoute(vacancyMatch.loader, request(matchPath(vacancyId), { cookie }), { vacancyId })).status, who).toBe(403);
      expect(
        (await callRoute(vacancyMatch.action, request(matchPath(vacancyId), { cookie, form: { intent: "unlink" } }), { vacancyId })).status,
        who,
      ).toBe(403);
      expect((await callRoute(postMatch.loader, request(postPath, { cookie }), { postId })).status, who).toBe(403);
    }
    const turin = await createPlacementOfficer("TO");
    expect((await callRoute(vacancyMatch.loader, request(matchPath(vacancyId), { cookie: turin.cookie }), { vacancyId })).status).toBe(404);
    expect((await callRoute(postMatch.loader, request(postPath, { cookie: turin.cookie }), { postId })).status).toBe(404);
    expect((await callRoute(vacancyMatch.loader, request(matchPath("x"), { cookie: officer.cookie }), { vacancyId: "x" })).status).toBe(
      404,
    );
    const views = await getDb()
      .selectFrom("audit_log")
      .select("id")
      .where("entity_id", "in", [vacancyId, postId])
      .where("action", "=", "l68.elenco_match_viewed")
      .execute();
    expect(views).toHaveLength(0);
  });

  it("only an art. 1 reserved vacancy is linked to a post: art. 18 gets a clear 409, the database refuses the rest", async () => {
    const { officer, postId, vacancyId } = await world({ reserved: "art18" });
    const page = await callRoute(vacancyMatch.loader, request(matchPath(vacancyId), { cookie: officer.cookie }), { vacancyId });
    expect(page.status).toBe(200);
    expect((page.body as { match: unknown; options: unknown[] }).options).toEqual([]);
    const r = await callRoute(
      vacancyMatch.action,
      request(matchPath(vacancyId), { cookie: officer.cookie, form: { intent: "link", postId } }),
      { vacancyId },
    );
    expect(r.status).toBe(409);
    expect(JSON.stringify(r.body)).toMatch(/art\. 1 L\. 68\/99/);
    await expect(getDb().updateTable("vacancies").set({ l68_post_id: postId }).where("id", "=", vacancyId).execute()).rejects.toThrow(
      /vacancies_l68_post_art1/,
    );
  });
});

describe("demo data", () => {
  it("the bakery's reserved vacancy is linked to its post and the list shows who fits", { timeout: 60_000 }, async () => {
    let checked = false;
    await getDb()
      .transaction()
      .execute(async (trx) => {
        const refs = await seedPlatform(trx);
        await seedL68(trx, refs);
        await seedReservedVacancyDemo(trx, refs);
        const v = await trx
          .selectFrom("vacancies")
          .select(["id", "status", "l68_reserved", "l68_post_id", "occupation_code", "radius_km"])
          .where("employer_id", "=", refs.employers.bakery)
          .where("l68_post_id", "is not", null)
          .executeTakeFirstOrThrow();
        expect(v).toMatchObject({ status: "published", l68_reserved: "art1" });
        const p = (await getPost(trx, v.l68_post_id!))!;
        const m = await matchElenco(trx as unknown as Db, "MI", p, { occupationCode: v.occupation_code, radiusKm: v.radius_km }, today);
        const demo = m.people.filter((x) =>
          ["Costa Giulia", "Greco Paolo", "Russo Davide", "Bianchi Laura", "Ferraro Marco"].includes(x.name),
        );
        expect(demo.map((x) => [x.name, x.fits])).toEqual([
          ["Greco Paolo", true],
          ["Costa Giulia", true],
          ["Bianchi Laura", false],
          ["Ferraro Marco", false],
          ["Russo Davide", false],
        ]);
        expect(m.freePlaces).toBe(2);
        checked = true;
        throw new Rollback();
      })
      .catch((e) => {
        if (!(e instanceof Rollback)) throw e;
      });
    expect(checked).toBe(true);
  });
});

describe("health data after the enrolment", () => {
  it("the placement officer corrects them: versioned, the old version kept, audited by field names only; others cannot", async () => {
    const officer = await createPlacementOfficer("MI");
    const id = await enrol(
      officer.cookie,
      enrolmentForm({ firstName: "Rivista", enrolledOn: addMonths(today, -1), percent: "60", capacities: ["uso_computer"] }),
    );
    const path = `/operatore/collocamento-mirato/elenco/${id}`;
    const form = (extra: Record<string, string>) => ({
      version: "1",
      disabilityCategory: "invalido_civile",
      disabilityPercent: "75,5",
      functionalDiagnosis: "Diagnosi funzionale riservata: rivalutazione dopo la nuova visita.",
      "cap.uso_computer": "on",
      "cap.guida": "on",
      needsPublicTransport: "on",
      ...extra,
    });
    const bad = await callRoute(enrolmentPage.action, request(path, { cookie: officer.cookie, form: form({ disabilityPercent: "140" }) }), {
      enrolmentId: id,
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/Percentuale non valida/);
    const others = [
      await cookieFor((await createUserWithRole("preselection_officer")).id),
      await cookieFor((await createUserWithRole("admin")).id),
      (await createL68Employer()).cookie,
    ];
    for (const cookie of others)
      expect((await callRoute(enrolmentPage.action, request(path, { cookie, form: form({}) }), { enrolmentId: id })).status).toBe(403);
    const turin = await createPlacementOfficer("TO");
    expect(
      (await callRoute(enrolmentPage.action, request(path, { cookie: turin.cookie, form: form({}) }), { enrolmentId: id })).status,
    ).toBe(404);

    const ok = await callRoute(enrolmentPage.action, request(path, { cookie: officer.cookie, form: form({}) }), { enrolmentId: id });
    expect(ok.status, JSON.stringify(ok.body)).toBe(302);
    const h = await getDb()
      .selectFrom("l68_enrolment_health")
      .select(["version", "disability_percent", "capacities", "needs_public_transport", "updated_by"])
      .where("enrolment_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(h).toEqual({
      version: 2,
      disability_percent: "75.50",
      capacities: ["uso_computer", "guida"],
      needs_public_transport: true,
      updated_by: officer.userId,
    });
    const old = await getDb()
      .selectFrom("l68_enrolment_health_versions")
      .select(["version", "disability_percent", "capacities", "replaced_by"])
      .where("enrolment_id", "=", id)
      .execute();
    expect(old).toEqual([{ version: 1, disability_percent: "60.00", capacities: ["uso_computer"], replaced_by: officer.userId }]);
    const audit = await getDb()
      .selectFrom("audit_log")
      .select("details")
      .where("entity_id", "=", id)
      .where("action", "=", "l68.enrolment_health_updated")
      .executeTakeFirstOrThrow();
    expect(audit.details).toEqual({
      province: "MI",
      version: 2,
      fields: ["disabilityPercent", "functionalDiagnosis", "capacities", "needsPublicTransport"],
    });

    const stale = await callRoute(
      enrolmentPage.action,
      request(path, { cookie: officer.cookie, form: form({ disabilityPercent: "80" }) }),
      { enrolmentId: id },
    );
    expect(stale.status).toBe(409);
    const same = await callRoute(enrolmentPage.action, request(path, { cookie: officer.cookie, form: form({ version: "2" }) }), {
      enrolmentId: id,
    });
    expect(same.status).toBe(400);
    expect(JSON.stringify(same.body)).toMatch(/Nessuna modifica/);
    const page = await callRoute(enrolmentPage.loader, request(path, { cookie: officer.cookie }), { enrolmentId: id });
    expect(page.body).toMatchObject({ person: { health: { version: 2, capacities: ["uso_computer", "guida"] } } });
  });
});
