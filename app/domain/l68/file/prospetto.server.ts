/**
 * Prospetto informativo (art. 9 c. 6 L. 68/1999): due by 31 January, describing the situation
 * at 31 December of the year before. The draft is built from the file with the fields of the
 * national form (quadro aziendale, riepilogo nazionale e provinciale, elenco dei computati,
 * posti disponibili); filing it late costs the art. 15 c. 1 sanction, computed here.
 */
import type { Db, Trx } from "~/db/db.server";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { formatCents, prospettoLateSanctionCents } from "../calculator/amounts";
import { daysBetween, prospettoDeadline } from "../calculator/dates";
import { pendingObligations, transitionObligation } from "./obligations.server";
import { listPosts, postsSummary } from "~/domain/placement/index.server";
import { decideProspettoDue, type ProspettoDue, type ProspettoFigures } from "./prospetto-due";
import { computeFile, type StoredGroup } from "./workforce.server";

const CATEGORY: Record<string, string> = { under15: "-", "15-35": "C", "36-50": "B", over50: "A" };

/**
 * The workforce groups at `date`: groups carry no dates, but every change to them takes a snapshot
 * that keeps them, so the latest snapshot up to `date` holds the workforce of that day. With no
 * snapshot after `date` today's groups are that workforce too; otherwise, for files older than the
 * kept groups (migration 2026_12_05_1930), today's groups are an approximation and the draft says so.
 */
