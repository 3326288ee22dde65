/**
 * The L. 68 suspension record an event prefills (docs/decisions/outplacement.md «L68-SUSP» and «Sospensione L. 68
 * dall'evento»): the computed window (milestone L68-SUSP: from the opening communication to the end of the procedure,
 * plus 6 months with at least 5 dismissals; for CIGS the CIGS period), the cause by event type, the first province given
 * (the callers put the first site's first). Client-safe and pure: the record itself is filed by the L. 68 records context.
 */
import type { OutplacementEventType } from "~/db/tables/outplacement";

export type L68SuspensionCause = "licenziamento_collettivo" | "cigs";

export const L68_CAUSE_BY_EVENT_TYPE: Record<OutplacementEventType, L68SuspensionCause> = {
  collective_dismissal_l223: "licenziamento_collettivo",
  site_closure_l234: "licenziamento_collettivo",
  multi_employer_gol_p5: "licenziamento_collettivo",
  cigs_transition_22ter: "cigs",
  cigs_relocation_24bis: "cigs",
  cigs_other: "cigs",
};

export interface L68SuspensionDefaults {
  kind: "sospensione";
  provinceCode: string;
  startsOn: string;
  endsOn: string;
  suspensionType: L68SuspensionCause;
  notes: string;
  /** The window is Rosa's computation (milestone L68-SUSP); false: only the start is known (the opening communication). */
  computed: boolean;
}

/**
 * The form values of the record, from the event and its L68-SUSP milestone. Without a computed window (the procedure has
 * no end yet) the record starts at the opening communication with no end; null when not even that is known.
 */
export function l68SuspensionDefaults(
  event: { type: OutplacementEventType; title: string; provinces: string[]; legalProvince: string | null; communicationOn?: string | null },
  window: { starts_on: string | null; due_on: string } | null,
): L68SuspensionDefaults | null {
  const computed = !!window?.starts_on;
  const startsOn = computed ? window!.starts_on! : (event.communicationOn ?? null);
  if (!startsOn) return null;
  return {
    kind: "sospensione",
    provinceCode: event.provinces[0] ?? event.legalProvince ?? "",
    startsOn,
    endsOn: computed ? window!.due_on : "",
    suspensionType: L68_CAUSE_BY_EVENT_TYPE[event.type],
    notes: computed
      ? `Procedura di ricollocazione «${event.title}»: periodo calcolato da Rosa (sospensione L68-SUSP).`
      : `Procedura di ricollocazione «${event.title}»: dalla comunicazione di avvio, fino alla fine della procedura.`,
    computed,
  };
}
