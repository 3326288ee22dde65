/**
 * Does an enrolled person fit an available post? Pure: the numeric referral (art. 9 c. 1 and art. 7
 * L. 68/1999: the office refers by ranking «per la qualifica richiesta») proposes only people whose
 * capacities cover the post's requirements and whose conditions the post meets. Each refusal says
 * why, in Italian, without the person's diagnosis.
 */
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

export function fitsPost(post: PostConditions, person: PersonConditions): Fit {
  const has = new Set(person.capacities);
  const missing = post.capacities.filter(isCapacity).filter((c) => !has.has(c));
  const reasons: string[] = [];
  if (person.provinceCode !== post.provinceCode) reasons.push(`Iscritto nell'elenco di un'altra provincia (${person.provinceCode})`);
  if (missing.length) reasons.push(`Capacità richieste non presenti: ${missing.map((c) => CAPACITIES[c].toLowerCase()).join(", ")}`);
  if (post.nightShifts && !person.nightShiftsOk) reasons.push("Il posto prevede turni notturni");
  if (post.architecturalBarriers && person.needsBarrierFree) reasons.push("Il luogo di lavoro ha barriere architettoniche");
  if (!post.publicTransport && person.needsPublicTransport) reasons.push("Il luogo di lavoro non è raggiungibile con i mezzi pubblici");
  return { fits: reasons.length === 0, reasons, missing };
}