export async function workforceAt(
  db: Db | Trx,
  employerId: string,
  date: string,
): Promise<{ groups?: StoredGroup[]; source: "snapshot" | "today" | "approximate" }> {
  const kept = await db
    .selectFrom("l68_snapshots")
    .select(["workforce_groups"])
    .where("employer_id", "=", employerId)
    .where("reference_date", "<=", date)
    .orderBy("reference_date", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  if (kept?.workforce_groups) return { groups: kept.workforce_groups as StoredGroup[], source: "snapshot" };
  const later = await db
    .selectFrom("l68_snapshots")
    .select("id")
    .where("employer_id", "=", employerId)
    .where("reference_date", ">", date)
    .limit(1)
    .executeTakeFirst();
  return { source: later ? "approximate" : "today" };
}

export async function buildProspettoDraft(db: Db | Trx, employerId: string, deadlineYear: number) {
  const referenceDate = `${deadlineYear - 1}-12-31`;
  const employer = await db
    .selectFrom("employers")
    .innerJoin("comuni", "comuni.istat_code", "employers.legal_comune_code")
    .innerJoin("ateco", "ateco.code", "employers.ateco_code")
    .select([
      "legal_name",
      "tax_code",
      "ateco_code",
      "ateco.title as ateco_title",
      "legal_address",
      "comuni.name as comune",
      "comuni.province_code",
      "pec",
    ])
    .where("employers.id", "=", employerId)
    .executeTakeFirstOrThrow();
  const workforce = await workforceAt(db, employerId, referenceDate);
  const c = await computeFile(db, employerId, referenceDate, { groups: workforce.groups });
  const workers = await db
    .selectFrom("l68_protected_workers")
    .select(["worker_name", "category", "contract", "province_code", "weekly_hours", "full_time_hours", "hired_on"])
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
    /** Where the workforce at 31 December comes from: the snapshot of that day, or today's declaration. */
    organicoFonte: workforce.source,
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
    .select(["id", "status", "data", "submitted_at", "submitted_on", "days_late", "late_sanction_cents"])
    .where("employer_id", "=", employerId)
    .where("deadline_year", "=", deadlineYear)
    .executeTakeFirst();
}

/** The figures of a prospetto that decide whether the next one is owed (prospetto-due.ts). */
export function figuresOf(draft: Pick<ProspettoDraft, "riepilogoNazionale">, posts: string): ProspettoFigures {
  const n = draft.riepilogoNazionale;
  return {
    baseComputo: n.baseComputo,
    quotaRiservaDisabili: n.quotaRiservaDisabili,
    quotaRiservaArt18: n.quotaRiservaArt18,
    disabiliInForza: n.disabiliInForza,
    art18InForza: n.art18InForza,
    postiDisponibili: posts,
  };
}

/** The structured available posts open now, as one stable line (the prospetto's «posti disponibili»). */
async function openPostsKey(db: Db | Trx, employerId: string) {
  return postsSummary(await listPosts(db, employerId, { openOnly: true }));
}

/**
 * Whether the prospetto of `deadlineYear` is owed: compares the situation at 31 December with the
 * last prospetto sent (art. 40 c. 4 DL 112/2008, docs/legal/l68.md#s1-6), available posts included. A
 * prospetto sent since posts are structured stores them (`postiStrutturati`) and is compared with the
 * posts open now; an older one carries only the text typed then, which no structured post can be
 * compared with, so its posts count as unchanged. `currentPosts` overrides the posts open now.
 */
export async function prospettoDue(
  db: Db | Trx,
  employerId: string,
  deadlineYear: number,
  currentPosts?: string,
): Promise<ProspettoDue & { draft: ProspettoDraft }> {
  const draft = await buildProspettoDraft(db, employerId, deadlineYear);
  const sent = await db
    .selectFrom("l68_prospetti")
    .select(["deadline_year", "data"])
    .where("employer_id", "=", employerId)
    .where("status", "=", "submitted")
    .where("deadline_year", "<=", deadlineYear)
    .orderBy("deadline_year", "desc")
    .execute();
  const filed = sent[0]?.deadline_year === deadlineYear;
  const last = sent.find((p) => p.deadline_year < deadlineYear);
  const lastData = last?.data as (Partial<ProspettoDraft> & { postiDisponibili?: string; postiStrutturati?: string }) | undefined;
  const lastPosts = lastData?.postiStrutturati ?? lastData?.postiDisponibili ?? "";
  const lastFigures = lastData?.riepilogoNazionale ? figuresOf(lastData as ProspettoDraft, lastPosts) : null;
  const nowPosts = currentPosts ?? (lastData?.postiStrutturati !== undefined || !last ? await openPostsKey(db, employerId) : lastPosts);
  const current = figuresOf(draft, nowPosts);
  const due = decideProspettoDue(current, last && lastFigures ? { year: last.deadline_year, figures: lastFigures } : null, filed);
  return { ...due, draft };
}

/** Late-filing sanction for a prospetto filed on `filedOn` (0 when on time); amounts in force at the deadline. */
export function lateFiling(deadlineYear: number, filedOn: string) {
  const deadline = prospettoDeadline(deadlineYear);
  const daysLate = Math.max(0, daysBetween(deadline, filedOn));
  return { daysLate, sanctionCents: prospettoLateSanctionCents(deadline, daysLate) };
}

/** Files the prospetto: freezes the draft, computes any late sanction, and counts as the hiring request (art. 9 c. 3). */
export async function submitProspetto(
  trx: Trx,
  actor: Actor,
  employerId: string,
  input: { deadlineYear: number; availablePositions: string },
  today: string,
) {
  const existing = await trx
    .selectFrom("l68_prospetti")
    .select(["id", "status"])
    .where("employer_id", "=", employerId)
    .where("deadline_year", "=", input.deadlineYear)
    .forUpdate()
    .executeTakeFirst();
  if (existing?.status === "submitted")
    throw new DomainError(`Il prospetto ${input.deadlineYear} è già stato inviato`, "_form", "conflict");
  if (today < `${input.deadlineYear - 1}-12-31`)
    throw new DomainError("Il prospetto si invia dopo il 31 dicembre dell'anno di riferimento", "deadlineYear");
  // Not owed (nothing changed since the last one, art. 40 c. 4 DL 112/2008): sending it is allowed and costs nothing.
  // The posts typed now are not compared: Rosa knew no other posts than the last prospetto's until now.
  const due = await prospettoDue(trx, employerId, input.deadlineYear);
  const draft = due.draft;
  const filing = lateFiling(input.deadlineYear, today);
  const { daysLate, sanctionCents } = due.owed ? filing : { daysLate: 0, sanctionCents: 0n };
  const values = {
    status: "submitted" as const,
    data: JSON.stringify({ ...draft, postiDisponibili: input.availablePositions, postiStrutturati: await openPostsKey(trx, employerId) }),
    submitted_at: new Date(),
    submitted_on: today,
    submitted_by: actor.userId,
    days_late: daysLate,
    late_sanction_cents: Number(sanctionCents),
  };
  const row = existing
    ? await trx.updateTable("l68_prospetti").set(values).where("id", "=", existing.id).returning("id").executeTakeFirstOrThrow()
    : await trx
        .insertInto("l68_prospetti")
        .values({ employer_id: employerId, deadline_year: input.deadlineYear, ...values })
        .returning("id")
        .executeTakeFirstOrThrow();
  // Sent within the 60 days, the prospetto is the hiring request for the open obligations (art. 9 c. 3; nota 970/2016).
  for (const o of await pendingObligations(trx, employerId)) {
    if (o.status === "open" && o.due_on >= today) await transitionObligation(trx, actor, o.id, "file_request", today);
  }
  await recordAudit(trx, actor, {
    action: "l68.prospetto_submitted",
    entityType: "l68_prospetto",
    entityId: row.id,
    employerId,
    details: { deadlineYear: input.deadlineYear, daysLate, sanction: formatCents(sanctionCents) },
  });
  return { id: row.id, daysLate, sanction: formatCents(sanctionCents) };
}
