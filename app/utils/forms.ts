import type { z } from "zod";

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;

export type FormParse<T> =
  | { ok: true; data: T; values: FormValues }
  | { ok: false; errors: FieldErrors; values: FormValues };

/** Text fields of a form, kept to re-fill the form after an error (never passwords). */
export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !/password/i.test(key)) values[key] = value;
  }
  return values;
}

/**
 * Turns dotted field names ("sites.0.label") into nested objects and arrays so
 * one zod schema validates repeated form sections.
 */
export function nestFormValues(values: FormValues): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const parts = name.split(".");
    let node: Record<string, unknown> | unknown[] = root;
    parts.forEach((part, i) => {
      const key = /^\d+$/.test(part) ? Number(part) : part;
      const last = i === parts.length - 1;
      const container = node as Record<string | number, unknown>;
      if (last) container[key] = value;
      else {
        container[key] ??= /^\d+$/.test(parts[i + 1]) ? [] : {};
        node = container[key] as Record<string, unknown>;
      }
    });
  }
  return root;
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    errors[key] ??= issue.message;
  }
  return errors;
}

export function parseFormData<S extends z.ZodType>(formData: FormData, schema: S): FormParse<z.infer<S>> {
  const values = formValues(formData);
  const raw = nestFormValues({
    ...values,
    ...Object.fromEntries([...formData.entries()].filter(([k, v]) => typeof v === "string" && /password/i.test(k))),
  } as FormValues);
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data, values };
  return { ok: false, errors: zodFieldErrors(result.error), values };
}

export function parseSearchParams<S extends z.ZodType>(url: URL, schema: S): FormParse<z.infer<S>> {
  const values = Object.fromEntries(url.searchParams.entries());
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values };
  return { ok: false, errors: zodFieldErrors(result.error), values };
}
