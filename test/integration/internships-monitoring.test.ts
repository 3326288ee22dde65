import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import {
  addDossierItem,
  attestationPdf,
  closeWithoutAttestation,
  completeDueInternships,
  declareOutcome,
  evaluateOutcomes,
  extendInternship,
  internshipFigures,
  internshipMonitoring,
  interruptInternship,
  issueAttestation,
  recordAttendance,
  recordServiceTime,
  resumeInternship,
  suspendInternship,
  type InternshipActor,
} from "~/domain/internships/index.server";
import { figuresCsv } from "~/domain/internships";
import { DomainError } from "~/domain/errors";
import { createEmployer, createUserWithRole } from "../support/factories";
import { insertInternship } from "../support/factories-internships";
import { createMatchCandidate, createMatchVacancy, insertPresentedShortlist } from "../support/factories-shortlists";

/**
 * During and after an internship on real PostgreSQL (docs/decisions/tirocini.md «Durante e dopo»): attendance,
 * suspension and resumption, extension re-checked, interruption, completion job, attestazione at 70 %, outcome from
 * Rosa's hires, the LEP R register row and the figures.
 */

async function officer(): Promise<InternshipActor & { kind: "officer" }> {
  const u = await createUserWithRole("preselection_officer");
  return { kind: "officer", userId: u.id, ip: "127.0.0.1" };
}

async function activeInternship(overrides: Parameters<typeof insertInternship>[1] = {}) {
  const employer = await createEmployer();
  const candidateId = await createMatchCandidate({});
  const row = await insertInternship(employer.id, {
    state: "active",
    candidate_id: candidateId,
    start_date: "2026-01-05",
    end_date: "2026-07-04",
    ...overrides,
  });
  return { employer, candidateId, row };
}

async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

const tx = <T>(fn: Parameters<typeof withTransaction<T>>[0]) => withTransaction(fn);

describe("monthly attendance", () => {
  it("computes planned hours from the PFI, shows the threshold of the Region and the indemnity due", async () => {
    const { employer, row } = await activeInternship();
    const host = await createUserWithRole("employer", { employerId: employer.id });
    const actor = { kind: "employer" as const, userId: host.id, employerId: employer.id };
    // January 2026 from Monday 5: 20 weekdays × 8 h = 160 h planned. Lombardia: full at 80 % = 128 h.
    await tx((trx) => recordAttendance(trx, actor, { internshipId: row.id, month: "2026-01", attendedHours: 128 }, "2026-02-10"));
    await tx((trx) => recordAttendance(trx, actor, { internshipId: row.id, month: "2026-02", attendedHours: 100 }, "2026-03-10"));
    const m = (await internshipMonitoring(getDb(), row.id, { kind: "employer", employerId: employer.id }, "2026-03-10"))!;
    expect(m.rule.thresholdPercent).toBe(80);
    expect(m.months.map((x) => [x.month, x.planned, x.attended, x.full, x.dueCents])).toEqual([
      ["2026-01-01", 16_000, 12_800, true, 60_000],
      // February 2026: 20 weekdays = 160 h; 100 h = 62,5 % → proportional 375 €.
      ["2026-02-01", 16_000, 10_000, false, 37_500],
    ]);
    expect(m.months[1].percentLabel).toBe("62,50 %");
    // Another employer sees nothing; a future month and a month outside the internship are refused.
    const other = await createEmployer();
    expect(await internshipMonitoring(getDb(), row.id, { kind: "employer", employerId: other.id })).toBeNull();
    expect(
      (await refusal(tx((trx) => recordAttendance(trx, actor, { internshipId: row.id, month: "2026-04", attendedHours: 1 }, "2026-03-10"))))
        .field,
    ).toBe("month");
    expect(
      (await refusal(tx((trx) => recordAttendance(trx, actor, { internshipId: row.id, month: "2025-12", attendedHours: 1 }, "2026-03-10"))))
        .field,
    ).toBe("month");
    const stranger = { kind: "employer" as const, userId: host.id, employerId: other.id };
    expect(
      (
        await refusal(
          tx((trx) => recordAttendance(trx, stranger, { internshipId: row.id, month: "2026-02", attendedHours: 1 }, "2026-03-10")),
        )
      ).kind,
    ).toBe("not_found");
    // A correction with the version seen; a stale version is refused.
    await tx((trx) =>
      recordAttendance(trx, actor, { internshipId: row.id, month: "2026-02", attendedHours: 130, version: 1 }, "2026-03-10"),
    );
    expect(
      (
        await refusal(
          tx((trx) => recordAttendance(trx, actor, { internshipId: row.id, month: "2026-02", attendedHours: 1, version: 1 }, "2026-03-10")),
        )
      ).kind,
    ).toBe("conflict");
  });
});

