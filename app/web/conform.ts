import { useForm, type DefaultValue, type Submission } from "@conform-to/react";
import { conformName, dottedName, type FormResult } from "./form-metadata";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { checkFieldName, FormInputError, MAX_FORM_INDEX, stripControlChars } from "~/utils/forms";

/**
 * Forms through conform: one zod schema validates on the server (`parseForm` in the action) and in the
 * browser (`useSchemaForm`), and gives the fields their HTML constraints (required, lengths) so that the
 * form checks itself before the page's JavaScript has loaded. Field names are conform's paths
 * (`requirements[0].kind`); the error messages are the schema's, in Italian.
 */
export type { Field, FormResult } from "./form-metadata";
export { conformName, dottedName, formErrorList } from "./form-metadata";

/**
 * Field names are user input (a posted `__proto__.toString=x` once rewrote Object.prototype, and
 * `list[4294967294]` makes a huge sparse array): every name is checked before conform builds the
 * value, text is stripped of control characters, and a bad name refuses the whole request with a
 * form-level message instead of a 500.
 */
const NAME_SYNTAX = /^[^.[\]]+(?:\.[^.[\]]+|\[\d*\])*$/;

function checkName(name: string): void {
  if (!NAME_SYNTAX.test(name))
    throw new FormInputError(
      `Richiesta non valida: il campo ${JSON.stringify(stripControlChars(name).slice(0, 60))} non corrisponde al modulo.`,
    );
  checkFieldName(dottedName(name));
}

const INTENT_TYPES = new Set(["validate", "update", "reset", "insert", "remove", "reorder"]);
const badControl = () => new FormInputError("Richiesta non valida: il comando del modulo non è riconosciuto.");

/** conform's own fields (the «Aggiungi»/«Rimuovi» buttons' intent and its state) are JSON: checked before conform reads them. */
function checkControl(name: string, value: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw badControl();
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw badControl();
  if (name === "__state__") return;
  const { type, payload } = parsed as { type?: unknown; payload?: Record<string, unknown> };
  if (typeof type !== "string" || !INTENT_TYPES.has(type) || typeof payload !== "object" || payload === null) throw badControl();
  if (payload.name !== undefined) {
    if (typeof payload.name !== "string") throw badControl();
    if (payload.name !== "") checkName(payload.name);
  }
  for (const key of ["index", "from", "to"]) {
    const n = payload[key];
    if (n !== undefined && !(Number.isInteger(n) && (n as number) >= 0 && (n as number) <= MAX_FORM_INDEX)) throw badControl();
  }
  if ((type === "insert" || type === "remove" || type === "reorder") && typeof payload.name !== "string") throw badControl();
}

function sanitize(formData: FormData): { clean: FormData; problem: string | null } {
  const clean = new FormData();
  let problem: string | null = null;
  for (const [key, value] of formData.entries()) {
    try {
      if (key === "__intent__" || key === "__state__") {
        if (typeof value !== "string") throw badControl();
        checkControl(key, value);
        clean.append(key, value);
        continue;
      }
      checkName(key);
      const name = conformName(key);
      clean.append(name, typeof value === "string" ? stripControlChars(value) : value);
    } catch (e) {
      if (!(e instanceof FormInputError)) throw e;
      problem ??= e.message;
    }
  }
  return { clean, problem };
}

/** conform's `parseWithZod`, with the name checks above and the schema's own handling of empty strings. */
export function parseForm<S extends z.ZodType>(formData: FormData, schema: S): Submission<z.input<S>, string[], z.output<S>> {
  const { clean, problem } = sanitize(formData);
  if (problem) {
    const refuse = z.any().superRefine((_, ctx) => ctx.addIssue({ code: "custom", message: problem, path: [] }));
    return parseWithZod(clean, { schema: refuse as unknown as S, disableAutoCoercion: true }) as Submission<
      z.input<S>,
      string[],
      z.output<S>
    >;
  }
  // The schemas turn "" into null/defaults themselves (they predate conform): no automatic coercion.
  return parseWithZod(clean, { schema, disableAutoCoercion: true });
}

