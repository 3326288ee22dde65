// Client-safe texts of the art. 17 certificate (used by the pages and by the e-mail).
import { formatIsoDay } from "../calculator/explain";

/** The line an issued certificate carries when units are uncovered but still inside the 60-day term. */
export function pendingSentence(units: number, dueOn: string): string {
  return (
    `Alla data di rilascio ${units === 1 ? "risulta scoperta 1 unità" : `risultano scoperte ${units} unità`} della quota di riserva, ` +
    `ancora nel termine di 60 giorni per l'assunzione o la richiesta di avviamento, che scade il ${formatIsoDay(dueOn)} (art. 9 c. 1 L. 68/1999).`
  );
}
