/**
 * Non-discrimination checks on the free text of a vacancy (art. 10 D.Lgs.
 * 276/2003; art. 27 D.Lgs. 198/2006 "dell'uno o dell'altro sesso"; art. 43
 * D.Lgs. 286/1998). Pure: the same rules run on save and in the unit tests.
 * "block" findings are refused; "warn" findings are shown to the employer and
 * to the officer who validates the vacancy.
 */
export type FindingSeverity = "block" | "warn";

export interface DiscriminationFinding {
  field: string;
  rule: string;
  severity: FindingSeverity;
  match: string;
  message: string;
}

interface Rule {
  id: string;
  severity: FindingSeverity;
  pattern: RegExp;
  message: string;
}

// Patterns run on lower-case text without accents ("età" → "eta").
const RULES: Rule[] = [
  {
    id: "sex",
    severity: "block",
    pattern: /\b(?:(?:solo|soltanto|esclusivamente|preferibilmente|cercasi|cerchiamo)\s+(?:uomini|donne|maschi|femmine|ragazz[aei]|signor[aei]|signorine?)|(?:di\s+)?sesso\s+(?:maschile|femminile)|genere\s+(?:maschile|femminile))\b/,
    message: "Non si può chiedere un sesso o un genere: l'offerta è rivolta a persone dell'uno o dell'altro sesso (art. 27 D.Lgs. 198/2006).",
  },
  {
    id: "age",
    severity: "block",
    pattern: /\b(?:eta\s+(?:massima|minima|compresa|tra|fra|non\s+superiore|non\s+inferiore|inferiore|superiore|max|min)|(?:max|massimo|non\s+oltre\s+i|sotto\s+i|entro\s+i|under|over|fino\s+a)\s*\d{2}\s*anni|\d{2}\s*[-–/]\s*\d{2}\s*anni|dai\s+\d{2}\s+ai\s+\d{2}\s+anni)/,
    message: "Non si possono porre limiti di età (art. 10 D.Lgs. 276/2003): descrivi invece l'esperienza o il contratto (es. apprendistato).",
  },
  {
    id: "marital",
    severity: "block",
    pattern: /\b(?:celibe|nubile|sposat[aoei]|coniugat[aoei]|senza\s+figli|liber[aoei]\s+da\s+impegni\s+familiari|stato\s+civile)\b/,
    message: "Non si può chiedere lo stato civile o la situazione familiare (art. 10 D.Lgs. 276/2003).",
  },
  {
    id: "pregnancy",
    severity: "block",
    pattern: /\b(?:gravidanza|incinta|non\s+in\s+stato\s+interessante)\b/,
    message: "Non si può chiedere lo stato di gravidanza (art. 10 D.Lgs. 276/2003; D.Lgs. 198/2006).",
  },
  {
    id: "nationality",
    severity: "block",
    pattern: /\b(?:(?:nazionalita|cittadinanza)\s+(?:italiana|comunitaria|europea|ue)|(?:solo|esclusivamente)\s+(?:italiani|italiane|comunitari)|no\s+stranieri|niente\s+stranieri)\b/,
    message: "Non si può chiedere una nazionalità o una cittadinanza (art. 43 D.Lgs. 286/1998; art. 10 D.Lgs. 276/2003).",
  },
  {
    id: "ethnicity",
    severity: "block",
    pattern: /\b(?:razza|etnia|di\s+colore|carnagione)\b/,
    message: "Non si possono porre requisiti di razza, origine etnica o colore della pelle.",
  },
  {
    id: "health",
    severity: "block",
    pattern: /\b(?:sana\s+(?:e\s+robusta\s+)?costituzione|buona\s+salute|esente\s+da\s+patologie|nessuna\s+(?:patologia|malattia)|no\s+(?:invalidi|disabili)|esclus[ie]\s+(?:invalidi|disabili))\b/,
    message: "Non si possono chiedere condizioni di salute o escludere persone con disabilità: l'idoneità alla mansione la accerta il medico competente.",
  },
  {
    id: "beliefs",
    severity: "block",
    pattern: /\b(?:religione|cattolic[aoei]|musulman[aoei]|credente|iscritt[aoei]\s+(?:a|al|ad)\s+(?:un\s+)?(?:sindacat|partit)\w*|non\s+iscritt[aoei]\s+(?:a|al)\s+sindacat\w*|orientamento\s+(?:sessuale|politico)|eterosessual\w*|omosessual\w*)\b/,
    message: "Non si possono chiedere convinzioni religiose o politiche, affiliazione sindacale o orientamento sessuale (art. 10 D.Lgs. 276/2003).",
  },
  {
    id: "youth",
    severity: "warn",
    pattern: /\b(?:giovane|giovani|giovanissim[aoei])\b/,
    message: "«Giovane» indica un'età: se serve un contratto per giovani (es. apprendistato) indica il contratto, non l'età.",
  },
  {
    id: "appearance",
    severity: "warn",
    pattern: /\b(?:bella\s+presenza|aspetto\s+gradevole|presenza\s+gradevole)\b/,
    message: "L'aspetto fisico non è un requisito professionale: descrivi invece il contatto con il pubblico o il decoro richiesto.",
  },
  {
    id: "native_language",
    severity: "warn",
    pattern: /\bmadre\s?lingua\b/,
    message: "«Madrelingua» può escludere per origine: indica piuttosto il livello richiesto (es. italiano C1).",
  },
  {
    id: "feminine_title",
    severity: "warn",
    pattern: /\b(?:cameriera|commessa|segretaria|cassiera|impiegata|operaia|addetta|cuoca|infermiera|maestra|parrucchiera|massaggiatrice|ragazza|hostess|magazziniera|centralinista\s+donna)\b/,
    message: "Il titolo è declinato al femminile: usa una forma neutra o aggiungi «(m/f)». L'annuncio riporterà comunque la formula «dell'uno o dell'altro sesso».",
  },
];

export function normalizeForCheck(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/** Every finding in the given texts, in field order. */
export function checkNonDiscrimination(texts: { field: string; text: string }[]): DiscriminationFinding[] {
  const findings: DiscriminationFinding[] = [];
  for (const { field, text } of texts) {
    if (!text) continue;
    const normalized = normalizeForCheck(text);
    for (const rule of RULES) {
      const m = rule.pattern.exec(normalized);
      if (m) findings.push({ field, rule: rule.id, severity: rule.severity, match: m[0].trim(), message: rule.message });
    }
  }
  return findings;
}

export const blockingFindings = (findings: DiscriminationFinding[]) => findings.filter((f) => f.severity === "block");

/** Appended to every published vacancy (art. 27 c.5 D.Lgs. 198/2006). */
export const EQUAL_OPPORTUNITY_NOTICE =
  "L'offerta è rivolta a candidati dell'uno e dell'altro sesso (D.Lgs. 198/2006) e nel rispetto dell'art. 10 del D.Lgs. 276/2003.";