describe("suspension and resumption", () => {
  it("refuses a short illness, suspends a long one and shifts the end date on resume", async () => {
    const { row } = await activeInternship();
    const o = await officer();
    const short = await refusal(
      tx((trx) =>
        suspendInternship(
          trx,
          o,
          {
            internshipId: row.id,
            reason: "illness_injury",
            requestedBy: "trainee",
            startDate: "2026-02-02",
            expectedEndDate: "2026-02-20",
          },
          "2026-02-03",
        ),
      ),
    );
    expect(short.message).toMatch(/almeno 30 giorni/);
    await tx((trx) =>
      suspendInternship(
        trx,
        o,
        { internshipId: row.id, reason: "illness_injury", requestedBy: "trainee", startDate: "2026-02-02", expectedEndDate: "2026-03-04" },
        "2026-02-03",
      ),
    );
    let current = await getDb().selectFrom("internships").select(["state", "end_date"]).where("id", "=", row.id).executeTakeFirstOrThrow();
    expect(current.state).toBe("suspended");
    const back = await tx((trx) => resumeInternship(trx, o, { internshipId: row.id, resumedOn: "2026-03-09" }, "2026-03-09"));
    expect(back).toEqual({ days: 35, endDate: "2026-08-08" });
    current = await getDb().selectFrom("internships").select(["state", "end_date"]).where("id", "=", row.id).executeTakeFirstOrThrow();
    expect(current).toEqual({ state: "active", end_date: "2026-08-08" });
    const timeline = await getDb()
      .selectFrom("internship_transitions")
      .select(["event", "to_state"])
      .where("internship_id", "=", row.id)
      .orderBy("id")
      .execute();
    expect(timeline).toEqual([
      { event: "suspend", to_state: "suspended" },
      { event: "resume", to_state: "active" },
    ]);
    // February's planned hours exclude the suspended weekdays (2–27 Feb: all 20 weekdays).
    const m = (await internshipMonitoring(getDb(), row.id, { kind: "officer" }, "2026-03-09"))!;
    expect(m.suspensions[0].days).toBe(35);
    // The maximum is unchanged: suspended days do not count (planned months still 6).
    expect(m.internship.plannedMonths).toBe(6);
  });
});

describe("extension", () => {
  it("is re-checked by the rules: allowed within the maximum, refused beyond it, with the UNILAV proroga prepared", async () => {
    // Lombardia, EQF 4: maximum 12 months.
    const { row } = await activeInternship({ eqf_level: 4 });
    const o = await officer();
    const ok = await tx((trx) =>
      extendInternship(trx, o, { internshipId: row.id, months: 6, reason: "Completare gli obiettivi" }, "2026-06-01"),
    );
    expect(ok).toMatchObject({ endDate: "2027-01-04", plannedMonths: 12, maxDurationMonths: 12 });
    const refused = await refusal(
      tx((trx) => extendInternship(trx, o, { internshipId: row.id, months: 1, reason: "Ancora un mese" }, "2026-06-01")),
    );
    expect(refused.kind).toBe("conflict");
    expect(refused.message).toMatch(/Proroga non ammessa/);
    const unilav = await getDb()
      .selectFrom("internship_unilav_changes")
      .select(["kind", "effective_date"])
      .where("internship_id", "=", row.id)
      .execute();
    expect(unilav).toEqual([{ kind: "proroga", effective_date: "2027-01-04" }]);
    const saved = await getDb()
      .selectFrom("internships")
      .select(["end_date", "planned_months", "state"])
      .where("id", "=", row.id)
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({ end_date: "2027-01-04", planned_months: "12.0", state: "active" });
  });
  it("refuses any extension past 6 months at EQF 3 in Lombardia", async () => {
    const { row } = await activeInternship({ eqf_level: 3 });
    const o = await officer();
    const e = await refusal(
      tx((trx) => extendInternship(trx, o, { internshipId: row.id, months: 1, reason: "Un mese in più" }, "2026-06-01")),
    );
    expect(e.message).toMatch(/Proroga non ammessa/);
  });
});

