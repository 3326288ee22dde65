/**
 * Changes to the employer's L. 68 file. Each one locks the file, checks the version the user
 * saw, writes, audits and recomputes in the caller's transaction (docs/decisions/0022-l68-file-recomputed-atomically.md).
 */
import type { Trx } from "~/db/db.server";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError, StaleVersionError } from "~/domain/errors";
import type { ProtectedWorkerForm, WorkforceGroupForm } from "./file-schema";
import { lockFile, recompute, type Trigger } from "./workforce.server";

async function change(
  trx: Trx,
  actor: Actor,
  employerId: string,
  version: number | null,
  today: string,
  trigger: Trigger,
  write: () => Promise<void>,
) {
  const file = await lockFile(trx, employerId);
  if (version !== null && file.version !== version) throw new StaleVersionError();
  await write();
  await trx
    .updateTable("l68_files")
    .set({ version: file.version + 1, updated_at: new Date() })
    .where("employer_id", "=", employerId)
    .execute();
  return recompute(trx, actor, employerId, today, trigger);
}

const audit = (trx: Trx, actor: Actor, employerId: string, action: string, entityId: string | null, details: Record<string, unknown>) =>
  recordAudit(trx, actor, { action, entityType: "l68_file", entityId: entityId ?? employerId, employerId, details });

export async function addWorkforceGroup(trx: Trx, actor: Actor, employerId: string, version: number, g: WorkforceGroupForm, today: string) {
  return change(trx, actor, employerId, version, today, { reason: "Aggiunto un gruppo di lavoratori" }, async () => {
    const row = await trx
      .insertInto("l68_workforce_groups")
      .values({
        employer_id: employerId,
        province_code: g.provinceCode,
        site_label: g.siteLabel,
        count: g.count,
        contract: g.contract,
        months: g.months ?? null,
        weekly_hours: g.weeklyHours ?? null,
        full_time_hours: g.fullTimeHours ?? null,
        exclusion: g.exclusion ?? null,
        patron_saint: g.patronSaint ?? null,
        extra_holidays: g.extraHolidays ?? [],
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, actor, employerId, "l68.workforce_group_added", row.id, { ...g });
  });
}

export async function removeWorkforceGroup(trx: Trx, actor: Actor, employerId: string, version: number, groupId: string, today: string) {
  return change(trx, actor, employerId, version, today, { reason: "Eliminato un gruppo di lavoratori" }, async () => {
    const removed = await trx
      .deleteFrom("l68_workforce_groups")
      .where("id", "=", groupId)
      .where("employer_id", "=", employerId)
      .returning(["count", "contract", "province_code"])
      .executeTakeFirst();
    if (!removed) throw new DomainError("Gruppo di lavoratori non trovato", "_form", "not_found");
    await audit(trx, actor, employerId, "l68.workforce_group_removed", groupId, removed);
  });
}

export async function addProtectedWorker(
  trx: Trx,
  actor: Actor,
  employerId: string,
  version: number,
  w: ProtectedWorkerForm,
  today: string,
) {
  if (w.hiredOn > today) throw new DomainError("La data di assunzione non può essere futura", "hiredOn");
  return change(
    trx,
    actor,
    employerId,
    version,
    today,
    { reason: "Registrato un lavoratore appartenente alle categorie protette" },
    async () => {
      const row = await trx
        .insertInto("l68_protected_workers")
        .values({
          employer_id: employerId,
          province_code: w.provinceCode,
          worker_name: w.workerName,
          category: w.category,
          contract: w.contract,
          months: w.months ?? null,
          weekly_hours: w.weeklyHours ?? null,
          full_time_hours: w.fullTimeHours ?? null,
          disability_percent: w.disabilityPercent ?? null,
          invalidity_category: w.invalidityCategory ?? null,
          psychic_disability: w.psychicDisability === true,
          inail_percent: w.inailPercent ?? null,
          employer_at_fault: w.employerAtFault === true,
          telework: w.telework === true,
          full_time_workload: w.fullTimeWorkload === true,
          hired_on: w.hiredOn,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      // No health data in the audit details: the log is readable by administrators.
      await audit(trx, actor, employerId, "l68.protected_worker_added", row.id, { category: w.category, province: w.provinceCode });
    },
  );
}

/** A protected worker leaves: if coverage falls, the obligation arises from the last day of work. */
export async function recordWorkerLeft(
  trx: Trx,
  actor: Actor,
  employerId: string,
  version: number,
  input: { workerId: string; leftOn: string },
  today: string,
) {
  if (input.leftOn > today) throw new DomainError("Registra la cessazione dal giorno in cui avviene, non prima", "leftOn");
  const trigger: Trigger = {
    reason: "Cessazione di un lavoratore appartenente alle categorie protette",
    cause: "worker_left",
    eventDate: input.leftOn,
  };
  return change(trx, actor, employerId, version, today, trigger, async () => {
    const worker = await trx
      .updateTable("l68_protected_workers")
      .set({ left_on: input.leftOn })
      .where("id", "=", input.workerId)
      .where("employer_id", "=", employerId)
      .where("left_on", "is", null)
      .returning(["id", "hired_on"])
      .executeTakeFirst();
    if (!worker) throw new DomainError("Lavoratore non trovato o già cessato", "workerId", "not_found");
    await audit(trx, actor, employerId, "l68.protected_worker_left", worker.id, { leftOn: input.leftOn });
  });
}

export async function setEmployerType(
  trx: Trx,
  actor: Actor,
  employerId: string,
  version: number,
  employerType: "private" | "public",
  today: string,
) {
  return change(trx, actor, employerId, version, today, { reason: "Cambiato il tipo di datore di lavoro" }, async () => {
    await trx.updateTable("l68_files").set({ employer_type: employerType }).where("employer_id", "=", employerId).execute();
    await audit(trx, actor, employerId, "l68.employer_type_set", null, { employerType });
  });
}

/** Recomputes without a change of data (e.g. after a record was decided); `eventDate`: when the cause happened. */
export function recomputeFile(
  trx: Trx,
  actor: Actor,
  employerId: string,
  today: string,
  reason: string,
  cause?: Trigger["cause"],
  eventDate?: string,
) {
  return change(trx, actor, employerId, null, today, { reason, cause, eventDate }, async () => {});
}
