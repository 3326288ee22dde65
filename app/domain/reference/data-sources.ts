/**
 * The vendored reference tables, as the public page /fonti-dati lists them: who publishes each one, under which licence,
 * and the date of the data. Client-safe (plain data). The full provenance of every file (copies used, commits,
 * transformations) is in server/reference-data/SOURCES.md and server/reference-data/national/SOURCES.md.
 */

export type DataSourceGroup = "istat" | "ministero" | "cnel";

export interface DataSource {
  group: DataSourceGroup;
  /** What the table holds, in Italian. */
  name: string;
  /** Where Rosa uses it, in Italian. */
  usedFor: string;
  /** Who publishes the content. */
  publisher: string;
  /** The credit to show, when the licence asks for one. */
  credit?: string;
  licence: string;
  /** Date (or version) of the data, in Italian. */
  dataDate: string;
  /** Vendored file(s), relative to server/reference-data/. */
  files: string[];
}

export const DATA_SOURCE_GROUPS: { group: DataSourceGroup; title: string; intro: string }[] = [
  {
    group: "istat",
    title: "Classificazioni ISTAT",
    intro:
      "Le classificazioni dell'Istituto nazionale di statistica sono rilasciate con licenza Creative Commons Attribuzione: ovunque sono mostrate, Rosa indica «Fonte: Istat».",
  },
  {
    group: "ministero",
    title: "Tabelle ministeriali e ANPAL",
    intro:
      "Le tabelle di codifica delle comunicazioni obbligatorie (UNILAV), di ClicLavoro e della Scheda anagrafico-professionale (SAP) sono liste di codici ufficiali del Ministero del Lavoro e di ANPAL, riutilizzate come fatti pubblici.",
  },
  {
    group: "cnel",
    title: "Contratti collettivi (CNEL)",
    intro: "I codici dell'Archivio nazionale dei contratti collettivi di lavoro tenuto dal CNEL.",
  },
];

const ISTAT = "Istat — Istituto nazionale di statistica";
const ISTAT_CREDIT = "Fonte: Istat";
const CC_BY = "Creative Commons Attribuzione 4.0 (CC BY 4.0)";
const MINISTERO = "Ministero del Lavoro e delle Politiche Sociali, ANPAL";
const OFFICIAL_LIST = "Lista di codici ufficiale (dato pubblico); la copia usata non indica una licenza";

