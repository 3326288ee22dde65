import type { FormValues } from "~/utils/forms";

/**
 * A checkbox for pages that repeat the same small form once per row (one per request): the id carries the row,
 * so every label stays tied to its own box.
 */
const idOf = (row: string, name: string) => `r-${row}-${name}`.replace(/[^a-zA-Z0-9_-]/g, "-");

export function RowCheckbox(props: { row: string; name: string; label: string; values?: FormValues }) {
  const id = idOf(props.row, props.name);
  return (
    <div className="form-check mb-3">
      <input id={id} name={props.name} type="checkbox" defaultChecked={props.values?.[props.name] === "on"} />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}