describe("interruption, completion, attestazione and closing", () => {
  it("interrupts with initiator and reason, prepares the cessazione and refuses the attestazione under 70 %", async () => {
    const { employer, row } = await activeInternship();
    const host = await createUserWithRole("employer", { employerId: employer.id });
    const hostActor = { kind: "employer" as const, userId: host.id, employerId: employer.id };
    const wrong = await refusal(
      tx((trx) =>
        interruptInternship(
          trx,
          hostActor,
          { internshipId: row.id, by: "trainee", reason: "trainee_choice", note: "Non più interessato", lastDay: "2026-02-27" },
          "2026-02-27",
        ),
      ),
    );
    expect(wrong.kind).toBe("forbidden");
    await tx((trx) => recordAttendance(trx, hostActor, { internshipId: row.id, month: "2026-01", attendedHours: 160 }, "2026-02-27"));
    await tx((trx) =>
      interruptInternship(
        trx,
        hostActor,
        { internshipId: row.id, by: "host", reason: "serious_breach", note: "Assenze ingiustificate ripetute", lastDay: "2026-02-27" },
        "2026-02-27",
      ),
    );
    const saved = await getDb()
      .selectFrom("internships")
      .select(["state", "interrupted_by", "interruption_reason", "actual_end_date"])
      .where("id", "=", row.id)
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({
      state: "interrupted",
      interrupted_by: "host",
      interruption_reason: "serious_breach",
      actual_end_date: "2026-02-27",
    });
    const o = await officer();
    const refused = await refusal(
      tx((trx) =>
        issueAttestation(trx, o, { internshipId: row.id, competences: "Vendita assistita", hostSignerName: "Anna Bianchi" }, "2026-03-02"),
      ),
    );
    expect(refused.message).toMatch(/serve almeno il 70 %/);
    await tx((trx) => closeWithoutAttestation(trx, o, { internshipId: row.id, note: "Interrotto dall'azienda" }, "2026-03-02"));
    const outcomes = await getDb()
      .selectFrom("internship_outcomes")
      .select(["horizon_months", "window_end", "status"])
      .where("internship_id", "=", row.id)
      .orderBy("horizon_months")
      .execute();
    expect(outcomes).toEqual([
      { horizon_months: 6, window_end: "2026-08-27", status: "pending" },
      { horizon_months: 12, window_end: "2027-02-27", status: "pending" },
    ]);
  });

  it("completes on the end date, issues the attestazione at exactly 70 % and finds the hire within 6 months", async () => {
    // Two months, March–April 2026: 22 + 22 weekdays × 8 h = 352 h; 70 % = 246,4 h.
    const { employer, candidateId, row } = await activeInternship({ start_date: "2026-03-02", end_date: "2026-04-30", planned_months: 2 });
    const o = await officer();
    await tx((trx) => recordAttendance(trx, o, { internshipId: row.id, month: "2026-03", attendedHours: 176 }, "2026-05-02"));
    await tx((trx) => recordAttendance(trx, o, { internshipId: row.id, month: "2026-04", attendedHours: 70.39 }, "2026-05-02"));
    expect(await tx((trx) => completeDueInternships(trx, "2026-04-30"))).toBe(0);
    expect(await tx((trx) => completeDueInternships(trx, "2026-05-01"))).toBeGreaterThanOrEqual(1);
    let state = await getDb().selectFrom("internships").select("state").where("id", "=", row.id).executeTakeFirstOrThrow();
    expect(state.state).toBe("completed");
    // 246,39 h of 352: just under 70 % — refused; one hundredth more is exactly 70 %.
    await refusal(
      tx((trx) =>
        issueAttestation(trx, o, { internshipId: row.id, competences: "Vendita assistita", hostSignerName: "Anna Bianchi" }, "2026-05-04"),
      ),
    );
    await tx((trx) => recordAttendance(trx, o, { internshipId: row.id, month: "2026-04", attendedHours: 70.4 }, "2026-05-04"));
    await tx((trx) =>
      addDossierItem(
        trx,
        o,
        {
          internshipId: row.id,
          kind: "activity",
          occurredOn: "2026-03-20",
          title: "Allestimento del punto vendita",
          description: "",
          competences: "Visual merchandising",
        },
        "2026-05-04",
      ),
    );
    const issued = await tx((trx) =>
      issueAttestation(
        trx,
        o,
        { internshipId: row.id, competences: "Vendita assistita; gestione della cassa", hostSignerName: "Anna Bianchi" },
        "2026-05-04",
      ),
    );
    expect(issued.percentBp).toBe(7000);
    state = await getDb().selectFrom("internships").select("state").where("id", "=", row.id).executeTakeFirstOrThrow();
    expect(state.state).toBe("attested");
    const pdf = await attestationPdf(getDb(), row.id, { kind: "candidate", candidateId });
    expect(pdf?.bytes.length).toBeGreaterThan(1000);
    expect(await attestationPdf(getDb(), row.id, { kind: "candidate", candidateId: employer.id })).toBeNull();

    // A hire through Rosa by the host 3 months after the end closes the 6- and 12-month outcomes.
    const vacancy = await createMatchVacancy({ employerId: employer.id, status: "published" });
    const shortlistId = await insertPresentedShortlist(employer.id, vacancy.id);
    const sc = await getDb()
      .insertInto("shortlist_candidates")
      .values({ shortlist_id: shortlistId, candidate_id: candidateId, state: "hired", rank: 1, score: 1, explanation: "{}" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await getDb()
      .insertInto("hires")
      .values({
        shortlist_candidate_id: sc.id,
        vacancy_id: vacancy.id,
        employer_id: employer.id,
        candidate_id: candidateId,
        contract_type: "A.01.00",
        start_date: "2026-08-01",
        weekly_hours: "40",
        recorded_by: o.userId,
      })
      .execute();
    expect(await tx((trx) => evaluateOutcomes(trx, "2026-08-02", row.id))).toBe(2);
    const outcomes = await getDb()
      .selectFrom("internship_outcomes")
      .select(["horizon_months", "status", "hired_by_host", "source"])
      .where("internship_id", "=", row.id)
      .orderBy("horizon_months")
      .execute();
    expect(outcomes).toEqual([
      { horizon_months: 6, status: "hired", hired_by_host: true, source: "rosa" },
      { horizon_months: 12, status: "hired", hired_by_host: true, source: "rosa" },
    ]);
    const declared = await refusal(
      tx((trx) => declareOutcome(trx, o, { internshipId: row.id, horizonMonths: 6, hired: false, byHost: false, note: "" }, "2027-01-01")),
    );
    expect(declared.message).toMatch(/assunzione registrata in Rosa/);
  });
});

describe("LEP R register row", () => {
  it("sums the officer's real minutes into one row, R-SVANT for a disadvantaged trainee, justified beyond the maximum", async () => {
    const { row } = await activeInternship();
    const o = await officer();
    await tx((trx) =>
      recordServiceTime(
        trx,
        o,
        { internshipId: row.id, deliveredOn: "2026-01-05", minutes: 240, modality: "office", activity: "Scouting e colloqui" },
        "2026-03-01",
      ),
    );
    await tx((trx) =>
      recordServiceTime(
        trx,
        o,
        { internshipId: row.id, deliveredOn: "2026-02-10", minutes: 300, modality: "company", activity: "Visita in azienda con il tutor" },
        "2026-03-01",
      ),
    );
    let reg = await getDb()
      .selectFrom("service_deliveries")
      .select(["standard_code", "minutes", "modality", "delivered_on"])
      .where("internship_id", "=", row.id)
      .executeTakeFirstOrThrow();
    expect(reg).toEqual({ standard_code: "R", minutes: 540, modality: "company", delivered_on: "2026-02-10" });
    await tx((trx) =>
      recordServiceTime(
        trx,
        o,
        { internshipId: row.id, deliveredOn: "2026-02-20", minutes: 600, modality: "office", activity: "Monitoraggio" },
        "2026-03-01",
      ),
    );
    const over = await refusal(
      tx((trx) =>
        recordServiceTime(
          trx,
          o,
          { internshipId: row.id, deliveredOn: "2026-02-25", minutes: 100, modality: "office", activity: "Telefonata al tutor" },
          "2026-03-01",
        ),
      ),
    );
    expect(over.field).toBe("justification");
    await tx((trx) =>
      recordServiceTime(
        trx,
        o,
        {
          internshipId: row.id,
          deliveredOn: "2026-02-25",
          minutes: 100,
          modality: "office",
          activity: "Telefonata al tutor",
          justification: "Mediazione di un conflitto con l'azienda",
        },
        "2026-03-01",
      ),
    );
    reg = await getDb()
      .selectFrom("service_deliveries")
      .select(["standard_code", "minutes", "modality", "delivered_on"])
      .where("internship_id", "=", row.id)
      .executeTakeFirstOrThrow();
    expect(reg).toEqual({ standard_code: "R", minutes: 1240, modality: "office", delivered_on: "2026-02-25" });
    const bounds = await getDb()
      .selectFrom("service_standards")
      .select(["code", "min_minutes", "max_minutes"])
      .where("code", "in", ["R", "R-SVANT"])
      .orderBy("code")
      .execute();
    expect(bounds).toEqual([
      { code: "R", min_minutes: 600, max_minutes: 1200 },
      { code: "R-SVANT", min_minutes: null, max_minutes: 3000 },
    ]);
    const svant = await activeInternship({ trainee_disadvantaged: true });
    await tx((trx) =>
      recordServiceTime(
        trx,
        o,
        {
          internshipId: svant.row.id,
          deliveredOn: "2026-01-05",
          minutes: 600,
          modality: "remote",
          activity: "Raccordo con i servizi sociali",
        },
        "2026-03-01",
      ),
    );
    await tx((trx) =>
      recordServiceTime(
        trx,
        o,
        {
          internshipId: svant.row.id,
          deliveredOn: "2026-01-06",
          minutes: 600,
          modality: "remote",
          activity: "Raccordo con i servizi sociali",
        },
        "2026-03-01",
      ),
    );
    await tx((trx) =>
      recordServiceTime(
        trx,
        o,
        { internshipId: svant.row.id, deliveredOn: "2026-01-07", minutes: 300, modality: "office", activity: "Colloquio" },
        "2026-03-01",
      ),
    );
    const r2 = await getDb()
      .selectFrom("service_deliveries")
      .select(["standard_code", "minutes", "justification"])
      .where("internship_id", "=", svant.row.id)
      .executeTakeFirstOrThrow();
    expect(r2).toEqual({ standard_code: "R-SVANT", minutes: 1500, justification: null });
  });
});

describe("figures", () => {
  it("counts the internships started in the period by province and profession, exactly, and writes the CSV", async () => {
    const o = await officer();
    // A period of their own (year 2031) so other tests' rows do not count.
    const a = await activeInternship({ start_date: "2031-01-05", end_date: "2031-07-04" });
    const b = await activeInternship({ start_date: "2031-02-02", end_date: "2031-08-01", comune: "Bergamo" });
    await activeInternship({ start_date: "2031-03-02", end_date: "2031-09-01", state: "awaiting_co" });
    await tx((trx) =>
      interruptInternship(
        trx,
        o,
        { internshipId: b.row.id, by: "trainee", reason: "hired", note: "Assunto da un'altra azienda", lastDay: "2031-03-31" },
        "2031-03-31",
      ),
    );
    await getDb().updateTable("internships").set({ state: "attested" }).where("id", "=", a.row.id).execute();
    await getDb()
      .updateTable("internship_outcomes")
      .set({ status: "hired", source: "self_declared", hired_on: "2031-04-01", hired_by_host: false })
      .where("internship_id", "=", b.row.id)
      .where("horizon_months", "=", 6)
      .execute();
    const byProvince = await internshipFigures(getDb(), "provincia", { dal: "2031-01-01", al: "2031-12-31" });
    expect(byProvince.map((r) => [r.key, r.activated, r.attested, r.interrupted, r.hired6, r.hired6ByHost])).toEqual([
      ["BG", 1, 0, 1, 1, 0],
      ["MI", 1, 1, 0, 0, 0],
    ]);
    const byProfession = await internshipFigures(getDb(), "professione", { dal: "2031-01-01", al: "2031-12-31" });
    expect(byProfession).toHaveLength(1);
    expect(byProfession[0]).toMatchObject({ key: "5.1.2.2.0", activated: 2, attested: 1, interrupted: 1, hired6: 1 });
    const csv = figuresCsv(byProvince, "provincia").split("\r\n");
    expect(csv.at(-2)).toBe("Totale;totale;2;1;1;1;0;50;50;50");
  });
});
