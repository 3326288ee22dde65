/**
 * The 60-day hiring obligations (art. 9 c. 1 L. 68/1999) as a state machine, like the records
 * (states.ts) and the vacancies (vacancies/states.ts): every status change goes through
 * `transitionObligation`, which locks the row, checks the table, writes and audits in the caller's
 * transaction. The file's identity — Σ units of the pending obligations = units still to cover
 * (`missing_after_exemptions` of the latest snapshot) — is kept by `reconcileObligations`.
 */
import type { Trx } from "~/db/db.server";
import type { L68ObligationCause, L68ObligationResolution, L68ObligationStatus } from "~/db/tables/l68";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { addDays, OBLIGATION_DAYS } from "../calculator/dates";
import { OBLIGATION_STATUS_LABELS } from "./states";

export type ObligationEvent = "file_request" | "withdraw_request" | "expire" | "resolve" | "lapse";

/**
 * The only allowed moves. A request (nominative/numeric referral, or the prospetto sent within the
 * 60 days, art. 9 c. 3) suspends the term; withdrawing it reopens it (and `expire` follows if the
 * term is over). «met» (adempiuto) only through `resolve`, which needs a hire, an exemption or a
 * convention; units no longer due for any other reason `lapse`.
 */
export const OBLIGATION_TRANSITIONS: Record<L68ObligationStatus, Partial<Record<ObligationEvent, L68ObligationStatus>>> = {
  open: { file_request: "request_filed", expire: "overdue", resolve: "met", lapse: "lapsed" },
  overdue: { file_request: "request_filed", resolve: "met", lapse: "lapsed" },
  request_filed: { withdraw_request: "open", resolve: "met", lapse: "lapsed" },
  met: {},
  lapsed: {},
};

export const PENDING_OBLIGATION_STATUSES: readonly L68ObligationStatus[] = ["open", "overdue", "request_filed"];

export function nextObligationStatus(from: L68ObligationStatus, event: ObligationEvent): L68ObligationStatus | null {
  return OBLIGATION_TRANSITIONS[from][event] ?? null;
}

/** Moves one obligation; `resolution` is required by (and only by) resolve and lapse. */
export async function transitionObligation(
  trx: Trx,
  actor: Actor,
  obligationId: string,
  event: ObligationEvent,
  today: string,
  resolution?: L68ObligationResolution,
) {
  const o = await trx
    .selectFrom("l68_obligations")
    .select(["id", "employer_id", "status", "units"])
    .where("id", "=", obligationId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const next = nextObligationStatus(o.status, event);
  if (!next) throw new DomainError(`Operazione non consentita: l'obbligo è «${OBLIGATION_STATUS_LABELS[o.status]}»`, "_form", "conflict");
  if (event === "resolve" && (!resolution || resolution === "lapsed"))
    throw new Error("resolve needs a hire, an exemption or a convention");
  const ending = next === "met" || next === "lapsed";
  await trx
    .updateTable("l68_obligations")
    .set({ status: next, resolution: ending ? (event === "lapse" ? "lapsed" : resolution!) : null, resolved_on: ending ? today : null })
    .where("id", "=", o.id)
    .execute();
  await recordAudit(trx, actor, {
    action: `l68.obligation_${event}`,
    entityType: "l68_obligation",
    entityId: o.id,
    employerId: o.employer_id,
    details: { from: o.status, to: next, units: o.units, resolution: ending ? (event === "lapse" ? "lapsed" : resolution) : undefined },
  });
  return next;
}

/** Splits `units` off a pending obligation into a new row with the same dates and status (partial cover). */
async function splitObligation(trx: Trx, obligationId: string, units: number): Promise<string> {
  const o = await trx
    .selectFrom("l68_obligations")
    .select(["employer_id", "cause", "units", "status", "arose_on", "due_on"])
    .where("id", "=", obligationId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  await trx
    .updateTable("l68_obligations")
    .set({ units: o.units - units })
    .where("id", "=", obligationId)
    .execute();
  const row = await trx
    .insertInto("l68_obligations")
    .values({ employer_id: o.employer_id, cause: o.cause, units, status: o.status, arose_on: o.arose_on, due_on: o.due_on })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Units pending now, oldest first. */
export function pendingObligations(trx: Trx, employerId: string) {
  return trx
    .selectFrom("l68_obligations")
    .select(["id", "units", "status", "due_on"])
    .where("employer_id", "=", employerId)
    .where("status", "in", [...PENDING_OBLIGATION_STATUSES])
    .orderBy("arose_on")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** The figures of a computation that may end an obligation (from the snapshot's stored result). */
export interface CoverFigures {
  covered: number;
  exempted: number;
  conventions: number;
}

/**
 * How a fall of `units` in what is missing splits by cause, comparing the figures before and after:
 * first hires (more protected workers counted), then exemptions and self-certifications, then
 * conventions; whatever is left is no longer due for another reason (lapsed). Pure.
 */
export function splitResolution(
  before: CoverFigures | null,
  after: CoverFigures,
  units: number,
): { resolution: L68ObligationResolution; units: number }[] {
  const out: { resolution: L68ObligationResolution; units: number }[] = [];
  let left = units;
  const take = (resolution: L68ObligationResolution, rise: number) => {
    const n = Math.min(left, Math.max(0, rise));
    if (n > 0) out.push({ resolution, units: n });
    left -= n;
  };
  take("hire", after.covered - (before?.covered ?? 0));
  take("exemption", after.exempted - (before?.exempted ?? 0));
  take("convention", after.conventions - (before?.conventions ?? 0));
  take("lapsed", left);
  return out;
}

/**
 * Brings the pending obligations in line with what is missing now: a rise opens one obligation with
 * 60 days from `arose`; a fall ends the oldest units (split when partly covered) with the resolution
 * `splitResolution` gives. Afterwards Σ pending units = `missing`.
 */
export async function reconcileObligations(
  trx: Trx,
  actor: Actor,
  employerId: string,
  missing: number,
  today: string,
  opened: { cause: L68ObligationCause; arose: string },
  cover: { before: CoverFigures | null; after: CoverFigures },
) {
  const pending = await pendingObligations(trx, employerId);
  const total = pending.reduce((n, o) => n + o.units, 0);
  if (missing > total) {
    await trx
      .insertInto("l68_obligations")
      .values({
        employer_id: employerId,
        cause: opened.cause,
        units: missing - total,
        arose_on: opened.arose,
        due_on: addDays(opened.arose, OBLIGATION_DAYS),
      })
      .execute();
    return;
  }
  const shares = splitResolution(cover.before, cover.after, total - missing);
  let queue = [...pending];
  for (const share of shares) {
    let left = share.units;
    while (left > 0 && queue.length) {
      const o = queue[0];
      const id = o.units > left ? await splitObligation(trx, o.id, left) : o.id;
      const n = Math.min(o.units, left);
      if (o.units > left) queue[0] = { ...o, units: o.units - left };
      else queue = queue.slice(1);
      await transitionObligation(trx, actor, id, share.resolution === "lapsed" ? "lapse" : "resolve", today, share.resolution);
      left -= n;
    }
  }
}
