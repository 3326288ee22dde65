/**
 * The addendum (integrazione) of a PFI the three parties signed (docs/decisions/tirocini.md#addendum): an extension or
 * a change of the project. Proposing one re-runs the rules checker on the result (an extension against the maximum
 * duration, suspended days not counted) and freezes the addendum's document with its fingerprint; the three parties
 * sign it (document `addendum` in `internship_signatures`); the change is applied to the internship only with the
 * third signature. One addendum open at a time; each step writes a timeline row and the audit.
 */
import type { Db, Trx } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { addMonths } from "~/utils/dates";
import { formatDate, formatMoney } from "~/utils/format";
import { plural } from "~/utils/plural";
import {
  ADDENDUM_CHANGE_LABELS,
  type AddendumChangeInput,
  type AddendumChangeItem,
  type AddendumExtensionInput,
  type AddendumState,
} from "./addendum-schema";
import { evaluateInternship, parseInternshipInput } from "./checker";
import { addendumContent, type AddendumData, type DocumentContent } from "./documents";
import { documentHash } from "./documents-pdf.server";
import { checkExtension, extendInternship } from "./monitoring/commands.server";
import { pfiData } from "./pfi.server";
import { ADDENDUM_STATES } from "./request-edit.server";
import { auditActor } from "./requests.server";
import {
  assertMaySign,
  liveSignatureParties,
  listSignatures,
  recordSignature,
  signedVersionHash,
  voidSignatures,
  type SignatureInput,
} from "./signatures.server";
import { INTERNSHIP_STATE_LABELS } from "./states";
import {
  countUnitTrainees,
  internshipCheckInput,
  lockInternship,
  runInternshipChecks,
  type InternshipActor,
  type InternshipPatch,
  type InternshipRow,
} from "./transition.server";

const PARTIES = ["promoter", "host", "trainee"] as const;

/** The PFI column each change item sets. */
const COLUMN: Record<AddendumChangeItem, keyof InternshipRow> = {
  activities: "activities",
  objectives: "objectives",
  competences: "competences",
  weeklyHours: "weekly_hours",
  dailyHours: "daily_hours",
  monthlyIndemnity: "monthly_indemnity_cents",
  hostTutorName: "host_tutor_name",
  hostTutorRole: "host_tutor_role",
  hostTutorEmail: "host_tutor_email",
};

type StaffActor = Extract<InternshipActor, { kind: "officer" | "employer" }>;
type Changes = Partial<Record<AddendumChangeItem, { from: string | number | null; to: string | number }>>;

export interface AddendumRow {
  id: string;
  internship_id: string;
  sequence: number;
  kind: "extension" | "change";
  state: AddendumState;
  extension_months: number | null;
  previous_end_date: string | null;
  new_end_date: string | null;
  new_planned_months: string | null;
  changes: Changes;
  reason: string;
  document_hash: string;
  version: number;
  created_at: Date;
  closed_at: Date | null;
}

async function timelineRow(trx: Trx, row: InternshipRow, actor: InternshipActor, event: string, note: string, now: Date) {
  await trx
    .insertInto("internship_transitions")
    .values({
      internship_id: row.id,
      event,
      from_state: row.state,
      to_state: row.state,
      actor_kind: actor.kind,
      actor_user_id: actor.kind === "system" ? null : actor.userId,
      note: note.slice(0, 2000),
      at: now,
    })
    .execute();
}

const show = (item: AddendumChangeItem, v: string | number | null) =>
  v === null || v === "" ? "—" : item === "monthlyIndemnity" ? formatMoney(Number(v) / 100) : String(v).replace(".", ",");

