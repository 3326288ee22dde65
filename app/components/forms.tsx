import type { ReactNode } from "react";
import type { FieldErrors, FormValues } from "~/utils/forms";

interface FieldBase {
  name: string;
  label: string;
  errors?: FieldErrors;
  values?: FormValues;
  defaultValue?: string;
  hint?: string;
  required?: boolean;
}

const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;

/** Describes the hint and the error to assistive tech, next to the field (WCAG 3.3.1). */
function describe(name: string, hint?: string, error?: string) {
  const ids = [hint ? `${fieldId(name)}-hint` : null, error ? `${fieldId(name)}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function FieldLabel({ name, label, required }: { name: string; label: string; required?: boolean }) {
  return (
    <label htmlFor={fieldId(name)}>
      {label}
      {required ? <span aria-hidden="true"> *</span> : null}
    </label>
  );
}

/** The ARIA wiring every field shares: required, invalid, and what describes it. */
function fieldAria(props: FieldBase, error?: string) {
  return {
    id: fieldId(props.name),
    name: props.name,
    "aria-required": props.required || undefined,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describe(props.name, props.hint, error),
  } as const;
}

function FieldMessages({ name, hint, error }: { name: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <small id={`${fieldId(name)}-hint`} className="form-hint">
          {hint}
        </small>
      ) : null}
      {error ? (
        <div id={`${fieldId(name)}-error`} className="invalid-feedback">
          {error}
        </div>
      ) : null}
    </>
  );
}

export function TextField(
  props: FieldBase & { type?: string; autoComplete?: string; list?: string; maxLength?: number; inputMode?: "numeric" | "email" | "tel" | "text"; accept?: string },
) {
  const error = props.errors?.[props.name];
  const value = props.values?.[props.name] ?? props.defaultValue ?? "";
  return (
    <div className="form-group">
      <FieldLabel name={props.name} label={props.label} required={props.required} />
      <input
        {...fieldAria(props, error)}
        type={props.type ?? "text"}
        className={`form-control${error ? " is-invalid" : ""}`}
        defaultValue={props.type === "password" || props.type === "file" ? undefined : value}
        accept={props.accept}
        autoComplete={props.autoComplete}
        list={props.list}
        maxLength={props.maxLength}
        inputMode={props.inputMode}
      />
      <FieldMessages name={props.name} hint={props.hint} error={error} />
    </div>
  );
}

export function TextAreaField(props: FieldBase & { rows?: number }) {
  const error = props.errors?.[props.name];
  return (
    <div className="form-group">
      <FieldLabel name={props.name} label={props.label} required={props.required} />
      <textarea
        {...fieldAria(props, error)}
        rows={props.rows ?? 4}
        className={`form-control${error ? " is-invalid" : ""}`}
        defaultValue={props.values?.[props.name] ?? props.defaultValue ?? ""}
      />
      <FieldMessages name={props.name} hint={props.hint} error={error} />
    </div>
  );
}

export function SelectField(props: FieldBase & { options: Record<string, string> | [string, string][]; placeholder?: string }) {
  const error = props.errors?.[props.name];
  const options = Array.isArray(props.options) ? props.options : Object.entries(props.options);
  return (
    <div className="form-group">
      <FieldLabel name={props.name} label={props.label} required={props.required} />
      <select
        {...fieldAria(props, error)}
        className={`form-select${error ? " is-invalid" : ""}`}
        defaultValue={props.values?.[props.name] ?? props.defaultValue ?? ""}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <FieldMessages name={props.name} hint={props.hint} error={error} />
    </div>
  );
}

export function CheckboxField(props: FieldBase & { children?: ReactNode }) {
  const error = props.errors?.[props.name];
  return (
    <div className="form-check mb-4">
      <input
        id={fieldId(props.name)}
        name={props.name}
        type="checkbox"
        defaultChecked={props.values?.[props.name] === "on"}
        aria-invalid={error ? true : undefined}
        aria-describedby={describe(props.name, props.hint, error)}
      />
      <label htmlFor={fieldId(props.name)}>{props.label}</label>
      {props.children}
      <FieldMessages name={props.name} hint={props.hint} error={error} />
    </div>
  );
}

/** Lists every error at the top with links to the fields (GOV.UK / Designers Italia pattern). */
export function ErrorSummary({ errors }: { errors?: FieldErrors }) {
  if (!errors || Object.keys(errors).length === 0) return null;
  const formError = errors._form;
  const fieldErrors = Object.entries(errors).filter(([k]) => k !== "_form");
  return (
    <div className="alert alert-danger" role="alert" tabIndex={-1}>
      <h2 className="h5">{formError ?? "Controlla i dati inseriti"}</h2>
      {fieldErrors.length ? (
        <ul className="mb-0">
          {fieldErrors.map(([name, message]) => (
            <li key={name}>
              <a href={`#${fieldId(name)}`}>{message}</a>
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
