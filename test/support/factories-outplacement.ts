import { getDb } from "~/db/db.server";

/**
 * Real outplacement rows of the matrix's own employer, so the guards are tested on a record that exists: an event in
 * the union phase (`eventId`) coordinated by `officerId`.
 */
export async function insertOutplacementRows(employerId: string, officerId: string) {
  const event = await insertOutplacementEvent(employerId, { coordinatorUserId: officerId, state: "union_phase" });
  return { eventId: { eventId: event.id } };
}

/** An L. 223 collective dismissal of `employerId` at a site in Milano, with the opening communication of 2026-11-02. */
export async function insertOutplacementEvent(
  employerId: string,
  opts: { coordinatorUserId?: string; state?: "draft" | "announced" | "union_phase" | "agreement_signed"; proposed?: boolean } = {},
) {
  return getDb()
    .insertInto("outplacement_events")
    .values({
      type: "collective_dismissal_l223",
      employer_id: employerId,
      title: "Riduzione di personale stabilimento di Milano",
      sites: JSON.stringify([
        { label: "Stabilimento", address: "Via Rubattino 8", comuneCode: "015146", comune: "Milano", province: "MI" },
      ]),
      provinces: ["MI"],
      headcount_total: 120,
      surplus_announced: 40,
      communication_on: "2026-11-02",
      state: opts.state ?? "union_phase",
      proposed_by_employer: opts.proposed ?? false,
      coordinator_user_id: opts.coordinatorUserId ?? null,
    })
    .returning(["id", "version"])
    .executeTakeFirstOrThrow();
}