/** The addendum's document: the PFI's parties and the new end or the changed items, with the reason. */
export async function addendumDocument(db: Db | Trx, internshipId: string, a: Omit<AddendumData, "changes"> & { changes: Changes }) {
  const pfi = await pfiData(db, internshipId);
  if (!pfi) throw new DomainError("Tirocinio non trovato", "_form", "not_found");
  // In the form's order (jsonb keeps its own key order): the same addendum, the same content and fingerprint.
  const changes = (Object.keys(ADDENDUM_CHANGE_LABELS) as AddendumChangeItem[])
    .filter((item) => a.changes[item])
    .map(
      (item) =>
        [ADDENDUM_CHANGE_LABELS[item], show(item, a.changes[item]!.from), show(item, a.changes[item]!.to)] as [string, string, string],
    );
  return addendumContent(pfi, { ...a, changes });
}

async function addendumContentOf(db: Db | Trx, a: AddendumRow): Promise<DocumentContent> {
  return addendumDocument(db, a.internship_id, {
    sequence: a.sequence,
    previousEndDate: a.previous_end_date,
    newEndDate: a.new_end_date,
    addedActivities: a.changes.activities ? String(a.changes.activities.to) : "",
    addedCompetences: a.changes.competences ? String(a.changes.competences.to) : "",
    reason: a.reason,
    changes: a.changes,
  });
}

async function nextSequence(trx: Trx, internshipId: string): Promise<number> {
  const r = await trx
    .selectFrom("internship_addenda")
    .select((eb) => eb.fn.max("sequence").as("n"))
    .where("internship_id", "=", internshipId)
    .executeTakeFirst();
  return Number(r?.n ?? 0) + 1;
}

async function assertNoneOpen(trx: Trx, internshipId: string) {
  const open = await trx
    .selectFrom("internship_addenda")
    .select("sequence")
    .where("internship_id", "=", internshipId)
    .where("state", "=", "awaiting_signatures")
    .executeTakeFirst();
  if (open)
    throw new DomainError(
      `C'è già l'integrazione n. ${open.sequence} in attesa delle firme: falla firmare o ritirala prima di prepararne un'altra.`,
      "_form",
      "conflict",
    );
}

async function insertAddendum(
  trx: Trx,
  actor: StaffActor,
  row: InternshipRow,
  values: {
    kind: "extension" | "change";
    months: number | null;
    newEnd: string | null;
    newMonths: number | null;
    changes: Changes;
    reason: string;
    checkResult: unknown;
  },
  now: Date,
) {
  const sequence = await nextSequence(trx, row.id);
  const content = await addendumDocument(trx, row.id, {
    sequence,
    previousEndDate: values.newEnd ? row.end_date : null,
    newEndDate: values.newEnd,
    addedActivities: values.changes.activities ? String(values.changes.activities.to) : "",
    addedCompetences: values.changes.competences ? String(values.changes.competences.to) : "",
    reason: values.reason,
    changes: values.changes,
  });
  const hash = documentHash(content);
  const inserted = await trx
    .insertInto("internship_addenda")
    .values({
      internship_id: row.id,
      sequence,
      kind: values.kind,
      extension_months: values.months,
      previous_end_date: values.newEnd ? row.end_date : null,
      new_end_date: values.newEnd,
      previous_planned_months: values.newMonths !== null ? Number(row.planned_months).toFixed(1) : null,
      new_planned_months: values.newMonths !== null ? values.newMonths.toFixed(1) : null,
      changes: JSON.stringify(values.changes),
      reason: values.reason,
      check_result: JSON.stringify(values.checkResult),
      document_hash: hash,
      created_by: actor.userId,
      created_at: now,
    })
    .returning(["id", "sequence"])
    .executeTakeFirstOrThrow();
  const what = values.kind === "extension" ? `proroga di ${plural(values.months!, "mese", "mesi")}` : "modifica del progetto";
  await timelineRow(
    trx,
    row,
    actor,
    "addendum_proposed",
    `Integrazione n. ${sequence} (${what}) preparata: ${values.reason}. Vale quando la firmano le tre parti.`,
    now,
  );
  await recordAudit(trx, auditActor(actor), {
    action: "internship.addendum_proposed",
    entityType: "internship",
    entityId: row.id,
    employerId: row.employer_id,
    details: { addendumId: inserted.id, sequence, kind: values.kind, months: values.months, items: Object.keys(values.changes) },
  });
  return { id: inserted.id, sequence, documentHash: hash };
}

