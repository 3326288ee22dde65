import { randomUUID } from "node:crypto";
import { fiscalCheckCharacter } from "~/domain/sap";

/** A valid codice fiscale (check character included), different at every call. */
export function validTaxCode(): string {
  const letters = "BCDFGHJKLMNPQRSTVZ";
  const r = randomUUID().replace(/-/g, "");
  const surname = [0, 1, 2].map((i) => letters[parseInt(r[i]!, 16) % letters.length]).join("");
  const name = [3, 4, 5].map((i) => letters[parseInt(r[i]!, 16) % letters.length]).join("");
  const stem = `${surname}${name}90A41F205`;
  return stem + fiscalCheckCharacter(stem);
}
