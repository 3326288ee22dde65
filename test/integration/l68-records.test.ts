import { todayInItaly } from "~/utils/dates";
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { requestCertificate } from "~/domain/l68/file/certificate.server";
import { submitProspetto } from "~/domain/l68/file/prospetto.server";
import { runRecordDeadlines } from "~/domain/l68/alerts/records-deadlines.server";
import { addDays, addMonths } from "~/domain/l68/calculator/dates";
import * as employerFile from "~/routes/azienda.collocamento-mirato._index";
import * as employerList from "~/routes/azienda.collocamento-mirato.pratiche._index";
import * as newRecord from "~/routes/azienda.collocamento-mirato.pratiche.nuova";
import * as employerRecord from "~/routes/azienda.collocamento-mirato.pratiche.$recordId._index";
import * as employerDoc from "~/routes/azienda.collocamento-mirato.pratiche.$recordId.documenti.$documentId";
import * as officerList from "~/routes/operatore.collocamento-mirato.pratiche._index";
import * as officerRecord from "~/routes/operatore.collocamento-mirato.pratiche.$recordId._index";
import * as officerDoc from "~/routes/operatore.collocamento-mirato.pratiche.$recordId.documenti.$documentId";
import * as officerCertificate from "~/routes/operatore.collocamento-mirato.certificato.$certificateId";
import * as officerExport from "~/routes/operatore.collocamento-mirato.pratiche.esporta";
import * as employerExport from "~/routes/azienda.collocamento-mirato.pratiche.esporta";
import { request } from "../support/factories";
import { createL68Employer, createPlacementOfficer, declareWorkers, fileForm, multipartRequest } from "../support/factories-l68";
import { callRoute, formErrorsOf } from "../support/routes";

const today = todayInItaly();
const NEW = "/azienda/collocamento-mirato/pratiche/nuova";

async function file(cookie: string, fields: Record<string, string>, doc?: { bytes: Uint8Array; name?: string } | null) {
  const outcome = await callRoute(newRecord.action, multipartRequest(NEW, cookie, fields, doc));
  const recordId = outcome.location?.split("/").pop() ?? "";
  return { outcome, recordId };
}

const record = (id: string) => getDb().selectFrom("l68_records").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const latest = (employerId: string) =>
  getDb()
    .selectFrom("l68_snapshots")
    .selectAll()
    .where("employer_id", "=", employerId)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();

async function decide(
  cookie: string,
  recordId: string,
  form: Record<string, string>,
  route: typeof officerRecord | typeof employerRecord = officerRecord,
) {
  const { version } = await record(recordId);
  const path =
    route === officerRecord ? `/operatore/collocamento-mirato/pratiche/${recordId}` : `/azienda/collocamento-mirato/pratiche/${recordId}`;
  return callRoute(route.action, request(path, { cookie, form: { version: String(version), ...form } }), { recordId });
}

const exemption = {
  kind: "esonero",
  provinceCode: "MI",
  startsOn: today,
  endsOn: addDays(today, 30),
  percent: "60",
  weekDays: "5",
  reason: "Lavorazioni pericolose in fonderia",
};

