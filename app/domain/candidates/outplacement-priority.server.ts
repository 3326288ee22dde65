import type { Meilisearch } from "meilisearch";
import { indexUid } from "../../../search/client.server";
import { OUTPLACEMENT_PRIORITY_SORT, outplacementPriorityFilter } from "./outplacement-priority";
import { COUNT_FACET, exactTotal } from "./search-query";

export interface PriorityHit {
  id: string;
  fullName: string;
  outplacementPriorityFrom: number | null;
  outplacementPriorityTo: number | null;
  outplacementEventIds: string[];
}

/**
 * The candidates in «ricollocazione» priority on `today` (of one event's cohort, if given), latest-ending window first,
 * optionally matching `q`: for officers only (the priority is never shown to employers without the worker's consent).
 * `extraFilter` is ANDed (e.g. a vacancy's matching filter).
 */
export async function outplacementPriorityCandidates(
  client: Meilisearch,
  opts: { today: string; eventId?: string; q?: string; limit?: number; extraFilter?: string },
): Promise<{ total: number; hits: PriorityHit[] }> {
  const filter = [outplacementPriorityFilter(opts.today, opts.eventId), opts.extraFilter].filter(Boolean).join(" AND ");
  const res = await client.index(indexUid("candidates")).search<PriorityHit>(opts.q ?? "", {
    filter,
    sort: [OUTPLACEMENT_PRIORITY_SORT],
    limit: Math.min(opts.limit ?? 20, 1000),
    attributesToRetrieve: ["id", "fullName", "outplacementPriorityFrom", "outplacementPriorityTo", "outplacementEventIds"],
    facets: [COUNT_FACET],
  });
  return { total: exactTotal(res), hits: res.hits };
}
