import type { InternshipState } from "./states";

/** What each party has to do next, by state (the employer's and the trainee's pages, the officer's case page). */
export const NEXT_STEPS: Record<InternshipState, { employer: string; candidate: string; officer: string }> = {
  requested: {
    employer: "Il Centro per l'Impiego prende in carico la richiesta e cerca il tirocinante (o verifica la persona che hai indicato).",
    candidate: "Il Centro per l'Impiego sta preparando il tirocinio.",
    officer: "Controlla la richiesta e avvia la ricerca del tirocinante, oppure respingila indicando il motivo.",
  },
  scouting: {
    employer: "Il Centro per l'Impiego ti presenta una rosa: scegli il tirocinante tra le persone che hanno confermato la disponibilità.",
    candidate: "Il Centro per l'Impiego sta cercando il tirocinante.",
    officer: "Cerca i candidati nell'abbinamento, prepara la rosa e chiedi la disponibilità; poi scegli il tirocinante.",
  },
  candidate_chosen: {
    employer:
      "Il Centro per l'Impiego prepara la convenzione (se non ce n'è una in vigore) e il progetto formativo individuale: li firmerai da questa pagina.",
    candidate: "Sei la persona scelta: il Centro per l'Impiego prepara il progetto formativo, che firmerai da questa pagina.",
    officer: "Avvia il progetto formativo (serve una convenzione attiva con l'azienda).",
  },
  drafting: {
    employer: "Completa con il Centro per l'Impiego i dati del progetto formativo.",
    candidate: "Il progetto formativo è in preparazione.",
    officer: "Completa il progetto formativo: a ogni salvataggio Rosa controlla le regole.",
  },
  checks_failed: {
    employer: "Il progetto non rispetta tutte le regole: leggi i controlli e correggi i dati con il Centro per l'Impiego.",
    candidate: "Il progetto formativo è in correzione.",
    officer: "Correggi i dati indicati nei controlli e salva di nuovo.",
  },
  ready_to_sign: {
    employer: "Scarica il progetto formativo, firmalo (legale rappresentante o delegato) e carica qui il PDF firmato.",
    candidate: "Scarica il progetto formativo, firmalo e carica qui il PDF firmato.",
    officer:
      "Firma come soggetto promotore: l'azienda e il tirocinante caricano la loro copia firmata dalla propria area (oppure registrala tu).",
  },
  partially_signed: {
    employer: "Mancano alcune firme del progetto formativo: qui sotto vedi se manca la tua.",
    candidate: "Mancano alcune firme del progetto formativo: qui sotto vedi se manca la tua.",
    officer: "Raccogli le firme mancanti.",
  },
  awaiting_authorisation: {
    employer: "La Regione deve autorizzare il tirocinio prima dell'avvio.",
    candidate: "Il tirocinio attende l'autorizzazione della Regione.",
    officer: "Registra il numero dell'autorizzazione regionale quando arriva.",
  },
  awaiting_co: {
    employer: "Invia la comunicazione obbligatoria (UNILAV, tipo C.01.00) prima dell'avvio e registra il protocollo.",
    candidate: "Il tirocinio inizierà alla data di avvio.",
    officer: "Verifica che l'azienda registri la comunicazione obbligatoria prima dell'avvio.",
  },
  active: {
    employer: "Registra ogni mese le presenze e l'indennità pagata.",
    candidate: "Il tirocinio è in corso.",
    officer: "Segui il tirocinio: presenze, dossier, eventuali sospensioni o proroghe.",
  },
  suspended: {
    employer: "Il tirocinio è sospeso: riprenderà alla fine della sospensione.",
    candidate: "Il tirocinio è sospeso.",
    officer: "Registra la ripresa alla fine della sospensione.",
  },
  interrupted: {
    employer: "Il tirocinio è stato interrotto.",
    candidate: "Il tirocinio è stato interrotto.",
    officer: "Rilascia l'attestazione se le presenze bastano, altrimenti chiudi senza attestazione.",
  },
  completed: {
    employer: "Il tirocinio è concluso: il Centro per l'Impiego rilascia l'attestazione.",
    candidate: "Il tirocinio è concluso: riceverai l'attestazione finale.",
    officer: "Rilascia l'attestazione se le presenze bastano, altrimenti chiudi senza attestazione.",
  },
  attested: {
    employer: "Tirocinio concluso con attestazione.",
    candidate: "Puoi scaricare l'attestazione finale.",
    officer: "Nulla da fare.",
  },
  closed_without_attestation: {
    employer: "Tirocinio chiuso.",
    candidate: "Tirocinio chiuso senza attestazione.",
    officer: "Nulla da fare.",
  },
  cancelled: { employer: "Tirocinio annullato.", candidate: "Tirocinio annullato.", officer: "Nulla da fare." },
  rejected: { employer: "Richiesta respinta dal Centro per l'Impiego.", candidate: "Tirocinio non attivato.", officer: "Nulla da fare." },
};
