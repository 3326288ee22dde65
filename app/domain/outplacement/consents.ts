/**
 * The GDPR art. 14 information notice and the optional consents of a cohort member (client-safe, pure).
 * The cohort itself rests on a public task, never on consent: see docs/decisions/outplacement.md
 * («Coorte e dati personali»).
 */

/** The legal basis recorded for every member: the public task of the employment services. */
export const LEGAL_BASIS = "public_task" as const;
export const LEGAL_BASIS_LABEL =
  "Compito di interesse pubblico (art. 6, par. 1, lett. e GDPR): servizi per il lavoro del D.Lgs. 150/2015 e elenco dei lavoratori della L. 223/1991, art. 4, c. 9";

export const NOTICE_CHANNELS = ["pec", "email", "raccomandata", "consegna_a_mano", "sms", "app"] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

export const NOTICE_CHANNEL_LABELS: Record<NoticeChannel, string> = {
  pec: "PEC",
  email: "E-mail",
  raccomandata: "Raccomandata",
  consegna_a_mano: "Consegna a mano",
  sms: "SMS",
  app: "App o area personale",
};

/** Optional, separate, revocable consents: none of them is needed for the services. */
export const CONSENT_KINDS = [
  "share_with_hiring_employers",
  "share_with_dismissing_employer",
  "share_with_provider",
  "contact_digital",
] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export const CONSENT_LABELS: Record<ConsentKind, string> = {
  share_with_hiring_employers: "Mostrare nome, CV e priorità «ricollocazione» alle aziende che assumono",
  share_with_dismissing_employer: "Condividere l'andamento individuale del percorso con l'azienda di provenienza",
  share_with_provider: "Condividere l'andamento con l'ente di ricollocazione pagato dall'azienda di provenienza",
  contact_digital: "Ricevere comunicazioni e inviti per e-mail, SMS o app",
};

/** A consent as stored: given on a day, possibly revoked on a later one. */
export interface ConsentRow {
  kind: ConsentKind;
  given_on: string;
  revoked_on: string | null;
}

/** The consents in force (given and not revoked), one per kind: the latest row of each kind wins. */
export function consentsInForce(rows: ConsentRow[]): Set<ConsentKind> {
  const latest = new Map<ConsentKind, ConsentRow>();
  for (const r of rows) {
    const prev = latest.get(r.kind);
    if (!prev || r.given_on >= prev.given_on) latest.set(r.kind, r);
  }
  return new Set([...latest.values()].filter((r) => r.revoked_on === null).map((r) => r.kind));
}