export const DATA_SOURCES: DataSource[] = [
  {
    group: "istat",
    name: "Elenco dei comuni italiani",
    usedFor: "Scelta del comune (sedi, domicilio, ricerca per distanza)",
    publisher: ISTAT,
    credit: ISTAT_CREDIT,
    licence: CC_BY,
    dataDate: "In vigore dal 21 febbraio 2026",
    files: ["comuni.csv"],
  },
  {
    group: "istat",
    name: "Classificazione delle attività economiche ATECO 2025",
    usedFor: "Settore di attività di aziende, offerte e propensioni",
    publisher: ISTAT,
    credit: ISTAT_CREDIT,
    licence: CC_BY,
    dataDate: "ATECO 2025, in uso dal 1° aprile 2025",
    files: ["ateco.csv"],
  },
  {
    group: "istat",
    name: "ATECO 2007 e raccordo ATECO 2022 ↔ ATECO 2025",
    usedFor: "Codici ATECO richiesti dai formati nazionali",
    publisher: ISTAT,
    credit: ISTAT_CREDIT,
    licence: CC_BY,
    dataDate: "ATECO 2007 aggiornamento 2022; raccordo ISTAT 2025",
    files: ["national/ateco2007.csv", "national/ateco2022_ateco2025_raccordo.csv"],
  },
  {
    group: "istat",
    name: "Classificazione delle professioni CP2021 (con i titoli delle classi)",
    usedFor: "Professione di offerte, candidati, tirocini e assunzioni",
    publisher: ISTAT,
    credit: ISTAT_CREDIT,
    licence: CC_BY,
    dataDate: "CP2021, in vigore dal 1° gennaio 2023",
    files: ["cp2021.csv", "national/cp2021_titoli_livello3.csv"],
  },
  {
    group: "istat",
    name: "Voci professionali (CP2011 riportate su CP2021) e raccordo CP2021 → CP2011",
    usedFor: "Ricerca delle professioni per nome del mestiere; codici CP2011 per le esportazioni",
    publisher: `${ISTAT}, tramite il vocabolario «mansione» dell'INAIL`,
    credit: ISTAT_CREDIT,
    licence: CC_BY,
    dataDate: "Vocabolario INAIL del 2 luglio 2024",
    files: ["cp2021-job-titles.csv", "cp2021-cp2011.csv"],
  },
  {
    group: "ministero",
    name: "Qualifiche professionali CP2011 delle comunicazioni obbligatorie",
    usedFor: "Qualifica nelle esportazioni UNILAV e ClicLavoro",
    publisher: MINISTERO,
    credit: ISTAT_CREDIT,
    licence: OFFICIAL_LIST,
    dataDate: "Tabelle ANPAL dell'ottobre 2022",
    files: ["national/cp2011_qualifiche_co.csv", "national/cp2011_livelli_1_5.csv"],
  },
  {
    group: "ministero",
    name: "Tipologie contrattuali, tipi di orario, CCNL e cittadinanze delle comunicazioni obbligatorie",
    usedFor: "Contratto e orario di offerte, assunzioni e tirocini; esportazione UNILAV",
    publisher: MINISTERO,
    licence: OFFICIAL_LIST,
    dataDate: "Tabelle ANPAL dell'ottobre 2022, con le date di validità di ogni codice",
    files: ["national/co_tipologie_contrattuali.csv", "national/co_tipo_orario.csv", "national/ccnl_co.csv", "national/cittadinanze.csv"],
  },
  {
    group: "ministero",
    name: "Titoli di studio, lingue e livelli, patenti, patentini, albi e altre liste di ClicLavoro",
    usedFor: "Requisiti delle offerte e curriculum; esportazione ClicLavoro",
    publisher: MINISTERO,
    licence: OFFICIAL_LIST,
    dataDate: "Tabelle ANPAL dell'ottobre 2022",
    files: [
      "national/titoli_studio.csv",
      "national/titoli_studio_livelli.csv",
      "national/lingue.csv",
      "national/lingue_grado.csv",
      "national/patenti.csv",
      "national/patentini.csv",
      "national/albi.csv",
      "national/cliclavoro_tipologia_contratto.csv",
      "national/cliclavoro_modalita_lavoro.csv",
      "national/ampiezza_azienda.csv",
      "national/livello_contrattuale.csv",
    ],
  },
  {
    group: "ministero",
    name: "Eventi e soggetti delle politiche attive (SAP/SIU)",
    usedFor: "Esportazione delle politiche attive nella SAP",
    publisher: MINISTERO,
    licence: "Documentazione ANPAL «Flusso SAP – Modelli e Regole» (copia CC0 1.0) e tabelle ANPAL",
    dataDate: "Documentazione del 2019; tabelle dell'ottobre 2022",
    files: [
      "national/sap_eventi_politica_attiva.csv",
      "national/sap_soggetti_abilitati_politica.csv",
      "national/sap_tipo_attivita_parziale.csv",
      "national/sap_esperienze_tipo_rapporto.csv",
    ],
  },
  {
    group: "cnel",
    name: "Codici dei contratti collettivi nazionali (codice alfanumerico unico CNEL)",
    usedFor: "Contratto collettivo di offerte e assunzioni",
    publisher: "CNEL — Consiglio nazionale dell'economia e del lavoro",
    licence: "Archivio pubblico; la copia usata non indica una licenza",
    dataDate: "Elenco del 6 settembre 2024",
    files: ["national/ccnl_cnel.csv"],
  },
];
