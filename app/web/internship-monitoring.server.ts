import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import {
  AttendanceSchema,
  AttestSchema,
  CloseSchema,
  CompleteSchema,
  DossierSchema,
  ExtendSchema,
  InterruptSchema,
  OutcomeSchema,
  ResumeSchema,
  ServiceTimeSchema,
  SuspendSchema,
  UnilavFiledSchema,
  addDossierItem,
  closeWithoutAttestation,
  concludeInternship,
  declareOutcome,
  proposeExtension,
  interruptInternship,
  issueAttestation,
  recordAttendance,
  recordServiceTime,
  recordUnilavFiled,
  resumeInternship,
  suspendInternship,
  type InternshipActor,
} from "~/domain/internships/index.server";
import { parseForm } from "./conform";
import { replyDomainError, replyFormError, replyInvalid } from "./conform.server";
import { redirectWithFlash } from "./flash.server";
import { z } from "zod";
import { requireOwnCandidateId } from "./guards.server";
import { clientIp, forbidden, notFound, requirePermission, type SessionUser } from "./session.server";
import { plural } from "~/utils/plural";
import { todayInItaly } from "~/utils/dates";

/**
 * The web side of an internship's during-and-after pages (docs/decisions/tirocini.md «Durante e dopo»): who may act,
 * and the one action that dispatches each form by its `intent` to the domain command.
 */

export function internshipIdFrom(params: unknown): string {
  const id = z.uuid().safeParse((params as Record<string, unknown> | null)?.internshipId);
  if (!id.success) throw notFound("Tirocinio non trovato");
  return id.data;
}

/** A CPI officer of the preselection or placement queue: the promoter. */
export async function requireInternshipOfficer(request: Request, context: unknown) {
  const user = await requirePermission(request, "matching:run");
  const actor: InternshipActor & { kind: "officer" } = { kind: "officer", userId: user.id, ip: clientIp(context) };
  return { user, actor };
}

/** A user of the host employer: only its own internships are found. */
export async function requireInternshipEmployer(request: Request, context: unknown) {
  const user = await requirePermission(request, "vacancies:own");
  if (!user.employerId) throw forbidden();
  const actor: InternshipActor & { kind: "employer" } = {
    kind: "employer",
    userId: user.id,
    employerId: user.employerId,
    ip: clientIp(context),
  };
  return { user: user as SessionUser & { employerId: string }, actor };
}

/** The trainee: only their own internships are found. */
export async function requireInternshipTrainee(request: Request, context: unknown) {
  const user = await requirePermission(request, "candidate:self");
  const candidateId = await requireOwnCandidateId(getDb(), user);
  const actor: InternshipActor & { kind: "candidate" } = { kind: "candidate", userId: user.id, candidateId, ip: clientIp(context) };
  return { user, candidateId, actor };
}

const SCHEMAS = {
  attendance: AttendanceSchema,
  suspend: SuspendSchema,
  resume: ResumeSchema,
  extend: ExtendSchema,
  interrupt: InterruptSchema,
  dossier: DossierSchema,
  attest: AttestSchema,
  close: CloseSchema,
  complete: CompleteSchema,
  time: ServiceTimeSchema,
  outcome: OutcomeSchema,
  unilav: UnilavFiledSchema,
} as const;
export type MonitoringIntent = keyof typeof SCHEMAS;

/** What the host may do on its page; the officer may do everything. */
const EMPLOYER_INTENTS: readonly MonitoringIntent[] = ["attendance", "dossier", "interrupt", "unilav"];

/**
 * Runs the form posted to a during-and-after page: parse by intent, the domain command in one transaction, then back
 * to `redirectTo` with what happened; bad input or a refused command re-renders the form with the Italian message.
 */
