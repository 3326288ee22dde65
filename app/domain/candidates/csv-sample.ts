import { CSV_COLUMNS } from "./csv";

/**
 * Two example rows showing every column; served as the template on the import page. Their codici fiscali are in
 * SAMPLE_TAX_CODES: the import refuses them («riga di esempio del modello»), so they cannot be imported by accident.
 */
const ROWS: Record<string, string>[] = [
  {
    codice_fiscale: "MRTFNC01S41F205N",
    nome: "Francesca",
    cognome: "Martini",
    data_nascita: "01/11/2001",
    comune_domicilio: "Milano (MI)",
    indirizzo: "Via Padova 10",
    telefono: "333 1234567",
    email: "francesca.martini@example.it",
    titolo_studio: "Diploma di tecnico commerciale",
    livello_studio: "4",
    codice_titolo_studio: "40200000",
    istituto: "ITC Schiaparelli, Milano",
    anno_titolo: "2020",
    propensione_1_professione: "5.1.2.2.0",
    propensione_1_ateco: "47.11",
    propensione_1_fonte: "lavoro",
    propensione_1_anni: "3",
    propensione_1_ultimo_anno: "2025",
    propensione_1_note: "RIGA DI ESEMPIO: cancellala prima di importare il file",
    propensione_2_professione: "4.3.1.2.0",
    propensione_2_fonte: "formazione",
    propensione_2_anni: "0",
    propensione_2_note: "Corso gestione magazzino 2024",
    madrelingua: "003",
    lingue: "001:B1|SPA:A2",
    patenti: "02",
    certificati: "HACCP",
    competenze_informatiche: "Excel:intermedio",
    orario: "indifferente",
    turni: "sì",
    weekend: "sì",
    mezzo_proprio: "no",
    disponibile_trasferimento: "no",
    km_max: "25",
    disponibile_dal: "",
    consenso_visibilita: "sì",
  },
  {
    codice_fiscale: "BRBTMS75R20D969A",
    nome: "Tommaso",
    cognome: "Barbieri",
    data_nascita: "1975-10-20",
    comune_domicilio: "010025",
    telefono: "+39 347 7654321",
    titolo_studio: "Qualifica di operatore meccanico",
    livello_studio: "3",
    istituto: "CFP Genova",
    anno_titolo: "1993",
    propensione_1_professione: "6.2.1.7.0",
    propensione_1_fonte: "lavoro",
    propensione_1_anni: "20",
    propensione_1_ultimo_anno: "2024",
    propensione_1_note: "RIGA DI ESEMPIO: cancellala prima di importare il file",
    patenti: "02|03:C|05:CE",
    certificati: "CQC merci|Patentino saldatura EN ISO 9606-1|Carrellista|Conduzione caldaie (patentino:07)",
    orario: "pieno",
    turni: "sì",
    weekend: "no",
    mezzo_proprio: "sì",
    disponibile_trasferimento: "sì",
    km_max: "50",
    consenso_visibilita: "sì",
  },
];

const cell = (v: string) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export const SAMPLE_CSV =
  "\uFEFF" + [CSV_COLUMNS.join(";"), ...ROWS.map((r) => CSV_COLUMNS.map((c) => cell(r[c] ?? "")).join(";"))].join("\r\n") + "\r\n";
