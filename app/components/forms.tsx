import type { ReactNode } from "react";
import { formErrorList, type Field, type FormResult } from "~/web/form-metadata";
import type { FieldErrors, FormValues } from "~/utils/forms";

interface FieldBase {
  /** conform's metadata of the field: id, name, errors, initial value and the schema's constraints. */
  field?: Field;
  name?: string;
  label: string;
  errors?: FieldErrors;
  values?: FormValues;
  defaultValue?: string;
  hint?: string;
  required?: boolean;
}

const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;

/**
 * One field's wiring, from conform's metadata when the form uses conform, otherwise from the
 * hand-made error and value maps of the forms not yet moved to it.
 */
function resolve(props: FieldBase) {
  const f = props.field;
  if (f) {
    const initial = typeof f.initialValue === "string" ? f.initialValue : undefined;
    return {
      id: f.id,
      name: f.name,
      hintId: f.descriptionId,
      errorId: f.errorId,
      error: f.errors?.[0],
      value: initial ?? props.defaultValue ?? "",
      checked: f.initialValue === "on",
      required: props.required ?? f.required ?? false,
      constraints: { required: f.required || undefined, minLength: f.minLength, maxLength: f.maxLength, min: f.min, max: f.max },
    };
  }
  const name = props.name ?? "";
  const id = fieldId(name);
  return {
    id,
    name,
    hintId: `${id}-hint`,
    errorId: `${id}-error`,
    error: props.errors?.[name],
    value: props.values?.[name] ?? props.defaultValue ?? "",
    checked: props.values?.[name] === "on",
    required: props.required ?? false,
    constraints: {},
  };
}
type Resolved = ReturnType<typeof resolve>;

/** Describes the hint and the error to assistive tech, next to the field (WCAG 3.3.1). */
function describe(r: Resolved, hint?: string) {
  const ids = [hint ? r.hintId : null, r.error ? r.errorId : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function FieldLabel({ r, label }: { r: Resolved; label: string }) {
  return (
    <label htmlFor={r.id}>
      {label}
      {r.required ? <span aria-hidden="true"> *</span> : null}
    </label>
  );
}

/** The ARIA wiring every field shares: required, invalid, and what describes it. */
function fieldAria(r: Resolved, hint?: string) {
  return {
    id: r.id,
    name: r.name,
    "aria-required": r.required || undefined,
    "aria-invalid": r.error ? true : undefined,
    "aria-describedby": describe(r, hint),
  } as const;
}

function FieldMessages({ r, hint }: { r: Resolved; hint?: string }) {
  return (
    <>
      {hint ? (
        <small id={r.hintId} className="form-hint">
          {hint}
        </small>
      ) : null}
      {r.error ? (
        <div id={r.errorId} className="invalid-feedback">
          {r.error}
        </div>
      ) : null}
    </>
  );
}

export function TextField(
  props: FieldBase & {
    type?: string;
    autoComplete?: string;
    list?: string;
    maxLength?: number;
    inputMode?: "numeric" | "email" | "tel" | "text";
    accept?: string;
  },
) {
  const r = resolve(props);
  return (
    <div className="form-group">
      <FieldLabel r={r} label={props.label} />
      <input
        {...fieldAria(r, props.hint)}
        {...r.constraints}
        key={props.field?.key}
        type={props.type ?? "text"}
        className={`form-control${r.error ? " is-invalid" : ""}`}
        defaultValue={props.type === "password" || props.type === "file" ? undefined : r.value}
        accept={props.accept}
        autoComplete={props.autoComplete}
        list={props.list}
        maxLength={props.maxLength ?? r.constraints.maxLength}
        inputMode={props.inputMode}
      />
      <FieldMessages r={r} hint={props.hint} />
    </div>
  );
}

export function TextAreaField(props: FieldBase & { rows?: number }) {
  const r = resolve(props);
  return (
    <div className="form-group">
      <FieldLabel r={r} label={props.label} />
      <textarea
        {...fieldAria(r, props.hint)}
        {...r.constraints}
        key={props.field?.key}
        rows={props.rows ?? 4}
        className={`form-control${r.error ? " is-invalid" : ""}`}
        defaultValue={r.value}
      />
      <FieldMessages r={r} hint={props.hint} />
    </div>
  );
}

export function SelectField(
  props: FieldBase & {
    options: Record<string, string> | [string, string][];
    placeholder?: string;
    /** Options in labelled groups (`<optgroup>`), after the plain ones. */
    groups?: { label: string; options: [string, string][] }[];
  },
) {
  const r = resolve(props);
  const options = Array.isArray(props.options) ? props.options : Object.entries(props.options);
  return (
    <div className="form-group">
      <FieldLabel r={r} label={props.label} />
      <select
        {...fieldAria(r, props.hint)}
        required={r.constraints.required}
        key={props.field?.key}
        className={`form-select${r.error ? " is-invalid" : ""}`}
        defaultValue={r.value}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
        {props.groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <FieldMessages r={r} hint={props.hint} />
    </div>
  );
}

export function CheckboxField(props: FieldBase & { children?: ReactNode }) {
  const r = resolve(props);
  return (
    <div className="form-check mb-4">
      <input
        id={r.id}
        name={r.name}
        type="checkbox"
        key={props.field?.key}
        required={r.constraints.required}
        defaultChecked={r.checked}
        aria-invalid={r.error ? true : undefined}
        aria-describedby={describe(r, props.hint)}
      />
      <label htmlFor={r.id}>{props.label}</label>
      {props.children}
      <FieldMessages r={r} hint={props.hint} />
    </div>
  );
}

/**
 * Lists every error at the top with links to the fields (GOV.UK / Designers Italia pattern): from a
 * conform form's state, or from the error map of a form not yet moved to conform.
 */
export function ErrorSummary({
  errors,
  form,
  result,
}: {
  errors?: FieldErrors;
  form?: { id: string; allErrors: Record<string, string[]> };
  /** conform's reply to a form made only of buttons and hidden fields (no field to link to). */
  result?: FormResult | null;
}) {
  if (result) {
    const allErrors = Object.fromEntries(Object.entries(result.error ?? {}).map(([k, v]) => [k, v ?? []]));
    const list = formErrorList({ id: "", allErrors });
    if (!list.formError && !list.fields.length) return null;
    return <SummaryBox formError={list.formError ?? undefined} fieldErrors={list.fields.map(([name, message]) => [name, message])} />;
  }
  if (form) {
    const list = formErrorList(form);
    if (!list.formError && !list.fields.length) return null;
    return (
      <SummaryBox
        formError={list.formError ?? undefined}
        fieldErrors={list.fields.map(([name, message]) => [`${form.id}-${name}`, message])}
      />
    );
  }
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <SummaryBox
      formError={errors._form}
      fieldErrors={Object.entries(errors)
        .filter(([k]) => k !== "_form")
        .map(([name, message]) => [fieldId(name), message])}
    />
  );
}

function SummaryBox({ formError, fieldErrors }: { formError?: string; fieldErrors: [string, string][] }) {
  return (
    <div className="alert alert-danger" role="alert" tabIndex={-1}>
      <h2 className="h5">{formError ?? "Controlla i dati inseriti"}</h2>
      {fieldErrors.length ? (
        <ul className="mb-0">
          {fieldErrors.map(([id, message]) => (
            <li key={id}>
              <a href={`#${id}`}>{message}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function Notice({ type = "success", children }: { type?: "success" | "info" | "warning" | "danger"; children: ReactNode }) {
  return (
    <div className={`alert alert-${type}`} role={type === "danger" ? "alert" : "status"}>
      {children}
    </div>
  );
}
