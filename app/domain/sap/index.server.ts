/**
 * The SAP active-policy section of a person (docs/legal/national-systems.md#sap): the policies Rosa delivered to the
 * person with a confirmed SAP code (a started internship, C06; a signed activation pact in outplacement, A02), each with
 * a stable identificativo_politica, validated against Rev009_SAP.xsd before it is offered. Services whose SAP code no
 * source confirms are listed, never guessed.
 */
import type { Db, Trx } from "~/db/db.server";
import { validateNationalXml } from "~/documents/xsd.server";
import { todayInItaly } from "~/utils/dates";
import { allCodes } from "~/domain/reference/index.server";
import { decodeTaxCode } from "~/domain/unilav";
import { policyIdentifier, sapMappingOf, sapXml, type SapEvent, type SapPolicy } from "./policies";
import { foldAccents } from "~/utils/text";

export * from "./policies";

let senders: Map<string, string> | null = null;
/** The 2-digit sender codes of identificativo_politica, by region (the reference list `sapSenders`). */
function senderTable() {
  if (!senders) {
    senders = new Map(allCodes("sapSenders").map((e) => [normalise(e.label), e.code]));
  }
  return senders;
}
const normalise = (s: string) =>
  foldAccents(s)
    .toUpperCase()
    .replace(/[^A-Z]/g, "");

/**
 * The sender code of a CPI from its province: the region's row, and the two autonomous provinces (Trento, Bolzano) their
 * own. Null when the table has no row for it.
 */
export async function senderCodeForProvince(db: Db | Trx, provinceCode: string | null): Promise<string | null> {
  if (!provinceCode) return null;
  if (provinceCode === "TN") return senderTable().get("TRENTO") ?? null;
  if (provinceCode === "BZ") return senderTable().get("BOLZANO") ?? null;
  const row = await db.selectFrom("comuni").select("region_name").where("province_code", "=", provinceCode).executeTakeFirst();
  if (!row) return null;
  const region = normalise(row.region_name);
  if (region.startsWith("VALLEDAOSTA")) return senderTable().get("VALDAOSTA") ?? null;
  for (const [label, code] of senderTable()) if (region.startsWith(label) || label.startsWith(region)) return code;
  return null;
}

type Source = "internship" | "outplacement_patto" | "outplacement_action";

interface FoundPolicy {
  source: Source;
  sourceId: string;
  activity: string;
  title: string | null;
  proposedOn: string;
  startOn: string;
  endOn: string;
  description: string;
  event: SapEvent;
  durationMonths: number | null;
}

export interface NotExported {
  what: string;
  on: string | null;
  reason: string;
}

const STARTED_INTERNSHIP = ["active", "suspended", "interrupted", "completed", "attested", "closed_without_attestation"] as const;

/** What Rosa delivered to the person with this tax code, as SAP policies, and what it cannot export (with why). */
export async function personPolicies(db: Db | Trx, taxCode: string) {
  const cf = taxCode.trim().toUpperCase();
  const policies: FoundPolicy[] = [];
  const notExported: NotExported[] = [];
  const internships = await db
    .selectFrom("internships as i")
    .innerJoin("candidates as c", "c.id", "i.candidate_id")
    .innerJoin("employers as e", "e.id", "i.employer_id")
    .select([
      "i.id",
      "i.title",
      "i.state",
      "i.start_date",
      "i.end_date",
      "i.actual_end_date",
      "i.planned_months",
      "i.created_at",
      "e.legal_name",
    ])
    .where("c.tax_code", "=", cf)
    .where("i.state", "in", [...STARTED_INTERNSHIP])
    .execute();
  for (const i of internships) {
    if (!i.start_date) continue;
    const ended = i.state === "completed" || i.state === "attested" || i.state === "closed_without_attestation";
    const event: SapEvent = i.state === "interrupted" ? "abandoned" : ended ? "ended" : "started";
    const endOn = i.actual_end_date ?? i.end_date ?? i.start_date;
    const proposed = todayInItaly(new Date(i.created_at));
    policies.push({
      source: "internship",
      sourceId: i.id,
      activity: sapMappingOf("TIROCINIO")!.sap!,
      title: i.title,
      proposedOn: proposed < i.start_date ? proposed : i.start_date,
      startOn: i.start_date,
      endOn,
      description: `Tirocinio extracurricolare presso ${i.legal_name}`.slice(0, 250),
      event,
      durationMonths: Math.max(1, Math.round(Number(i.planned_months))),
    });
  }
  const members = await db
    .selectFrom("outplacement_members as m")
    .innerJoin("outplacement_events as ev", "ev.id", "m.event_id")
    .select(["m.id", "m.patto_signed_on", "ev.title as event_title"])
    .where("m.codice_fiscale", "=", cf)
    .execute();
  for (const m of members) {
    if (m.patto_signed_on)
      policies.push({
        source: "outplacement_patto",
        sourceId: m.id,
        activity: sapMappingOf("PATTO")!.sap!,
        title: null,
        proposedOn: m.patto_signed_on,
        startOn: m.patto_signed_on,
        endOn: m.patto_signed_on,
        description: `Patto di attivazione (ricollocazione: ${m.event_title})`.slice(0, 250),
        event: "ended",
        durationMonths: null,
      });
  }
  if (members.length) {
    const actions = await db
      .selectFrom("outplacement_plan_actions as a")
      .innerJoin("outplacement_plans as p", "p.id", "a.plan_id")
      .select(["a.id", "a.service_code", "a.starts_on", "a.state"])
      .where(
        "p.member_id",
        "in",
        members.map((m) => m.id),
      )
      .where("p.state", "!=", "superseded")
      .where("a.state", "in", ["in_progress", "completed", "interrupted"])
      .execute();
    for (const a of actions) {
      const mapping = sapMappingOf(a.service_code);
      if (mapping?.sap) continue; // none today: every plan action is either exported elsewhere or unconfirmed
      notExported.push({
        what: mapping?.rosaLabel ?? a.service_code,
        on: a.starts_on,
        reason: mapping?.source ?? "Servizio senza corrispondenza SAP",
      });
    }
  }
  return { policies, notExported };
}

