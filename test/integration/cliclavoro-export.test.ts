import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { validateNationalXml } from "~/documents/xsd.server";
import { bcnlStatus, exportVacancyClicLavoro } from "~/domain/vacancies/index.server";
import { getVacancy } from "~/domain/vacancies/queries.server";
import * as bcnl from "~/routes/operatore.offerte.$vacancyId.bcnl";
import * as officerDetail from "~/routes/operatore.offerte.$vacancyId";
import { seedCandidates } from "../../server/seed/candidates";
import { seedInternships } from "../../server/seed/internships";
import { seedL68 } from "../../server/seed/l68";
import { seedOutplacement } from "../../server/seed/outplacement";
import { seedReservedVacancyDemo } from "../../server/seed/placement";
import { seedPlatform } from "../../server/seed/platform";
import { seedShortlistDemo } from "../../server/seed/shortlists";
import { seedVacancies } from "../../server/seed/vacancies";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { insertVacancy } from "../support/factories-vacancies";
import { inRolledBackTransaction } from "../support/rolled-back";
import { callRoute, formErrorsOf } from "../support/routes";

let employerId: string;
let officerCookie: string;

beforeAll(async () => {
  employerId = (await createEmployer()).id;
  // ClicLavoro wants the ATECO subcategory: the factory's division is not enough.
  await getDb().updateTable("employers").set({ ateco_code: "10.71.10" }).where("id", "=", employerId).execute();
  officerCookie = await cookieFor((await createUserWithRole("preselection_officer")).id);
});

const exportOf = (id: string) =>
  callRoute(bcnl.loader, request(`/operatore/offerte/${id}/bcnl`, { cookie: officerCookie }), { vacancyId: id });
const messagesOf = (id: string) =>
  getDb().selectFrom("vacancy_cliclavoro_messages").selectAll().where("vacancy_id", "=", id).orderBy("revision").execute();
const audits = (id: string) =>
  getDb().selectFrom("audit_log").select(["action", "details"]).where("entity_id", "=", id).where("action", "like", "vacancy.%").execute();
const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

