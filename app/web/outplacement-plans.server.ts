/**
 * Loaders and actions of the plan pages (intake, reinsertion plan, sessions, group sessions), shared by the officer's
 * routes (`/operatore/ricollocazione/…`) and the accredited provider's (`/ente/ricollocazione/…`): the route says who,
 * the domain scopes the rows (a provider reaches only the members assigned to them; anything else is a 404).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { DomainError } from "~/domain/errors";
import { roleHas } from "~/domain/identity/roles";
import { decideConditionality } from "~/domain/outplacement/conditionality.server";
import { saveIntake } from "~/domain/outplacement/intake.server";
import { renderPlanPdf } from "~/domain/outplacement/plans-pdf.server";
import { getEventHours, getMemberPlanPage, getPlanForPdf, listGroupSessions } from "~/domain/outplacement/plans-queries.server";
import {
  ConditionalityDecisionSchema,
  GroupSessionSchema,
  IntakeSchema,
  PlanIntentSchema,
  PlanSchema,
  SessionSchema,
  SignSchema,
  UploadSignedSchema,
} from "~/domain/outplacement/plans-schema";
import type { MemberScope } from "~/domain/outplacement/plans-scope.server";
import {
  SIGNED_PLAN_MAX_BYTES,
  closePlan,
  getSignedPlanPdf,
  savePlanDraft,
  signPlan,
  uploadSignedPlan,
} from "~/domain/outplacement/plans.server";
import { checkPdfFile } from "~/domain/candidates/pdf.server";
import { formatMegabytes } from "~/utils/format";
import { isMultipart } from "./action.server";
import { readUpload } from "./upload.server";
import { logGroupSession, logSession } from "~/domain/outplacement/sessions.server";
import { pdfDownload } from "~/documents/pdf.server";
import { todayInItaly } from "~/utils/dates";
import { plural } from "~/utils/plural";
import { parseForm } from "./conform";
import { replyDomainError, replyInvalid } from "./conform.server";
import { redirectWithFlash } from "./flash.server";
import { actorOf, forbidden, notFound, requirePermission, requireUser } from "./session.server";

export type PlanArea = "officer" | "provider";

const uuid = z.uuid();

function param(params: Record<string, string | undefined>, name: string, message: string): string {
  const parsed = uuid.safeParse(params[name]);
  if (!parsed.success) throw notFound(message);
  return parsed.data;
}

/** The base path of the pages of one member, by area. */
export function memberBase(area: PlanArea, eventId: string, memberId: string) {
  return `${area === "officer" ? "/operatore" : "/ente"}/ricollocazione/${eventId}/lavoratori/${memberId}`;
}

export function eventBase(area: PlanArea, eventId: string) {
  return `${area === "officer" ? "/operatore" : "/ente"}/ricollocazione/${eventId}`;
}

async function guard(area: PlanArea, request: Request) {
  if (area === "officer") {
    const user = await requirePermission(request, "outplacement:manage");
    return { user, scope: { kind: "officer" } as MemberScope };
  }
  const user = await requireUser(request);
  if (!roleHas(user.role, "outplacement:deliver")) throw forbidden();
  return { user, scope: { kind: "provider", userId: user.id } as MemberScope };
}

export async function memberGuard(area: PlanArea, args: LoaderFunctionArgs | ActionFunctionArgs) {
  const g = await guard(area, args.request);
  return {
    ...g,
    eventId: param(args.params, "eventId", "Evento di ricollocazione non trovato"),
    memberId: param(args.params, "memberId", "Lavoratore non trovato"),
  };
}

export function rethrowNotFound(e: unknown): never {
  if (e instanceof DomainError && e.kind === "not_found") throw notFound(e.message);
  throw e;
}

/** The plan page and the member's sessions page read the same data. */
export async function memberPlanLoader(area: PlanArea, args: LoaderFunctionArgs) {
  const { user, scope, eventId, memberId } = await memberGuard(area, args);
  try {
    const page = await getMemberPlanPage(getDb(), actorOf(user, args.context), scope, eventId, memberId);
    return { ...page, area, today: todayInItaly(), base: memberBase(area, eventId, memberId), eventBase: eventBase(area, eventId) };
  } catch (e) {
    rethrowNotFound(e);
  }
}

