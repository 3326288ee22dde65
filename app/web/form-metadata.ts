import { useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";

/**
 * The parts of Rosa's conform forms that need no zod: field metadata types, name mapping, the error
 * list of the summary, and the form of the public pages (login, registration), which the server alone
 * validates so that zod stays out of their script (test/e2e/site.spec.ts keeps the budget). Forms
 * with a schema in the browser use `useSchemaForm` from ./conform.
 */
export type FormResult = SubmissionResult<string[]>;
export type Field = FieldMetadata<unknown, Record<string, unknown>, string[]>;
export type Constraints = Record<
  string,
  { required?: boolean; minLength?: number; maxLength?: number; min?: string | number; max?: string | number; pattern?: string }
>;

/** `requirements.0.kind` (the names Rosa used before conform, still accepted) → `requirements[0].kind`. */
export function conformName(name: string): string {
  return name.replace(/\.(\d+)(?=\.|$)/g, "[$1]");
}

/** `requirements[0].kind` → `requirements.0.kind`: the dotted path a DomainError or a test names a field with. */
export function dottedName(name: string): string {
  return name.replace(/\[(\d+)\]/g, ".$1");
}

/** The first message of each field in error, in the form's order, and the form-level message. */
export function formErrorList(form: { id: string; allErrors: Record<string, string[]> }): {
  formError: string | null;
  fields: [string, string][];
} {
  let formError: string | null = null;
  const fields: [string, string][] = [];
  for (const [name, messages] of Object.entries(form.allErrors)) {
    if (!messages?.length) continue;
    // "_form": the path the schemas written before conform give a message about the whole form.
    if (name === "" || name === form.id || name === "_form") formError ??= messages[0];
    else fields.push([name, messages[0]]);
  }
  return { formError, fields };
}

/**
 * A conform form checked by the server only (public pages): the constraints come from the loader
 * (`constraintsOf(schema)` runs on the server), the messages from the action's reply.
 */
export function useServerForm<Schema extends Record<string, unknown>>(options: {
  id: string;
  lastResult?: FormResult | null;
  constraint: Constraints;
  defaultValue?: Partial<Schema>;
}) {
  return useForm<Schema, Schema, string[]>({
    id: options.id,
    lastResult: options.lastResult,
    constraint: options.constraint,
    defaultValue: options.defaultValue as never,
    defaultNoValidate: false,
    shouldValidate: "onSubmit",
  });
}
