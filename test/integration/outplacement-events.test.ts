import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { DomainError } from "~/domain/errors";
import { createEvent, getEvent, listEventMilestones, transitionEvent, type EventScope } from "~/domain/outplacement/index.server";
import type { EventInput } from "~/domain/outplacement";
import { createEmployer, createUserWithRole } from "../support/factories";

const input = (o: Partial<EventInput> = {}): EventInput => ({
  type: "collective_dismissal_l223",
  title: "Riduzione di personale stabilimento di Sesto",
  sites: [{ label: "Stabilimento", address: "Viale Italia 1", comune: "Sesto San Giovanni (MI)" }],
  headcountTotal: 300,
  surplusAnnounced: 40,
  surplusFinal: null,
  communicationOn: "2026-11-16",
  unionRequestOn: null,
  unionPhaseEndOn: null,
  planReceivedOn: null,
  firstDismissalOn: null,
  procedureEndOn: null,
  agreementOn: null,
  cigsFrom: null,
  cigsTo: null,
  agreementType: null,
  agreementDocumentRef: null,
  agreementOutplacementClauses: null,
  employerFunded: false,
  employerFundedProvider: null,
  employerFundedBudget: null,
  notes: null,
  ...o,
});

async function setup() {
  const employer = await createEmployer();
  const officer = await createUserWithRole("preselection_officer");
  const scope: EventScope = { kind: "officer", userId: officer.id, province: "MI" };
  const actor = { userId: officer.id, role: "preselection_officer", ip: null };
  return { employer, officer, scope, actor };
}

describe("redundancy events", () => {
  it("creates an event with its provinces and legal deadlines, audited", async () => {
    const { employer, scope, actor } = await setup();
    const id = await getDb()
      .transaction()
      .execute((trx) => createEvent(trx, actor, scope, { ...input(), employerId: employer.id }));
    const event = await getEvent(getDb(), scope, id);
    expect(event).toMatchObject({ state: "draft", provinces: ["MI"], proposed_by_employer: false });
    const milestones = await listEventMilestones(getDb(), id, "2026-12-06");
    expect(milestones.map((m) => [m.rule_id, m.item, m.due_on])).toEqual([
      ["L223-UNION", "union_request", "2026-11-23"],
      ["L223-UNION", "union_end", "2026-12-31"],
    ]);
    const audit = await getDb().selectFrom("audit_log").select("action").where("entity_id", "=", id).execute();
    expect(audit.map((a) => a.action)).toContain("outplacement_event.created");
  });

  it("moves through the table, refuses a stale version (conflict) and a move the state does not allow", async () => {
    const { employer, scope, actor } = await setup();
    const db = getDb();
    const id = await db.transaction().execute((trx) => createEvent(trx, actor, scope, { ...input(), employerId: employer.id }));
    const move = (m: string, version: number, extra: object = {}) =>
      db.transaction().execute((trx) =>
        transitionEvent(trx, actor, scope, id, {
          move: m as "announce",
          version,
          to: undefined,
          date: null,
          agreementType: null,
          note: null,
          ...extra,
        }),
      );
    expect((await move("announce", 1)).state).toBe("announced");
    expect((await move("open_union_phase", 2)).state).toBe("union_phase");
    await expect(move("sign_agreement", 2)).rejects.toMatchObject({ kind: "conflict" });
    await expect(move("receive_plan", 3)).rejects.toMatchObject({ kind: "conflict" });
    const signed = await move("sign_agreement", 3, { date: "2026-12-01" });
    expect(signed.state).toBe("agreement_signed");
    const event = await getEvent(db, scope, id);
    expect(event).toMatchObject({ agreement_on: "2026-12-01", agreement_type: "esame_congiunto", procedure_end_on: "2026-12-01" });
    await expect(move("activate_cohort", 4)).rejects.toBeInstanceOf(DomainError);
    const manual = await move("set_state", 4, { to: "admin_phase", note: "Accordo annullato dal verbale successivo" });
    expect(manual.state).toBe("admin_phase");
    const audit = await db.selectFrom("audit_log").select("action").where("entity_id", "=", id).orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual([
      "outplacement_event.created",
      "outplacement_event.announce",
      "outplacement_event.open_union_phase",
      "outplacement_event.sign_agreement",
      "outplacement_event.state_set",
    ]);
  });

  it("takes the employer's proposal as a draft of its own company, invisible to another company", async () => {
    const { employer } = await setup();
    const other = await createEmployer();
    const user = await createUserWithRole("employer", { employerId: employer.id, employerRole: "legal_rep" });
    const scope: EventScope = { kind: "employer", employerId: employer.id };
    const id = await getDb()
      .transaction()
      .execute((trx) => createEvent(trx, { userId: user.id, role: "employer", ip: null }, scope, { ...input(), employerId: other.id }));
    expect(await getEvent(getDb(), scope, id)).toMatchObject({ employer_id: employer.id, proposed_by_employer: true, state: "draft" });
    expect(await getEvent(getDb(), { kind: "employer", employerId: other.id }, id)).toBeNull();
    await expect(
      getDb()
        .transaction()
        .execute((trx) =>
          transitionEvent(trx, { userId: user.id, role: "employer", ip: null }, scope, id, {
            move: "announce",
            version: 1,
            to: undefined,
            date: null,
            agreementType: null,
            note: null,
          }),
        ),
    ).rejects.toMatchObject({ kind: "forbidden" });
  });
});
