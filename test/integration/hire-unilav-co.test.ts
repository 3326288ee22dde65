import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { validateNationalXml } from "~/documents/xsd.server";
import { hireUnilav } from "~/domain/shortlists/index.server";
import { silErXml } from "~/domain/unilav";
import * as employerXml from "~/routes/azienda.assunzioni.$hireId.unilav[.]xml";
import * as hirePage from "~/routes/operatore.assunzioni.$hireId";
import * as hireXml from "~/routes/operatore.assunzioni.$hireId_.unilav[.]xml";
import * as listPage from "~/routes/operatore.assunzioni._index";
import * as batchXml from "~/routes/operatore.assunzioni.unilav[.]xml";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { insertHire, UNILAV_COMPLETION } from "../support/factories-hires";
import { callRoute, formErrorsOf } from "../support/routes";

let employerId: string;
let officer: string;
let officerId: string;
let employerCookie: string;
let otherEmployerCookie: string;

/** A hire on a new vacancy of the test employer, as the hire form stores it, with the UNILAV fields or (recorded before) without. */
const newHire = (withUnilav = true) => insertHire({ employerId, recordedBy: officerId }, withUnilav ? UNILAV_COMPLETION : {});

beforeAll(async () => {
  employerId = (await createEmployer()).id;
  const o = await createUserWithRole("preselection_officer");
  officerId = o.id;
  officer = await cookieFor(o.id);
  employerCookie = await cookieFor((await createUserWithRole("employer", { employerId })).id);
  const other = await createEmployer();
  otherEmployerCookie = await cookieFor((await createUserWithRole("employer", { employerId: other.id })).id);
});

