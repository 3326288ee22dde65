/**
 * HTTP side of the national exports owned by hires and the SAP section: UNILAV of a hire (officer and employer), a
 * batch of complete UNILAV, the SAP active-policy section of a person. Every export is audited (it carries a person's
 * data) and offered only when complete and valid; otherwise an Italian list of what is missing (422).
 */
import type { Db, Trx } from "~/db/db.server";
import { xmlDownload } from "~/documents/xml";
import { withTransaction } from "~/db/transaction.server";
import { exportSapPolicies, senderCodeForProvince, type SapExport, type SapPerson } from "~/domain/sap/index.server";
import { getEnv } from "~/utils/env.server";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { coReconciliation, hiresUnilav, hireUnilav, type CoStatus } from "~/domain/shortlists/index.server";
import { unilavBatchXml } from "~/domain/unilav";

export function missingResponse(title: string, missing: string[]): Response {
  return new Response(`${title}\n\n${missing.map((m) => `- ${m}`).join("\n")}\n`, {
    status: 422,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}

const notFoundText = (message: string) => new Response(message, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** One hire's UNILAV as XML (the employer only its own hires). */
export async function hireUnilavDownload(db: Db, actor: Actor, hireId: string, scope: { employerId?: string }) {
  const found = await hireUnilav(db, hireId, scope);
  if (!found) return notFoundText("Assunzione non trovata");
  if (!found.result.ok) return missingResponse("La UNILAV di questa assunzione è da completare:", found.result.missing);
  await recordAudit(db, actor, {
    action: "hire.unilav_exported",
    entityType: "vacancy",
    entityId: found.hire.vacancy_id,
    employerId: found.hire.employer_id,
    details: { hireIds: [hireId], candidateTaxCodes: 1 },
  });
  return xmlDownload(
    found.result.xml,
    `unilav-offerta-${found.hire.vacancy_number}-${found.hire.last_name.toLowerCase().replace(/[^a-z]+/g, "-")}.xml`,
  );
}

/** The complete UNILAV among the hires of the reconciliation filter, in one file; the incomplete ones are left out (counted). */
export async function hiresUnilavBatchDownload(db: Db, actor: Actor, status: CoStatus | undefined) {
  const { rows } = await coReconciliation(db, { status });
  const all = await hiresUnilav(db, { hireIds: rows.map((r) => r.id) });
  const complete = all.flatMap((u) => (u.result.ok ? [{ hire: u.hire, record: u.result.record }] : []));
  if (!complete.length)
    return missingResponse("Nessuna assunzione con la UNILAV completa in questo elenco.", [
      `${all.length} da completare: apri ciascuna per vedere cosa manca`,
    ]);
  await recordAudit(db, actor, {
    action: "hire.unilav_exported",
    entityType: "hire",
    details: { hireIds: complete.map((c) => c.hire.id), left_out: all.length - complete.length, status: status ?? "all" },
  });
  return xmlDownload(unilavBatchXml(complete.map((c) => c.record)), `unilav-assunzioni-${complete.length}.xml`);
}

/** The SAP settings: the CPI's code (SAP_CODICE_ENTE; a demo code outside production) and the region's sender code. */
async function sapSettings(db: Db | Trx, officeProvince: string | null) {
  const env = getEnv();
  const enteCode = env.SAP_CODICE_ENTE ?? (env.NODE_ENV === "production" ? null : SAP_DEMO_ENTE_CODE);
  return { enteCode, sender: await senderCodeForProvince(db, officeProvince) };
}

/** The demo CPI code of the SAP export (not a real office: set SAP_CODICE_ENTE). */
export const SAP_DEMO_ENTE_CODE = "X000C000000";

/**
 * The SAP active-policy section of a person, validated against Rev009_SAP.xsd, in the transaction where the caller
 * audits it. The sender code is the region of `province` (the office's, or the person's domicile for the open API).
 */
export async function sapExport(trx: Trx, province: string | null, person: SapPerson): Promise<SapExport> {
  const settings = await sapSettings(trx, province);
  if (!settings.enteCode)
    return { ok: false, problems: ["imposta SAP_CODICE_ENTE (codice del Centro per l'Impiego nella SAP)"], notExported: [] };
  return exportSapPolicies(trx, person, { enteCode: settings.enteCode, sender: settings.sender });
}

/** The SAP active-policy section of a person as XML (validated against Rev009_SAP.xsd), audited; 422 with the reasons otherwise. */
export async function sapDownload(
  actor: Actor,
  officeProvince: string | null,
  person: SapPerson & { entityType: string; entityId: string; employerId?: string | null },
) {
  const result = await withTransaction(async (trx) => {
    const r = await sapExport(trx, officeProvince, person);
    if (r.ok)
      await recordAudit(trx, actor, {
        action: "sap.policies_exported",
        entityType: person.entityType,
        entityId: person.entityId,
        employerId: person.employerId ?? null,
        details: { policies: r.policies, notExported: r.notExported.length },
      });
    return r;
  });
  if (!result.ok) return missingResponse("La sezione SAP delle politiche attive non si può esportare:", result.problems);
  const note = result.notExported.length
    ? `<!-- Non esportati (codice SAP non confermato dalle fonti): ${result.notExported
        .map((n) => `${n.what}${n.on ? ` dal ${n.on}` : ""}`)
        .join("; ")
        .replace(/--/g, "-")} -->\n`
    : "";
  return xmlDownload(result.xml.replace("<lavoratore>", `${note}<lavoratore>`), `sap-politiche-attive-${person.taxCode.toLowerCase()}.xml`);
}