/** Gives each policy its stable sequence number (the first export assigns it; later exports reuse it). */
async function sequenceOf(trx: Trx, p: FoundPolicy): Promise<number> {
  await trx
    .insertInto("sap_policy_ids")
    .values({ source: p.source, source_id: p.sourceId, activity: p.activity })
    .onConflict((oc) => oc.columns(["source", "source_id", "activity"]).doNothing())
    .execute();
  const row = await trx
    .selectFrom("sap_policy_ids")
    .select("id")
    .where("source", "=", p.source)
    .where("source_id", "=", p.sourceId)
    .where("activity", "=", p.activity)
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export type SapExport =
  { ok: true; xml: string; policies: number; notExported: NotExported[] } | { ok: false; problems: string[]; notExported: NotExported[] };

/**
 * The SAP document (section 6 only) of a person, validated against Rev009_SAP.xsd. `enteCode` is the CPI's code
 * (codiceentetit and codice_ente_promotore), `sender` the 2-digit code of the region.
 */
export async function exportSapPolicies(
  trx: Trx,
  person: { taxCode: string; birthDate: string | null },
  settings: { enteCode: string; sender: string | null },
  now = new Date(),
): Promise<SapExport> {
  const { policies, notExported } = await personPolicies(trx, person.taxCode);
  const problems: string[] = [];
  if (!settings.sender) problems.push("Codice del soggetto che invia (regione del Centro per l'Impiego) non trovato nella tabella SAP");
  if (!person.birthDate) problems.push("Data di nascita della persona mancante");
  if (!/^[A-Z][0-9]{3}[A-Z][0-9]{6}$/.test(settings.enteCode)) problems.push("Codice dell'ente (CPI) non valido: formato A000A000000");
  if (problems.length) return { ok: false, problems, notExported };
  const out: SapPolicy[] = [];
  for (const p of policies) {
    const sequence = await sequenceOf(trx, p);
    out.push({
      activity: p.activity,
      title: p.title,
      proposedOn: p.proposedOn,
      startOn: p.startOn,
      endOn: p.endOn,
      description: p.description,
      enteCode: settings.enteCode,
      identifier: policyIdentifier(settings.sender!, sequence, settings.enteCode, p.activity, p.proposedOn),
      event: p.event,
      durationMonths: p.durationMonths,
    });
  }
  const xml = sapXml({ updatedOn: todayInItaly(now), enteCode: settings.enteCode, birthDate: person.birthDate!, policies: out });
  const valid = await validateNationalXml("sap", xml);
  if (!valid.valid) return { ok: false, problems: valid.problems.map((p) => `Schema SAP: ${p.message}`), notExported };
  return { ok: true, xml, policies: out.length, notExported };
}

/** Who a SAP export is about: the fiscal code, the birth date (from the record, else decoded from the fiscal code) and the province of domicile. */
export interface SapPerson {
  taxCode: string;
  birthDate: string | null;
  provinceCode: string | null;
}

/** A person of the CV database (not erased) as the SAP export needs them; null when there is none. */
export async function sapPersonOfCandidate(db: Db | Trx, candidateId: string): Promise<SapPerson | null> {
  const c = await db
    .selectFrom("candidates as c")
    .leftJoin("comuni as d", "d.istat_code", "c.domicile_comune_code")
    .select(["c.tax_code", "c.birth_date", "d.province_code"])
    .where("c.id", "=", candidateId)
    .where("c.erased_at", "is", null)
    .executeTakeFirst();
  if (!c?.tax_code) return null;
  return { taxCode: c.tax_code, birthDate: c.birth_date ?? decodeTaxCode(c.tax_code)?.birthDate ?? null, provinceCode: c.province_code };
}

/** A worker of an outplacement cohort as the SAP export needs them; null when not in that cohort. */
export async function sapPersonOfCohortMember(db: Db | Trx, eventId: string, memberId: string): Promise<SapPerson | null> {
  const m = await db
    .selectFrom("outplacement_members")
    .select(["codice_fiscale", "birth_date"])
    .where("id", "=", memberId)
    .where("event_id", "=", eventId)
    .executeTakeFirst();
  if (!m) return null;
  return { taxCode: m.codice_fiscale, birthDate: m.birth_date ?? decodeTaxCode(m.codice_fiscale)?.birthDate ?? null, provinceCode: null };
}
