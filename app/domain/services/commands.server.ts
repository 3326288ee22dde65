import { addDays, todayInItaly } from "~/utils/dates";
import { plural } from "~/utils/plural";
import { sql } from "kysely";
import type { Trx } from "~/db/db.server";
import type { ServiceQueue } from "~/db/tables/vacancies";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError, StaleVersionError } from "~/domain/errors";
import { findOccupation } from "~/domain/reference/index.server";
import { createVacancy } from "~/domain/vacancies/index.server";
import { durationCheck } from "./durations";
import type { ArticleInput, DeliveryInput, DeliveryTimeInput, NeedsInput } from "./schema";
import { routeScreening, SCREENING_QUESTIONS, type ScreeningAnswers } from "./screening";
import { serviceRequestMove, type ServiceRequestEvent } from "./states";

/** The employer's answers become one request per service; a service already requested and open is not duplicated. */
export async function submitScreening(trx: Trx, actor: Actor, employerId: string, answers: ScreeningAnswers & { note: string }) {
  const routes = routeScreening(answers);
  const answered = Object.fromEntries(SCREENING_QUESTIONS.map((q) => [q.id, !!answers[q.id]]));
  const created: string[] = [];
  for (const r of routes) {
    const row = await trx
      .insertInto("service_requests")
      .values({
        employer_id: employerId,
        service_code: r.service,
        queue: r.queue,
        note: answers.note || null,
        answers: JSON.stringify(answered),
        created_by: actor.userId,
      })
      .onConflict((oc) => oc.columns(["employer_id", "service_code"]).where("status", "in", ["open", "taken"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (row) created.push(row.id);
  }
  await recordAudit(trx, actor, {
    action: "service_request.screening",
    entityType: "employer",
    entityId: employerId,
    employerId,
    details: { services: routes.map((r) => r.service), created: created.length },
  });
  return { routes, created: created.length };
}

/**
 * An officer of the request's queue takes it in charge, closes it as done or cancels it, along the
 * transition table in states.ts: row lock within the officer's queues, version check, audit in the same transaction.
 */
export async function moveServiceRequest(
  trx: Trx,
  actor: Actor,
  queues: ServiceQueue[],
  input: { requestId: string; move: ServiceRequestEvent; version: number },
  now: Date = new Date(),
) {
  const current = await trx
    .selectFrom("service_requests")
    .select(["id", "status", "version", "employer_id", "service_code"])
    .where("id", "=", input.requestId)
    .where("queue", "in", queues)
    .forUpdate()
    .executeTakeFirst();
  if (!current) throw new DomainError("Richiesta non trovata", "_form", "not_found");
  if (current.version !== input.version) throw new StaleVersionError();
  const to = serviceRequestMove(current.status, input.move);
  await trx
    .updateTable("service_requests")
    .set({
      status: to,
      version: current.version + 1,
      updated_at: now,
      ...(input.move === "take" ? { assigned_to: actor.userId } : {}),
    })
    .where("id", "=", current.id)
    .execute();
  await recordAudit(trx, actor, {
    action: `service_request.${input.move}`,
    entityType: "service_request",
    entityId: current.id,
    employerId: current.employer_id,
    details: { from: current.status, to, service: current.service_code },
  });
  return { status: to, version: current.version + 1 };
}

/** Records one delivered service; outside the standard duration a justification is required. */
export async function recordDelivery(trx: Trx, actor: Actor, input: DeliveryInput) {
  const standard = await trx.selectFrom("service_standards").selectAll().where("code", "=", input.standardCode).executeTakeFirst();
  if (!standard) throw new DomainError("Servizio sconosciuto: sceglilo dall'elenco", "standardCode");
  const employer = await trx.selectFrom("employers").select("id").where("id", "=", input.employerId).executeTakeFirst();
  if (!employer) throw new DomainError("Azienda non trovata", "employerId");
  if (input.deliveredOn > todayInItaly()) throw new DomainError("La data non può essere futura", "deliveredOn");
  const check = durationCheck(standard, input.minutes);
  if (!check.ok && (!input.justification || input.justification.length < 10)) throw new DomainError(check.message!, "justification");
  if (input.serviceRequestId) {
    const request = await trx
      .selectFrom("service_requests")
      .select("employer_id")
      .where("id", "=", input.serviceRequestId)
      .executeTakeFirst();
    if (!request || request.employer_id !== input.employerId)
      throw new DomainError("La richiesta non è di questa azienda", "serviceRequestId");
  }
  const row = await trx
    .insertInto("service_deliveries")
    .values({
      employer_id: input.employerId,
      standard_code: standard.code,
      delivered_on: input.deliveredOn,
      minutes: input.minutes,
      modality: input.modality,
      officer_id: actor.userId!,
      output: input.output,
      justification: input.justification,
      service_request_id: input.serviceRequestId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: "service_delivery.recorded",
    entityType: "service_delivery",
    entityId: row.id,
    employerId: input.employerId,
    details: { standard: standard.code, minutes: input.minutes, outsideRange: !check.ok },
  });
  return row.id;
}

/**
 * The officer corrects the time, modality and justification of a row Rosa
 * recorded by itself (4B with a consultation, 4C on presentation, 4D on the
 * employer's selection at the standard's minimum). Same rule as a new row:
 * outside the standard's range a justification is needed. Row lock + version
 * check (no lost update); the audit keeps the old and the new values.
 */
export async function correctDeliveryTime(trx: Trx, actor: Actor, deliveryId: string, input: DeliveryTimeInput) {
  const current = await trx
    .selectFrom("service_deliveries")
    .select([
      "id",
      "employer_id",
      "standard_code",
      "minutes",
      "modality",
      "justification",
      "version",
      "shortlist_id",
      "needs_assessment_id",
    ])
    .where("id", "=", deliveryId)
    .forUpdate()
    .executeTakeFirst();
  if (!current) throw new DomainError("Servizio non trovato nel registro", "_form", "not_found");
  if (!current.shortlist_id && !current.needs_assessment_id)
    throw new DomainError("Solo le righe registrate automaticamente si correggono da qui", "_form", "conflict");
  if (current.version !== input.version) throw new StaleVersionError();
  const standard = await trx
    .selectFrom("service_standards")
    .select(["min_minutes", "max_minutes"])
    .where("code", "=", current.standard_code)
    .executeTakeFirstOrThrow();
  const check = durationCheck(standard, input.minutes);
  if (!check.ok && (!input.justification || input.justification.length < 10)) throw new DomainError(check.message!, "justification");
  await trx
    .updateTable("service_deliveries")
    .set({
      minutes: input.minutes,
      modality: input.modality,
      justification: input.justification,
      version: current.version + 1,
      updated_at: new Date(),
    })
    .where("id", "=", current.id)
    .execute();
  await recordAudit(trx, actor, {
    action: "service_delivery.time_corrected",
    entityType: "service_delivery",
    entityId: current.id,
    employerId: current.employer_id,
    details: {
      standard: current.standard_code,
      from: { minutes: current.minutes, modality: current.modality, justification: current.justification },
      to: { minutes: input.minutes, modality: input.modality, justification: input.justification },
      outsideRange: !check.ok,
    },
  });
}

/** Administrators create or edit information content (optimistic locking on edits). */
export async function saveArticle(trx: Trx, actor: Actor, articleId: string | null, input: ArticleInput) {
  const clash = await trx
    .selectFrom("info_articles")
    .select("id")
    .where("slug", "=", input.slug)
    .$if(!!articleId, (q) => q.where("id", "!=", articleId!))
    .executeTakeFirst();
  if (clash) throw new DomainError("Esiste già una pagina con questo indirizzo", "slug", "conflict");
  const columns = {
    slug: input.slug,
    category: input.category,
    title: input.title,
    summary: input.summary,
    body: input.body,
    service_codes: input.serviceCodes,
    sort_order: input.sortOrder,
    published: input.published,
    updated_by: actor.userId,
  };
  let id = articleId;
  if (!articleId) {
    id = (await trx.insertInto("info_articles").values(columns).returning("id").executeTakeFirstOrThrow()).id;
  } else {
    const current = await trx.selectFrom("info_articles").select("version").where("id", "=", articleId).forUpdate().executeTakeFirst();
    if (!current) throw new DomainError("Pagina non trovata", "_form", "not_found");
    if (current.version !== input.version) throw new StaleVersionError();
    await trx
      .updateTable("info_articles")
      .set({ ...columns, version: current.version + 1, updated_at: new Date() })
      .where("id", "=", articleId)
      .execute();
  }
  await recordAudit(trx, actor, {
    action: articleId ? "info_article.updated" : "info_article.created",
    entityType: "info_article",
    entityId: id,
    details: { slug: input.slug, published: input.published },
  });
  return id!;
}

/** A needs consultancy (4B) with the professional figures sought. */
export async function createNeedsAssessment(trx: Trx, actor: Actor, input: NeedsInput) {
  const employer = await trx.selectFrom("employers").select("status").where("id", "=", input.employerId).executeTakeFirst();
  if (!employer) throw new DomainError("Azienda non trovata", "employerId");
  for (const [i, f] of input.figures.entries()) {
    const occ = await findOccupation(trx, f.occupation);
    if (!occ || occ.level < 4) throw new DomainError("Professione inesistente: sceglila dall'elenco CP2021", `figures.${i}.occupation`);
  }
  const row = await trx
    .insertInto("needs_assessments")
    .values({
      employer_id: input.employerId,
      officer_id: actor.userId!,
      assessed_on: input.assessedOn,
      skill_gaps: input.skillGaps,
      training_needs: input.trainingNeeds,
      actions_agreed: input.actionsAgreed,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (input.figures.length) {
    await trx
      .insertInto("needs_figures")
      .values(
        input.figures.map((f, i) => ({
          assessment_id: row.id,
          position: i + 1,
          occupation_code: f.occupation,
          quantity: f.quantity,
          needed_by: f.neededBy,
          notes: f.notes,
        })),
      )
      .execute();
  }
  // The register (docs/decisions/0018-service-register-one-row-per-output.md): the consultation IS the 4B service, with the time and modality the officer entered.
  const standard = await trx
    .selectFrom("service_standards")
    .select(["code", "min_minutes", "max_minutes"])
    .where("code", "=", "4B")
    .executeTakeFirstOrThrow();
  const check = durationCheck(standard, input.minutes);
  if (!check.ok && (!input.justification || input.justification.length < 10)) throw new DomainError(check.message!, "justification");
  await trx
    .insertInto("service_deliveries")
    .values({
      employer_id: input.employerId,
      standard_code: "4B",
      delivered_on: input.assessedOn,
      minutes: input.minutes,
      modality: input.modality,
      officer_id: actor.userId!,
      output: `Consulenza sui fabbisogni: ${plural(input.figures.length, "figura professionale individuata", "figure professionali individuate")}`,
      justification: check.ok ? null : input.justification,
      needs_assessment_id: row.id,
    })
    .onConflict((oc) => oc.column("needs_assessment_id").where("needs_assessment_id", "is not", null).doNothing())
    .execute();
  await recordAudit(trx, actor, {
    action: "needs_assessment.created",
    entityType: "needs_assessment",
    entityId: row.id,
    employerId: input.employerId,
    details: { figures: input.figures.length },
  });
  return row.id;
}

/** Turns one professional figure into a vacancy draft the employer completes and sends (one step, once). */
export async function figureToVacancyDraft(trx: Trx, actor: Actor, figureId: string) {
  const f = await trx
    .selectFrom("needs_figures")
    .innerJoin("needs_assessments", "needs_assessments.id", "needs_figures.assessment_id")
    .innerJoin("occupations", "occupations.code", "needs_figures.occupation_code")
    .innerJoin("employers", "employers.id", "needs_assessments.employer_id")
    .innerJoin("comuni", "comuni.istat_code", "employers.legal_comune_code")
    .select([
      "needs_figures.id",
      "needs_figures.vacancy_id",
      "needs_figures.quantity",
      "needs_figures.needed_by",
      "needs_figures.notes",
      "needs_figures.occupation_code",
      "needs_assessments.employer_id",
      "needs_assessments.assessed_on",
      "occupations.title as occupation_title",
      sql<string>`comuni.name || ' (' || comuni.province_code || ')'`.as("comune_label"),
    ])
    .where("needs_figures.id", "=", figureId)
    .forUpdate(["needs_figures"])
    .executeTakeFirst();
  if (!f) throw new DomainError("Figura non trovata", "_form", "not_found");
  if (f.vacancy_id) throw new DomainError("Da questa figura è già stata creata un'offerta", "_form", "conflict");
  const today = todayInItaly();
  const neededBy = f.needed_by;
  const closingDate = neededBy && neededBy > addDays(today, 7) && neededBy <= addDays(today, 180) ? neededBy : addDays(today, 30);
  const created = await createVacancy(trx, actor, f.employer_id, {
    title: f.occupation_title.slice(0, 120),
    occupation: f.occupation_code,
    atecoCode: null,
    description: `Bozza preparata dal Centro per l'Impiego dalla consulenza sui fabbisogni del ${f.assessed_on}. ${f.notes || "Completa la descrizione dell'offerta."}`,
    tasks: null,
    comune: f.comune_label,
    radiusKm: 20,
    engagement: "direct",
    contractType: "A.01.00",
    ccnl: "",
    ccnlNote: null,
    ccnlCnel: "",
    workingTime: "F",
    weeklyHours: null,
    shifts: null,
    payMin: null,
    payMax: null,
    payPeriod: "",
    positions: f.quantity,
    startDate: null,
    closingDate,
    l68Reserved: "no",
    publicationMode: "public",
    requirements: [],
  });
  await trx.updateTable("needs_figures").set({ vacancy_id: created.vacancyId }).where("id", "=", f.id).execute();
  await recordAudit(trx, actor, {
    action: "needs_figure.vacancy_draft",
    entityType: "needs_figure",
    entityId: f.id,
    employerId: f.employer_id,
    details: { vacancyId: created.vacancyId },
  });
  return created.vacancyId;
}

/**
 * The register row of an outplacement session (docs/decisions/outplacement.md «Piano e ore»): one row per individual
 * session or per group session, for the dismissing employer, with the real minutes and modality; a corrected session
 * updates its row. `minutes` 0 (nobody attended) removes the row.
 */
export async function recordOutplacementDelivery(
  trx: Trx,
  actor: Actor,
  input: {
    source: { sessionId: string } | { groupSessionId: string };
    employerId: string;
    standardCode: string;
    deliveredOn: string;
    minutes: number;
    modality: "office" | "company" | "remote";
    output: string;
  },
) {
  const key = "sessionId" in input.source ? ("outplacement_session_id" as const) : ("outplacement_group_session_id" as const);
  const keyValue = "sessionId" in input.source ? input.source.sessionId : input.source.groupSessionId;
  const existing = await trx
    .selectFrom("service_deliveries")
    .select(["id", "version"])
    .where(key, "=", keyValue)
    .forUpdate()
    .executeTakeFirst();
  if (input.minutes <= 0) {
    if (existing) await trx.deleteFrom("service_deliveries").where("id", "=", existing.id).execute();
    return null;
  }
  let id: string;
  if (existing) {
    id = existing.id;
    await trx
      .updateTable("service_deliveries")
      .set({
        minutes: input.minutes,
        modality: input.modality,
        delivered_on: input.deliveredOn,
        output: input.output,
        version: existing.version + 1,
        updated_at: new Date(),
      })
      .where("id", "=", id)
      .execute();
  } else {
    id = (
      await trx
        .insertInto("service_deliveries")
        .values({
          employer_id: input.employerId,
          standard_code: input.standardCode,
          delivered_on: input.deliveredOn,
          minutes: input.minutes,
          modality: input.modality,
          officer_id: actor.userId!,
          output: input.output,
          justification: null,
          [key]: keyValue,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  }
  await recordAudit(trx, actor, {
    action: existing ? "service_delivery.time_corrected" : "service_delivery.recorded",
    entityType: "service_delivery",
    entityId: id,
    employerId: input.employerId,
    details: { standard: input.standardCode, minutes: input.minutes, outplacement: true },
  });
  return id;
}
