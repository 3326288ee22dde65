import { PAGE_SIZE, type BuiltSearch, type CandidateSearchInput } from "~/domain/candidates/search-query";

/**
 * The parts of the officer's search page, each as a Meilisearch request of its own, so bench:search can time them
 * separately (hits, highlighting, each facet distribution, the per-comune counts of distance order, the profession
 * tier, the freshness count). Pure: the bench sends them.
 */
export interface SearchPart {
  name: string;
  label: string;
  requests: Record<string, unknown>[];
}

const HIGHLIGHT_KEYS = ["attributesToHighlight", "attributesToCrop", "cropLength", "highlightPreTag", "highlightPostTag"];

function without(query: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([k]) => !keys.includes(k)));
}

export function searchParts(queries: CandidateSearchInput[], build: (q: CandidateSearchInput) => BuiltSearch): SearchPart[] {
  const parts = new Map<string, SearchPart>();
  const add = (name: string, label: string, request: Record<string, unknown>) => {
    const part = parts.get(name) ?? parts.set(name, { name, label, requests: [] }).get(name)!;
    part.requests.push(request);
  };
  for (const input of queries) {
    const built = build(input);
    const main = built.queries[0];
    const { indexUid, q, filter } = main;
    const matching = { indexUid, q, filter, hitsPerPage: 0, page: 1 };
    add("matching", "solo corrispondenze (nessun hit, nessun conteggio)", matching);
    const hits = { ...without(main, ["facets", ...HIGHLIGHT_KEYS]), hitsPerPage: PAGE_SIZE };
    add("hits", "20 hit senza evidenziazione", hits);
    if (main.attributesToHighlight)
      add("highlight", "20 hit con evidenziazione e ritaglio (testo)", { ...without(main, ["facets"]), hitsPerPage: PAGE_SIZE });
    for (const attribute of (main.facets as string[]) ?? []) {
      if (attribute === "comuneCode") continue;
      add(`facet:${attribute}`, `conteggi di ${attribute}`, { ...matching, facets: [attribute] });
    }
    add("all-facets", "tutti i conteggi della query principale", {
      ...matching,
      facets: ((main.facets as string[]) ?? []).filter((f) => f !== "comuneCode"),
    });
    if (/comuneCode IN/.test(String(filter ?? "")))
      add("by-comune", "conteggi per comune (ordine per distanza)", { ...matching, facets: ["comuneCode"] });
    built.roles.forEach((role, i) => {
      if (role.kind === "tier") add("tier", "hit della professione nominata (prima fascia)", built.queries[i]);
      if (role.kind === "facet") add("disjunctive", "conteggi di un filtro scelto (senza il suo filtro)", built.queries[i]);
      if (role.kind === "freshness") add("freshness", "conteggio aggiornati/obsoleti", built.queries[i]);
    });
  }
  return [...parts.values()];
}

/** `n` items spread evenly over the list (the same ones at every run). */
export function evenSample<T>(items: T[], n: number): T[] {
  if (n >= items.length) return items;
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]);
}