type Constraint = ReturnType<typeof getZodConstraint>[string];

/**
 * The schema of the field at a constraint path (`requirements[].kind`), or null when it cannot be followed;
 * `inOptionalRow` when the path crosses a list whose rows may be left blank (a row of Rosa's repeated
 * sections that is empty is dropped, so its fields are required only once the row is filled).
 */
function schemaAt(schema: z.ZodType, path: string): { field: z.ZodType; inOptionalRow: boolean } | null {
  let node: z.ZodType | null = schema;
  let inOptionalRow = false;
  for (const part of path.replace(/\[\]/g, ".[]").split(".").filter(Boolean)) {
    node = unwrap(node);
    if (!node) return null;
    if (part === "[]") {
      node = node instanceof z.ZodArray ? (node.element as z.ZodType) : null;
      if (node && (node.safeParse(null).success || node.safeParse(undefined).success)) inOptionalRow = true;
    } else node = node instanceof z.ZodObject ? ((node.shape as Record<string, z.ZodType>)[part] ?? null) : null;
  }
  return node ? { field: node, inOptionalRow } : null;
}

/** The schema under optional/nullable/default wrappers and pipes (a preprocess step is skipped: what counts is what it feeds). */
function unwrap(node: z.ZodType | null): z.ZodType | null {
  for (let i = 0; node && i < 10; i++) {
    if (node instanceof z.ZodOptional || node instanceof z.ZodNullable || node instanceof z.ZodDefault) node = node.unwrap() as z.ZodType;
    else if (node instanceof z.ZodPipe) node = (node.in instanceof z.ZodTransform ? node.out : node.in) as z.ZodType;
    else return node;
  }
  return node;
}

/**
 * HTML constraints from the schema. conform reads a field as required from its output type, which is
 * wrong for Rosa's optional fields that turn "" into null: a field is required here when the schema
 * refuses it empty (or missing), and never inside a row that may be left blank (the CV's sections).
 */
export function constraintsOf(schema: z.ZodType): Record<string, Constraint> {
  // A schema that reshapes the whole form (`z.object({…}).transform(…)`): the fields are those of the object it reads.
  const fields = schema instanceof z.ZodPipe && schema.out instanceof z.ZodTransform ? (schema.in as z.ZodType) : schema;
  // (A field of one branch of a union, the hire's date in an outcome form, is never required in HTML: conform's choice.)
  const constraints = getZodConstraint(fields);
  for (const [path, constraint] of Object.entries(constraints)) {
    const found = schemaAt(fields, path);
    if (!found || !constraint.required) continue;
    const acceptsEmpty = found.inOptionalRow || found.field.safeParse("").success || found.field.safeParse(undefined).success;
    if (acceptsEmpty) constraint.required = false;
  }
  return constraints;
}

const constraintCache = new WeakMap<z.ZodType, Record<string, Constraint>>();

/**
 * useForm with the schema: validation in the browser on submit (then again as the person corrects a
 * field), the server's last reply, and the constraints above. Before hydration the browser applies
 * the constraints itself (`defaultNoValidate: false`).
 */
export function useSchemaForm<S extends z.ZodType<unknown, Record<string, unknown>>>(
  schema: S,
  options: { id: string; lastResult?: FormResult | null; defaultValue?: DefaultValue<z.input<S>> },
) {
  let constraint = constraintCache.get(schema);
  if (!constraint) constraintCache.set(schema, (constraint = constraintsOf(schema)));
  return useForm<z.input<S>, z.output<S>, string[]>({
    id: options.id,
    lastResult: options.lastResult,
    defaultValue: options.defaultValue,
    constraint,
    defaultNoValidate: false,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, schema),
  });
}
