/**
 * Prospetto informativo (art. 9 c. 6 L. 68/1999): due by 31 January, describing the situation
 * at 31 December of the year before. The draft is built from the file with the fields of the
 * national form (quadro aziendale, riepilogo nazionale e provinciale, elenco dei computati,
 * posti disponibili); filing it late costs the art. 15 c. 1 sanction, computed here.
 */
import type { Db, Trx } from "~/db/db.server";
import { recordAudit, type Actor } from "~/domain/audit/commands.server";
import { DomainError } from "~/domain/errors";
import { formatCents, prospettoLateSanctionCents } from "./amounts";
import { daysBetween, prospettoDeadline } from "./dates";
import { isoDate } from "./queries.server";
import { computeFile } from "./workforce.server";

const CATEGORY: Record<string, string> = { under15: "-", "15-35": "C", "36-50": "B", over50: "A" };

export async function buildProspettoDraft(db: Db | Trx, employerId: string, deadlineYear: number) {
  const referenceDate = `${deadlineYear - 1}-12-31`;
  const employer = await db
    .selectFrom("employers")
    .innerJoin("comuni", "comuni.istat_code", "employers.legal_comune_code")
    .innerJoin("ateco", "ateco.code", "employers.ateco_code")
    .select(["legal_name", "tax_code", "ateco_code", "ateco.title as ateco_title", "legal_address", "comuni.name as comune", "comuni.province_code", "pec"])
    .where("employers.id", "=", employerId)
    .executeTakeFirstOrThrow();
  const c = await computeFile(db, employerId, referenceDate);
  const workers = await db
    .selectFrom("l68_protected_workers")
    .select(["worker_name", "category", "contract", "province_code", "weekly_hours", "full_time_hours", isoDate("hired_on").as("hired_on")])
    .where("employer_id", "=", employerId)
    .where("hired_on", "<=", referenceDate)
    .where((eb) => eb.or([eb("left_on", "is", null), eb("left_on", ">", referenceDate)]))
    .orderBy("worker_name")
    .execute();
  const r = c.result;
  return {
    deadlineYear,
    referenceDate,
    deadline: prospettoDeadline(deadlineYear),
    quadroAzienda: {
      codiceFiscale: employer.tax_code,
      denominazione: employer.legal_name,
      ateco: `${employer.ateco_code} ${employer.ateco_title}`,
      sedeLegale: `${employer.legal_address}, ${employer.comune} (${employer.province_code})`,
      pec: employer.pec,
      naturaGiuridica: c.input.employer.type === "public" ? "Pubblica amministrazione" : "Privato / ente pubblico economico",
    },
    riepilogoNazionale: {
      totaleLavoratori: c.input.workforce.reduce((n, g) => n + g.count, 0),
      baseComputo: r.baseComputo,
      categoria: CATEGORY[r.band],
      quotaRiservaDisabili: r.quotaDisabili,
      quotaRiservaArt18: r.quotaArt18,
      disabiliInForza: r.coveredDisabili,
      art18InForza: r.coveredArt18,
      scopertureDisabili: r.uncoveredDisabili,
      scopertureArt18: r.uncoveredArt18,
      esonerati: r.exemption?.exemptedUnits ?? 0,
      autocertificati60PerMille: c.selfCertified.positions,
      sospensione: c.input.suspension ? "sì" : "no",
      posizioniInConvenzione: c.input.conventions?.art11OpenPositions ?? 0,
      lavoratoriConvenzione12bis: c.input.conventions?.art12bisWorkers ?? 0,
    },
    riepilogoProvinciale: c.provinces,
    // Names, category and contract only: no health data travels with the prospetto draft view.
    lavoratoriComputati: workers.map((w) => ({
      nominativo: w.worker_name,
      categoria: w.category === "art18" ? "Art. 18 c. 2" : "Disabile",
      contratto: w.contract,
      provincia: w.province_code,
      orario: w.weekly_hours ? `${Number(w.weekly_hours)}/${Number(w.full_time_hours)}` : "tempo pieno",
      dataAssunzione: w.hired_on,
    })),
  };
}

export type ProspettoDraft = Awaited<ReturnType<typeof buildProspettoDraft>>;

export function getProspetto(db: Db, employerId: string, deadlineYear: number) {
  return db
    .selectFrom("l68_prospetti")
    .select(["id", "status", "data", "submitted_at", isoDate("submitted_on").as("submitted_on"), "days_late", "late_sanction_cents"])
    .where("employer_id", "=", employerId)
    .where("deadline_year", "=", deadlineYear)
    .executeTakeFirst();
}

/** Late-filing sanction for a prospetto filed on `filedOn` (0 when on time); amounts in force at the deadline. */
export function lateFiling(deadlineYear: number, filedOn: string) {
  const deadline = prospettoDeadline(deadlineYear);
  const daysLate = Math.max(0, daysBetween(deadline, filedOn));
  return { daysLate, sanctionCents: prospettoLateSanctionCents(deadline, daysLate) };
}

/** Files the prospetto: freezes the draft, computes any late sanction, and counts as the hiring request (art. 9 c. 3). */
export async function submitProspetto(trx: Trx, actor: Actor, employerId: string, input: { deadlineYear: number; availablePositions: string }, today: string) {
  const existing = await trx
    .selectFrom("l68_prospetti")
    .select(["id", "status"])
    .where("employer_id", "=", employerId)
    .where("deadline_year", "=", input.deadlineYear)
    .forUpdate()
    .executeTakeFirst();
  if (existing?.status === "submitted") throw new DomainError(`Il prospetto ${input.deadlineYear} è già stato inviato`, "_form", 409);
  if (today < `${input.deadlineYear - 1}-12-31`) throw new DomainError("Il prospetto si invia dopo il 31 dicembre dell'anno di riferimento", "deadlineYear");
  const draft = await buildProspettoDraft(trx, employerId, input.deadlineYear);
  const { daysLate, sanctionCents } = lateFiling(input.deadlineYear, today);
  const values = {
    status: "submitted" as const,
    data: JSON.stringify({ ...draft, postiDisponibili: input.availablePositions }),
    submitted_at: new Date(),
    submitted_on: today,
    submitted_by: actor.userId,
    days_late: daysLate,
    late_sanction_cents: Number(sanctionCents),
  };
  const row = existing
    ? await trx.updateTable("l68_prospetti").set(values).where("id", "=", existing.id).returning("id").executeTakeFirstOrThrow()
    : await trx.insertInto("l68_prospetti").values({ employer_id: employerId, deadline_year: input.deadlineYear, ...values }).returning("id").executeTakeFirstOrThrow();
  // Sent within the 60 days, the prospetto is the hiring request for the open obligations (art. 9 c. 3; nota 970/2016).
  await trx
    .updateTable("l68_obligations")
    .set({ status: "request_filed" })
    .where("employer_id", "=", employerId)
    .where("status", "=", "open")
    .where("due_on", ">=", today)
    .execute();
  await recordAudit(trx, actor, {
    action: "l68.prospetto_submitted",
    entityType: "l68_prospetto",
    entityId: row.id,
    employerId,
    details: { deadlineYear: input.deadlineYear, daysLate, sanction: formatCents(sanctionCents) },
  });
  return { id: row.id, daysLate, sanction: formatCents(sanctionCents) };
}