describe("exemption request (esonero parziale)", () => {
  it("filed by the employer with its PDF, decided by the office only, recomputed on approval", async () => {
    const e = await createL68Employer();
    const other = await createL68Employer();
    const officer = await createPlacementOfficer("MI");
    const turin = await createPlacementOfficer("TO");
    await declareWorkers(e.employerId, e.cookie, 100); // base 100 → quota 7, 7 uncovered

    const notPdf = await file(e.cookie, exemption, { bytes: new TextEncoder().encode("ciao"), name: "x.pdf" });
    expect(notPdf.outcome.status).toBe(400);
    expect(formErrorsOf(notPdf.outcome.body).documento).toMatch(/non è un PDF/);
    const noDoc = await file(e.cookie, { ...exemption, percent: "70" }, null);
    expect(Object.keys(formErrorsOf(noDoc.outcome.body)).sort()).toEqual(["documento", "percent"]);

    const { outcome, recordId } = await file(e.cookie, exemption);
    expect(outcome.status).toBe(302);
    const filed = await record(recordId);
    expect(filed.status).toBe("submitted");
    const details = filed.details as { contribution: { periods: { maxUnits: number; exemptedUnits: number }[]; totalAmount: string } };
    expect(details.contribution.periods[0]).toMatchObject({ maxUnits: 4, exemptedUnits: 4 }); // R(60 % × 7 = 4.2)
    const doc = await getDb()
      .selectFrom("l68_documents")
      .select(["id", "sha256", "size_bytes"])
      .where("record_id", "=", recordId)
      .executeTakeFirstOrThrow();
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);

    // The employer cannot decide its own request.
    expect((await decide(e.cookie, recordId, { event: "approve" }, employerRecord)).status).toBe(400);
    expect((await record(recordId)).status).toBe("submitted");
    // Another employer and another province's officer see nothing.
    expect(
      (
        await callRoute(employerRecord.loader, request(`/azienda/collocamento-mirato/pratiche/${recordId}`, { cookie: other.cookie }), {
          recordId,
        })
      ).status,
    ).toBe(404);
    expect(((await callRoute(employerList.loader, request("/", { cookie: other.cookie }))).body as { records: unknown[] }).records).toEqual(
      [],
    );
    expect((await callRoute(employerDoc.loader, request("/", { cookie: other.cookie }), { recordId, documentId: doc.id })).status).toBe(
      404,
    );
    expect((await callRoute(officerRecord.loader, request("/", { cookie: turin.cookie }), { recordId })).status).toBe(404);
    expect((await callRoute(officerDoc.loader, request("/", { cookie: turin.cookie }), { recordId, documentId: doc.id })).status).toBe(404);
    // Documents: the employer's own and the competent officer's downloads.
    const own = await callRoute(employerDoc.loader, request("/", { cookie: e.cookie }), { recordId, documentId: doc.id });
    expect([own.status, String(own.body).slice(0, 5)]).toEqual([200, "%PDF-"]);
    expect((await callRoute(officerDoc.loader, request("/", { cookie: officer.cookie }), { recordId, documentId: doc.id })).status).toBe(
      200,
    );

    const queue = await callRoute(
      officerList.loader,
      request("/operatore/collocamento-mirato/pratiche?stato=submitted", { cookie: officer.cookie }),
    );
    expect((queue.body as { records: { id: string }[] }).records.map((r) => r.id)).toContain(recordId);
    const tooMuch = await decide(officer.cookie, recordId, { event: "approve", grantedPercent: "60,5" });
    expect(tooMuch.status).toBe(400);
    const approved = await decide(officer.cookie, recordId, { event: "approve", grantedPercent: "50" });
    expect(approved.status).toBe(302);
    const after = await record(recordId);
    expect(after.status).toBe("approved");
    expect((after.details as { percent: number }).percent).toBe(50);
    // 50 % of 7 = 3.50 → 3 exempted: 4 disabled positions still missing (+ 1 art. 18), recomputed in the same transaction.
    expect((await latest(e.employerId)).missing_after_exemptions).toBe(5);
    const audit = await getDb().selectFrom("audit_log").select("action").where("entity_id", "=", recordId).execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["l68.record_filed", "l68.record_document_added", "l68.record_approve"]),
    );
    // A second decision on the same version is refused; a closed record accepts no documents.
    expect(
      (
        await callRoute(
          officerRecord.action,
          request("/", { cookie: officer.cookie, form: { version: "1", event: "reject", note: "Troppo tardi" } }),
          { recordId },
        )
      ).status,
    ).toBe(409);
    expect((await decide(officer.cookie, recordId, { event: "close" })).status).toBe(302);
    const late = await callRoute(employerRecord.action, multipartRequest("/", e.cookie, {}), { recordId });
    expect(late.status).toBe(409);
  });

  it("refused when the quota allows no exemption; rejected with a reason the employer reads", async () => {
    const small = await createL68Employer();
    await declareWorkers(small.employerId, small.cookie, 20); // quota 1
    const refused = await file(small.cookie, exemption);
    expect(formErrorsOf(refused.outcome.body).percent).toMatch(/non è possibile/);

    const e = await createL68Employer();
    const officer = await createPlacementOfficer("MI");
    await declareWorkers(e.employerId, e.cookie, 60);
    const { recordId } = await file(e.cookie, exemption);
    expect((await decide(officer.cookie, recordId, { event: "reject" })).status).toBe(400);
    expect((await decide(officer.cookie, recordId, { event: "reject", note: "Manca il parere dell'ASL" })).status).toBe(302);
    const seen = await callRoute(employerRecord.loader, request("/", { cookie: e.cookie }), { recordId });
    expect((seen.body as { record: { status: string; decision_note: string } }).record).toMatchObject({
      status: "rejected",
      decision_note: "Manca il parere dell'ASL",
    });
    const mail = await getDb().selectFrom("mail_outbox").select("subject").where("subject", "like", "%Esonero parziale%").execute();
    expect(mail.length).toBeGreaterThan(0);
  });
});