/**
 * An extension addendum: the internship must be running; the new total (planned months + the extension; suspended days
 * never count) must pass the rules checker, otherwise it is refused with the checker's messages.
 */
export async function proposeExtension(
  trx: Trx,
  actor: StaffActor,
  internshipId: string,
  input: AddendumExtensionInput,
  today: string,
  now = new Date(),
) {
  const row = await lockInternship(trx, actor, internshipId, input.version);
  if (row.state !== "active")
    throw new DomainError(
      `Si proroga solo un tirocinio in corso: ora è «${INTERNSHIP_STATE_LABELS[row.state].toLowerCase()}»`,
      "_form",
      "conflict",
    );
  if (!row.end_date) throw new DomainError("Il tirocinio non ha una data di fine", "_form", "conflict");
  await assertNoneOpen(trx, internshipId);
  const { check, date, rosa, newMonths } = await checkExtension(trx, row, input.months, today);
  return insertAddendum(
    trx,
    actor,
    row,
    {
      kind: "extension",
      months: input.months,
      newEnd: addMonths(row.end_date, input.months),
      newMonths,
      changes: {},
      reason: input.reason,
      checkResult: { date, allowed: true, check, trainees: { rosa, declared: row.other_active_trainees } },
    },
    now,
  );
}

/**
 * A change addendum: only the items typed, each differing from the PFI; the checker runs on the PFI with the changes
 * (hours and indemnity matter) and a change that breaks the rules is refused with its messages.
 */
export async function proposeChange(
  trx: Trx,
  actor: StaffActor,
  internshipId: string,
  input: AddendumChangeInput,
  today: string,
  now = new Date(),
) {
  const row = await lockInternship(trx, actor, internshipId, input.version);
  if (!ADDENDUM_STATES.includes(row.state))
    throw new DomainError(
      row.state === "ready_to_sign" || row.state === "partially_signed" || row.state === "drafting" || row.state === "checks_failed"
        ? "Il progetto formativo non è ancora firmato dalle tre parti: modificalo direttamente."
        : `Il progetto formativo non si modifica più: il tirocinio è «${INTERNSHIP_STATE_LABELS[row.state].toLowerCase()}»`,
      "_form",
      "conflict",
    );
  await assertNoneOpen(trx, internshipId);
  const changes: Changes = {};
  for (const item of Object.keys(ADDENDUM_CHANGE_LABELS) as AddendumChangeItem[]) {
    const typed = input[item];
    if (typed === null) continue;
    const to = item === "monthlyIndemnity" ? Math.round(Number(typed) * 100) : typed;
    const before = row[COLUMN[item]] as string | number | null;
    const same = typeof to === "number" ? before !== null && Number(before) === to : (before ?? "") === to;
    if (!same) changes[item] = { from: typeof before === "string" && typeof to === "number" ? Number(before) : before, to };
  }
  if (!Object.keys(changes).length)
    throw new DomainError("Le voci indicate sono uguali a quelle del progetto: non c'è nulla da cambiare", "activities");
  const patched = { ...row, ...columnsOf(changes) } as unknown as InternshipRow;
  const rosa = await countUnitTrainees(trx, row);
  const parsed = parseInternshipInput(internshipCheckInput(patched, rosa, today));
  if (!parsed.ok)
    throw new DomainError(`Dati non validi per il controllo: ${parsed.problems.map((p) => p.message).join("; ")}`, "_form", "conflict");
  const check = evaluateInternship(parsed.input);
  if (!check.allowed)
    throw new DomainError(
      `Modifica non ammessa dalle regole: ${check.messages
        .filter((m) => m.kind === "violation")
        .map((m) => m.message)
        .join(" ")}`,
      "_form",
      "conflict",
    );
  return insertAddendum(
    trx,
    actor,
    row,
    {
      kind: "change",
      months: null,
      newEnd: null,
      newMonths: null,
      changes,
      reason: input.reason,
      checkResult: { date: parsed.input.date, allowed: true, check, trainees: { rosa, declared: row.other_active_trainees } },
    },
    now,
  );
}

