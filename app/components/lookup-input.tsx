import { useFetcher } from "@remix-run/react";
import { useId } from "react";
import { TextField } from "./forms";
import type { FieldErrors, FormValues } from "~/utils/forms";

/**
 * A text field with suggestions from a lookup resource route (native
 * datalist: keyboard and screen-reader support come from the browser).
 */
export function LookupInput(props: {
  name: string;
  label: string;
  source: "/api/comuni" | "/api/ateco" | "/api/professioni";
  hint?: string;
  required?: boolean;
  errors?: FieldErrors;
  values?: FormValues;
  defaultValue?: string;
}) {
  const fetcher = useFetcher<{ options: { label: string }[] }>();
  const listId = useId().replace(/:/g, "");
  return (
    <div
      onInput={(e) => {
        const value = (e.target as HTMLInputElement).value;
        if (value.trim().length >= 2) fetcher.load(`${props.source}?q=${encodeURIComponent(value)}`);
      }}
    >
      <TextField {...props} list={listId} autoComplete="off" />
      <datalist id={listId}>
        {(fetcher.data?.options ?? []).map((o) => (
          <option key={o.label} value={o.label} />
        ))}
      </datalist>
    </div>
  );
}