const IntentSchema = z.object({ intent: z.enum(["intake", "plan", "sign", "revise", "close", "session", "conditionality"]) });

/** The plan signed by the worker, uploaded as a PDF (multipart): signs a draft or completes the version in force. */
async function uploadSignedAction(area: PlanArea, args: ActionFunctionArgs, g: Awaited<ReturnType<typeof memberGuard>>) {
  const upload = await readUpload(
    args.request,
    "firmato",
    SIGNED_PLAN_MAX_BYTES,
    `Il file è troppo grande: al massimo ${formatMegabytes(SIGNED_PLAN_MAX_BYTES)}`,
  );
  const submission = parseForm(upload.form, UploadSignedSchema);
  if (submission.status !== "success")
    return replyInvalid(submission, upload.error ? { fieldErrors: { firmato: upload.error.message } } : {});
  if (!upload.file) return replyDomainError(upload.error, submission);
  const v = submission.value;
  try {
    const pdf = checkPdfFile(upload.file, SIGNED_PLAN_MAX_BYTES, {
      field: "firmato",
      what: "il piano firmato",
      fallbackName: "piano-firmato",
    });
    const r = await withTransaction((trx) =>
      uploadSignedPlan(
        trx,
        actorOf(g.user, args.context),
        g.scope,
        { eventId: g.eventId, memberId: g.memberId, planId: v.planId },
        { version: v.version, workerSignedOn: v.workerSignedOn ?? null, pdf },
      ),
    );
    return redirectWithFlash(`${memberBase(area, g.eventId, g.memberId)}/piano`, {
      type: "success",
      message: r.signedNow
        ? "Piano firmato caricato: la versione è in vigore e non si modifica più."
        : "PDF firmato caricato sulla versione in vigore: da ora la versione non si modifica più.",
    });
  } catch (e) {
    return replyDomainError(e, submission);
  }
}

export async function memberPlanAction(area: PlanArea, args: ActionFunctionArgs) {
  const g = await memberGuard(area, args);
  if (isMultipart(args.request)) return uploadSignedAction(area, args, g);
  const { user, scope, eventId, memberId } = g;
  const form = await args.request.formData();
  const intent = IntentSchema.safeParse({ intent: form.get("intent") });
  if (!intent.success) return replyInvalid(parseForm(form, IntentSchema), { formError: "Operazione non valida" });
  const actor = actorOf(user, args.context);
  const base = memberBase(area, eventId, memberId);
  switch (intent.data.intent) {
    case "intake": {
      const submission = parseForm(form, IntakeSchema);
      if (submission.status !== "success") return replyInvalid(submission);
      try {
        await withTransaction((trx) => saveIntake(trx, actor, scope, eventId, memberId, submission.value));
      } catch (e) {
        return replyDomainError(e, submission);
      }
      return redirectWithFlash(`${base}/piano`, { type: "success", message: "Colloquio di accoglienza registrato." });
    }
    case "plan": {
      const submission = parseForm(form, PlanSchema);
      if (submission.status !== "success") return replyInvalid(submission);
      try {
        const r = await withTransaction((trx) => savePlanDraft(trx, actor, scope, eventId, memberId, submission.value));
        return redirectWithFlash(`${base}/piano`, {
          type: "success",
          message: `Bozza della versione ${r.planVersion} salvata: stampa il PDF, falla firmare al lavoratore e registra la firma.`,
        });
      } catch (e) {
        return replyDomainError(e, submission);
      }
    }
    case "sign": {
      const submission = parseForm(form, SignSchema);
      if (submission.status !== "success") return replyInvalid(submission);
      const v = submission.value;
      try {
        await withTransaction((trx) => signPlan(trx, actor, scope, { eventId, memberId, planId: v.planId }, v));
      } catch (e) {
        return replyDomainError(e, submission);
      }
      return redirectWithFlash(`${base}/piano`, {
        type: "success",
        message: "Firma registrata: il piano è in vigore e le ore delle sue azioni contano. Ora puoi registrare gli incontri.",
      });
    }
    case "revise":
    case "close": {
      const submission = parseForm(form, PlanIntentSchema);
      if (submission.status !== "success") return replyInvalid(submission);
      const v = submission.value;
      if (v.intent === "revise")
        return redirectWithFlash(`${base}/piano?revisione=1#piano`, { type: "info", message: "Scrivi la revisione." });
      try {
        await withTransaction((trx) => closePlan(trx, actor, scope, { eventId, memberId, planId: v.planId }, v.version));
      } catch (e) {
        return replyDomainError(e, submission);
      }
      return redirectWithFlash(`${base}/piano`, { type: "success", message: "Piano chiuso." });
    }
    case "session": {
      const submission = parseForm(form, SessionSchema);
      if (submission.status !== "success") return replyInvalid(submission);
      let opened: string | null;
      try {
        opened = (await withTransaction((trx) => logSession(trx, actor, scope, eventId, memberId, submission.value))).conditionalityId;
      } catch (e) {
        return replyDomainError(e, submission);
      }
      return redirectWithFlash(`${base}/sessioni`, {
        type: "success",
        message: opened
          ? "Assenza registrata. Il lavoratore percepisce un sostegno al reddito: è stato aperto un evento di condizionalità da valutare."
          : "Incontro registrato: le ore sono nel registro dei servizi.",
      });
    }
    case "conditionality": {
      const submission = parseForm(form, ConditionalityDecisionSchema);
      if (submission.status !== "success") return replyInvalid(submission);
      try {
        await withTransaction((trx) => decideConditionality(trx, actor, scope, { eventId, memberId }, submission.value));
      } catch (e) {
        return replyDomainError(e, submission);
      }
      return redirectWithFlash(`${base}/sessioni`, { type: "success", message: "Valutazione dell'evento di condizionalità registrata." });
    }
  }
}

