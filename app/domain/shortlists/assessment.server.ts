import type { Db, Trx } from "~/db/db.server";
import type { Actor } from "~/domain/audit/index.server";
import { recordAudit } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";

import type { STEP_DECISION_LABELS, STEP_KIND_LABELS } from "./schema";

/** 4D: the vacancy's assessment plan, one step after another, with the employer's representative for selection sessions. */
export async function addAssessmentStep(
  trx: Trx,
  actor: Actor,
  input: {
    vacancyId: string;
    kind: keyof typeof STEP_KIND_LABELS;
    description: string;
    representative: string | null;
    sessionDate: string | null;
  },
) {
  const v = await trx
    .selectFrom("vacancies")
    .select(["id", "employer_id"])
    .where("id", "=", input.vacancyId)
    .forUpdate()
    .executeTakeFirst();
  if (!v) throw new DomainError("Offerta non trovata", "_form", "not_found");
  const { max } = await trx
    .selectFrom("assessment_steps")
    .select((eb) => eb.fn.max("position").as("max"))
    .where("vacancy_id", "=", v.id)
    .executeTakeFirstOrThrow();
  const step = await trx
    .insertInto("assessment_steps")
    .values({
      vacancy_id: v.id,
      position: Number(max ?? 0) + 1,
      kind: input.kind,
      description: input.description,
      employer_representative: input.representative,
      session_date: input.sessionDate,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: "assessment.step_add",
    entityType: "vacancy",
    entityId: v.id,
    employerId: v.employer_id,
    details: { kind: input.kind },
  });
  return step.id;
}

/** One result per step and person, with its justification; recorded again = corrected (audited). */
export async function recordAssessmentResult(
  trx: Trx,
  actor: Actor,
  input: { shortlistId: string; stepId: string; rowId: string; decision: keyof typeof STEP_DECISION_LABELS; justification: string },
) {
  const row = await trx
    .selectFrom("shortlist_candidates as sc")
    .innerJoin("shortlists as s", "s.id", "sc.shortlist_id")
    .innerJoin("assessment_steps as a", "a.vacancy_id", "s.vacancy_id")
    .select(["sc.id", "sc.candidate_id", "s.employer_id", "a.id as step_id"])
    .where("sc.id", "=", input.rowId)
    .where("s.id", "=", input.shortlistId)
    .where("a.id", "=", input.stepId)
    .executeTakeFirst();
  if (!row) throw new DomainError("Passo o candidato non trovato in questa rosa", "_form", "not_found");
  await trx
    .insertInto("assessment_results")
    .values({
      step_id: row.step_id,
      shortlist_candidate_id: row.id,
      decision: input.decision,
      justification: input.justification,
      recorded_by: actor.userId!,
    })
    .onConflict((oc) =>
      oc
        .columns(["step_id", "shortlist_candidate_id"])
        .doUpdateSet({ decision: input.decision, justification: input.justification, recorded_by: actor.userId!, recorded_at: new Date() }),
    )
    .execute();
  await recordAudit(trx, actor, {
    action: "assessment.result",
    entityType: "shortlist_candidate",
    entityId: row.id,
    employerId: row.employer_id,
    details: { stepId: row.step_id, candidateId: row.candidate_id, decision: input.decision },
  });
}

export async function getAssessmentPlan(db: Db, vacancyId: string, rowIds: string[]) {
  const steps = await db.selectFrom("assessment_steps").selectAll().where("vacancy_id", "=", vacancyId).orderBy("position").execute();
  const results =
    steps.length && rowIds.length
      ? await db
          .selectFrom("assessment_results")
          .selectAll()
          .where(
            "step_id",
            "in",
            steps.map((s) => s.id),
          )
          .where("shortlist_candidate_id", "in", rowIds)
          .execute()
      : [];
  return { steps, results };
}
