import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { runInternshipChecks, transitionInternship, type InternshipCheckRecord } from "~/domain/internships/index.server";
import { createEmployer, createUserWithRole } from "../support/factories";
import { insertInternship } from "../support/factories-internships";

let employerA: string;
let employerB: string;
let officerId: string;
let employerUserA: string;

beforeAll(async () => {
  employerA = (await createEmployer()).id;
  employerB = (await createEmployer()).id;
  officerId = (await createUserWithRole("preselection_officer")).id;
  employerUserA = (await createUserWithRole("employer", { employerId: employerA })).id;
});

const officer = () => ({ kind: "officer" as const, userId: officerId });
const TODAY = "2026-12-06";

describe("transitionInternship", () => {
  it("moves the state, bumps the version and writes the timeline and the audit in the caller's transaction", async () => {
    const row = await insertInternship(employerA);
    const after = await getDb()
      .transaction()
      .execute((trx) =>
        transitionInternship(trx, { internshipId: row.id, event: "start_scouting", actor: officer(), expectedVersion: 1, note: "Cerco" }),
      );
    expect(after.state).toBe("scouting");
    expect(after.version).toBe(2);
    expect(after.state_reason).toBe("Cerco");
    const timeline = await getDb().selectFrom("internship_transitions").selectAll().where("internship_id", "=", row.id).execute();
    expect(timeline).toMatchObject([
      {
        event: "start_scouting",
        from_state: "requested",
        to_state: "scouting",
        actor_kind: "officer",
        actor_user_id: officerId,
        note: "Cerco",
      },
    ]);
    const audit = await getDb().selectFrom("audit_log").selectAll().where("entity_id", "=", row.id).execute();
    expect(audit).toMatchObject([{ action: "internship.start_scouting", entity_type: "internship", employer_id: employerA }]);
  });

  it("writes the patch with the state", async () => {
    const row = await insertInternship(employerA, { state: "awaiting_authorisation" });
    const after = await getDb()
      .transaction()
      .execute((trx) =>
        transitionInternship(trx, {
          internshipId: row.id,
          event: "authorise",
          actor: officer(),
          patch: { authorisation_ref: "ER-2026/77" },
        }),
      );
    expect(after).toMatchObject({ state: "awaiting_co", authorisation_ref: "ER-2026/77" });
  });

  it("refuses a move the table does not allow, naming the state in Italian, and rolls nothing", async () => {
    const row = await insertInternship(employerA, { state: "active" });
    const move = getDb()
      .transaction()
      .execute((trx) => transitionInternship(trx, { internshipId: row.id, event: "sign", actor: officer() }));
    await expect(move).rejects.toMatchObject({ kind: "conflict", message: expect.stringContaining("«In corso»") });
    const still = await getDb().selectFrom("internships").select(["state", "version"]).where("id", "=", row.id).executeTakeFirstOrThrow();
    expect(still).toEqual({ state: "active", version: 1 });
  });

  it("refuses a stale version", async () => {
    const row = await insertInternship(employerA);
    const move = getDb()
      .transaction()
      .execute((trx) => transitionInternship(trx, { internshipId: row.id, event: "start_scouting", actor: officer(), expectedVersion: 7 }));
    await expect(move).rejects.toMatchObject({ kind: "conflict", message: expect.stringContaining("ricarica la pagina") });
  });

  it("lets an employer move only its own internships", async () => {
    const mine = await insertInternship(employerA);
    const theirs = await insertInternship(employerB);
    const actor = { kind: "employer" as const, userId: employerUserA, employerId: employerA };
    await expect(
      getDb()
        .transaction()
        .execute((trx) => transitionInternship(trx, { internshipId: theirs.id, event: "cancel", actor })),
    ).rejects.toMatchObject({ kind: "not_found" });
    const after = await getDb()
      .transaction()
      .execute((trx) => transitionInternship(trx, { internshipId: mine.id, event: "cancel", actor, note: "Non serve più" }));
    expect(after.state).toBe("cancelled");
  });
});

describe("runInternshipChecks", () => {
  it("passes an allowed PFI to ready_to_sign and stores the result", async () => {
    const row = await insertInternship(employerA, { state: "drafting", start_date: "2027-01-11" });
    const { record, internship } = await getDb()
      .transaction()
      .execute((trx) => runInternshipChecks(trx, row.id, TODAY));
    expect(record).toMatchObject({ date: "2027-01-11", allowed: true, problems: [] });
    expect(internship.state).toBe("ready_to_sign");
    expect((internship.check_result as InternshipCheckRecord).check?.violations).toEqual([]);
    expect(internship.checked_at).toBeInstanceOf(Date);
  });

  it("fails a PFI with violations, with the Italian messages in the timeline note", async () => {
    const row = await insertInternship(employerA, { state: "drafting", monthly_indemnity_cents: 10000 });
    const { record, internship } = await getDb()
      .transaction()
      .execute((trx) => runInternshipChecks(trx, row.id, TODAY));
    expect(record.allowed).toBe(false);
    expect(record.date).toBe(TODAY);
    expect(record.check?.violations.length).toBeGreaterThan(0);
    expect(internship.state).toBe("checks_failed");
    expect(internship.state_reason).toMatch(/indennità/i);
  });

  it("counts Rosa's running internships of the same unit, exempt trainees excluded, plus the declared ones", async () => {
    const employer = (await createEmployer()).id;
    // 5 permanent employees: at most one trainee at a time.
    const base = { employees_permanent: 5 } as const;
    await insertInternship(employer, { ...base, state: "active" });
    await insertInternship(employer, { ...base, state: "active", trainee_disabled: true });
    await insertInternship(employer, { ...base, state: "cancelled" });
    await insertInternship(employer, { ...base, state: "active", comune: "Roma", region: "lazio" });
    const row = await insertInternship(employer, { ...base, state: "drafting", other_active_trainees: 1 });
    const { record } = await getDb()
      .transaction()
      .execute((trx) => runInternshipChecks(trx, row.id, TODAY));
    expect(record.trainees).toEqual({ rosa: 1, declared: 1 });
    expect(record.allowed).toBe(false);
    expect(record.check?.messages.some((m) => m.kind === "violation" && /tirocinant/i.test(m.message))).toBe(true);
  });

  it("only refreshes the stored result outside drafting", async () => {
    const row = await insertInternship(employerA, { state: "partially_signed", version: 4 });
    const { internship } = await getDb()
      .transaction()
      .execute((trx) => runInternshipChecks(trx, row.id, TODAY));
    expect(internship).toMatchObject({ state: "partially_signed", version: 4 });
    expect(internship.check_result).not.toBeNull();
  });
});
