/**
 * Production units' local holidays (docs/legal/l68.md#s1-7): recorded with the workforce by the employer or
 * the officer, prefilled from the provincial capital's patron saint, and excluded from the working
 * days of the exemption contribution. Plus the workforce form refusing unknown province codes.
 */
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { addDays } from "~/domain/l68/calculator/dates";
import { workingDays } from "~/domain/l68/calculator/working-days";
import * as employerFile from "~/routes/azienda.collocamento-mirato._index";
import * as officerFile from "~/routes/operatore.collocamento-mirato.$employerId";
import * as newRecord from "~/routes/azienda.collocamento-mirato.pratiche.nuova";
import * as officerRecord from "~/routes/operatore.collocamento-mirato.pratiche.$recordId._index";
import { todayInItaly } from "~/utils/dates";
import { request } from "../support/factories";
import { createL68Employer, createPlacementOfficer, fileForm, multipartRequest } from "../support/factories-l68";
import { callRoute, formErrorsOf } from "../support/routes";

const PAGE = "/azienda/collocamento-mirato";
const today = todayInItaly();
const groups = (employerId: string) =>
  getDb()
    .selectFrom("l68_workforce_groups")
    .select(["province_code", "patron_saint", "extra_holidays"])
    .where("employer_id", "=", employerId)
    .orderBy("created_at")
    .execute();

async function fileExemption(cookie: string, provinceCode: string) {
  const fields = {
    kind: "esonero",
    provinceCode,
    startsOn: today,
    endsOn: addDays(today, 60),
    percent: "60",
    weekDays: "5",
    reason: "Lavorazioni pericolose",
  };
  const outcome = await callRoute(newRecord.action, multipartRequest("/azienda/collocamento-mirato/pratiche/nuova", cookie, fields));
  expect(outcome.status, JSON.stringify(outcome.body)).toBe(302);
  const id = outcome.location!.split("/").pop()!;
  const row = await getDb().selectFrom("l68_records").select("details").where("id", "=", id).executeTakeFirstOrThrow();
  return (row.details as { contribution: { holidays: string[]; periods: { from: string; to: string; workingDays: number }[] } })
    .contribution;
}

