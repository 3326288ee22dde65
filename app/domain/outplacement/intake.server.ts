import type { Db, Trx } from "~/db/db.server";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError, StaleVersionError } from "~/domain/errors";
import { todayInItaly } from "~/utils/dates";
import type { IntakeInput } from "./plans-schema";
import { findScopedMember, type MemberScope } from "./plans-scope.server";

export async function getIntake(db: Db | Trx, memberId: string) {
  return (await db.selectFrom("outplacement_intakes").selectAll().where("member_id", "=", memberId).executeTakeFirst()) ?? null;
}

/** Records (or corrects) the member's intake and skills assessment; version 0 = the first time. */
export async function saveIntake(trx: Trx, actor: Actor, scope: MemberScope, eventId: string, memberId: string, input: IntakeInput) {
  const member = await findScopedMember(trx, scope, eventId, memberId, true);
  const today = todayInItaly();
  if (input.assessmentStartedOn && input.assessmentStartedOn > today)
    throw new DomainError("L'inizio del bilancio non può essere futuro", "assessmentStartedOn");
  if (input.assessmentEndedOn && input.assessmentEndedOn > today)
    throw new DomainError("La fine del bilancio non può essere futura", "assessmentEndedOn");
  const values = {
    competences: input.competences,
    motivations: input.motivations,
    mobility_km: input.mobilityKm,
    mobility_minutes: input.mobilityMinutes,
    weekly_hours: input.weeklyHours,
    care_constraints: input.careConstraints,
    self_employment_interest: input.selfEmploymentInterest,
    assessment_started_on: input.assessmentStartedOn,
    assessment_ended_on: input.assessmentEndedOn,
    assessment_notes: input.assessmentNotes,
    updated_by: actor.userId,
    updated_at: new Date(),
  };
  const current = await trx.selectFrom("outplacement_intakes").select("version").where("member_id", "=", memberId).executeTakeFirst();
  let version: number;
  if (!current) {
    if (input.version !== 0) throw new StaleVersionError();
    await trx
      .insertInto("outplacement_intakes")
      .values({ member_id: memberId, ...values })
      .execute();
    version = 1;
  } else {
    if (input.version !== current.version) throw new StaleVersionError();
    version = current.version + 1;
    await trx
      .updateTable("outplacement_intakes")
      .set({ ...values, version })
      .where("member_id", "=", memberId)
      .execute();
  }
  await recordAudit(trx, actor, {
    action: "outplacement.intake_saved",
    entityType: "outplacement_member",
    entityId: memberId,
    employerId: member.employer_id,
    details: { assessment: !!input.assessmentStartedOn, version },
  });
  return { version };
}