describe("suspensions, conventions, self-certifications", () => {
  it("CIGS suspends in its province only; closing it restarts the 60 days", async () => {
    const e = await createL68Employer();
    const officer = await createPlacementOfficer("MI");
    await declareWorkers(e.employerId, e.cookie, 100, "MI");
    await declareWorkers(e.employerId, e.cookie, 100, "TO"); // quota 14: 7 + 7
    const { recordId } = await file(e.cookie, {
      kind: "sospensione",
      provinceCode: "TO",
      startsOn: addDays(today, -10),
      endsOn: addDays(today, 90),
      suspensionType: "cigs",
      suspendedPercent: "50",
    });
    await decide(officer.cookie, recordId, { event: "approve" });
    const suspended = await latest(e.employerId);
    // TO: R(7 × 0.5) = 3 disabled units left; its art. 18 unit is suspended too, R(1 × 0.5) = 0: 10 + 1 art. 18.
    expect([suspended.quota_disabili, suspended.quota_art18, suspended.missing_after_exemptions]).toEqual([10, 1, 11]);
    const provinces = (suspended.result as { provinces: { province: string; suspendedUnits: number; art18: { suspendedUnits: number } }[] })
      .provinces;
    expect(provinces.map((p) => [p.province, p.suspendedUnits, p.art18.suspendedUnits])).toEqual([
      ["MI", 0, 0],
      ["TO", 4, 1],
    ]);

    await decide(officer.cookie, recordId, { event: "close", endedOn: addDays(today, -1) });
    expect([(await latest(e.employerId)).quota_disabili, (await latest(e.employerId)).quota_art18]).toEqual([14, 2]);
    const obligation = await getDb()
      .selectFrom("l68_obligations")
      .selectAll()
      .where("employer_id", "=", e.employerId)
      .where("cause", "=", "suspension_end")
      .executeTakeFirstOrThrow();
    expect(obligation.units).toBe(5); // the 4 disabled and the 1 art. 18 units suspended
  });

  it("a collective dismissal suspends nationwide, six more months with at least five dismissals", async () => {
    const e = await createL68Employer();
    const officer = await createPlacementOfficer("MI");
    await declareWorkers(e.employerId, e.cookie, 80);
    const { recordId } = await file(e.cookie, {
      kind: "sospensione",
      provinceCode: "MI",
      startsOn: addDays(today, -30),
      endsOn: "",
      suspensionType: "licenziamento_collettivo",
    });
    await decide(officer.cookie, recordId, { event: "approve" });
    expect((await latest(e.employerId)).quota_disabili).toBe(0);
    await decide(officer.cookie, recordId, { event: "close", endedOn: addDays(today, -1), dismissals: "5" });
    const closed = await getDb()
      .selectFrom("l68_records")
      .select((eb) => eb.fn<string>("to_char", [eb.ref("ends_on"), eb.val("YYYY-MM-DD")]).as("e"))
      .where("id", "=", recordId)
      .executeTakeFirstOrThrow();
    expect(closed.e).toBe(addMonths(addDays(today, -1), 6));
  });

  it("art. 11 schedule keeps positions open; art. 12-bis only above 50, up to its cap; 60 ‰ in force when filed", async () => {
    const e = await createL68Employer();
    const officer = await createPlacementOfficer("MI");
    await declareWorkers(e.employerId, e.cookie, 100); // quota 7
    const art11 = await file(e.cookie, {
      kind: "convenzione_art11",
      provinceCode: "MI",
      startsOn: today,
      endsOn: addDays(today, 365),
      scheduleDate1: addDays(today, 30),
      scheduleUnits1: "2",
    });
    await decide(officer.cookie, art11.recordId, { event: "approve" });
    expect((await latest(e.employerId)).missing_after_exemptions).toBe(6); // 7 − 2 + 1 art. 18

    const art12 = await file(e.cookie, {
      kind: "convenzione_art12bis",
      provinceCode: "MI",
      startsOn: today,
      endsOn: addDays(today, 365),
      workers: "9",
      destinationBody: "Cooperativa sociale Il Faro",
    });
    await decide(officer.cookie, art12.recordId, { event: "approve" });
    // 60 % of 7 = 4.20 → 4 counted of the 9 declared.
    expect((await latest(e.employerId)).covered_disabili).toBe(4);

    const small = await createL68Employer();
    await declareWorkers(small.employerId, small.cookie, 30);
    const refused = await file(small.cookie, {
      kind: "convenzione_art12bis",
      provinceCode: "MI",
      startsOn: today,
      endsOn: addDays(today, 30),
      workers: "1",
      destinationBody: "Cooperativa",
    });
    expect(formErrorsOf(refused.outcome.body)._form).toMatch(/più di 50/);

    const auto = await createL68Employer();
    await declareWorkers(auto.employerId, auto.cookie, 100);
    const self = await file(auto.cookie, {
      kind: "autocertificazione_60",
      provinceCode: "MI",
      startsOn: today,
      endsOn: addDays(today, 60),
      workers60: "30",
      inailRate: "75",
      weekDays: "5",
    });
    expect((await record(self.recordId)).status).toBe("submitted");
    expect((await latest(auto.employerId)).missing_after_exemptions).toBe(6); // 7 − R(7 % × 30 = 2.1) + 1 art. 18
    expect((await decide(officer.cookie, self.recordId, { event: "approve" })).status).toBe(409);
    await decide(officer.cookie, self.recordId, { event: "reject", note: "Tasso INAIL non confermato" });
    expect((await latest(auto.employerId)).missing_after_exemptions).toBe(8);
  });
});

