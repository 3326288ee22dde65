import type { ServiceQueue, ServiceRequestCode } from "~/db/tables/vacancies";

/**
 * The first-screening questionnaire (4A: "impostare un primo screening dei
 * fabbisogni di servizi e personale"): each yes routes to one service and the
 * officer queue that delivers it.
 */
export const SCREENING_QUESTIONS = [
  {
    id: "hiringNow",
    service: "4C",
    queue: "preselection",
    question: "Devi assumere una o più persone nei prossimi mesi?",
    hint: "Pubblicherai un'offerta e riceverai una rosa di candidati (4C, LEP Q).",
  },
  {
    id: "needsUnclear",
    service: "4B",
    queue: "preselection",
    question: "Vuoi capire quali figure o competenze ti servono, anche senza una posizione già aperta?",
    hint: "Consulenza sui fabbisogni occupazionali e formativi (4B).",
  },
  {
    id: "internship",
    service: "R",
    queue: "preselection",
    question: "Vuoi ospitare un tirocinio?",
    hint: "Attivazione e gestione del tirocinio (LEP R).",
  },
  {
    id: "mandatoryHiring",
    service: "S",
    queue: "placement",
    question: "Hai obblighi di assunzione di persone con disabilità o di categorie protette (L. 68/99)?",
    hint: "Collocamento mirato (LEP S).",
  },
  {
    id: "downsizing",
    service: "4E",
    queue: "preselection",
    question: "Devi ridurre il personale e vuoi aiutare le persone in uscita a trovare un nuovo lavoro?",
    hint: "Ricollocazione professionale (4E).",
  },
] as const satisfies readonly { id: string; service: ServiceRequestCode; queue: ServiceQueue; question: string; hint: string }[];

export type ScreeningAnswers = Record<(typeof SCREENING_QUESTIONS)[number]["id"], boolean>;

export const SERVICE_REQUEST_LABELS: Record<ServiceRequestCode, string> = {
  "4B": "Consulenza sui fabbisogni (4B)",
  "4C": "Ricerca di personale (4C, LEP Q)",
  R: "Tirocinio (LEP R)",
  S: "Collocamento mirato (LEP S)",
  "4E": "Ricollocazione (4E)",
};

export const QUEUE_LABELS: Record<ServiceQueue, string> = { preselection: "Preselezione", placement: "Collocamento mirato" };

/** The requests the answers give rise to, in questionnaire order. */
export function routeScreening(answers: Partial<ScreeningAnswers>): { service: ServiceRequestCode; queue: ServiceQueue }[] {
  return SCREENING_QUESTIONS.filter((q) => answers[q.id]).map((q) => ({ service: q.service, queue: q.queue }));
}