describe("ClicLavoro export of a vacancy", () => {
  it("offers a published vacancy's document, valid against the schema, recorded and audited; the same again while unchanged", async () => {
    const v = await insertVacancy(employerId, { status: "published" });
    const first = await exportOf(v.id);
    expect(first.status).toBe(200);
    const xml = String(first.body);
    expect(await validateNationalXml("cliclavoroVacancy", xml)).toEqual({ valid: true });
    expect(tag(xml, "idprofessione")).toBe("5.1.2.2.0.0");
    expect(tag(xml, "settore")).toBe("10.71.10");
    expect(tag(xml, "idtipologiacontratto")).toBe("A01");
    expect(tag(xml, "idcomune")).toBe("F205");
    const code = tag(xml, "codiceofferta")!;
    expect(code).toMatch(/^10000\d{2}211\d{15}$/);
    expect(code.slice(10, 22)).toBe(String(v.number).padStart(12, "0"));
    const again = await exportOf(v.id);
    expect(tag(String(again.body), "codiceofferta")).toBe(code);
    expect(await messagesOf(v.id)).toHaveLength(1);
    expect((await audits(v.id)).filter((a) => a.action === "vacancy.exported_bcnl")).toHaveLength(2);
  });

  it("sends an update after a change and a closing after the vacancy closes, each pointing at the previous code", async () => {
    const v = await insertVacancy(employerId, { status: "published" });
    const sent = tag(String((await exportOf(v.id)).body), "codiceofferta")!;
    // The officer refines the qualification: the content changes.
    const chosen = await callRoute(
      officerDetail.action,
      request(`/operatore/offerte/${v.id}`, { cookie: officerCookie, form: { intent: "cp2011", cp2011: "5.1.2.2.0.6" } }),
      { vacancyId: v.id },
    );
    expect(chosen.status).toBe(302);
    const update = String((await exportOf(v.id)).body);
    expect(tag(update, "tipoofferta")).toBe("01");
    expect(tag(update, "idprofessione")).toBe("5.1.2.2.0.6");
    expect(tag(update, "codiceoffertaprecedente")).toBe(sent);
    await getDb()
      .updateTable("vacancies")
      .set({ status: "closed", closed_at: new Date(), outcome: "cancelled" })
      .where("id", "=", v.id)
      .execute();
    const closing = String((await exportOf(v.id)).body);
    expect(await validateNationalXml("cliclavoroVacancy", closing)).toEqual({ valid: true });
    expect(tag(closing, "tipoofferta")).toBe("02");
    expect(tag(closing, "motivochiusura")).toBe("03");
    expect(tag(closing, "codiceoffertaprecedente")).toBe(tag(update, "codiceofferta"));
    expect((await messagesOf(v.id)).map((m) => m.kind)).toEqual(["invio", "aggiornamento", "chiusura"]);
  });

  it("never exports an internal vacancy, nor one not yet published", async () => {
    for (const v of [
      await insertVacancy(employerId, { status: "published", publicationMode: "internal" }),
      await insertVacancy(employerId, { status: "validated" }),
    ]) {
      const outcome = await exportOf(v.id);
      expect(outcome.status).toBe(302);
      expect(outcome.location).toBe(`/operatore/offerte/${v.id}#cliclavoro`);
      expect(await messagesOf(v.id)).toHaveLength(0);
      expect((await audits(v.id)).filter((a) => a.action === "vacancy.exported_bcnl")).toHaveLength(0);
      // Nor through the open API's export.
      expect((await exportVacancyClicLavoro(getDb(), v.id)).kind).toBe("not_found");
    }
  });

  it("gives authorised systems the same document the officer gets, without recording a message", async () => {
    const v = await insertVacancy(employerId, { status: "published" });
    const api = await exportVacancyClicLavoro(getDb(), v.id);
    expect(api.kind).toBe("ok");
    if (api.kind !== "ok") return;
    expect(await validateNationalXml("cliclavoroVacancy", api.xml)).toEqual({ valid: true });
    expect(await messagesOf(v.id)).toHaveLength(0);
    expect(tag(String((await exportOf(v.id)).body), "codiceofferta")).toBe(api.code);
  });

  it("asks the officer for the CP2011 qualification when the profession has no certain one, then exports", async () => {
    const v = await insertVacancy(employerId, { status: "published" });
    // Tecnici GIS: new in CP2021, no CP2011 unit of its own.
    await getDb().updateTable("vacancies").set({ occupation_code: "3.1.2.7.0" }).where("id", "=", v.id).execute();
    expect((await exportOf(v.id)).status).toBe(302);
    const page = await callRoute(officerDetail.loader, request(`/operatore/offerte/${v.id}`, { cookie: officerCookie }), {
      vacancyId: v.id,
    });
    const cliclavoro = (page.body as { cliclavoro: { ready: string | null; problems: { message: string; href: string }[] } }).cliclavoro;
    expect(cliclavoro.ready).toBeNull();
    expect(cliclavoro.problems).toEqual([expect.objectContaining({ href: "#cp2011" })]);
    expect(cliclavoro.problems[0]!.message).toContain("CP2011");
    const wrong = await callRoute(
      officerDetail.action,
      request(`/operatore/offerte/${v.id}`, { cookie: officerCookie, form: { intent: "cp2011", cp2011: "5.1.2.2.0.6" } }),
      { vacancyId: v.id },
    );
    expect(formErrorsOf(wrong.body).cp2011).toMatch(/Scegli una delle qualifiche/);
    await callRoute(
      officerDetail.action,
      request(`/operatore/offerte/${v.id}`, { cookie: officerCookie, form: { intent: "cp2011", cp2011: "3.1.2.1.0.0" } }),
      { vacancyId: v.id },
    );
    const outcome = await exportOf(v.id);
    expect(outcome.status).toBe(200);
    expect(tag(String(outcome.body), "idprofessione")).toBe("3.1.2.1.0.0");
    expect((await audits(v.id)).map((a) => a.action)).toContain("vacancy.cp2011_chosen");
  });
});

describe("demo data", () => {
  it("every published demo vacancy gets a valid ClicLavoro document", { timeout: 180_000 }, async () => {
    const checked = await inRolledBackTransaction(async (trx) => {
      const refs = await seedPlatform(trx);
      for (const seed of [
        seedL68,
        seedCandidates,
        seedVacancies,
        seedShortlistDemo,
        seedReservedVacancyDemo,
        seedOutplacement,
        seedInternships,
      ])
        await seed(trx, refs);
      const rows = await trx
        .selectFrom("vacancies")
        .select("id")
        .where("published_at", "is not", null)
        .where("publication_mode", "!=", "internal")
        .execute();
      expect(rows.length).toBeGreaterThan(3);
      let choices = 0;
      let valid = 0;
      for (const { id } of rows) {
        let v = (await getVacancy(trx, { kind: "officer" }, id))!;
        let status = await bcnlStatus(trx, v);
        // A profession without a certain CP2011 code waits for the officer's choice: once made, the document is valid.
        if (!status.next.ok && status.next.problems.length === 1 && status.next.problems[0]!.fix === "cp2011") {
          await trx.updateTable("vacancies").set({ cp2011_code: status.mapping!.candidates[0]!.code }).where("id", "=", id).execute();
          v = (await getVacancy(trx, { kind: "officer" }, id))!;
          status = await bcnlStatus(trx, v);
          choices++;
        }
        const answer = status.next.ok ? "ok" : (status.next.refused ?? status.next.problems.map((p) => p.message).join(" | "));
        // A closed demo vacancy never sent has no closing to send: that is the only refusal allowed.
        if (v.status === "closed" && !status.next.ok && status.next.refused) continue;
        expect(answer, `${v.number} ${v.title}`).toBe("ok");
        valid++;
      }
      // The demo shows the choice at least once.
      expect(choices).toBeGreaterThan(0);
      return valid;
    });
    expect(checked).toBeGreaterThan(3);
  });
});
