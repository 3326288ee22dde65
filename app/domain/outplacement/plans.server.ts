/**
 * The reinsertion plan, versioned (docs/decisions/outplacement.md «Piano e ore»): a draft is written and corrected,
 * then signed (the worker on the printed PDF, the operator in Rosa); a revision is a new draft version that, once
 * signed, supersedes the version before. Every move: scoped row lock, version check and audit in the caller's transaction.
 */
import type { Db, Trx } from "~/db/db.server";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError, StaleVersionError } from "~/domain/errors";
import { todayInItaly } from "~/utils/dates";
import { PLAN_EDITABLE, PLAN_STATE_LABELS, nextPlanState, type PlanActorKind, type PlanState } from "./plans-states";
import type { PlanInput } from "./plans-schema";
import { findScopedMember, type MemberScope } from "./plans-scope.server";
import { transitionMember } from "./members.server";
import type { MemberEvent } from "./members";

/** Largest signed plan accepted (PDF), the same limit as the other uploaded documents (L. 68 records). */
export const SIGNED_PLAN_MAX_BYTES = 10 * 1_048_576;

/** A checked PDF (signature `%PDF-`, size, safe name) and the sha256 of its bytes. */
export interface SignedPlanPdf {
  filename: string;
  bytes: Uint8Array;
  sha256: string;
}

/**
 * The member's state follows the plan signature (state table in members.ts): from «Informato», «In accoglienza» or
 * «Progetto in bozza» the member walks the moves still missing up to «In percorso», one history row each. A member
 * already in the path (a revision signed) or out of it does not move.
 */
const WALK_TO_ACTIVE: Partial<Record<string, MemberEvent>> = { informed: "start_intake", in_intake: "draft_plan", plan_draft: "sign_plan" };

async function advanceMemberOnSignature(trx: Trx, actor: Actor, memberId: string, planVersion: number) {
  for (let i = 0; i < 3; i++) {
    const row = await trx.selectFrom("outplacement_members").select("state").where("id", "=", memberId).executeTakeFirstOrThrow();
    const event = WALK_TO_ACTIVE[row.state];
    if (!event) return;
    await transitionMember(trx, actor, { kind: "system" }, memberId, {
      event,
      version: null,
      note: `Progetto di reinserimento firmato (versione ${planVersion})`,
    });
  }
}

const actorKind = (scope: MemberScope): PlanActorKind => scope.kind;

/** The plan row, locked, of a member this scope may work on. */
async function lockPlan(trx: Trx, scope: MemberScope, eventId: string, memberId: string, planId: string, version: number | null) {
  const member = await findScopedMember(trx, scope, eventId, memberId, true);
  const plan = await trx
    .selectFrom("outplacement_plans")
    .selectAll()
    .where("id", "=", planId)
    .where("member_id", "=", memberId)
    .forUpdate()
    .executeTakeFirst();
  if (!plan) throw new DomainError("Piano non trovato", "_form", "not_found");
  if (version !== null && plan.version !== version) throw new StaleVersionError();
  return { member, plan };
}

async function checkOccupations(trx: Trx, input: PlanInput) {
  for (const [field, code] of [
    ["mainGoalOccupation", input.mainGoalOccupation],
    ["altGoalOccupation", input.altGoalOccupation],
  ] as const) {
    if (!code) continue;
    const found = await trx.selectFrom("occupations").select("code").where("code", "=", code).executeTakeFirst();
    if (!found) throw new DomainError("Professione sconosciuta: scegline una dall'elenco CP2021", field);
  }
}

async function writeActions(trx: Trx, planId: string, input: PlanInput) {
  await trx.deleteFrom("outplacement_plan_actions").where("plan_id", "=", planId).execute();
  await trx
    .insertInto("outplacement_plan_actions")
    .values(
      input.actions.map((a, i) => ({
        plan_id: planId,
        position: i + 1,
        service_code: a.serviceCode,
        mode: a.mode,
        location: a.location,
        planned_minutes: a.plannedHours,
        starts_on: a.startsOn,
        ends_on: a.endsOn,
        course_title: a.serviceCode === "FORM" ? a.courseTitle || null : null,
        course_total_minutes: a.serviceCode === "FORM" ? a.courseTotalHours : null,
        notes: a.notes,
        state: a.startsOn ? ("scheduled" as const) : ("planned" as const),
      })),
    )
    .execute();
}

