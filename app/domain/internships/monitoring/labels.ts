/** Italian labels of the during-and-after records (client-safe). */

export const INTERRUPTION_REASON_LABELS = {
  trainee_choice: "Scelta motivata del tirocinante",
  hired: "Assunzione del tirocinante",
  serious_breach: "Grave inadempienza di una delle parti",
  objectives_unreachable: "Impossibilità di raggiungere gli obiettivi formativi",
  host_closure: "Cessazione o chiusura dell'azienda ospitante",
  other: "Altro motivo",
} as const;
export type InterruptionReason = keyof typeof INTERRUPTION_REASON_LABELS;

/** Who may give which reason (Linee guida 2017): the trainee by a motivated notice; host or promoter for a serious breach or objectives out of reach. */
export const INTERRUPTION_REASONS_BY: Record<"trainee" | "host" | "promoter", readonly InterruptionReason[]> = {
  trainee: ["trainee_choice", "hired", "other"],
  host: ["serious_breach", "objectives_unreachable", "host_closure", "hired"],
  promoter: ["serious_breach", "objectives_unreachable", "host_closure", "other"],
};

export const INTERRUPTED_BY_LABELS = {
  trainee: "Tirocinante",
  host: "Azienda ospitante",
  promoter: "Centro per l'Impiego (promotore)",
} as const;

export const DOSSIER_KIND_LABELS = {
  activity: "Attività svolta",
  evidence: "Evidenza delle competenze",
  visit: "Visita o contatto del tutor",
  mid_evaluation: "Valutazione intermedia",
  final_evaluation: "Valutazione finale",
} as const;
export type DossierKind = keyof typeof DOSSIER_KIND_LABELS;

export const OUTCOME_STATUS_LABELS = { pending: "Da verificare", hired: "Assunto", not_hired: "Non assunto" } as const;

export const INTERNSHIP_MODALITY_LABELS = {
  office: "Presso il Centro per l'Impiego",
  company: "In azienda",
  remote: "A distanza",
} as const;

export const REQUESTED_BY_LABELS = { host: "Azienda ospitante", trainee: "Tirocinante" } as const;
