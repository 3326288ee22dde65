/**
 * The cohort's rows as the KPIs need them (one query for the members, one for the outcomes, one for the hours), the
 * officer's dashboard and its CSV (docs/decisions/outplacement.md#esiti-indicatori-e-vista-aggregata).
 */
import type { Db } from "~/db/db.server";
import { toCsv } from "~/utils/csv";
import { decimalComma } from "~/utils/format";
import { cohortKpis, firstJobsByMonth, kpisBy, type CohortKpis, type KpiMember } from "./kpi";
import { referenceDate, type OutcomeState, type OutcomeType } from "./outcomes";
import { plural } from "~/utils/plural";

/** Hours delivered per member: the minutes of the individual and group sessions attended. */
async function hoursByMember(db: Db, eventId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("outplacement_sessions as s")
    .innerJoin("outplacement_members as m", "m.id", "s.member_id")
    .select(["s.member_id", (eb) => eb.fn.sum<string>("s.minutes").as("minutes")])
    .where("m.event_id", "=", eventId)
    .where("s.attendance", "=", "present")
    .groupBy("s.member_id")
    .execute();
  return new Map(rows.map((r) => [r.member_id, Math.round((Number(r.minutes) / 60) * 100) / 100]));
}

export async function loadKpiMembers(db: Db, eventId: string): Promise<KpiMember[]> {
  const [members, outcomes, hours] = await Promise.all([
    db
      .selectFrom("outplacement_members as m")
      .innerJoin("outplacement_events as e", "e.id", "m.event_id")
      .select(["m.id", "m.site", "m.qualification", "m.t0_on", "m.situation", "m.dismissal_on", "m.cigs_from", "e.agreement_on"])
      .where("m.event_id", "=", eventId)
      .orderBy("m.id")
      .execute(),
    db
      .selectFrom("outplacement_outcomes as o")
      .innerJoin("outplacement_members as m", "m.id", "o.member_id")
      .select(["o.member_id", "o.type", "o.state", "o.start_on", "o.end_on", "o.verified_on"])
      .where("m.event_id", "=", eventId)
      .execute(),
    hoursByMember(db, eventId),
  ]);
  const byMember = new Map<string, KpiMember["outcomes"]>();
  for (const o of outcomes)
    byMember.set(o.member_id, [
      ...(byMember.get(o.member_id) ?? []),
      { type: o.type as OutcomeType, state: o.state as OutcomeState, startOn: o.start_on, endOn: o.end_on, verifiedOn: o.verified_on },
    ]);
  return members.map((m) => ({
    id: m.id,
    site: m.site,
    qualification: m.qualification,
    t0: referenceDate({
      t0On: m.t0_on,
      situation: m.situation,
      dismissalOn: m.dismissal_on,
      cigsFrom: m.cigs_from,
      agreementOn: m.agreement_on,
    }),
    outcomes: byMember.get(m.id) ?? [],
    hours: hours.get(m.id) ?? 0,
  }));
}

export interface Dashboard {
  asOf: string;
  verified: CohortKpis;
  declared: CohortKpis;
  bySite: { label: string; kpis: CohortKpis }[];
  byQualification: { label: string; kpis: CohortKpis }[];
  monthly: { month: string; n: number }[];
}

/** Exact counts, every member (the officer's view: no suppression). Headline on CO-verified jobs; declared ones alongside. */
export async function cohortDashboard(db: Db, eventId: string, asOf: string): Promise<Dashboard> {
  const members = await loadKpiMembers(db, eventId);
  const opts = { asOf, verifiedOnly: true };
  return {
    asOf,
    verified: cohortKpis(members, opts),
    declared: cohortKpis(members, { asOf, verifiedOnly: false }),
    bySite: kpisBy(members, "site", opts),
    byQualification: kpisBy(members, "qualification", opts),
    monthly: firstJobsByMonth(members, { asOf, verifiedOnly: false }),
  };
}

const num = (v: number | null) => (v === null ? null : decimalComma(v));

/** One line per group (the whole cohort first, then sites, then qualifications); semicolons, BOM, decimal comma. */
export function dashboardCsv(d: Dashboard): string {
  const header = [
    "gruppo",
    "valore",
    "lavoratori",
    ...[3, 6, 12].flatMap((m) => [
      `maturati a ${plural(m, "mese", "mesi")}`,
      `occupati a ${plural(m, "mese", "mesi")}`,
      `tasso grezzo ${plural(m, "mese", "mesi")} %`,
      `tasso corretto ${plural(m, "mese", "mesi")} %`,
      `mai occupati entro ${plural(m, "mese", "mesi")}`,
    ]),
    "mediana giorni alla rioccupazione",
    "rioccupati (eventi)",
    "ancora in cerca (censurati)",
    "ore erogate",
  ];
  const line = (group: string, label: string, k: CohortKpis) => [
    group,
    label,
    k.members,
    ...k.rates.flatMap((r) => [r.mature, r.employed, num(r.rawRate), num(r.adjustedRate), r.ever]),
    k.timeToJob.medianDays,
    k.timeToJob.events,
    k.timeToJob.censored,
    num(k.hours),
  ];
  return toCsv(header, [
    line("coorte", "esiti verificati sulla CO", d.verified),
    line("coorte", "compresi esiti dichiarati", d.declared),
    ...d.bySite.map((g) => line("sede", g.label, g.kpis)),
    ...d.byQualification.map((g) => line("qualifica", g.label, g.kpis)),
  ]);
}
