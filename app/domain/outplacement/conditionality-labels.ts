/** Conditionality events (record only: Rosa proposes nothing automatically; the decision is a person's). */
export const CONDITIONALITY_KIND_LABELS = {
  no_show: "Mancata presentazione a un colloquio o a un incontro",
  training_absence: "Assenza dalla formazione",
  offer_refused: "Rifiuto di un'offerta",
  other: "Altro",
} as const;
export type ConditionalityKind = keyof typeof CONDITIONALITY_KIND_LABELS;

export const CONDITIONALITY_DECISION_LABELS = {
  pending: "Da valutare",
  sanction_proposed: "Sanzione proposta",
  dismissed: "Archiviato (assenza giustificata o senza seguito)",
  sanctioned: "Sanzione decisa",
} as const;
export type ConditionalityDecision = keyof typeof CONDITIONALITY_DECISION_LABELS;

export const BENEFIT_LABELS = { naspi: "NASpI", cigs: "CIGS" } as const;
export type Benefit = keyof typeof BENEFIT_LABELS;
