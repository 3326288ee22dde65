import { addDays, todayInItaly } from "~/utils/dates";
import { getDb } from "~/db/db.server";
import type { PublicationMode, VacancyStatus } from "~/db/tables/vacancies";

/** A complete, valid vacancy form as an employer posts it (fields as in the page). */
export function vacancyForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    title: "Panettiere per turno di notte",
    occupation: "6.5.1.2.1 — Panettieri",
    description: "Cerchiamo una persona per la produzione di pane e focacce nel nostro laboratorio artigianale.",
    tasks: "Impasto, formatura e cottura; pulizia delle attrezzature.",
    comune: "Segrate (MI)",
    radiusKm: "25",
    contractType: "A.01.00",
    ccnl: "176 — Panettieri artigiani.",
    ccnlNote: "livello A3",
    workingTime: "F",
    weeklyHours: "40",
    shifts: "Notturno dalle 2 alle 9",
    payMin: "1600",
    payMax: "1900",
    payPeriod: "month",
    positions: "2",
    closingDate: addDays(todayInItaly(), 30),
    l68Reserved: "no",
    publicationMode: "public",
    "requirements.0.kind": "experience",
    "requirements.0.priority": "must",
    "requirements.0.years": "2",
    "requirements.0.position": "1",
    "requirements.1.kind": "licence",
    "requirements.1.priority": "nice",
    "requirements.1.licenceCode": "02",
    "requirements.1.licenceCategory": "B",
    "requirements.1.position": "2",
    ...overrides,
  };
}

/** A vacancy row written directly in a given state (for scoping and listing tests). */
export async function insertVacancy(
  employerId: string,
  opts: { status?: VacancyStatus; publicationMode?: PublicationMode; closingDate?: string; title?: string; comune?: string } = {},
) {
  const db = getDb();
  const comune = await db
    .selectFrom("comuni")
    .select("istat_code")
    .where("name", "=", opts.comune ?? "Milano")
    .executeTakeFirstOrThrow();
  const status = opts.status ?? "draft";
  const now = new Date();
  return db
    .insertInto("vacancies")
    .values({
      employer_id: employerId,
      status,
      title: opts.title ?? "Commesso di negozio",
      occupation_code: "5.1.2.2.0",
      description: "Vendita al banco e assistenza ai clienti nel nostro negozio di quartiere.",
      comune_code: comune.istat_code,
      contract_type: "A.02.00",
      working_time_code: "P",
      weekly_hours: 24,
      positions: 1,
      closing_date: opts.closingDate ?? addDays(todayInItaly(), 20),
      publication_mode: opts.publicationMode ?? "public",
      discrimination_flags: "[]",
      submitted_at: status === "draft" ? null : now,
      published_at: ["published", "in_preselection", "closed"].includes(status) ? now : null,
      closed_at: status === "closed" ? now : null,
    })
    .returning(["id", "number", "version"])
    .executeTakeFirstOrThrow();
}

/** A published article, and a needs consultation of the matrix's own employer with its (automatic) register row. */
export async function insertEmployerServiceRows(employerId: string, officerId: string) {
  const db = getDb();
  const slug = `matrice-${employerId.slice(0, 8)}`;
  const article = await db
    .insertInto("info_articles")
    .values({ slug, category: "services", title: "Articolo della matrice", summary: "Sintesi", body: "Testo", published: true })
    .returning("id")
    .executeTakeFirstOrThrow();
  const assessment = await db
    .insertInto("needs_assessments")
    .values({ employer_id: employerId, officer_id: officerId, assessed_on: "2026-11-30" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const delivery = await db
    .insertInto("service_deliveries")
    .values({
      employer_id: employerId,
      officer_id: officerId,
      standard_code: "4B",
      delivered_on: "2026-11-30",
      minutes: 120,
      modality: "office",
      output: "Verbale",
      needs_assessment_id: assessment.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return {
    slug: { slug },
    articleId: { articleId: article.id },
    deliveryId: { deliveryId: delivery.id },
    assessmentId: { assessmentId: assessment.id },
  };
}