describe("referral requests and the 60 days", () => {
  it("a request satisfies the pending obligation; withdrawn, the obligation is open again", async () => {
    const e = await createL68Employer();
    await declareWorkers(e.employerId, e.cookie, 20); // 1 obligation, due in 60 days
    const { recordId } = await file(e.cookie, {
      kind: "richiesta_nominativa",
      provinceCode: "MI",
      startsOn: today,
      units: "1",
      qualification: "Impiegato amministrativo",
      candidateName: "Mario Rossi",
    });
    const status = () =>
      getDb().selectFrom("l68_obligations").select("status").where("employer_id", "=", e.employerId).executeTakeFirstOrThrow();
    expect((await status()).status).toBe("request_filed");
    expect((await decide(e.cookie, recordId, { event: "withdraw" }, employerRecord)).status).toBe(302);
    expect((await status()).status).toBe("open");

    await getDb()
      .updateTable("l68_obligations")
      .set({ status: "overdue", due_on: addDays(today, -1) })
      .where("employer_id", "=", e.employerId)
      .execute();
    const nominative = await file(e.cookie, {
      kind: "richiesta_nominativa",
      provinceCode: "MI",
      startsOn: today,
      units: "1",
      qualification: "Impiegato",
      candidateName: "Mario Rossi",
    });
    expect(formErrorsOf(nominative.outcome.body)._form).toMatch(/solo una richiesta di avviamento numerico/);
    const numeric = await file(e.cookie, {
      kind: "richiesta_numerica",
      provinceCode: "MI",
      startsOn: today,
      units: "1",
      qualification: "Impiegato",
    });
    expect(numeric.outcome.status).toBe(302);
    expect((await status()).status).toBe("request_filed");
  });
});

