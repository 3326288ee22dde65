import { absoluteUrl } from "~/utils/public-url.server";
/**
 * Certificazione di ottemperanza (art. 17 L. 68/1999): issued when the employer is compliant,
 * refused with the reasons otherwise. Compliance is judged on a fresh recomputation.
 */
import type { Db, Trx } from "~/db/db.server";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { enqueueMail } from "~/domain/mail/index.server";
import { recomputeFile } from "./commands.server";
import { addDays, prospettoDeadline } from "../calculator/dates";
import { formatIsoDay } from "../calculator/explain";
import { pendingSentence } from "./certificate-text";
import { prospettoDue } from "./prospetto.server";

/** How long an issued certificate is valid: not fixed by the sources read; six months like most regional offices. */
export const CERTIFICATE_VALID_DAYS = 183;

export interface Compliance {
  compliant: boolean;
  reasons: string[];
  /** Uncovered units still inside their 60-day term, and the nearest term: shown on an issued certificate. */
  pending: { units: number; dueOn: string | null };
}

/** Reasons against compliance at `today` for a file whose latest snapshot is current. */
export async function checkCompliance(db: Db | Trx, employerId: string, today: string): Promise<Compliance> {
  const reasons: string[] = [];
  const latest = await db
    .selectFrom("l68_snapshots")
    .select(["quota_disabili", "uncovered_art18", "missing_after_exemptions", "base_computo"])
    .where("employer_id", "=", employerId)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!latest)
    return {
      compliant: false,
      reasons: ["L'organico non è stato dichiarato: la quota di riserva non è calcolabile."],
      pending: { units: 0, dueOn: null },
    };
  const obligations = await db
    .selectFrom("l68_obligations")
    .select(["units", "status", "due_on"])
    .where("employer_id", "=", employerId)
    .where("status", "in", ["open", "overdue", "request_filed"])
    .execute();
  const overdue = obligations.filter((o) => o.status === "overdue" || (o.status === "open" && o.due_on < today));
  // Within the 60 days (or with the request filed) an uncovered position is not a breach (art. 9 c. 1).
  const inTerm = obligations
    .filter((o) => o.status === "request_filed" || (o.status === "open" && o.due_on >= today))
    .reduce((n, o) => n + o.units, 0);
  if (latest.missing_after_exemptions > inTerm) {
    reasons.push(
      `Posti della quota di riserva non coperti oltre il termine di 60 giorni: ${latest.missing_after_exemptions - inTerm} ` +
        `(art. 3 e art. 9 c. 1 L. 68/1999).`,
    );
  }
  for (const o of overdue) {
    reasons.push(
      `Obbligo di assunzione di ${o.units} unità scaduto il ${formatIsoDay(o.due_on)} senza assunzione né richiesta di avviamento.`,
    );
  }
  const year = Number(today.slice(0, 4));
  if (today > prospettoDeadline(year)) {
    // Owed only with ≥ 15 at 31 December and a change since the last one sent (art. 40 c. 4 DL 112/2008).
    const due = await prospettoDue(db, employerId, year);
    if (due.owed && due.reason !== "filed")
      reasons.push(`Prospetto informativo ${year} non inviato (scadenza 31 gennaio ${year}, art. 9 c. 6 L. 68/1999).`);
  }
  const withinTerm = obligations.filter((o) => o.status === "request_filed" || (o.status === "open" && o.due_on >= today));
  const pendingUnits = Math.min(latest.missing_after_exemptions, inTerm);
  const dueOn = pendingUnits > 0 ? (withinTerm.map((o) => o.due_on).sort()[0] ?? null) : null;
  return { compliant: reasons.length === 0, reasons, pending: { units: pendingUnits, dueOn } };
}

/** The employer (or an officer) asks for the certificate: recompute, judge, record the outcome. */
export async function requestCertificate(trx: Trx, actor: Actor, employerId: string, today: string) {
  const { snapshotId } = await recomputeFile(trx, actor, employerId, today, "Richiesta della certificazione di ottemperanza");
  const { compliant, reasons, pending } = await checkCompliance(trx, employerId, today);
  const year = today.slice(0, 4);
  const row = await trx
    .insertInto("l68_certificates")
    .values({
      employer_id: employerId,
      outcome: compliant ? "issued" : "refused",
      reasons: JSON.stringify(reasons),
      snapshot_id: snapshotId,
      requested_by: actor.userId,
      valid_until: compliant ? addDays(today, CERTIFICATE_VALID_DAYS) : null,
      pending_units: compliant ? pending.units : 0,
      pending_due_on: compliant ? pending.dueOn : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  let number: string | null = null;
  if (compliant) {
    const seq = await trx
      .selectFrom("l68_certificates")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("outcome", "=", "issued")
      .where("number", "like", `L68-${year}-%`)
      .executeTakeFirstOrThrow();
    number = `L68-${year}-${String(Number(seq.n) + 1).padStart(6, "0")}`;
    await trx.updateTable("l68_certificates").set({ number }).where("id", "=", row.id).execute();
  }
  await recordAudit(trx, actor, {
    action: compliant ? "l68.certificate_issued" : "l68.certificate_refused",
    entityType: "l68_certificate",
    entityId: row.id,
    employerId,
    details: { number, reasons },
  });
  const employer = await trx
    .selectFrom("employers")
    .select(["contact_email", "legal_name"])
    .where("id", "=", employerId)
    .executeTakeFirstOrThrow();
  await enqueueMail(trx, {
    to: employer.contact_email,
    subject: compliant ? "Rosa: certificazione di ottemperanza rilasciata" : "Rosa: certificazione di ottemperanza non rilasciata",
    body: compliant
      ? `La certificazione di ottemperanza agli obblighi della L. 68/1999 di ${employer.legal_name} (n. ${number}) è disponibile nell'area Collocamento mirato: ${absoluteUrl("/azienda/collocamento-mirato")}` +
        (pending.units && pending.dueOn ? `\n\n${pendingSentence(pending.units, pending.dueOn)}` : "")
      : `La certificazione di ottemperanza di ${employer.legal_name} non può essere rilasciata per questi motivi:\n\n- ${reasons.join("\n- ")}`,
  });
  return { certificateId: row.id, compliant, reasons, number, pending: compliant ? pending : { units: 0, dueOn: null } };
}
