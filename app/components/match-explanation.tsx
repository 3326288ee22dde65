import type { Explanation } from "~/domain/matching/explain";
import { formatNumber } from "~/utils/format";

const STATUS_LABEL = {
  met: "soddisfatto",
  missing: "mancante",
  manual: "da verificare",
  to_verify: "da verificare (il CV non lo dice)",
} as const;
const MET_BY_LABEL = {
  code: "il CV indica lo stesso patentino o albo dell'elenco ministeriale",
  words: "dalle parole dei certificati del CV",
} as const;
const STATUS_CLASS = {
  met: "text-success",
  missing: "text-danger",
  manual: "text-warning-emphasis",
  to_verify: "text-warning-emphasis",
} as const;

/** Why a person is in the list: the score as a visible sum, the preference, every requirement. */
export function MatchExplanation({ e, showRequirements = true }: { e: Explanation; showRequirements?: boolean }) {
  return (
    <div className="small">
      <p className="mb-1">
        <strong>Punteggio {e.score}</strong>
        {e.parts.length ? ` = ${e.parts.map((p) => `${p.points} (${p.label})`).join(" + ")}` : ""}
      </p>
      <p className="mb-1">
        {e.strength
          ? e.strength.slot
            ? `Propensione n. ${e.strength.slot} «${e.strength.preference}»: ${e.strength.label}.`
            : `Nessuna propensione: ${e.strength.label}.`
          : "Nessun legame con la professione."}{" "}
        {e.distanceKm != null ? `Distanza ${formatNumber(e.distanceKm)} km.` : "Distanza non calcolabile."} CV aggiornato{" "}
        {e.cvAgeDays === 0 ? "oggi" : e.cvAgeDays === 1 ? "ieri" : `${e.cvAgeDays} giorni fa`}.
      </p>
      {showRequirements && e.requirements.length ? (
        <ul className="mb-0 ps-3">
          {e.requirements.map((r) => (
            <li key={r.id}>
              {r.label} ({r.priority === "must" ? "indispensabile" : "preferibile"}
              {r.relaxed ? ", rilassato" : ""}): <span className={STATUS_CLASS[r.status]}>{STATUS_LABEL[r.status]}</span>
              {r.metBy ? ` (${MET_BY_LABEL[r.metBy]})` : ""}
              {r.points ? ` +${r.points}` : ""}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