describe("CSV export of the records (officer and employer)", () => {
  it("lists each record with its figures, scoped like the pages, and audits the export", async () => {
    const e = await createL68Employer();
    const other = await createL68Employer();
    const officer = await createPlacementOfficer("MI");
    const turin = await createPlacementOfficer("TO");
    await declareWorkers(e.employerId, e.cookie, 100); // quota 7
    await declareWorkers(other.employerId, other.cookie, 20);
    const conv = await file(e.cookie, {
      kind: "convenzione_art11",
      provinceCode: "MI",
      startsOn: today,
      endsOn: addDays(today, 365),
      scheduleDate1: addDays(today, 30),
      scheduleUnits1: "2",
      scheduleDate2: addDays(today, 200),
      scheduleUnits2: "1",
    });
    await decide(officer.cookie, conv.recordId, { event: "approve", note: "Programma concordato" });
    await file(e.cookie, exemption); // 60 % of 7 = 4.2 → 4 exemptible, 4 uncovered after the convention
    await file(e.cookie, { kind: "richiesta_numerica", provinceCode: "MI", startsOn: today, units: "1", qualification: "Magazziniere" });
    await file(other.cookie, { kind: "richiesta_numerica", provinceCode: "MI", startsOn: today, units: "1", qualification: "Commesso" });

    const csvOf = (outcome: { status: number; body: unknown }) => {
      expect(outcome.status).toBe(200);
      return String(outcome.body)
        .replace(/^\uFEFF/, "")
        .trimEnd()
        .split("\r\n")
        .map((line) => line.split(";"));
    };
    const [header, ...rows] = csvOf(
      await callRoute(
        officerExport.loader,
        request(`/operatore/collocamento-mirato/pratiche/esporta?stato=&azienda=${e.employerId}`, { cookie: officer.cookie }),
      ),
    );
    const col = (name: string) => header.indexOf(name);
    expect(rows.map((r) => r[col("Pratica")]).sort()).toEqual([
      "Convenzione art. 11",
      "Esonero parziale (art. 5 c. 3)",
      "Richiesta di avviamento numerico",
    ]);
    const art11 = rows.find((r) => r[col("Pratica")] === "Convenzione art. 11")!;
    expect([
      art11[col("Stato")],
      art11[col("Unità")],
      art11[col("Programma di assunzioni")],
      art11[col("Nota del collocamento mirato")],
    ]).toEqual(["Accolta", "3", `${addDays(today, 30)}: 2, ${addDays(today, 200)}: 1`, "Programma concordato"]);
    const esonero = rows.find((r) => r[col("Pratica")] === "Esonero parziale (art. 5 c. 3)")!;
    expect([esonero[col("Stato")], esonero[col("Percentuale")], esonero[col("Unità")], esonero[col("Documenti")]]).toEqual([
      "Presentata",
      "60",
      "4",
      "1",
    ]);
    expect(esonero[col("Contributo stimato (€)")]).toMatch(/^\d+,\d{2}$/);
    expect(rows.every((r) => r[col("Azienda")] === e.legalName)).toBe(true);

    // The default filter is the officer's queue (submitted); the province bounds what is exported.
    const queue = csvOf(
      await callRoute(officerExport.loader, request("/operatore/collocamento-mirato/pratiche/esporta", { cookie: officer.cookie })),
    );
    expect(queue.slice(1).every((r) => r[col("Stato")] === "Presentata")).toBe(true);
    expect(queue.some((r) => r[col("Azienda")] === other.legalName)).toBe(true);
    const fromTurin = csvOf(
      await callRoute(officerExport.loader, request("/operatore/collocamento-mirato/pratiche/esporta?stato=", { cookie: turin.cookie })),
    );
    expect(fromTurin.some((r) => r[col("Azienda")] === e.legalName)).toBe(false);
    expect(
      (
        await callRoute(
          officerExport.loader,
          request("/operatore/collocamento-mirato/pratiche/esporta?stato=boh", { cookie: officer.cookie }),
        )
      ).status,
    ).toBe(400);

    const own = csvOf(
      await callRoute(employerExport.loader, request("/azienda/collocamento-mirato/pratiche/esporta", { cookie: e.cookie })),
    );
    expect(own).toHaveLength(4);
    expect(own.slice(1).every((r) => r[col("Azienda")] === e.legalName)).toBe(true);
    expect(
      (await callRoute(employerExport.loader, request("/azienda/collocamento-mirato/pratiche/esporta", { cookie: officer.cookie }))).status,
    ).toBe(403);

    const audit = await getDb()
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "l68.records_exported")
      .where("employer_id", "=", e.employerId)
      .execute();
    expect(audit).toHaveLength(1);
  });
});

