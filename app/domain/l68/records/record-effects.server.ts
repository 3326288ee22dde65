/**
 * What a record does to the rest of the file: the contribution an exemption or a self-certification
 * costs (computed with the calculator on the stored workforce), the checks that depend on the file
 * (employer type, band, 60-day term), and the link between referral requests and the 60-day
 * obligations they satisfy (art. 9 c. 1: hire *or file the request* within 60 days).
 */
import type { Trx } from "~/db/db.server";
import type { L68RecordKind } from "~/db/tables/l68";
import { DomainError } from "~/domain/errors";
import { exemptionContribution, selfCertificationContribution, selfCertifiedPositions } from "../calculator/contribution";
import { patronSaintOf } from "../calculator/patron-saints";
import { computeQuota } from "../calculator/quota";
import type { Actor } from "~/domain/audit/index.server";
import { pendingObligations, transitionObligation } from "../file/obligations.server";
import { buildFileInput } from "../file/workforce.server";
import type { WeekDays } from "../calculator/working-days";

type Details = Record<string, unknown>;
export interface Period {
  startsOn: string;
  endsOn: string | null;
  /** The province the record is filed for: its production units' holidays count. */
  provinceCode?: string;
}

/**
 * The local holidays of the production units in `province` (docs/legal/l68.md#s1-7): the patron saint each
 * unit recorded — else the provincial capital's (patron-saints.ts) — and the CCNL extra holidays.
 * Per province, as the regional portals compute the contribution.
 */
export async function unitHolidays(trx: Trx, employerId: string, province: string | undefined): Promise<string[]> {
  if (!province) return [];
  const rows = await trx
    .selectFrom("l68_workforce_groups")
    .select(["patron_saint", "extra_holidays"])
    .where("employer_id", "=", employerId)
    .where("province_code", "=", province)
    .orderBy("created_at")
    .execute();
  const patron = rows.find((r) => r.patron_saint)?.patron_saint ?? patronSaintOf(province)?.day;
  return [...new Set([...(patron ? [patron] : []), ...rows.flatMap((r) => r.extra_holidays ?? [])])];
}

/** Adds the computed figures to an exemption's or a self-certification's details for [startsOn, endsOn]. */
export async function withContribution(
  trx: Trx,
  employerId: string,
  kind: L68RecordKind,
  details: Details,
  period: Period,
  today: string,
): Promise<Details> {
  if (kind !== "esonero" && kind !== "autocertificazione_60") return details;
  const { input } = await buildFileInput(trx, employerId, today);
  if (input.employer.type === "public") {
    throw new DomainError(
      "Esonero parziale e autocertificazione spettano solo ai datori privati e agli enti pubblici economici (art. 5 c. 3)",
      "_form",
    );
  }
  const to = period.endsOn ?? period.startsOn;
  const weekDays = Number(details.weekDays) as WeekDays;
  const holidays = await unitHolidays(trx, employerId, period.provinceCode);
  if (kind === "esonero") {
    const contribution = exemptionContribution(input, Number(details.percent), period.startsOn, to, weekDays, holidays);
    if (contribution.periods.every((p) => p.maxUnits === 0)) {
      const quota = computeQuota(input).quotaDisabili;
      throw new DomainError(
        `Con la quota di riserva attuale (${quota}) l'esonero parziale non è possibile: servono almeno 2 posti di quota (art. 5 c. 3 L. 68/1999, criterio regionale)`,
        "percent",
      );
    }
    return { ...details, contribution };
  }
  const positions = selfCertifiedPositions(Number(details.workers60), computeQuota(input).quotaDisabili);
  if (positions === 0) {
    throw new DomainError(
      "Con questi lavoratori e la quota attuale non risulta alcuna posizione da autocertificare (7% dei lavoratori, arrotondato)",
      "workers60",
    );
  }
  return { ...details, positions, contribution: selfCertificationContribution(positions, period.startsOn, to, weekDays, holidays) };
}

/** Checks that depend on the file when a record is filed (docs/legal/l68.md#s1-6, #s1-10). */
export async function checkFiling(trx: Trx, employerId: string, kind: L68RecordKind, today: string) {
  if (kind === "convenzione_art12bis") {
    const latest = await trx
      .selectFrom("l68_snapshots")
      .select("band")
      .where("employer_id", "=", employerId)
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst();
    if (latest?.band !== "over50") {
      throw new DomainError("Le convenzioni art. 12-bis sono riservate ai datori di lavoro con più di 50 dipendenti computabili", "_form");
    }
  }
  if (kind === "richiesta_nominativa") {
    // After the 60 days the nominative route is lost: only a numeric request (Min. Lav. nota 970/2016).
    const late = await trx
      .selectFrom("l68_obligations")
      .select("id")
      .where("employer_id", "=", employerId)
      .where((eb) => eb.or([eb("status", "=", "overdue"), eb.and([eb("status", "=", "open"), eb("due_on", "<", today)])]))
      .executeTakeFirst();
    if (late) {
      throw new DomainError(
        "Il termine di 60 giorni è scaduto: ora puoi presentare solo una richiesta di avviamento numerico (nota Min. Lav. 970/2016)",
        "_form",
      );
    }
  }
}

export const isReferral = (kind: L68RecordKind) => kind === "richiesta_nominativa" || kind === "richiesta_numerica";

/** A referral request satisfies the oldest pending obligations up to the units requested. */
export async function linkObligations(
  trx: Trx,
  actor: Actor,
  employerId: string,
  kind: L68RecordKind,
  units: number,
  today: string,
): Promise<string[]> {
  if (!isReferral(kind)) return [];
  const ids: string[] = [];
  let left = units;
  for (const o of await pendingObligations(trx, employerId)) {
    if (left <= 0) break;
    if (o.status === "request_filed") continue;
    ids.push(o.id);
    left -= o.units;
    await transitionObligation(trx, actor, o.id, "file_request", today);
  }
  return ids;
}

/** A rejected or withdrawn request no longer satisfies them: back to open, and overdue past the term. */
export async function unlinkObligations(trx: Trx, actor: Actor, ids: readonly string[], today: string) {
  for (const id of ids) {
    const o = await trx.selectFrom("l68_obligations").select(["status", "due_on"]).where("id", "=", id).executeTakeFirst();
    if (o?.status !== "request_filed") continue;
    await transitionObligation(trx, actor, id, "withdraw_request", today);
    if (o.due_on < today) await transitionObligation(trx, actor, id, "expire", today);
  }
}
