import { useEffect, useId, useRef, useState } from "react";
import { TextField } from "./forms";
import type { Field } from "~/web/form-metadata";
import type { FieldErrors, FormValues } from "~/utils/forms";

/**
 * A text field with suggestions from a lookup resource route (native
 * datalist: keyboard and screen-reader support come from the browser).
 */
export interface Suggestion {
  label: string;
  /** The ISTAT job title that matched, when it differs from the label. */
  matched?: string;
}

/**
 * Suggestions from a lookup resource route for what the person is typing. Each keystroke cancels the
 * lookup still in flight. A plain fetch (not a Remix fetcher, whose interrupted loads reject inside
 * the router where no caller can catch them) keeps every rejection here, where a cancelled or failed
 * lookup just leaves the suggestions as they were.
 */
export function useSuggestions(source: string) {
  const [options, setOptions] = useState<Suggestion[]>([]);
  const inFlight = useRef<AbortController | null>(null);
  useEffect(() => () => inFlight.current?.abort(), []);
  const onInput = (value: string) => {
    if (value.trim().length < 2) return;
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    fetch(`${source}${source.includes("?") ? "&" : "?"}q=${encodeURIComponent(value)}`, {
      signal: controller.signal,
      headers: { Accept: "application/json" },
    })
      .then((r) => (r.ok ? (r.json() as Promise<{ options?: Suggestion[] }>) : null))
      .then((data) => {
        if (data && !controller.signal.aborted) setOptions(data.options ?? []);
      })
      .catch(() => {});
  };
  return { options, onInput };
}

/** The credit the licence of each classification requires, shown under the field whose suggestions come from it (see /fonti-dati). */
const SOURCE_CREDITS: Record<string, string> = {
  "/api/professioni": "Professioni: classificazione CP2021 e voci professionali. Fonte: Istat (CC BY 4.0)",
  "/api/comuni": "Comuni: elenco dei comuni italiani. Fonte: Istat (CC BY 4.0)",
  "/api/ateco": "Settori: classificazione ATECO. Fonte: Istat (CC BY 4.0)",
};

export function LookupInput(props: {
  field?: Field;
  name?: string;
  label: string;
  /** A lookup resource route answering `?q=` with `{ options }` (/api/comuni, /api/professioni, /api/codici-unilav?elenco=…). */
  source: string;
  hint?: string;
  required?: boolean;
  errors?: FieldErrors;
  values?: FormValues;
  defaultValue?: string;
  /** false: no «Fonte» line under the field (e.g. repeated rows whose first field already shows it). */
  credit?: boolean;
}) {
  const { options, onInput } = useSuggestions(props.source);
  const credit = SOURCE_CREDITS[props.source.split("?")[0]];
  const listId = useId().replace(/:/g, "");
  return (
    <div onInput={(e) => onInput((e.target as HTMLInputElement).value)}>
      <TextField {...props} list={listId} autoComplete="off" />
      <datalist id={listId}>
        {options.map((o) => (
          // The ISTAT job title that matched is shown too, so «magazziniere» explains «Addetti alla gestione dei magazzini».
          <option key={o.label} value={o.label} label={o.matched ? `${o.label} (${o.matched})` : undefined} />
        ))}
      </datalist>
      {credit && props.credit !== false ? <p className="small text-muted mt-n3 mb-3">{credit}</p> : null}
    </div>
  );
}

/**
 * The CNEL archive code of the CCNL (optional, beside the CO code): the contracts of the CNEL sector named like the
 * chosen CO CCNL's sector are suggested first (docs/legal/national-systems.md, «CCNL: codice CO e codice CNEL»).
 */
export function CnelLookup(props: { field: Field; coValue: unknown; label?: string }) {
  const co = typeof props.coValue === "string" ? props.coValue.split(" — ")[0]!.trim() : "";
  return (
    <LookupInput
      field={props.field}
      label={props.label ?? "Codice CNEL del contratto (facoltativo)"}
      hint="Il codice dell'archivio nazionale dei contratti (4 caratteri, es. E015): scrivi il codice o parte del nome e scegli dall'elenco; i contratti del settore del CCNL indicato compaiono per primi"
      source={`/api/codici-unilav?elenco=cnel${co ? `&co=${encodeURIComponent(co)}` : ""}`}
    />
  );
}
