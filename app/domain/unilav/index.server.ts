/**
 * Server entry of the UNILAV context: the pure builder (./record) and the check of a record against the XSD of the types
 * SIL-ER shares with UNILAV (the ministerial XSD is not public). An export offers a document only when both pass.
 */
import { validateNationalXml } from "~/documents/xsd.server";
import { checkUnilav, silErXml, unilavXml, type UnilavDraft, type UnilavRecord } from "./record";

export * from "./record";

export type UnilavExport = { ok: true; record: UnilavRecord; xml: string } | { ok: false; missing: string[] };

/** The draft checked by the schema and (when complete) by the shared-types XSD; the XML when both pass. */
export async function exportUnilav(draft: UnilavDraft, provinceNumber: number): Promise<UnilavExport> {
  const check = checkUnilav(draft);
  if (!check.complete) return { ok: false, missing: check.missing };
  const xsd = await validateNationalXml("unilavSilEr", silErXml(check.record, provinceNumber));
  if (!xsd.valid) return { ok: false, missing: xsd.problems.map((p) => `Schema: ${p.message}`) };
  return { ok: true, record: check.record, xml: unilavXml(check.record) };
}