describe("the UNILAV of a hire", () => {
  it("is complete from Rosa's data plus the hire's fields, and its shared types validate against the SIL-ER XSD", async () => {
    const hire = await newHire();
    const found = await hireUnilav(getDb(), hire.id);
    expect(found?.result).toMatchObject({ ok: true });
    if (!found?.result.ok) return;
    expect(await validateNationalXml("unilavSilEr", silErXml(found.result.record, 19))).toEqual({ valid: true });
    expect(found.result.record.worker).toMatchObject({ sex: "F", birthComune: "F205", birthDate: "1990-01-01", citizenship: "000" });
    expect(found.result.record.employer.workSeat).toMatchObject({ comune: "D150", cap: "26100" });

    const xml = await callRoute(hireXml.loader, request(`/operatore/assunzioni/${hire.id}/unilav.xml`, { cookie: officer }), {
      hireId: hire.id,
    });
    expect(xml.status).toBe(200);
    expect(xml.body).toContain('TipologiaContrattuale="A.02.00"');
    expect(xml.body).toContain("<qualificaProfessionale>5.1.2.2.0.1</qualificaProfessionale>");
    const audit = await getDb()
      .selectFrom("audit_log")
      .select(["details"])
      .where("action", "=", "hire.unilav_exported")
      .where("actor_user_id", "=", officerId)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("a hire recorded before (no UNILAV fields) is «da completare»: no document, the list of what is missing", async () => {
    const hire = await newHire(false);
    const xml = await callRoute(hireXml.loader, request(`/operatore/assunzioni/${hire.id}/unilav.xml`, { cookie: officer }), {
      hireId: hire.id,
    });
    expect(xml.status).toBe(422);
    expect(xml.body).toContain("PAT INAIL: da completare");
    expect(xml.body).toContain("Cittadinanza del lavoratore: da completare");
    const page = await callRoute(hirePage.loader, request(`/operatore/assunzioni/${hire.id}`, { cookie: officer }), { hireId: hire.id });
    expect((page.body as { missing: string[] }).missing).toContain("Sede di lavoro: CAP: da completare");

    // The officer completes it on the hire page; codes are checked against the national tables.
    const bad = await callRoute(
      hirePage.action,
      request(`/operatore/assunzioni/${hire.id}`, {
        cookie: officer,
        form: { intent: "unilav", hireId: hire.id, version: "1", workerCitizenship: "999", employerAteco2007: "10.71" },
      }),
      { hireId: hire.id },
    );
    expect(bad.status).toBe(400);
    expect(formErrorsOf(bad.body).employerAteco2007).toContain("ATECO 2007");
    const unknown = await callRoute(
      hirePage.action,
      request(`/operatore/assunzioni/${hire.id}`, {
        cookie: officer,
        form: { intent: "unilav", hireId: hire.id, version: "1", workerCitizenship: "123", employerAteco2007: "99.99.99" },
      }),
      { hireId: hire.id },
    );
    expect(formErrorsOf(unknown.body).workerCitizenship).toContain("Cittadinanza sconosciuta");
    expect(formErrorsOf(unknown.body).employerAteco2007).toContain("ATECO 2007 sconosciuto");
    const ok = await callRoute(
      hirePage.action,
      request(`/operatore/assunzioni/${hire.id}`, {
        cookie: officer,
        form: {
          intent: "unilav",
          hireId: hire.id,
          version: "1",
          workerCitizenship: "000",
          workerAddress: "Via Po 2",
          workerCap: "26100",
          workerEducationLevel: "40",
          employerAteco2007: "10.71.10",
          employerLegalCap: "20121",
          workAddress: "Via Dante 3",
          workCap: "26100",
          patInail: "12345678",
          pensionBodyCode: "01",
        },
      }),
      { hireId: hire.id },
    );
    expect(ok.status).toBe(302);
    const again = await callRoute(hireXml.loader, request(`/operatore/assunzioni/${hire.id}/unilav.xml`, { cookie: officer }), {
      hireId: hire.id,
    });
    expect(again.status).toBe(200);
  });

  it("the employer downloads its own hire's UNILAV; another employer gets a 404", async () => {
    const hire = await newHire();
    const own = await callRoute(employerXml.loader, request(`/azienda/assunzioni/${hire.id}/unilav.xml`, { cookie: employerCookie }), {
      hireId: hire.id,
    });
    expect(own.status).toBe(200);
    const other = await callRoute(
      employerXml.loader,
      request(`/azienda/assunzioni/${hire.id}/unilav.xml`, { cookie: otherEmployerCookie }),
      {
        hireId: hire.id,
      },
    );
    expect(other.status).toBe(404);
  });
});

describe("reconciliation with the CO actually filed", () => {
  it("records the CO, refuses a wrong one in Italian, and counts hires without CO or with differences exactly", async () => {
    const before = (await callRoute(listPage.loader, request("/operatore/assunzioni", { cookie: officer }))).body as {
      counts: { total: number; missing: number; differs: number; matches: number };
    };
    const same = await newHire();
    const different = await newHire();
    await newHire(); // no CO

    const post = (hireId: string, version: number, form: Record<string, string>) =>
      callRoute(
        hirePage.action,
        request(`/operatore/assunzioni/${hireId}`, { cookie: officer, form: { intent: "co", hireId, version: String(version), ...form } }),
        {
          hireId,
        },
      );
    const wrong = await post(same.id, same.version, {
      coCode: "123",
      filedOn: "2099-01-01",
      startDate: "2027-01-11",
      contractType: "A.02",
    });
    expect(wrong.status).toBe(400);
    const errors = formErrorsOf(wrong.body);
    expect(errors.coCode).toBe("Codice della comunicazione: 16 cifre");
    expect(errors.contractType).toContain("codice CO");
    const future = await post(same.id, same.version, {
      coCode: "1234567890123456",
      filedOn: "2099-01-01",
      startDate: "2027-01-11",
      endDate: "2027-07-10",
      contractType: "A.02.00",
    });
    expect(formErrorsOf(future.body).filedOn).toBe("La data di invio non può essere futura");
    expect(
      (
        await post(same.id, same.version, {
          coCode: "1234567890123456",
          filedOn: "2026-12-01",
          startDate: "2027-01-11",
          endDate: "2027-07-10",
          contractType: "A.02.00",
        })
      ).status,
    ).toBe(302);
    const duplicate = await post(different.id, different.version, {
      coCode: "1234567890123456",
      filedOn: "2026-12-01",
      startDate: "2027-01-11",
      contractType: "A.01.00",
    });
    expect(formErrorsOf(duplicate.body).coCode).toContain("già registrato");
    expect(
      (
        await post(different.id, different.version, {
          coCode: "6543210987654321",
          filedOn: "2026-12-01",
          startDate: "2027-01-18",
          contractType: "A.01.00",
        })
      ).status,
    ).toBe(302);
    const stale = await post(different.id, different.version, {
      coCode: "6543210987654321",
      filedOn: "2026-12-01",
      startDate: "2027-01-18",
      contractType: "A.01.00",
    });
    expect(stale.status).toBe(409);

    const after = (await callRoute(listPage.loader, request("/operatore/assunzioni", { cookie: officer }))).body as typeof before & {
      rows: { id: string; co: { status: string; differences: string[] } }[];
    };
    expect(after.counts).toEqual({
      total: before.counts.total + 3,
      missing: before.counts.missing + 1,
      differs: before.counts.differs + 1,
      matches: before.counts.matches + 1,
    });
    expect(after.rows.find((r) => r.id === different.id)?.co.differences).toEqual([
      "data di inizio",
      "data di fine",
      "tipologia contrattuale",
    ]);
    const onlyDiffering = (await callRoute(listPage.loader, request("/operatore/assunzioni?stato=differenze", { cookie: officer })))
      .body as {
      rows: { id: string }[];
    };
    expect(onlyDiffering.rows.map((r) => r.id)).toContain(different.id);
    expect(onlyDiffering.rows.map((r) => r.id)).not.toContain(same.id);

    // The batch holds the complete UNILAV of the list (here the three new hires are complete).
    const batch = await callRoute(batchXml.loader, request("/operatore/assunzioni/unilav.xml?stato=differenze", { cookie: officer }));
    expect(batch.status).toBe(200);
    expect(batch.body).toContain("<UniLavElenco");
    const recorded = await getDb()
      .selectFrom("audit_log")
      .select("action")
      .where("action", "in", ["hire.co_recorded", "hire.co_corrected"])
      .where("actor_user_id", "=", officerId)
      .execute();
    expect(recorded.map((r) => r.action)).toEqual(["hire.co_recorded", "hire.co_recorded"]);
  });
});