function columnsOf(changes: Changes): InternshipPatch {
  const out: Record<string, unknown> = {};
  for (const [item, c] of Object.entries(changes) as [AddendumChangeItem, { to: string | number }][])
    out[COLUMN[item]] = typeof c.to === "number" && item !== "monthlyIndemnity" ? String(c.to) : c.to;
  return out as InternshipPatch;
}

async function lockAddendum(trx: Trx, internshipId: string, addendumId: string, version?: number | null): Promise<AddendumRow> {
  const a = await trx
    .selectFrom("internship_addenda")
    .selectAll()
    .where("id", "=", addendumId)
    .where("internship_id", "=", internshipId)
    .forUpdate()
    .executeTakeFirst();
  if (!a) throw new DomainError("Integrazione non trovata", "_form", "not_found");
  if (version != null && a.version !== version)
    throw new DomainError("L'integrazione è cambiata nel frattempo: ricarica la pagina", "_form", "conflict");
  return a as unknown as AddendumRow;
}

/**
 * One party's signature on the addendum (the officer records any party, the host's users the host, the trainee
 * themself): the uploaded PDF must be of this addendum's version. With the third signature the change is applied —
 * the extension through the state table (`extend`, UNILAV proroga prepared), a change by writing the PFI items and
 * running the checks again.
 */
export async function signAddendum(
  trx: Trx,
  actor: Exclude<InternshipActor, { kind: "system" }>,
  internshipId: string,
  addendumId: string,
  input: SignatureInput & { version: number },
  today: string,
  now = new Date(),
) {
  const row = await lockInternship(trx, actor, internshipId);
  const a = await lockAddendum(trx, internshipId, addendumId, input.version);
  assertMaySign(actor.kind, input.party);
  if (a.state !== "awaiting_signatures") throw new DomainError("L'integrazione non è più da firmare", "_form", "conflict");
  const hash = await signedVersionHash(input, a.document_hash);
  const owner = { internshipId, addendumId };
  await recordSignature(trx, owner, "addendum", { ...input, documentHash: hash, signedBy: actor.userId, now });
  await trx
    .updateTable("internship_addenda")
    .set({ version: a.version + 1 })
    .where("id", "=", a.id)
    .execute();
  await timelineRow(trx, row, actor, "addendum_signed", `Integrazione n. ${a.sequence}: firma di ${input.signerName}`, now);
  await recordAudit(trx, auditActor(actor), {
    action: "internship.addendum_signed",
    entityType: "internship",
    entityId: internshipId,
    employerId: row.employer_id,
    details: { addendumId, party: input.party },
  });
  const parties = await liveSignatureParties(trx, owner, "addendum");
  const complete = PARTIES.every((p) => parties.includes(p));
  if (complete) await applyAddendum(trx, row, a, today, now);
  return { complete, parties };
}