describe("health data, certificate, alerts", () => {
  it("no disability detail in any employer page; the officer downloads the certificate", async () => {
    const e = await createL68Employer();
    const officer = await createPlacementOfficer("MI");
    const turin = await createPlacementOfficer("TO");
    await declareWorkers(e.employerId, e.cookie, 20);
    await callRoute(
      employerFile.action,
      await fileForm("/azienda/collocamento-mirato", e.cookie, e.employerId, {
        intent: "add-worker",
        workerName: "Anna Bianchi",
        provinceCode: "MI",
        category: "disabile_art4",
        contract: "indeterminato",
        hiredOn: "2025-01-10",
        disabilityPercent: "67",
      }),
    );
    const { recordId } = await file(e.cookie, {
      kind: "richiesta_numerica",
      provinceCode: "MI",
      startsOn: today,
      units: "1",
      qualification: "Magazziniere",
    });
    for (const [loader, params] of [
      [employerFile.loader, {}],
      [employerList.loader, {}],
      [employerRecord.loader, { recordId }],
    ] as const) {
      const body = JSON.stringify((await callRoute(loader, request("/", { cookie: e.cookie }), params)).body);
      expect(body).not.toMatch(/disability|":67[,}]|67%/);
    }
    const actor = { userId: e.userId, role: "employer", ip: null };
    await withTransaction((trx) =>
      submitProspetto(trx, actor, e.employerId, { deadlineYear: Number(today.slice(0, 4)), availablePositions: "" }, today),
    );
    const issued = await withTransaction((trx) => requestCertificate(trx, actor, e.employerId, today));
    expect(issued.reasons).toEqual([]);
    const pdf = await callRoute(officerCertificate.loader, request("/", { cookie: officer.cookie }), {
      certificateId: issued.certificateId,
    });
    expect([pdf.status, String(pdf.body).slice(0, 5)]).toEqual([200, "%PDF-"]);
    expect(
      (await callRoute(officerCertificate.loader, request("/", { cookie: turin.cookie }), { certificateId: issued.certificateId })).status,
    ).toBe(404);
  });

  it("alerts before an exemption expires and before a scheduled art. 11 hire, once", async () => {
    const e = await createL68Employer();
    const officer = await createPlacementOfficer("MI");
    await declareWorkers(e.employerId, e.cookie, 100);
    const ex = await file(e.cookie, { ...exemption, endsOn: addDays(today, 10) });
    await decide(officer.cookie, ex.recordId, { event: "approve" });
    const conv = await file(e.cookie, {
      kind: "convenzione_art11",
      provinceCode: "MI",
      startsOn: today,
      endsOn: addDays(today, 200),
      scheduleDate1: addDays(today, 5),
      scheduleUnits1: "1",
    });
    await decide(officer.cookie, conv.recordId, { event: "approve" });
    await runRecordDeadlines(getDb(), today);
    await runRecordDeadlines(getDb(), today);
    const alerts = await getDb().selectFrom("l68_alerts").select(["kind", "ref_key"]).where("employer_id", "=", e.employerId).execute();
    expect(alerts.map((a) => a.kind).sort()).toEqual(["convention_hiring", "record_expiring"]);
    // The day after the exemption ends, the file is recomputed without it.
    const before = (await latest(e.employerId)).missing_after_exemptions;
    const run = await runRecordDeadlines(getDb(), addDays(today, 11));
    expect(run.recomputed).toBeGreaterThanOrEqual(1);
    expect((await latest(e.employerId)).missing_after_exemptions).toBeGreaterThan(before);
  });
});
