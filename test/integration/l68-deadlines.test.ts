import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { requestCertificate } from "~/domain/l68/file/certificate.server";
import { addWorkforceGroup } from "~/domain/l68/file/commands.server";
import { runL68Deadlines } from "~/domain/l68/alerts/deadlines.server";
import { submitProspetto } from "~/domain/l68/file/prospetto.server";
import * as certificatePdf from "~/routes/azienda.collocamento-mirato.certificato.$certificateId";
import { request } from "../support/factories";
import { createL68Employer, fileVersion } from "../support/factories-l68";
import { callRoute } from "../support/routes";

const actor = { userId: null, role: "system", ip: null };

async function employerWith(count: number, on: string) {
  const e = await createL68Employer();
  await withTransaction(async (trx) =>
    addWorkforceGroup(
      trx,
      actor,
      e.employerId,
      await fileVersion(e.employerId),
      { provinceCode: "MI", siteLabel: "", count, contract: "indeterminato" },
      on,
    ),
  );
  return e;
}

const alerts = (employerId: string) =>
  getDb().selectFrom("l68_alerts").select(["kind", "ref_key"]).where("employer_id", "=", employerId).orderBy("id").execute();
const obligationStatus = async (employerId: string) =>
  (await getDb().selectFrom("l68_obligations").select("status").where("employer_id", "=", employerId).executeTakeFirstOrThrow()).status;
const mailsTo = async (employerId: string) => {
  const e = await getDb().selectFrom("employers").select("contact_email").where("id", "=", employerId).executeTakeFirstOrThrow();
  return getDb().selectFrom("mail_outbox").select("subject").where("to_address", "=", e.contact_email).execute();
};

describe("runL68Deadlines (idempotent, with a given now)", () => {
  it("reminds before the 60 days, flags and alerts after, never twice", async () => {
    const e = await employerWith(20, "2026-01-01"); // obligation due 2026-03-02
    await runL68Deadlines(getDb(), new Date("2026-02-01T09:00:00Z"));
    expect((await alerts(e.employerId)).filter((a) => a.kind.startsWith("obligation"))).toEqual([]);

    await runL68Deadlines(getDb(), new Date("2026-02-20T09:00:00Z"));
    await runL68Deadlines(getDb(), new Date("2026-02-21T09:00:00Z"));
    expect((await alerts(e.employerId)).filter((a) => a.kind === "obligation_reminder")).toHaveLength(1);
    expect(await obligationStatus(e.employerId)).toBe("open");

    await runL68Deadlines(getDb(), new Date("2026-03-02T20:00:00Z")); // still the last day in Italy
    expect(await obligationStatus(e.employerId)).toBe("open");
    await runL68Deadlines(getDb(), new Date("2026-03-03T09:00:00Z"));
    await runL68Deadlines(getDb(), new Date("2026-03-04T09:00:00Z"));
    expect(await obligationStatus(e.employerId)).toBe("overdue");
    expect((await alerts(e.employerId)).filter((a) => a.kind === "obligation_overdue")).toHaveLength(1);
    const subjects = (await mailsTo(e.employerId)).map((m) => m.subject);
    expect(subjects.filter((s) => s.includes("scadenza per le assunzioni"))).toHaveLength(1);
    expect(subjects.filter((s) => s.includes("scaduto"))).toHaveLength(1);
  });

  it("reminds obliged employers of the prospetto before 31 January and flags it after, until it is filed", async () => {
    const obliged = await employerWith(16, "2026-01-02");
    const small = await employerWith(10, "2026-01-02");
    await runL68Deadlines(getDb(), new Date("2026-01-10T09:00:00Z"));
    expect((await alerts(obliged.employerId)).filter((a) => a.kind.startsWith("prospetto"))).toEqual([]);
    await runL68Deadlines(getDb(), new Date("2026-01-20T09:00:00Z"));
    await runL68Deadlines(getDb(), new Date("2026-01-21T09:00:00Z"));
    expect((await alerts(obliged.employerId)).filter((a) => a.kind === "prospetto_reminder")).toEqual([
      { kind: "prospetto_reminder", ref_key: "2026" },
    ]);
    expect(await alerts(small.employerId)).toEqual([]);

    await runL68Deadlines(getDb(), new Date("2026-02-02T09:00:00Z"));
    expect((await alerts(obliged.employerId)).filter((a) => a.kind === "prospetto_overdue")).toHaveLength(1);
  });
});

