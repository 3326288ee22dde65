import { Link } from "@remix-run/react";
import type { FacetView } from "~/domain/candidates/search.server";
import { formatNumber } from "~/utils/format";

/** Values shown at once; the others (e.g. the remaining provinces) are behind «Mostra tutte», never dropped. */
export const FACET_SHOWN = 12;

type Value = FacetView["values"][number];

function FacetValue({ facet, v, radio }: { facet: FacetView; v: Value; radio: boolean }) {
  const id = `facet-${facet.param}-${v.value.replace(/[^a-zA-Z0-9]/g, "-")}`;
  return (
    <div className="form-check my-0">
      <input id={id} type={radio ? "radio" : "checkbox"} name={facet.param} value={v.value} defaultChecked={v.selected} />
      <label htmlFor={id}>
        {v.label} <span className="text-muted">({formatNumber(v.count)})</span>
      </label>
    </div>
  );
}

/**
 * One facet of the officer's candidate search: the most frequent values (and every selected one) at once, every
 * other value with at least one candidate in a «Mostra tutte» disclosure (a native <details>, no script needed),
 * in alphabetical order so a province is easy to find. Counts are Meilisearch's exact facet counts.
 */
export function FacetGroup({ facet, showHref }: { facet: FacetView; showHref?: string }) {
  if (facet.collapsed) {
    // Hundreds of values (the professions): asked for only on request, by a plain link (no script needed).
    return (
      <fieldset className="mb-3" id={`facet-group-${facet.param}`}>
        <legend className="h6 mb-1">{facet.label}</legend>
        {showHref ? <Link to={showHref}>Mostra le professioni con il numero di candidati</Link> : null}
      </fieldset>
    );
  }
  const available = facet.values.filter((v) => v.selected || v.count > 0);
  const shown = available.filter((v, i) => v.selected || i < FACET_SHOWN);
  const more = available.filter((v) => !shown.includes(v)).sort((a, b) => a.label.localeCompare(b.label, "it"));
  if (!shown.length && !more.length) return null;
  const radio = facet.param === "freshness";
  return (
    <fieldset className="mb-3" id={`facet-group-${facet.param}`}>
      <legend className="h6 mb-1">{facet.label}</legend>
      {radio ? (
        <div className="form-check my-0">
          <input id="facet-freshness-all" type="radio" name="freshness" value="" defaultChecked={!available.some((v) => v.selected)} />
          <label htmlFor="facet-freshness-all">Tutti</label>
        </div>
      ) : null}
      {shown.map((v) => (
        <FacetValue key={v.value} facet={facet} v={v} radio={radio} />
      ))}
      {more.length ? (
        <details className="mt-1">
          <summary>
            Mostra tutte ({formatNumber(more.length)} {more.length === 1 ? "altra" : "altre"})
          </summary>
          {more.map((v) => (
            <FacetValue key={v.value} facet={facet} v={v} radio={radio} />
          ))}
        </details>
      ) : null}
      {facet.mode === "all" ? <small className="form-hint">Tutte le voci scelte sono richieste.</small> : null}
    </fieldset>
  );
}