async function applyAddendum(trx: Trx, row: InternshipRow, a: AddendumRow, today: string, now: Date) {
  const system = { kind: "system" } as const;
  if (a.kind === "extension") {
    await extendInternship(
      trx,
      system,
      { internshipId: row.id, months: a.extension_months!, reason: `Integrazione n. ${a.sequence}: ${a.reason}` },
      today,
    );
  } else {
    if (!ADDENDUM_STATES.includes(row.state))
      throw new DomainError("Il tirocinio non è più in uno stato in cui la modifica si applica", "_form", "conflict");
    await trx
      .updateTable("internships")
      .set({ ...columnsOf(a.changes), version: row.version + 1, updated_at: now })
      .where("id", "=", row.id)
      .execute();
    const { record } = await runInternshipChecks(trx, row.id, today, { now });
    if (!record.allowed)
      throw new DomainError(
        "Con i dati di oggi la modifica non rispetta più le regole: ritira l'integrazione e preparane una nuova.",
        "_form",
        "conflict",
      );
  }
  await trx.updateTable("internship_addenda").set({ state: "applied", closed_at: now }).where("id", "=", a.id).execute();
  const fresh = await lockInternship(trx, system, row.id);
  await timelineRow(
    trx,
    fresh,
    system,
    "addendum_applied",
    a.kind === "extension"
      ? `Integrazione n. ${a.sequence} firmata dalle tre parti: proroga applicata, nuova fine ${formatDate(a.new_end_date!)}.`
      : `Integrazione n. ${a.sequence} firmata dalle tre parti: modifiche applicate al progetto (${Object.keys(a.changes)
          .map((k) => ADDENDUM_CHANGE_LABELS[k as AddendumChangeItem].toLowerCase())
          .join(", ")}).`,
    now,
  );
}

/** The officer or the host withdraws an addendum still awaiting signatures; its signatures are void. */
export async function withdrawAddendum(
  trx: Trx,
  actor: StaffActor,
  internshipId: string,
  addendumId: string,
  input: { version: number },
  now = new Date(),
) {
  const row = await lockInternship(trx, actor, internshipId);
  const a = await lockAddendum(trx, internshipId, addendumId, input.version);
  if (a.state !== "awaiting_signatures") throw new DomainError("L'integrazione non è più in attesa delle firme", "_form", "conflict");
  await trx
    .updateTable("internship_addenda")
    .set({ state: "withdrawn", closed_at: now, closed_by: actor.userId, version: a.version + 1 })
    .where("id", "=", a.id)
    .execute();
  const voided = await voidSignatures(trx, { internshipId, addendumId }, "addendum", now);
  await timelineRow(trx, row, actor, "addendum_withdrawn", `Integrazione n. ${a.sequence} ritirata.`, now);
  await recordAudit(trx, auditActor(actor), {
    action: "internship.addendum_withdrawn",
    entityType: "internship",
    entityId: internshipId,
    employerId: row.employer_id,
    details: { addendumId, voidedSignatures: voided },
  });
}

/** An internship's addenda with their signatures and who still has to sign, newest first (scoped by the caller). */
export async function listAddenda(db: Db | Trx, internshipId: string) {
  const rows = (await db
    .selectFrom("internship_addenda")
    .selectAll()
    .where("internship_id", "=", internshipId)
    .orderBy("sequence", "desc")
    .execute()) as unknown as AddendumRow[];
  const out = [];
  for (const a of rows) {
    const signatures = await listSignatures(db as Trx, { internshipId, addendumId: a.id }, "addendum");
    const live = signatures.filter((s) => s.voided_at === null).map((s) => s.party);
    out.push({
      ...a,
      signatures: signatures.map((s) => ({ ...s, signed_at: s.signed_at.toISOString(), voided_at: s.voided_at?.toISOString() ?? null })),
      missingParties: a.state === "awaiting_signatures" ? PARTIES.filter((p) => !live.includes(p)) : [],
    });
  }
  return out;
}
export type AddendumView = Awaited<ReturnType<typeof listAddenda>>[number];

/** The addendum's content for its PDF (null when not this internship's). */
export async function addendumForPdf(db: Db | Trx, internshipId: string, addendumId: string) {
  const a = (await db
    .selectFrom("internship_addenda")
    .selectAll()
    .where("id", "=", addendumId)
    .where("internship_id", "=", internshipId)
    .executeTakeFirst()) as unknown as AddendumRow | undefined;
  if (!a) return null;
  return { addendum: a, content: await addendumContentOf(db, a) };
}
