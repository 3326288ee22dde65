/**
 * The GDPR art. 14 information notice and the optional consents of a cohort member (client-safe, pure).
 * The cohort itself rests on a public task, never on consent: see docs/decisions/outplacement.md
 * («Coorte e dati personali»).
 */

/** The legal basis recorded for every member: the public task of the employment services. */
export const LEGAL_BASIS = "public_task" as const;
export const LEGAL_BASIS_LABEL =
  "Compito di interesse pubblico (art. 6, par. 1, lett. e GDPR): servizi per il lavoro del D.Lgs. 150/2015 e elenco dei lavoratori della L. 223/1991, art. 4, c. 9";

export const NOTICE_CHANNELS = ["pec", "email", "sms", "letter", "in_person"] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

export const NOTICE_CHANNEL_LABELS: Record<NoticeChannel, string> = {
  pec: "PEC",
  email: "E-mail",
  sms: "SMS",
  letter: "Lettera",
  in_person: "Consegna a mano",
};

/** Optional, separate, revocable consents: none of them is needed for the services. */
export const CONSENT_KINDS = ["cv_to_hiring_employers", "progress_to_employer", "contacts_to_unions"] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export const CONSENT_LABELS: Record<ConsentKind, string> = {
  cv_to_hiring_employers: "Mostrare nome, CV e priorità «ricollocazione» alle aziende che assumono",
  progress_to_employer: "Condividere l'andamento individuale del percorso con l'azienda di provenienza (e il suo ente incaricato)",
  contacts_to_unions: "Condividere i contatti con le organizzazioni sindacali firmatarie dell'accordo",
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
