/**
 * The one action behind the file page, shared by the employer's and the officer's route:
 * dispatches on `intent`, validates with zod through conform, runs the command in one transaction.
 * A refusal is conform's reply, whose values carry the `intent`: the page shows it next to the form that was sent.
 */
import { todayInItaly } from "~/utils/dates";
import { withTransaction } from "~/db/transaction.server";
import type { Actor } from "~/domain/audit/commands.server";
import { z } from "zod";
import { parseForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import {
  addProtectedWorker,
  addWorkforceGroup,
  recordWorkerLeft,
  removeWorkforceGroup,
  setEmployerType,
} from "~/domain/l68/file/index.server";
import {
  EmployerTypeFormSchema,
  ProtectedWorkerFormSchema,
  RemoveGroupFormSchema,
  WorkerLeftFormSchema,
  WorkforceGroupFormSchema,
  versionField,
} from "~/domain/l68";

export type FileActionResult = { ok: true; message: string } | { ok: false; reply: ReturnType<typeof replyInvalid> };

const INTENTS = {
  "add-group": { schema: WorkforceGroupFormSchema, message: "Gruppo di lavoratori aggiunto: quota ricalcolata." },
  "remove-group": { schema: RemoveGroupFormSchema, message: "Gruppo di lavoratori eliminato: quota ricalcolata." },
  "add-worker": { schema: ProtectedWorkerFormSchema, message: "Lavoratore registrato: copertura ricalcolata." },
  "worker-left": { schema: WorkerLeftFormSchema, message: "Cessazione registrata: copertura ricalcolata." },
  "employer-type": { schema: EmployerTypeFormSchema, message: "Tipo di datore di lavoro aggiornato: quota ricalcolata." },
} as const;

export async function handleFileAction(formData: FormData, actor: Actor, employerId: string): Promise<FileActionResult> {
  const intent = String(formData.get("intent") ?? "");
  const entry = INTENTS[intent as keyof typeof INTENTS];
  if (!entry) return { ok: false, reply: replyInvalid(parseForm(formData, z.object({})), { formError: "Operazione non riconosciuta" }) };
  const version = versionField.safeParse(formData.get("version"));
  const submission = parseForm(formData, entry.schema);
  if (submission.status !== "success" || !version.success) {
    const formError = version.success ? undefined : "Versione della pratica mancante: ricarica la pagina";
    return { ok: false, reply: replyInvalid(submission, { formError, status: 400 }) };
  }
  const today = todayInItaly();
  try {
    await withTransaction(async (trx) => {
      const data = submission.value as Record<string, unknown>;
      switch (intent) {
        case "add-group":
          return addWorkforceGroup(trx, actor, employerId, version.data, data as never, today);
        case "remove-group":
          return removeWorkforceGroup(trx, actor, employerId, version.data, data.groupId as string, today);
        case "add-worker":
          return addProtectedWorker(trx, actor, employerId, version.data, data as never, today);
        case "worker-left":
          return recordWorkerLeft(trx, actor, employerId, version.data, data as never, today);
        default:
          return setEmployerType(trx, actor, employerId, version.data, data.employerType as "private" | "public", today);
      }
    });
  } catch (e) {
    return { ok: false, reply: replyDomainError(e, submission) };
  }
  return { ok: true, message: entry.message };
}
