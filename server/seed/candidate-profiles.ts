/**
 * Occupational profiles of the synthetic CV database. Each names the CP2021
 * occupation by a title pattern (resolved against the vendored ISTAT table,
 * so the codes are always real) and carries plausible tasks, certificates,
 * licences and education. Weights follow, roughly, how often these are the
 * desired jobs of people registered at Italian job centres (ANPAL/ISTAT
 * reports: retail, hospitality, cleaning, logistics and care on top).
 */
export interface Profile {
  key: string;
  /** Tried in order against level-5 CP2021 titles (case-insensitive). */
  titles: RegExp[];
  weight: number;
  /** ATECO division of the usual employers. */
  ateco: string;
  tasks: string[];
  certificates?: string[];
  itSkills?: string[];
  /** Probability of each licence on top of the general population. */
  licences?: Partial<Record<string, number>>;
  /** EQF levels typical for the job (picked uniformly). */
  eqf: number[];
  notes: string[];
  employers: string[];
  related: string[];
}

export const PROFILES: Profile[] = [
  {
    key: "sales", titles: [/^commessi delle vendite al minuto/i, /^commessi/i, /vendit.*minuto/i], weight: 10, ateco: "47",
    tasks: ["vendita assistita e consulenza al cliente", "allestimento vetrine e riordino scaffali", "gestione cassa e chiusura giornaliera", "ricevimento merce e controllo inventario"],
    certificates: ["Attestato sicurezza generale (4 ore)"], itSkills: ["Registratore di cassa", "Pacchetto Office"], eqf: [2, 3, 4, 4],
    notes: ["esperienza nella grande distribuzione", "disponibile anche la domenica", "predisposizione al contatto con il pubblico"],
    employers: ["Supermercato", "Centro commerciale", "Negozio di abbigliamento", "Ipermercato"], related: ["cashier", "warehouse", "reception"],
  },
  {
    key: "waiter", titles: [/^camerieri di ristorante/i, /^camerieri/i], weight: 8, ateco: "56",
    tasks: ["servizio ai tavoli e comande", "mise en place e riassetto sala", "servizio banchetti e cerimonie", "accoglienza clienti"],
    certificates: ["HACCP"], itSkills: ["Palmare per comande"], eqf: [2, 3, 3, 4], licences: { B: 0.1 },
    notes: ["esperienza stagionale in località turistiche", "conoscenza base dei vini", "disponibile su turni serali e festivi"],
    employers: ["Ristorante", "Trattoria", "Hotel", "Pizzeria"], related: ["bartender", "cook", "kitchen"],
  },
  {
    key: "cook", titles: [/^cuochi in alberghi e ristoranti/i, /^cuochi/i], weight: 4, ateco: "56",
    tasks: ["preparazione primi e secondi piatti", "gestione ordini e magazzino cucina", "rispetto delle procedure HACCP", "preparazione menù del giorno"],
    certificates: ["HACCP", "Attestato antincendio rischio basso"], eqf: [3, 3, 4], licences: { B: 0.1 },
    notes: ["cucina tradizionale italiana", "esperienza in mense aziendali", "disponibile su turni"],
    employers: ["Ristorante", "Mensa aziendale", "Hotel", "Agriturismo"], related: ["kitchen", "waiter", "pastry"],
  },
  {
    key: "bartender", titles: [/^baristi/i, /barist/i], weight: 4, ateco: "56",
    tasks: ["preparazione caffetteria e aperitivi", "gestione cassa", "pulizia e riordino del banco", "servizio ai tavoli"],
    certificates: ["HACCP"], eqf: [2, 3, 4], notes: ["latte art", "esperienza in bar di stazione", "turni mattutini"],
    employers: ["Bar", "Caffetteria", "Pasticceria", "Hotel"], related: ["waiter", "sales"],
  },
  {
    key: "cleaning", titles: [/pulizia di uffici/i, /addetti.*pulizi/i, /pulizia/i], weight: 8, ateco: "81",
    tasks: ["pulizia di uffici e aree comuni", "sanificazione ambienti sanitari", "uso di lavasciuga industriale", "pulizia vetri e superfici"],
    certificates: ["Attestato sicurezza generale (4 ore)"], eqf: [1, 2, 2, 3],
    notes: ["disponibile orario spezzato", "esperienza in ospedali", "uso di macchinari per la pulizia"],
    employers: ["Cooperativa di servizi", "Impresa di pulizie", "Struttura sanitaria", "Hotel"], related: ["domestic", "kitchen", "factory"],
  },
  {
    key: "warehouse", titles: [/^addetti alla gestione dei magazzini/i, /imballaggio e al magazzino/i], weight: 7, ateco: "52",
    tasks: ["carico e scarico merci", "preparazione ordini con lettore barcode", "gestione inventario", "uso del carrello elevatore"],
    certificates: ["Patentino carrelli elevatori (muletto)", "Attestato sicurezza generale (4 ore)"], itSkills: ["Terminale RF", "Gestionale di magazzino"],
    eqf: [2, 3, 4], licences: { B: 0.15 },
    notes: ["esperienza in logistica conto terzi", "picking e packing", "disponibile su tre turni"],
    employers: ["Logistica", "Corriere espresso", "Centro distribuzione", "Ingrosso alimentare"], related: ["forklift", "porter", "truck"],
  },
  {
    key: "forklift", titles: [/carrelli elevatori/i, /carrellist/i], weight: 2, ateco: "52",
    tasks: ["movimentazione merci con carrello elevatore", "stoccaggio a scaffale", "carico automezzi"],
    certificates: ["Patentino carrelli elevatori (muletto)", "Attestato sicurezza generale (4 ore)"], eqf: [2, 3], licences: { B: 0.2 },
    notes: ["carrello frontale e retrattile", "esperienza su scaffalature alte"], employers: ["Logistica", "Industria", "Interporto"],
    related: ["warehouse", "porter"],
  },
  {
    key: "porter", titles: [/^facchini/i, /carico e scarico/i], weight: 3, ateco: "52",
    tasks: ["carico e scarico manuale", "traslochi", "movimentazione colli"], eqf: [1, 2, 2],
    notes: ["buona resistenza fisica", "disponibile anche di notte"], employers: ["Cooperativa facchinaggio", "Traslochi", "Logistica"],
    related: ["warehouse", "cleaning"],
  },
  {
    key: "truck", titles: [/camion/i, /mezzi pesanti/i], weight: 3, ateco: "49",
    tasks: ["trasporto merci su territorio nazionale", "consegne con bilico", "compilazione documenti di trasporto"],
    certificates: ["Carta tachigrafica", "ADR merci pericolose"], eqf: [2, 3, 4],
    licences: { B: 1, C: 0.95, CE: 0.7, CQC_MERCI: 0.9 }, notes: ["esperienza con bilico e motrice", "disponibile a trasferte"],
    employers: ["Autotrasporti", "Logistica", "Corriere"], related: ["delivery", "warehouse"],
  },
  {
    key: "bus", titles: [/autobus/i, /tram/i], weight: 1, ateco: "49",
    tasks: ["guida autobus di linea urbana", "trasporto scolastico", "noleggio con conducente"],
    certificates: ["Carta di qualificazione del conducente"], eqf: [3, 4], licences: { B: 1, D: 0.95, CQC_PERSONE: 0.9 },
    notes: ["conoscenza del territorio", "turni a rotazione"], employers: ["Azienda trasporti", "Autolinee", "Noleggio bus"], related: ["truck", "delivery"],
  },
  {
    key: "delivery", titles: [/^addetti alle consegne di merci/i, /recapito/i], weight: 2, ateco: "53",
    tasks: ["consegna pacchi a domicilio", "ritiro spedizioni", "uso del palmare per le consegne"], eqf: [2, 3, 4], licences: { B: 0.9 },
    notes: ["ottima conoscenza della città", "automunito"], employers: ["Corriere espresso", "Poste", "Logistica urbana"], related: ["truck", "warehouse"],
  },
  {
    key: "carer", titles: [/assistenza personale/i, /assistenti familiari/i, /badant/i], weight: 5, ateco: "97",
    tasks: ["assistenza ad anziani non autosufficienti", "igiene personale e mobilizzazione", "preparazione pasti", "accompagnamento a visite mediche"],
    certificates: ["Corso assistente familiare", "Primo soccorso"], eqf: [2, 3, 3], licences: { B: 0.2 },
    notes: ["disponibile convivenza", "esperienza con persone affette da Alzheimer", "referenze verificabili"],
    employers: ["Famiglia", "Cooperativa sociale", "RSA"], related: ["oss", "domestic", "cleaning"],
  },
  {
    key: "oss", titles: [/^professioni qualificate nei servizi sanitari e sociali/i], weight: 3, ateco: "87",
    tasks: ["assistenza di base agli ospiti", "igiene e cura della persona", "supporto al personale infermieristico"],
    certificates: ["Qualifica OSS (1000 ore)", "BLSD"], eqf: [3, 4], notes: ["esperienza in RSA", "disponibile turni notturni"],
    employers: ["RSA", "Ospedale", "Cooperativa sociale", "Centro diurno"], related: ["carer", "nurse"],
  },
  {
    key: "domestic", titles: [/^collaboratori domestici/i], weight: 3, ateco: "97",
    tasks: ["pulizia e riordino della casa", "stiro", "preparazione pasti"], eqf: [1, 2, 3], notes: ["disponibile a ore", "referenze"],
    employers: ["Famiglia", "Agenzia per servizi domestici"], related: ["cleaning", "carer"],
  },
  {
    key: "clerk", titles: [/affari generali/i, /segreteria/i, /^addetti agli archivi/i], weight: 5, ateco: "82",
    tasks: ["gestione della corrispondenza e del protocollo", "archiviazione documenti", "supporto amministrativo", "gestione agenda e appuntamenti"],
    itSkills: ["Pacchetto Office", "Posta elettronica certificata", "Excel avanzato"], eqf: [4, 4, 6], licences: { B: 0.1 },
    notes: ["ottime capacità organizzative", "esperienza in studio professionale"], employers: ["Studio professionale", "Azienda", "Ente pubblico"],
    related: ["accounting", "reception", "callcenter"],
  },
  {
    key: "accounting", titles: [/^contabili/i, /contabilit/i], weight: 3, ateco: "69",
    tasks: ["registrazioni di prima nota", "fatturazione elettronica", "riconciliazioni bancarie", "supporto alla redazione del bilancio"],
    itSkills: ["Excel avanzato", "Gestionale TeamSystem", "Gestionale Zucchetti"], eqf: [4, 6, 6, 7],
    notes: ["esperienza in studio commercialista", "conoscenza IVA e adempimenti fiscali"], employers: ["Studio commercialista", "Azienda", "CAF"],
    related: ["clerk"],
  },
  {
    key: "cashier", titles: [/^cassieri/i, /cassier/i], weight: 3, ateco: "47",
    tasks: ["gestione cassa e pagamenti elettronici", "chiusura di cassa", "assistenza clienti"], eqf: [2, 3, 4],
    itSkills: ["Registratore di cassa"], notes: ["esperienza nella grande distribuzione", "disponibile part-time"],
    employers: ["Supermercato", "Ipermercato", "Discount"], related: ["sales"],
  },
  {
    key: "mason", titles: [/^muratori/i, /muratori/i], weight: 3, ateco: "41",
    tasks: ["costruzione murature e tramezzi", "intonaci e rasature", "lettura del disegno tecnico", "lavori di ristrutturazione"],
    certificates: ["Formazione sicurezza cantieri (16 ore)", "Lavori in quota"], eqf: [2, 3], licences: { B: 0.2 },
    notes: ["esperienza in ristrutturazioni", "uso di betoniera e attrezzature edili"], employers: ["Impresa edile", "Cooperativa edile"],
    related: ["painter", "porter", "plumber"],
  },
  {
    key: "electrician", titles: [/elettricisti nelle costruzioni/i, /^elettricisti/i, /installatori.*elettric/i], weight: 2, ateco: "43",
    tasks: ["impianti elettrici civili e industriali", "quadri elettrici", "manutenzione impianti"],
    certificates: ["PES-PAV", "Formazione sicurezza cantieri (16 ore)"], eqf: [3, 4], licences: { B: 0.2 },
    notes: ["domotica", "esperienza su impianti fotovoltaici"], employers: ["Impresa impiantistica", "Installatore", "Manutenzioni"],
    related: ["plumber", "mason"],
  },
  {
    key: "plumber", titles: [/^idraulici/i, /idraulic/i], weight: 2, ateco: "43",
    tasks: ["installazione impianti idrosanitari", "manutenzione caldaie", "impianti di riscaldamento"],
    certificates: ["Patentino FGAS", "Formazione sicurezza cantieri (16 ore)"], eqf: [3, 4], licences: { B: 0.2 },
    notes: ["termoidraulica", "pronto intervento"], employers: ["Impresa termoidraulica", "Installatore"], related: ["electrician", "mason"],
  },
  {
    key: "welder", titles: [/^saldatori/i, /saldator/i], weight: 2, ateco: "25",
    tasks: ["saldatura a filo continuo MIG/MAG", "saldatura TIG su acciaio inox", "lettura del disegno meccanico"],
    certificates: ["Patentino saldatore EN ISO 9606", "Attestato sicurezza specifica rischio alto"], eqf: [3, 4],
    notes: ["carpenteria metallica pesante", "saldatura a elettrodo"], employers: ["Carpenteria metallica", "Officina meccanica", "Cantiere navale"],
    related: ["factory", "cnc"],
  },
  {
    key: "mechanic", titles: [/^meccanici motoristi/i, /riparatori di veicoli/i], weight: 2, ateco: "45",
    tasks: ["diagnosi elettronica", "tagliandi e manutenzione", "sostituzione freni e frizioni"], eqf: [3, 4],
    itSkills: ["Software di diagnosi"], notes: ["esperienza su veicoli commerciali", "gommista"], employers: ["Autofficina", "Concessionaria", "Centro revisioni"],
    related: ["factory"],
  },
  {
    key: "factory", titles: [/non qualificato.*industri/i, /assemblat/i, /montaggio/i, /conduttori di catene di montaggio/i], weight: 5, ateco: "28",
    tasks: ["montaggio componenti meccanici", "controllo qualità a fine linea", "confezionamento prodotti", "alimentazione macchine automatiche"],
    certificates: ["Attestato sicurezza specifica rischio medio"], eqf: [2, 3, 4], licences: { B: 0.1 },
    notes: ["disponibile su tre turni", "esperienza nel settore metalmeccanico"], employers: ["Industria metalmeccanica", "Azienda manifatturiera", "Stabilimento"],
    related: ["cnc", "warehouse", "food"],
  },
  {
    key: "cnc", titles: [/^conduttori di macchine utensili automatiche/i, /macchine utensili/i], weight: 2, ateco: "28",
    tasks: ["conduzione torni e centri di lavoro CNC", "attrezzaggio macchina", "controllo con strumenti di misura"],
    itSkills: ["Programmazione ISO", "Heidenhain", "Fanuc"], eqf: [3, 4], notes: ["lettura del disegno meccanico", "esperienza su torni a fantina mobile"],
    employers: ["Officina meccanica di precisione", "Industria metalmeccanica"], related: ["factory", "welder"],
  },
  {
    key: "food", titles: [/lattiero caseari/i, /conservazione della carne/i], weight: 2, ateco: "10",
    tasks: ["confezionamento alimenti", "conduzione linee di produzione", "controllo igiene e tracciabilità"],
    certificates: ["HACCP"], eqf: [2, 3], notes: ["disponibile turni notturni", "esperienza in caseificio"], employers: ["Industria alimentare", "Salumificio", "Caseificio"],
    related: ["factory", "baker"],
  },
  {
    key: "callcenter", titles: [/call center/i, /informazioni ai clienti/i, /centralinist/i], weight: 2, ateco: "82",
    tasks: ["assistenza clienti inbound", "gestione reclami", "vendita telefonica outbound"], itSkills: ["CRM", "Pacchetto Office"], eqf: [4, 4, 6],
    notes: ["ottima dialettica", "disponibile part-time"], employers: ["Call center", "Società di servizi"], related: ["clerk", "reception", "sales"],
  },
  {
    key: "reception", titles: [/accoglienza/i, /ricevimento/i, /portier/i], weight: 2, ateco: "55",
    tasks: ["check-in e check-out ospiti", "gestione prenotazioni", "informazioni turistiche"], itSkills: ["Gestionale alberghiero", "Pacchetto Office"],
    eqf: [4, 4, 5, 6], notes: ["ottimo inglese", "turni notturni"], employers: ["Hotel", "Residence", "Ospedale"], related: ["clerk", "callcenter", "waiter"],
  },
  {
    key: "hairdresser", titles: [/acconciator/i, /parrucchier/i], weight: 1, ateco: "96",
    tasks: ["taglio e piega", "colorazioni", "trattamenti"], certificates: ["Qualifica di acconciatore"], eqf: [3, 4],
    notes: ["tecniche di colore", "gestione appuntamenti"], employers: ["Salone di acconciatura", "Centro benessere"], related: ["beautician"],
  },
  {
    key: "beautician", titles: [/^estetist/i, /estetist/i], weight: 1, ateco: "96",
    tasks: ["trattamenti viso e corpo", "manicure e pedicure", "epilazione"], certificates: ["Qualifica di estetista"], eqf: [3, 4],
    notes: ["ricostruzione unghie", "massaggi"], employers: ["Centro estetico", "SPA", "Hotel"], related: ["hairdresser"],
  },
  {
    key: "baker", titles: [/panettier/i, /panifica/i], weight: 1, ateco: "10",
    tasks: ["impasto e cottura del pane", "prodotti da forno", "gestione del forno"], certificates: ["HACCP"], eqf: [2, 3],
    notes: ["turni notturni", "lievito madre"], employers: ["Panificio", "Forno industriale"], related: ["pastry", "food"],
  },
  {
    key: "pastry", titles: [/pasticc/i], weight: 1, ateco: "10",
    tasks: ["produzione pasticceria fresca", "decorazione torte", "lievitati"], certificates: ["HACCP"], eqf: [3, 4],
    notes: ["pasticceria mignon", "cioccolato"], employers: ["Pasticceria", "Ristorante"], related: ["baker", "cook"],
  },
  {
    key: "kitchen", titles: [/^personale non qualificato nei servizi di ristorazione/i, /cottura di cibi/i], weight: 2, ateco: "56",
    tasks: ["lavaggio stoviglie", "preparazioni di base in cucina", "pulizia della cucina"], certificates: ["HACCP"], eqf: [1, 2, 3],
    notes: ["disponibile nei fine settimana"], employers: ["Ristorante", "Mensa", "Hotel"], related: ["cook", "waiter", "cleaning"],
  },
  {
    key: "farm", titles: [/braccianti/i, /agricol/i, /floricol/i], weight: 3, ateco: "01",
    tasks: ["raccolta ortofrutta", "potatura", "conduzione trattori"], certificates: ["Patentino trattori agricoli", "Patentino fitosanitari"], eqf: [1, 2, 3],
    licences: { B: 0.2 }, notes: ["lavoro stagionale", "vendemmia"], employers: ["Azienda agricola", "Cooperativa agricola", "Vivaio"],
    related: ["gardener", "porter"],
  },
  {
    key: "gardener", titles: [/giardinier/i, /verde/i], weight: 1, ateco: "81",
    tasks: ["manutenzione aree verdi", "potature", "uso di decespugliatore e tosaerba"], certificates: ["Patentino motoseghe"], eqf: [2, 3],
    licences: { B: 0.3 }, notes: ["progettazione piccoli giardini"], employers: ["Impresa del verde", "Cooperativa sociale", "Vivaio"], related: ["farm"],
  },
  {
    key: "nurse", titles: [/infermier/i], weight: 1, ateco: "86",
    tasks: ["somministrazione terapie", "medicazioni", "gestione cartella clinica"], certificates: ["BLSD", "Iscrizione OPI"], eqf: [6, 7],
    notes: ["area critica", "assistenza domiciliare"], employers: ["Ospedale", "RSA", "Clinica privata"], related: ["oss"],
  },
  {
    key: "educator", titles: [/educatori professionali/i, /insegnanti.*infanzia/i, /educator/i], weight: 1, ateco: "88",
    tasks: ["progetti educativi per minori", "sostegno scolastico", "attività di animazione"], eqf: [6, 7],
    notes: ["esperienza con disabilità", "centri estivi"], employers: ["Cooperativa sociale", "Scuola paritaria", "Comune"], related: ["carer"],
  },
  {
    key: "developer", titles: [/progettisti di software/i, /programmator/i, /sviluppator/i], weight: 2, ateco: "62",
    tasks: ["sviluppo applicazioni web", "progettazione di database", "test e manutenzione del codice"],
    itSkills: ["JavaScript", "TypeScript", "Java", "SQL", "Git", "Python"], eqf: [4, 6, 6, 7],
    notes: ["sviluppo full stack", "metodologie agili"], employers: ["Software house", "Società di consulenza informatica", "Startup"],
    related: ["ittech"],
  },
  {
    key: "ittech", titles: [/reti e di sistemi/i, /gestori di reti/i, /tecnici esperti in applicazioni/i, /assistenza.*informatic/i], weight: 1, ateco: "62",
    tasks: ["assistenza tecnica utenti", "installazione postazioni di lavoro", "gestione reti aziendali"],
    itSkills: ["Windows Server", "Reti TCP/IP", "Linux", "Pacchetto Office"], eqf: [4, 5, 6], notes: ["help desk di secondo livello"],
    employers: ["Società di consulenza informatica", "Azienda", "Ente pubblico"], related: ["developer", "clerk"],
  },
  {
    key: "painter", titles: [/pittori.*edili/i, /stuccator/i, /imbianchin/i], weight: 1, ateco: "43",
    tasks: ["tinteggiatura interni ed esterni", "posa cartongesso", "stuccature"], certificates: ["Formazione sicurezza cantieri (16 ore)"], eqf: [2, 3],
    notes: ["cappotto termico"], employers: ["Impresa edile", "Impresa di tinteggiature"], related: ["mason"],
  },
  {
    key: "security", titles: [/guardie private/i, /vigilan/i, /custodi/i], weight: 1, ateco: "80",
    tasks: ["vigilanza e controllo accessi", "ronde", "gestione videosorveglianza"], certificates: ["Attestato antincendio rischio medio", "Primo soccorso"],
    eqf: [3, 4], licences: { B: 0.3 }, notes: ["portierato", "turni notturni"], employers: ["Istituto di vigilanza", "Servizi fiduciari"], related: ["reception"],
  },
  {
    key: "agent", titles: [/agenti di commercio/i, /tecnici della vendita/i, /rappresentant/i], weight: 1, ateco: "46",
    tasks: ["sviluppo portafoglio clienti", "trattative commerciali", "visite presso i clienti"], itSkills: ["CRM", "Pacchetto Office"], eqf: [4, 6],
    licences: { B: 0.95 }, notes: ["settore alimentare", "automunito"], employers: ["Azienda commerciale", "Distributore"], related: ["sales", "callcenter"],
  },
];