/**
 * Writes the member's draft: corrects the open draft (input.version = its version) or, when there is none, starts a
 * new version (input.version = 0) that revises the current signed one, if any.
 */
export async function savePlanDraft(trx: Trx, actor: Actor, scope: MemberScope, eventId: string, memberId: string, input: PlanInput) {
  const member = await findScopedMember(trx, scope, eventId, memberId, true);
  await checkOccupations(trx, input);
  const plans = await trx
    .selectFrom("outplacement_plans")
    .select(["id", "state", "version", "plan_version"])
    .where("member_id", "=", memberId)
    .orderBy("plan_version", "desc")
    .execute();
  if (plans.some((p) => p.state === "closed"))
    throw new DomainError("Il percorso è chiuso: il piano non si modifica più", "_form", "conflict");
  const draft = plans.find((p) => PLAN_EDITABLE.includes(p.state));
  const columns = {
    main_goal_type: input.mainGoalType,
    main_goal_cp2021: input.mainGoalOccupation,
    main_goal_description: input.mainGoalDescription,
    alt_goal_type: input.altGoalType,
    alt_goal_cp2021: input.altGoalType ? input.altGoalOccupation : null,
    alt_goal_description: input.altGoalType ? input.altGoalDescription : "",
    commitments: input.commitments,
    review_on: input.reviewOn,
    updated_at: new Date(),
  };
  let planId: string;
  let version: number;
  let planVersion: number;
  if (draft) {
    if (input.version !== draft.version) throw new StaleVersionError();
    planId = draft.id;
    version = draft.version + 1;
    planVersion = draft.plan_version;
    await trx
      .updateTable("outplacement_plans")
      .set({ ...columns, version })
      .where("id", "=", planId)
      .execute();
  } else {
    if (input.version !== 0) throw new StaleVersionError();
    const current = plans.find((p) => p.state === "signed" || p.state === "in_progress");
    planVersion = (plans[0]?.plan_version ?? 0) + 1;
    version = 1;
    planId = (
      await trx
        .insertInto("outplacement_plans")
        .values({
          ...columns,
          member_id: memberId,
          plan_version: planVersion,
          revises_plan_id: current?.id ?? null,
          created_by: actor.userId!,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  }
  await writeActions(trx, planId, input);
  await recordAudit(trx, actor, {
    action: draft ? "outplacement.plan_updated" : "outplacement.plan_drafted",
    entityType: "outplacement_plan",
    entityId: planId,
    employerId: member.employer_id,
    details: { member: memberId, planVersion, actions: input.actions.map((a) => a.serviceCode) },
  });
  return { planId, version, planVersion };
}

/**
 * The worker signed the printed plan and the operator signs in Rosa: the draft becomes SIGNED and the version it
 * revises becomes SUPERSEDED (its delivered sessions stay, its planned hours stop counting).
 */
export async function signPlan(
  trx: Trx,
  actor: Actor,
  scope: MemberScope,
  ref: { eventId: string; memberId: string; planId: string },
  input: { workerSignedOn: string; version: number; signedPdf?: SignedPlanPdf | null },
  now: Date = new Date(),
) {
  const { member, plan } = await lockPlan(trx, scope, ref.eventId, ref.memberId, ref.planId, input.version);
  const next = nextPlanState(plan.state as PlanState, "sign", actorKind(scope));
  if (!next)
    throw new DomainError(`Il piano è «${PLAN_STATE_LABELS[plan.state as PlanState]}»: non si firma di nuovo`, "_form", "conflict");
  if (input.workerSignedOn > todayInItaly(now)) throw new DomainError("La data della firma non può essere futura", "workerSignedOn");
  if (input.workerSignedOn < todayInItaly(plan.created_at))
    throw new DomainError("La data della firma non può precedere la bozza del piano", "workerSignedOn");
  const actions = await trx.selectFrom("outplacement_plan_actions").select("id").where("plan_id", "=", plan.id).execute();
  if (!actions.length) throw new DomainError("Il piano non ha azioni: aggiungine almeno una prima della firma", "_form", "conflict");
  const previous = await trx
    .selectFrom("outplacement_plans")
    .select(["id", "state"])
    .where("member_id", "=", ref.memberId)
    .where("state", "in", ["signed", "in_progress"])
    .forUpdate()
    .executeTakeFirst();
  if (previous) {
    if (!nextPlanState(previous.state as PlanState, "supersede", "system"))
      throw new DomainError("Revisione non consentita", "_form", "conflict");
    await trx.updateTable("outplacement_plans").set({ state: "superseded", updated_at: now }).where("id", "=", previous.id).execute();
  }
  await trx
    .updateTable("outplacement_plans")
    .set({
      state: next,
      worker_signed_on: input.workerSignedOn,
      worker_signature_method: input.signedPdf ? "uploaded_pdf" : "paper",
      signed_pdf: input.signedPdf ? Buffer.from(input.signedPdf.bytes) : null,
      signed_pdf_name: input.signedPdf?.filename ?? null,
      signed_pdf_sha256: input.signedPdf?.sha256 ?? null,
      signed_pdf_size: input.signedPdf ? input.signedPdf.bytes.length : null,
      signed_pdf_uploaded_by: input.signedPdf ? actor.userId : null,
      signed_pdf_uploaded_at: input.signedPdf ? now : null,
      operator_signed_by: actor.userId,
      operator_signed_at: now,
      version: plan.version + 1,
      updated_at: now,
    })
    .where("id", "=", plan.id)
    .execute();
  await recordAudit(trx, actor, {
    action: "outplacement.plan_signed",
    entityType: "outplacement_plan",
    entityId: plan.id,
    employerId: member.employer_id,
    details: {
      member: ref.memberId,
      planVersion: plan.plan_version,
      workerSignedOn: input.workerSignedOn,
      method: input.signedPdf ? "uploaded_pdf" : "paper",
      sha256: input.signedPdf?.sha256 ?? null,
      superseded: previous?.id ?? null,
    },
  });
  await advanceMemberOnSignature(trx, actor, ref.memberId, plan.plan_version);
  return { state: next, version: plan.version + 1 };
}

/**
 * The operator uploads the plan as signed by the worker (a scanned or digitally signed PDF). A draft is signed by it
 * (as `signPlan`, method «PDF caricato»); a signed version that has no PDF yet gets it attached. A version that has its
 * signed PDF is frozen: to change the plan write a revision, which is a new version.
 */
export async function uploadSignedPlan(
  trx: Trx,
  actor: Actor,
  scope: MemberScope,
  ref: { eventId: string; memberId: string; planId: string },
  input: { version: number; workerSignedOn: string | null; pdf: SignedPlanPdf },
  now: Date = new Date(),
) {
  const { member, plan } = await lockPlan(trx, scope, ref.eventId, ref.memberId, ref.planId, input.version);
  if (plan.state === "draft") {
    if (!input.workerSignedOn) throw new DomainError("Indica la data in cui il lavoratore ha firmato il piano", "workerSignedOn");
    const signed = await signPlan(
      trx,
      actor,
      scope,
      ref,
      { workerSignedOn: input.workerSignedOn, version: input.version, signedPdf: input.pdf },
      now,
    );
    return { ...signed, signedNow: true };
  }
  if (plan.state !== "signed" && plan.state !== "in_progress")
    throw new DomainError(
      `Il piano è «${PLAN_STATE_LABELS[plan.state as PlanState]}»: il PDF firmato si carica sulla versione in vigore`,
      "_form",
      "conflict",
    );
  if (plan.signed_pdf_sha256)
    throw new DomainError(
      "Questa versione ha già il suo PDF firmato e non si modifica più: per cambiare il piano scrivi una revisione (nuova versione)",
      "_form",
      "conflict",
    );
  await trx
    .updateTable("outplacement_plans")
    .set({
      signed_pdf: Buffer.from(input.pdf.bytes),
      signed_pdf_name: input.pdf.filename,
      signed_pdf_sha256: input.pdf.sha256,
      signed_pdf_size: input.pdf.bytes.length,
      signed_pdf_uploaded_by: actor.userId,
      signed_pdf_uploaded_at: now,
      version: plan.version + 1,
      updated_at: now,
    })
    .where("id", "=", plan.id)
    .execute();
  await recordAudit(trx, actor, {
    action: "outplacement.plan_signed_pdf_uploaded",
    entityType: "outplacement_plan",
    entityId: plan.id,
    employerId: member.employer_id,
    details: {
      member: ref.memberId,
      planVersion: plan.plan_version,
      filename: input.pdf.filename,
      size: input.pdf.bytes.length,
      sha256: input.pdf.sha256,
    },
  });
  return { state: plan.state as PlanState, version: plan.version + 1, signedNow: false };
}

/** An officer closes the member's current plan (the path ended: outcome, exit, sanction). */
export async function closePlan(
  trx: Trx,
  actor: Actor,
  scope: MemberScope,
  ref: { eventId: string; memberId: string; planId: string },
  version: number,
  now: Date = new Date(),
) {
  const { member, plan } = await lockPlan(trx, scope, ref.eventId, ref.memberId, ref.planId, version);
  const next = nextPlanState(plan.state as PlanState, "close", actorKind(scope));
  if (!next)
    throw new DomainError(
      scope.kind === "provider"
        ? "Solo un operatore del Centro per l'Impiego chiude il piano"
        : `Il piano è «${PLAN_STATE_LABELS[plan.state as PlanState]}»: non si può chiudere`,
      "_form",
      scope.kind === "provider" ? "forbidden" : "conflict",
    );
  await trx
    .updateTable("outplacement_plans")
    .set({ state: next, closed_at: now, version: plan.version + 1, updated_at: now })
    .where("id", "=", plan.id)
    .execute();
  await recordAudit(trx, actor, {
    action: "outplacement.plan_closed",
    entityType: "outplacement_plan",
    entityId: plan.id,
    employerId: member.employer_id,
    details: { member: ref.memberId, planVersion: plan.plan_version },
  });
  return { state: next, version: plan.version + 1 };
}

/** Moves the signed plan to IN_PROGRESS at its first attended session (Rosa's own move). */
export async function startPlanIfSigned(trx: Trx, planId: string, now: Date = new Date()) {
  const plan = await trx
    .selectFrom("outplacement_plans")
    .select(["state", "version"])
    .where("id", "=", planId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const next = nextPlanState(plan.state as PlanState, "start", "system");
  if (!next) return false;
  await trx
    .updateTable("outplacement_plans")
    .set({ state: next, version: plan.version + 1, updated_at: now })
    .where("id", "=", planId)
    .execute();
  return true;
}

/** The signed PDF the operator uploaded, of a member this scope may work on; the download is audited. */
export async function getSignedPlanPdf(db: Db, actor: Actor, scope: MemberScope, eventId: string, memberId: string, planId: string) {
  const member = await findScopedMember(db, scope, eventId, memberId);
  const row = await db
    .selectFrom("outplacement_plans")
    .select(["signed_pdf", "signed_pdf_name", "signed_pdf_sha256", "plan_version"])
    .where("id", "=", planId)
    .where("member_id", "=", memberId)
    .executeTakeFirst();
  if (!row?.signed_pdf) throw new DomainError("Il PDF firmato non è stato caricato", "_form", "not_found");
  await recordAudit(db, actor, {
    action: "outplacement.plan_signed_pdf_downloaded",
    entityType: "outplacement_plan",
    entityId: planId,
    employerId: member.employer_id,
    details: { member: memberId, planVersion: row.plan_version },
  });
  return row;
}