/** The plan PDF (a version), printed to be signed; the print is audited. */
export async function planPdfLoader(area: PlanArea, args: LoaderFunctionArgs) {
  const { user, scope, eventId, memberId } = await memberGuard(area, args);
  const planId = param(args.params, "planId", "Piano non trovato");
  const url = new URL(args.request.url);
  try {
    if (url.searchParams.get("firmato") === "1") {
      const signed = await getSignedPlanPdf(getDb(), actorOf(user, args.context), scope, eventId, memberId, planId);
      return pdfDownload(signed.signed_pdf!, signed.signed_pdf_name ?? `piano-firmato-v${signed.plan_version}.pdf`);
    }
    const data = await getPlanForPdf(getDb(), actorOf(user, args.context), scope, eventId, memberId, planId);
    if (!data) throw notFound("Piano non trovato");
    const bytes = await renderPlanPdf(data);
    return pdfDownload(
      bytes,
      `progetto-reinserimento-${data.member.last_name.toLowerCase().replace(/[^a-z]+/g, "-")}-v${data.plan.plan_version}.pdf`,
    );
  } catch (e) {
    rethrowNotFound(e);
  }
}

/** The event's group sessions page: the cohort's hours against the ranges and the group session form. */
export async function groupSessionsLoader(area: PlanArea, args: LoaderFunctionArgs) {
  const { user, scope } = await guard(area, args.request);
  const eventId = param(args.params, "eventId", "Evento di ricollocazione non trovato");
  try {
    const db = getDb();
    const hours = await getEventHours(db, actorOf(user, args.context), scope, eventId);
    return {
      ...hours,
      sessions: await listGroupSessions(db, scope, eventId),
      area,
      today: todayInItaly(),
      eventBase: eventBase(area, eventId),
    };
  } catch (e) {
    rethrowNotFound(e);
  }
}

export async function groupSessionsAction(area: PlanArea, args: ActionFunctionArgs) {
  const { user, scope } = await guard(area, args.request);
  const eventId = param(args.params, "eventId", "Evento di ricollocazione non trovato");
  const submission = parseForm(await args.request.formData(), GroupSessionSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  let r: Awaited<ReturnType<typeof logGroupSession>>;
  try {
    r = await withTransaction((trx) => logGroupSession(trx, actorOf(user, args.context), scope, eventId, submission.value));
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash(`${eventBase(area, eventId)}/sessioni`, {
    type: "success",
    message:
      `Incontro di gruppo registrato: ${plural(r.present, "presente", "presenti")} su ${plural(r.attendees, "partecipante", "partecipanti")}.` +
      (r.conditionality ? ` ${plural(r.conditionality, "evento di condizionalità aperto", "eventi di condizionalità aperti")}.` : ""),
  });
}