export async function monitoringAction(
  request: Request,
  actor: InternshipActor & { kind: "officer" | "employer" },
  internshipId: string,
  redirectTo: string,
) {
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "") as MonitoringIntent;
  const schema = SCHEMAS[intent];
  if (!schema || (actor.kind === "employer" && !EMPLOYER_INTENTS.includes(intent)))
    return replyFormError("Operazione non riconosciuta: ricarica la pagina e riprova.", 400);
  const submission = parseForm(formData, schema as typeof AttendanceSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  const v = submission.value as unknown as Record<string, never>;
  let message: string;
  try {
    message = await withTransaction(async (trx) => {
      const officer = actor.kind === "officer" ? actor : null;
      const needOfficer = () => {
        if (!officer) throw forbidden();
        return officer;
      };
      switch (intent) {
        case "attendance": {
          const r = await recordAttendance(trx, actor, { internshipId, ...(v as object), month: v.month } as never);
          return `Presenze di ${monthLabel(r.month)} registrate.`;
        }
        case "suspend":
          await suspendInternship(trx, needOfficer(), { internshipId, ...(v as object) } as never);
          return "Tirocinio sospeso: i giorni di sospensione non contano per la durata massima.";
        case "resume": {
          const r = await resumeInternship(trx, needOfficer(), { internshipId, ...(v as object) } as never);
          return `Tirocinio ripreso: ${plural(r.days, "giorno", "giorni")} di sospensione, nuova data di fine ${dayLabel(r.endDate)}.`;
        }
        case "extend": {
          // A proroga is an addendum of the signed PFI: it applies with the third signature (docs/decisions/tirocini.md#addendum).
          const e = v as unknown as { months: number; reason: string; version: number };
          const r = await proposeExtension(trx, needOfficer(), internshipId, e, todayInItaly());
          return `Integrazione n. ${r.sequence} (proroga) preparata: raccogli le firme delle tre parti nella pagina delle integrazioni. La proroga vale con la terza firma; poi l'azienda invia la comunicazione di proroga (UNILAV).`;
        }
        case "interrupt":
          await interruptInternship(trx, actor, { internshipId, ...(v as object) } as never);
          return "Tirocinio interrotto. L'azienda deve inviare la comunicazione di cessazione (UNILAV).";
        case "dossier":
          await addDossierItem(trx, actor, { internshipId, ...(v as object) } as never);
          return "Voce aggiunta al dossier individuale.";
        case "attest":
          await issueAttestation(trx, needOfficer(), { internshipId, ...(v as object) } as never);
          return "Attestazione rilasciata: il tirocinante può scaricarla dalla sua area.";
        case "complete":
          await concludeInternship(trx, needOfficer(), { internshipId, ...(v as object) } as never);
          return "Conclusione registrata: ora rilascia l'attestazione, o chiudi senza se le presenze non bastano.";
        case "close":
          await closeWithoutAttestation(trx, needOfficer(), { internshipId, ...(v as object) } as never);
          return "Tirocinio chiuso senza attestazione.";
        case "time": {
          const r = await recordServiceTime(trx, needOfficer(), { internshipId, ...(v as object) } as never);
          return `Tempo registrato: il servizio ${r.standard} nel registro conta ora ${plural(r.total, "minuto", "minuti")}.`;
        }
        case "outcome": {
          const o = v as unknown as { horizonMonths: 6 | 12; hired: "yes" | "no"; hiredOn?: string; byHost: boolean; note: string };
          await declareOutcome(trx, needOfficer(), { internshipId, ...o, hired: o.hired === "yes", hiredOn: o.hiredOn ?? null });
          return `Esito a ${plural(o.horizonMonths, "mese", "mesi")} registrato come dichiarato.`;
        }
        case "unilav":
          await recordUnilavFiled(trx, actor, { internshipId, ...(v as object) } as never);
          return "Comunicazione obbligatoria registrata.";
      }
    });
  } catch (e) {
    if (e instanceof Response) throw e;
    return replyDomainError(e, submission);
  }
  return redirectWithFlash(redirectTo, { type: "success", message });
}

const MONTHS = [
  "gennaio",
  "febbraio",
  "marzo",
  "aprile",
  "maggio",
  "giugno",
  "luglio",
  "agosto",
  "settembre",
  "ottobre",
  "novembre",
  "dicembre",
];
const monthLabel = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const dayLabel = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
