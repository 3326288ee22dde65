// The placement officer's own actions on an employer's file: a record received by PEC or at the desk
// entered on the employer's behalf with the document received; the art. 17 certificate issued or
// refused by the officer, refused requests visible in the officer's file.
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import * as officerFile from "~/routes/operatore.collocamento-mirato.$employerId";
import * as officerNewRecord from "~/routes/operatore.collocamento-mirato.nuova-pratica.$employerId";
import { todayInItaly } from "~/utils/dates";
import { request } from "../support/factories";
import { createL68Employer, createPlacementOfficer, declareWorkers, multipartRequest } from "../support/factories-l68";
import { callRoute, formErrorsOf } from "../support/routes";

const today = todayInItaly();

describe("placement officer's actions", () => {
  it("enters a referral request received by PEC, with the document; it satisfies the obligation", async () => {
    const e = await createL68Employer();
    const officer = await createPlacementOfficer("MI");
    await declareWorkers(e.employerId, e.cookie, 20);
    const path = `/operatore/collocamento-mirato/nuova-pratica/${e.employerId}`;
    const fields = { kind: "richiesta_numerica", provinceCode: "MI", startsOn: today, units: "1", qualification: "Magazziniere" };

    const noChannel = await callRoute(officerNewRecord.action, multipartRequest(path, officer.cookie, fields), {
      employerId: e.employerId,
    });
    expect(noChannel.status).toBe(400);
    expect(formErrorsOf(noChannel.body).receivedVia).toMatch(/PEC o sportello/);
    expect((noChannel.body as { result: { initialValue: Record<string, string> } }).result.initialValue.qualification).toBe("Magazziniere");

    const ok = await callRoute(officerNewRecord.action, multipartRequest(path, officer.cookie, { ...fields, receivedVia: "pec" }), {
      employerId: e.employerId,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(302);
    const recordId = ok.location!.split("/").pop()!;
    const rec = await getDb()
      .selectFrom("l68_records")
      .select(["employer_id", "created_by", "details", "status"])
      .where("id", "=", recordId)
      .executeTakeFirstOrThrow();
    expect(rec).toMatchObject({ employer_id: e.employerId, created_by: officer.userId, status: "submitted" });
    expect(rec.details).toMatchObject({ receivedVia: "pec", enteredByOffice: true, units: 1 });
    const docs = await getDb().selectFrom("l68_documents").select("file_name").where("record_id", "=", recordId).execute();
    expect(docs).toHaveLength(1);
    const obligation = await getDb()
      .selectFrom("l68_obligations")
      .select("status")
      .where("employer_id", "=", e.employerId)
      .executeTakeFirstOrThrow();
    expect(obligation.status).toBe("request_filed");

    // An officer of another province does not see this employer.
    const other = await createPlacementOfficer("TO");
    const denied = await callRoute(officerNewRecord.action, multipartRequest(path, other.cookie, { ...fields, receivedVia: "pec" }), {
      employerId: e.employerId,
    });
    expect(denied.status).toBe(404);
    // The employer cannot use the officer's route.
    const employer = await callRoute(officerNewRecord.action, multipartRequest(path, e.cookie, { ...fields, receivedVia: "pec" }), {
      employerId: e.employerId,
    });
    expect(employer.status).toBe(403);
  });

  it("issues or refuses the art. 17 certificate; refused requests are in the officer's file", async () => {
    const e = await createL68Employer();
    const officer = await createPlacementOfficer("MI");
    await declareWorkers(e.employerId, e.cookie, 20);
    const path = `/operatore/collocamento-mirato/${e.employerId}`;
    const r = await callRoute(officerFile.action, request(path, { cookie: officer.cookie, form: { intent: "request-certificate" } }), {
      employerId: e.employerId,
    });
    expect(r.status).toBe(302);
    const page = await callRoute(officerFile.loader, request(path, { cookie: officer.cookie }), { employerId: e.employerId });
    const certificates = (page.body as { certificates: { outcome: string; reasons: string[] }[] }).certificates;
    expect(certificates).toHaveLength(1);
    // Today the 2026 prospetto is owed (first one) and, after 31 January, missing: a refusal with its reason.
    expect(certificates[0].outcome).toBe("refused");
    expect(certificates[0].reasons.join(" ")).toMatch(/Prospetto informativo/);
    const audit = await getDb()
      .selectFrom("audit_log")
      .select("action")
      .where("employer_id", "=", e.employerId)
      .where("action", "=", "l68.certificate_refused")
      .execute();
    expect(audit).toHaveLength(1);
  });
});