describe("festività locali delle unità produttive", () => {
  it("the employer records the patron saint and CCNL holidays of a unit; the exemption's working days exclude them", async () => {
    const e = await createL68Employer();
    const post = async (form: Record<string, string>) => callRoute(employerFile.action, await fileForm(PAGE, e.cookie, e.employerId, form));
    const bad = await post({
      intent: "add-group",
      provinceCode: "MI",
      count: "100",
      contract: "indeterminato",
      patronSaint: "31/2",
      extraHolidays: "14/8, 40/1",
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(formErrorsOf(bad.body)).sort()).toEqual(["extraHolidays", "patronSaint"]);

    const ok = await post({
      intent: "add-group",
      provinceCode: "MI",
      siteLabel: "Sesto",
      count: "100",
      contract: "indeterminato",
      patronSaint: "24/6",
      extraHolidays: "14/8, 2/11/2026",
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(302);
    expect(await groups(e.employerId)).toEqual([{ province_code: "MI", patron_saint: "06-24", extra_holidays: ["08-14", "2026-11-02"] }]);

    const contribution = await fileExemption(e.cookie, "MI");
    expect(contribution.holidays).toEqual(["06-24", "08-14", "2026-11-02"]);
    for (const p of contribution.periods) expect(p.workingDays).toBe(workingDays(p.from, p.to, 5, contribution.holidays));
  });

  it("without a declared patron the provincial capital's is used (Torino, San Giovanni 24 June); the officer records units too", async () => {
    const e = await createL68Employer();
    const officer = await createPlacementOfficer("MI"); // the office of the legal seat
    const r = await callRoute(
      officerFile.action,
      await fileForm(`/operatore/collocamento-mirato/${e.employerId}`, officer.cookie, e.employerId, {
        intent: "add-group",
        provinceCode: "TO",
        count: "100",
        contract: "indeterminato",
        extraHolidays: "16/8",
      }),
      { employerId: e.employerId },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(302);
    expect(await groups(e.employerId)).toEqual([{ province_code: "TO", patron_saint: null, extra_holidays: ["08-16"] }]);
    expect((await fileExemption(e.cookie, "TO")).holidays).toEqual(["06-24", "08-16"]);
  });

  it("the workforce form refuses an unknown province code («ZZ») with an Italian message", async () => {
    const e = await createL68Employer();
    const r = await callRoute(
      employerFile.action,
      await fileForm(PAGE, e.cookie, e.employerId, { intent: "add-group", provinceCode: "ZZ", count: "10", contract: "indeterminato" }),
    );
    expect(r.status).toBe(400);
    expect(formErrorsOf(r.body).provinceCode).toMatch(/Provincia sconosciuta/);
    expect(await groups(e.employerId)).toEqual([]);
  });
});

describe("lavoratori protetti: invalidi del lavoro e lavoro a domicilio (art. 4 c. 3 e c. 4; DPR 333/2000 art. 3 c. 4)", () => {
  it("an INAIL degree above 33 % covers, employer at fault does not, a home worker only with a full-time workload", async () => {
    const e = await createL68Employer();
    const post = async (form: Record<string, string>) => callRoute(employerFile.action, await fileForm(PAGE, e.cookie, e.employerId, form));
    expect((await post({ intent: "add-group", provinceCode: "MI", count: "100", contract: "indeterminato" })).status).toBe(302);
    const worker = { intent: "add-worker", provinceCode: "MI", contract: "indeterminato", hiredOn: today };
    const covered = async () =>
      (
        await getDb()
          .selectFrom("l68_snapshots")
          .select("covered_disabili")
          .where("employer_id", "=", e.employerId)
          .orderBy("id", "desc")
          .limit(1)
          .executeTakeFirstOrThrow()
      ).covered_disabili;

    const injured = await post({ ...worker, workerName: "Mario Rossi", category: "disabile_art4", inailPercent: "40" });
    expect(injured.status, JSON.stringify(injured.body)).toBe(302);
    expect(await covered()).toBe(1);
    await post({ ...worker, workerName: "Anna Bianchi", category: "disabile_art4", inailPercent: "70", employerAtFault: "on" });
    expect(await covered()).toBe(1);
    await post({ ...worker, workerName: "Luca Verdi", category: "disabile_l68", contract: "domicilio" });
    expect(await covered()).toBe(1);
    await post({ ...worker, workerName: "Sara Neri", category: "disabile_l68", contract: "domicilio", fullTimeWorkload: "on" });
    expect(await covered()).toBe(2);

    const refused = await post({ ...worker, workerName: "Ugo Blu", category: "disabile_l68", inailPercent: "40" });
    expect(refused.status).toBe(400);
    expect(Object.keys(formErrorsOf(refused.body))).toContain("inailPercent");
  });
});

describe("esonero con autocertificazione 60 per mille nel fascicolo (docs/legal/l68.md#s1-7, formula PRODIS/SILAP)", () => {
  it("quota 10, 3 positions self-certified, exemption at 60 %: 3 exempted and 4 still missing (not 6 and 1)", async () => {
    const e = await createL68Employer();
    const officer = await createPlacementOfficer("MI");
    const post = async (form: Record<string, string>) => callRoute(employerFile.action, await fileForm(PAGE, e.cookie, e.employerId, form));
    expect((await post({ intent: "add-group", provinceCode: "MI", count: "143", contract: "indeterminato" })).status).toBe(302); // quota R(10.01) = 10, art. 18 quota 1
    const fields = (kind: string, extra: Record<string, string>) => ({
      kind,
      provinceCode: "MI",
      startsOn: today,
      endsOn: addDays(today, 60),
      weekDays: "5",
      ...extra,
    });
    const self = await callRoute(
      newRecord.action,
      multipartRequest(
        "/azienda/collocamento-mirato/pratiche/nuova",
        e.cookie,
        fields("autocertificazione_60", { workers60: "43", inailRate: "75" }),
      ),
    );
    expect(self.status, JSON.stringify(self.body)).toBe(302); // R(7 % × 43 = 3.01) = 3 positions
    const ex = await callRoute(
      newRecord.action,
      multipartRequest(
        "/azienda/collocamento-mirato/pratiche/nuova",
        e.cookie,
        fields("esonero", { percent: "60", reason: "Lavorazioni pericolose" }),
      ),
    );
    expect(ex.status, JSON.stringify(ex.body)).toBe(302);
    const id = ex.location!.split("/").pop()!;
    const details = (await getDb().selectFrom("l68_records").select("details").where("id", "=", id).executeTakeFirstOrThrow()).details as {
      contribution: { periods: { maxUnits: number; exemptedUnits: number }[] };
    };
    expect(details.contribution.periods[0]).toMatchObject({ maxUnits: 3, exemptedUnits: 3 });
    const { version } = await getDb().selectFrom("l68_records").select("version").where("id", "=", id).executeTakeFirstOrThrow();
    const approve = request(`/operatore/collocamento-mirato/pratiche/${id}`, {
      cookie: officer.cookie,
      form: { version: String(version), event: "approve" },
    });
    expect((await callRoute(officerRecord.action, approve, { recordId: id })).status).toBe(302);
    const snap = await getDb()
      .selectFrom("l68_snapshots")
      .select(["missing_after_exemptions", "result"])
      .where("employer_id", "=", e.employerId)
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(snap.missing_after_exemptions).toBe(4 + 1); // 4 disabled positions + 1 art. 18
    expect((snap.result as { selfCertified: { positions: number } }).selfCertified.positions).toBe(3);
  });
});
