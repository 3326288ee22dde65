/**
 * The one action behind the file page, shared by the employer's and the officer's route:
 * dispatches on `intent`, validates with zod, runs the command in one transaction.
 */
import { todayInItaly } from "~/utils/dates";
import { withTransaction } from "~/db/transaction.server";
import type { Actor } from "~/domain/audit/commands.server";
import { DomainError } from "~/domain/errors";
import { type DomainErrorStatus, statusOf } from "~/web/errors.server";
import { type FieldErrors, type FormValues, parseFormData } from "~/utils/forms";
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

export type FileActionResult =
  { ok: true; message: string } | { ok: false; intent: string; errors: FieldErrors; values: FormValues; status: DomainErrorStatus };

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
  const values = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")) as FormValues;
  if (!entry) return { ok: false, intent, errors: { _form: "Operazione non riconosciuta" }, values, status: 400 };
  const version = versionField.safeParse(formData.get("version"));
  const form = parseFormData(formData, entry.schema);
  if (!form.ok || !version.success) {
    const errors = form.ok ? {} : form.errors;
    if (!version.success) errors._form = "Versione della pratica mancante: ricarica la pagina";
    return { ok: false, intent, errors, values, status: 400 };
  }
  const today = todayInItaly();
  try {
    await withTransaction(async (trx) => {
      const data = form.data as Record<string, unknown>;
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
    if (e instanceof DomainError) return { ok: false, intent, errors: { [e.field]: e.message }, values, status: statusOf(e) };
    throw e;
  }
  return { ok: true, message: entry.message };
}
