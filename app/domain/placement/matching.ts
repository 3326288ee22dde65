/**
 * Does an enrolled person fit an available post? Pure: the numeric referral (art. 9 c. 1 and art. 7
 * L. 68/1999: the office refers by ranking «per la qualifica richiesta») proposes only people whose
 * capacities cover the post's requirements and whose conditions the post meets. Each refusal says
 * why, in Italian, without the person's diagnosis. `postChecks` also says why a person fits (the
 * matching of a reserved vacancy shows both, elenco-match.ts).
 */
import { plural } from "~/utils/plural";
import { CAPACITIES, type Capacity, isCapacity } from "./capacities";

export interface PostConditions {
  capacities: readonly string[];
  architecturalBarriers: boolean;
  nightShifts: boolean;
  publicTransport: boolean;
  provinceCode: string;
}

export interface PersonConditions {
  capacities: readonly string[];
  nightShiftsOk: boolean;
  needsBarrierFree: boolean;
  needsPublicTransport: boolean;
  provinceCode: string;
}

export interface Fit {
  fits: boolean;
  reasons: string[];
  missing: Capacity[];
}

export type PostCheckTopic = "province" | "capacities" | "night" | "barriers" | "transport";

/** One rule of the fit, met or not, with the sentence the officer reads. */
export interface PostCheck {
  topic: PostCheckTopic;
  ok: boolean;
  text: string;
}

const lower = (cs: readonly Capacity[]) => cs.map((c) => CAPACITIES[c].toLowerCase()).join(", ");

/** Every rule of the fit in a fixed order (province, capacities, night shifts, barriers, transport). */
export function postChecks(post: PostConditions, person: PersonConditions): { checks: PostCheck[]; missing: Capacity[] } {
  const has = new Set(person.capacities);
  const required = post.capacities.filter(isCapacity);
  const missing = required.filter((c) => !has.has(c));
  const checks: PostCheck[] = [];
  checks.push(
    person.provinceCode !== post.provinceCode
      ? { topic: "province", ok: false, text: `Iscritto nell'elenco di un'altra provincia (${person.provinceCode})` }
      : { topic: "province", ok: true, text: `Iscritto nell'elenco della provincia del posto (${post.provinceCode})` },
  );
  checks.push(
    missing.length
      ? { topic: "capacities", ok: false, text: `Capacità richieste non presenti: ${lower(missing)}` }
      : {
          topic: "capacities",
          ok: true,
          text: required.length
            ? `Ha ${required.length === 1 ? "la capacità richiesta" : `tutte le ${plural(required.length, "capacità richiesta", "capacità richieste")}`}: ${lower(required)}`
            : "Il posto non richiede capacità particolari",
        },
  );
  if (post.nightShifts)
    checks.push(
      person.nightShiftsOk
        ? { topic: "night", ok: true, text: "Può lavorare nei turni notturni previsti" }
        : { topic: "night", ok: false, text: "Il posto prevede turni notturni" },
    );
  if (person.needsBarrierFree)
    checks.push(
      post.architecturalBarriers
        ? { topic: "barriers", ok: false, text: "Il luogo di lavoro ha barriere architettoniche" }
        : { topic: "barriers", ok: true, text: "Luogo di lavoro senza barriere architettoniche, come richiesto dalla persona" },
    );
  if (person.needsPublicTransport)
    checks.push(
      post.publicTransport
        ? { topic: "transport", ok: true, text: "Sede raggiungibile con i mezzi pubblici, come richiesto dalla persona" }
        : { topic: "transport", ok: false, text: "Il luogo di lavoro non è raggiungibile con i mezzi pubblici" },
    );
  return { checks, missing };
}

export function fitsPost(post: PostConditions, person: PersonConditions): Fit {
  const { checks, missing } = postChecks(post, person);
  const reasons = checks.filter((c) => !c.ok).map((c) => c.text);
  return { fits: reasons.length === 0, reasons, missing };
}
