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
  const fetcher = useFetcher<{ options: { label: string; matched?: string }[] }>();
  const listId = useId().replace(/:/g, "");
  return (
    <div
      onInput={(e) => {
        const value = (e.target as HTMLInputElement).value;
        // Each keystroke aborts the lookup still in flight; that rejection is expected, not a page error.
        if (value.trim().length >= 2) Promise.resolve(fetcher.load(`${props.source}?q=${encodeURIComponent(value)}`)).catch(() => {});
      }}
    >
      <TextField {...props} list={listId} autoComplete="off" />
      <datalist id={listId}>
        {(fetcher.data?.options ?? []).map((o) => (
          // The ISTAT job title that matched is shown too, so «magazziniere» explains «Addetti alla gestione dei magazzini».
          <option key={o.label} value={o.label} label={o.matched ? `${o.label} (${o.matched})` : undefined} />
        ))}
      </datalist>
      {props.source === "/api/professioni" ? (
        <p className="small text-muted mt-n3 mb-3">Professioni: classificazione CP2021 e voci professionali. Fonte: Istat (CC BY 4.0)</p>
      ) : null}
    </div>
  );
}