describe("prospetto informativo", () => {
  it("draft from the data, late-filing sanction from the day after 31 January, once only", async () => {
    const e = await employerWith(40, "2025-06-01");
    const onTime = await withTransaction((trx) =>
      submitProspetto(trx, actor, e.employerId, { deadlineYear: 2026, availablePositions: "Addetto al banco" }, "2026-01-31"),
    );
    expect(onTime).toMatchObject({ daysLate: 0, sanction: "0.00" });
    const data = (await getDb().selectFrom("l68_prospetti").select("data").where("id", "=", onTime.id).executeTakeFirstOrThrow()).data as {
      riepilogoNazionale: { baseComputo: number; categoria: string; quotaRiservaDisabili: number };
      postiDisponibili: string;
    };
    expect(data.riepilogoNazionale).toMatchObject({ baseComputo: 40, categoria: "B", quotaRiservaDisabili: 2 });
    expect(data.postiDisponibili).toBe("Addetto al banco");
    await expect(
      withTransaction((trx) => submitProspetto(trx, actor, e.employerId, { deadlineYear: 2026, availablePositions: "" }, "2026-02-01")),
    ).rejects.toThrow(/già stato inviato/);

    const late = await employerWith(40, "2025-06-01");
    const r = await withTransaction((trx) =>
      submitProspetto(trx, actor, late.employerId, { deadlineYear: 2026, availablePositions: "" }, "2026-02-05"),
    );
    expect(r).toMatchObject({ daysLate: 5, sanction: "872.53" }); // 702.43 + 5 × 34.02
    const one = await employerWith(40, "2025-06-01");
    expect(
      await withTransaction((trx) =>
        submitProspetto(trx, actor, one.employerId, { deadlineYear: 2026, availablePositions: "" }, "2026-02-01"),
      ),
    ).toMatchObject({ sanction: "736.45" });
  });
});

describe("certificazione di ottemperanza (art. 17)", () => {
  it("refused with reasons while not compliant, issued as a PDF once compliant", async () => {
    const e = await employerWith(20, "2026-03-01");
    const refused = await withTransaction((trx) => requestCertificate(trx, actor, e.employerId, "2026-03-10"));
    expect(refused.compliant).toBe(false);
    expect(refused.reasons.join(" ")).toContain("Prospetto informativo 2026 non inviato");

    await withTransaction((trx) => submitProspetto(trx, actor, e.employerId, { deadlineYear: 2026, availablePositions: "" }, "2026-03-10"));
    const issued = await withTransaction((trx) => requestCertificate(trx, actor, e.employerId, "2026-03-11"));
    expect(issued).toMatchObject({ compliant: true, reasons: [] });
    expect(issued.number).toMatch(/^L68-2026-\d{6}$/);

    const pdf = await certificatePdf.loader({
      request: request(`/azienda/collocamento-mirato/certificato/${issued.certificateId}`, { cookie: e.cookie }),
      params: { certificateId: issued.certificateId },
      context: {},
    });
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");

    const other = await createL68Employer();
    const denied = await callRoute(certificatePdf.loader, request(`/x`, { cookie: other.cookie }), { certificateId: issued.certificateId });
    expect(denied.status).toBe(404);
    const refusedPdf = await callRoute(certificatePdf.loader, request(`/x`, { cookie: e.cookie }), {
      certificateId: refused.certificateId,
    });
    expect(refusedPdf.status).toBe(404);
  });

  it("refused once the 60 days are over without hiring", async () => {
    const e = await employerWith(20, "2026-01-01");
    await withTransaction((trx) => submitProspetto(trx, actor, e.employerId, { deadlineYear: 2026, availablePositions: "" }, "2026-01-20"));
    // The prospetto counted as the request: mark the obligation open again to test the overdue path.
    await getDb().updateTable("l68_obligations").set({ status: "open" }).where("employer_id", "=", e.employerId).execute();
    await runL68Deadlines(getDb(), new Date("2026-03-05T09:00:00Z"));
    const r = await withTransaction((trx) => requestCertificate(trx, actor, e.employerId, "2026-03-05"));
    expect(r.compliant).toBe(false);
    expect(r.reasons.join(" ")).toMatch(/oltre il termine di 60 giorni: 1/);
    expect(r.reasons.join(" ")).toMatch(/scaduto il 02\/03\/2026/);
  });
});
