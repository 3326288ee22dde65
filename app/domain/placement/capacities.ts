/**
 * The fixed list of functional capacities shared by the available posts (capacities the task
 * requires) and the enrolled people (capacities kept, from the functional diagnosis). Client-safe.
 *
 * Source: the national prospetto informativo asks «capacità richieste» for each available post
 * (docs/legal/national-systems.md#l68-prospetto, PRODIS fields) without a code list in our sources. The
 * areas follow the functional profile of the person with disabilities drawn up at the assessment
 * (DPCM 13 gennaio 2000, «diagnosi funzionale» and «profilo socio-lavorativo»: postura, movimento,
 * sensi, comunicazione, relazione) — from memory, NOT verified against the DPCM's annex. Rosa's own
 * list: a region with its own list maps it here. One key, one capacity, positive wording (the
 * person can, the task needs), so «fits» is plain inclusion.
 */
export const CAPACITIES = {
  stazione_eretta: "Stare in piedi a lungo",
  deambulazione: "Camminare e spostarsi nel luogo di lavoro",
  scale: "Salire e scendere le scale",
  sollevamento: "Sollevare e trasportare carichi",
  arti_superiori: "Usare entrambi gli arti superiori",
  manualita_fine: "Manualità fine (movimenti precisi delle mani)",
  vista: "Vista adeguata a leggere e controllare a vista",
  udito: "Udito adeguato a comunicare a voce",
  comunicazione: "Comunicare a voce con pubblico e colleghi",
  lettura_scrittura: "Leggere e scrivere testi di lavoro",
  uso_computer: "Usare il computer",
  lavoro_di_gruppo: "Lavorare in gruppo",
  autonomia: "Lavorare in autonomia",
  guida: "Guidare veicoli",
  ambiente_esterno: "Lavorare all'aperto, al caldo o al freddo",
} as const;

export type Capacity = keyof typeof CAPACITIES;
export const CAPACITY_KEYS = Object.keys(CAPACITIES) as Capacity[];
export const isCapacity = (v: string): v is Capacity => Object.prototype.hasOwnProperty.call(CAPACITIES, v);

/** Capacities in the list's order, unknown keys dropped (a stored key withdrawn from the list). */
export const orderedCapacities = (keys: readonly string[]): Capacity[] => CAPACITY_KEYS.filter((k) => keys.includes(k));

export const DISABILITY_CATEGORIES = {
  invalido_civile: "Invalido civile",
  invalido_lavoro: "Invalido del lavoro",
  invalido_servizio: "Invalido per servizio",
  non_vedente: "Persona non vedente",
  sordo: "Persona sorda",
  psichico: "Disabilità intellettiva o psichica",
} as const;
