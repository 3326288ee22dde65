import type { RevalidationChanges } from "~/db/types";
import { REVALIDATION_FIELD_LABELS } from "~/domain/employers/states";

/** «Ragione sociale: da «A» a «B»; codice fiscale: da … a …», for the officer who validates the company again. */
export function revalidationText(changes: RevalidationChanges | null | undefined): string | null {
  if (!changes) return null;
  const parts = (Object.keys(REVALIDATION_FIELD_LABELS) as (keyof typeof REVALIDATION_FIELD_LABELS)[])
    .filter((f) => changes[f])
    .map((f) => `${REVALIDATION_FIELD_LABELS[f]} da «${changes[f]!.from}» a «${changes[f]!.to}»`);
  return parts.length ? `Nuova convalida richiesta: ${parts.join("; ")}` : null;
}

export function RevalidationChanges({
  changes,
  className = "rosa-muted small",
}: {
  changes: RevalidationChanges | null | undefined;
  className?: string;
}) {
  const text = revalidationText(changes);
  return text ? <div className={className}>{text}.</div> : null;
}
