import type { z } from "zod";

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;

export type FormParse<T> = { ok: true; data: T; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues };

/**
 * Field names are user input: a posted `__proto__.toString=x` once rewrote
 * Object.prototype for the whole process. Path segments that reach an
 * object's prototype are refused, and list indices are capped so that
 * `education.4294967294.title` cannot allocate a huge (sparse) array. No form
 * in Rosa repeats a section more than MAX_FORM_INDEX + 1 times.
 */
export const FORBIDDEN_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);
export const MAX_FORM_INDEX = 99;
const MAX_NAME_LENGTH = 200;

/** Bad field names or structure: the request is refused with a 400 and this Italian message. */
export class FormInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FormInputError";
  }
}

const visibleName = (name: string) => JSON.stringify(stripControlChars(name).slice(0, 60));

/** Throws FormInputError for a field name that is not a plain dotted path of names and small indices. */
export function checkFieldName(name: string): void {
  if (name.length > MAX_NAME_LENGTH) throw new FormInputError("Richiesta non valida: nome di campo troppo lungo.");
  if (CONTROL_CHARS.test(name)) throw new FormInputError("Richiesta non valida: un nome di campo contiene caratteri di controllo.");
  for (const part of name.split(".")) {
    if (FORBIDDEN_SEGMENTS.has(part))
      throw new FormInputError(`Richiesta non valida: il nome di campo ${visibleName(name)} non è ammesso.`);
    if (/^\d+$/.test(part) && (part.length > 2 || Number(part) > MAX_FORM_INDEX)) {
      throw new FormInputError(
        `Richiesta non valida: il campo ${visibleName(name)} ha un indice troppo grande (al massimo ${MAX_FORM_INDEX}).`,
      );
    }
  }
}

/**
 * C0 control characters other than tab, line feed and carriage return, and DEL.
 * PostgreSQL cannot store NUL in text (error 22021) and no form field has a use
 * for the others, so text fields are stripped of them (nothing the user meant is lost).
 */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function stripControlChars(value: string): string {
  return value.replace(CONTROL_CHARS_ALL, "");
}

/** Text fields of a form, kept to re-fill the form after an error (never passwords, never refused names). */
export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || /password/i.test(key) || !isAcceptableName(key)) continue;
    values[key] = stripControlChars(value);
  }
  return values;
}

function isAcceptableName(name: string): boolean {
  try {
    checkFieldName(name);
    return true;
  } catch {
    return false;
  }
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    errors[key] ??= issue.message;
  }
  return errors;
}

export function parseSearchParams<S extends z.ZodType>(url: URL, schema: S): FormParse<z.infer<S>> {
  const values = Object.create(null) as FormValues;
  for (const [key, value] of url.searchParams) if (!FORBIDDEN_SEGMENTS.has(key)) values[key] = stripControlChars(value);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values: { ...values } };
  return { ok: false, errors: zodFieldErrors(result.error), values: { ...values } };
}
