import type { FieldErrors, FormValues } from "~/utils/forms";
import { useSuggestions } from "./lookup-input";

/**
 * Fields for pages that repeat the same form once per row (one per candidate):
 * ids carry the row, so every label, hint and error stays tied to its own field.
 */
interface RowFieldProps {
  row: string;
  name: string;
  label: string;
  errors?: FieldErrors;
  values?: FormValues;
  defaultValue?: string;
}

const idOf = (row: string, name: string) => `r-${row}-${name}`.replace(/[^a-zA-Z0-9_-]/g, "-");

function Message({ id, error }: { id: string; error?: string }) {
  return error ? (
    <div className="invalid-feedback d-block" id={`${id}-error`}>
      {error}
    </div>
  ) : null;
}

export function RowSelect(props: RowFieldProps & { options: Record<string, string> | [string, string][]; placeholder?: string }) {
  const id = idOf(props.row, props.name);
  const error = props.errors?.[props.name];
  const options = Array.isArray(props.options) ? props.options : Object.entries(props.options);
  return (
    <div className="form-group">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        className={`form-select${error ? " is-invalid" : ""}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        defaultValue={props.values?.[props.name] ?? props.defaultValue ?? ""}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <Message id={id} error={error} />
    </div>
  );
}

export function RowText(
  props: RowFieldProps & {
    type?: string;
    inputMode?: "numeric" | "text";
    hint?: string;
    list?: string;
    autoComplete?: string;
    onInput?: (value: string) => void;
  },
) {
  const id = idOf(props.row, props.name);
  const error = props.errors?.[props.name];
  const describedBy = [props.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="form-group">
      <label htmlFor={id} className="active">
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        inputMode={props.inputMode}
        list={props.list}
        autoComplete={props.autoComplete}
        className={`form-control${error ? " is-invalid" : ""}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        defaultValue={props.values?.[props.name] ?? props.defaultValue ?? ""}
        onInput={props.onInput ? (e) => props.onInput!((e.target as HTMLInputElement).value) : undefined}
      />
      {props.hint ? (
        <small id={`${id}-hint`} className="form-text">
          {props.hint}
        </small>
      ) : null}
      <Message id={id} error={error} />
    </div>
  );
}

/** A row-scoped text field with suggestions from a lookup route (several forms of the same kind can share one page). */
export function RowLookup(props: RowFieldProps & { hint: string; source: string }) {
  const { options, onInput } = useSuggestions(props.source);
  const listId = `${idOf(props.row, props.name)}-list`;
  return (
    <>
      <RowText {...props} list={listId} autoComplete="off" onInput={onInput} />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.label} value={o.label} />
        ))}
      </datalist>
    </>
  );
}

export function RowCheckbox(props: Omit<RowFieldProps, "errors" | "defaultValue">) {
  const id = idOf(props.row, props.name);
  return (
    <div className="form-check mb-3">
      <input id={id} name={props.name} type="checkbox" defaultChecked={props.values?.[props.name] === "on"} />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}
