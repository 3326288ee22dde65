/** The labels of an employer's hiring obligations (the transitions are in obligations.server.ts). */
import type { L68ObligationCause, L68ObligationResolution, L68ObligationStatus } from "~/db/tables/l68";

export const OBLIGATION_CAUSE_LABELS: Record<L68ObligationCause, string> = {
  threshold: "Aumento della quota o delle scoperture",
  worker_left: "Cessazione di un lavoratore protetto",
  suspension_end: "Fine di una sospensione",
};

export const OBLIGATION_STATUS_LABELS: Record<L68ObligationStatus, string> = {
  open: "In corso",
  request_filed: "Richiesta di avviamento presentata",
  met: "Adempiuto",
  overdue: "Scaduto",
  lapsed: "Non più dovuto",
};

/** How an obligation ended: «Adempiuto» only by hire, exemption or convention (obligations.server.ts). */
export const OBLIGATION_RESOLUTION_LABELS: Record<L68ObligationResolution, string> = {
  hire: "assunzione",
  exemption: "esonero o autocertificazione",
  convention: "convenzione",
  lapsed: "non più dovuto (organico o quota ridotti, sospensione)",
};
