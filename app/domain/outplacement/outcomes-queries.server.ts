/** Reading outcomes and follow-ups for the officer's pages (individual data: the routes audit each view). */
import type { Db } from "~/db/db.server";
import { followupCheckpoints, dueFollowups } from "./followups";
import { referenceDate } from "./outcomes";

/** The event's heading for the officer's outcome pages, or null when it does not exist. */
export async function eventHeading(db: Db, eventId: string) {
  return (
    (await db
      .selectFrom("outplacement_events as e")
      .innerJoin("employers", "employers.id", "e.employer_id")
      .select(["e.id", "e.title", "e.state", "e.agreement_on", "e.employer_id", "employers.legal_name"])
      .where("e.id", "=", eventId)
      .executeTakeFirst()) ?? null
  );
}

/** A member with the outcomes (newest first) and the three follow-up checkpoints; null when not in the event. */
export async function memberOutcomesPage(db: Db, eventId: string, memberId: string, today: string) {
  const member = await db
    .selectFrom("outplacement_members as m")
    .innerJoin("outplacement_events as e", "e.id", "m.event_id")
    .select([
      "m.id",
      "m.first_name",
      "m.last_name",
      "m.site",
      "m.qualification",
      "m.situation",
      "m.state",
      "m.t0_on",
      "m.dismissal_on",
      "m.cigs_from",
      "m.candidate_id",
      "e.agreement_on",
      "e.title as event_title",
    ])
    .where("m.id", "=", memberId)
    .where("m.event_id", "=", eventId)
    .executeTakeFirst();
  if (!member) return null;
  const [outcomes, followups] = await Promise.all([
    db
      .selectFrom("outplacement_outcomes")
      .selectAll()
      .where("member_id", "=", memberId)
      .orderBy("start_on", "desc")
      .orderBy("created_at", "desc")
      .execute(),
    db.selectFrom("outplacement_followups").selectAll().where("member_id", "=", memberId).orderBy("months").execute(),
  ]);
  const t0 = referenceDate({
    t0On: member.t0_on,
    situation: member.situation,
    dismissalOn: member.dismissal_on,
    cigsFrom: member.cigs_from,
    agreementOn: member.agreement_on,
  });
  const done = Object.fromEntries(followups.map((f) => [f.months, f.done_on]));
  return {
    member: { ...member, t0 },
    outcomes: outcomes.map((o) => ({ ...o, weekly_hours: o.weekly_hours === null ? null : Number(o.weekly_hours) })),
    followups,
    checkpoints: followupCheckpoints(t0, done, today),
  };
}

/** The follow-ups of the event overdue or due within the lead days, oldest first. */
export async function dueFollowupsOfEvent(db: Db, eventId: string, today: string) {
  const [members, followups] = await Promise.all([
    db
      .selectFrom("outplacement_members as m")
      .innerJoin("outplacement_events as e", "e.id", "m.event_id")
      .select([
        "m.id",
        "m.first_name",
        "m.last_name",
        "m.site",
        "m.t0_on",
        "m.situation",
        "m.dismissal_on",
        "m.cigs_from",
        "e.agreement_on",
      ])
      .where("m.event_id", "=", eventId)
      .where("m.state", "!=", "closed")
      .orderBy("m.last_name")
      .execute(),
    db
      .selectFrom("outplacement_followups as f")
      .innerJoin("outplacement_members as m", "m.id", "f.member_id")
      .select(["f.member_id", "f.months", "f.done_on"])
      .where("m.event_id", "=", eventId)
      .execute(),
  ]);
  const done = new Map<string, Record<number, string>>();
  for (const f of followups) done.set(f.member_id, { ...(done.get(f.member_id) ?? {}), [f.months]: f.done_on });
  return dueFollowups(
    members.map((m) => ({
      id: m.id,
      name: `${m.last_name} ${m.first_name}`,
      site: m.site,
      t0: referenceDate({
        t0On: m.t0_on,
        situation: m.situation,
        dismissalOn: m.dismissal_on,
        cigsFrom: m.cigs_from,
        agreementOn: m.agreement_on,
      }),
      done: done.get(m.id) ?? {},
    })),
    today,
  );
}
