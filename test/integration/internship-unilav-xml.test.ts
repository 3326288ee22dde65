import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import * as officerXml from "~/routes/operatore.tirocini.$internshipId_.unilav[.]xml";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { insertInternship } from "../support/factories-internships";
import { createMatchCandidate } from "../support/factories-shortlists";
import { callRoute } from "../support/routes";
import { validTaxCode } from "../support/tax-codes";

let officer: string;
let internshipId: string;

beforeAll(async () => {
  const employer = await createEmployer();
  officer = await cookieFor((await createUserWithRole("preselection_officer")).id);
  const candidateId = await createMatchCandidate({ comune: "Milano" });
  await getDb().updateTable("candidates").set({ tax_code: validTaxCode() }).where("id", "=", candidateId).execute();
  internshipId = (
    await insertInternship(employer.id, {
      state: "awaiting_co",
      candidate_id: candidateId,
      start_date: "2027-01-11",
      end_date: "2027-07-10",
      trainee_category: "01",
      internship_type: "A",
      inail_position: "12345678/90",
    })
  ).id;
});

describe("the internship's UNILAV C.01.00 through the common builder", () => {
  it("is not offered while the CO data Rosa does not record are missing: the officer reads which", async () => {
    const res = await callRoute(officerXml.loader, request(`/operatore/tirocini/${internshipId}/unilav.xml`, { cookie: officer }), {
      internshipId,
    });
    expect(res.status).toBe(422);
    const text = res.body as string;
    expect(text).toContain("Cittadinanza del lavoratore: da completare");
    expect(text).toContain("Codice fiscale del soggetto promotore: da completare");
    // What the internship does record is not listed: dates, the PAT INAIL (12345678/90 → 1234567890), category and type,
    // and the CP2011 qualification, which the CP2021↔CP2011 table gives as certain for the occupation 5.1.2.2.0.
    expect(text).not.toContain("Qualifica professionale");
    expect(text).not.toContain("PAT INAIL");
    expect(text).not.toContain("Data di inizio");
    expect(text).not.toContain("Categoria del tirocinante");
  });

  it("lists the CP2011 qualification as missing when the occupation has no certain CP2011 code", async () => {
    // 1.1.1.1.2 has no CP2011 unit of its own in the CP2021↔CP2011 table (certainty «assente»).
    await getDb().updateTable("internships").set({ occupation_code: "1.1.1.1.2" }).where("id", "=", internshipId).execute();
    const res = await callRoute(officerXml.loader, request(`/operatore/tirocini/${internshipId}/unilav.xml`, { cookie: officer }), {
      internshipId,
    });
    expect(res.status).toBe(422);
    expect(res.body as string).toContain("Qualifica professionale (CP2011): da completare");
  });
});
