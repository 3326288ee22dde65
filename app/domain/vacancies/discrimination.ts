/**
 * Non-discrimination checks on the free text of a vacancy. Pure: the same rules run on save and in the unit tests
 * (test/unit/vacancies/discrimination.test.ts holds the table of cases, positive and negative, with the reasons).
 *
 * The law behind the rules:
 * - art. 27 D.Lgs. 198/2006 (Codice delle pari opportunità): no discrimination by sex in access to work, «anche
 *   attraverso meccanismi di preselezione ed a mezzo stampa»; art. 25 c. 2: indirect discrimination (an apparently
 *   neutral criterion that puts one sex at a disadvantage: military service, height, «bella presenza»).
 * - D.Lgs. 215/2003 (race and ethnic origin) and D.Lgs. 216/2003 (religion, beliefs, disability, age, sexual
 *   orientation): direct and indirect discrimination in access to employment (art. 2 and art. 3 c. 1 lett. a).
 *   Art. 3 c. 3 D.Lgs. 216/2003 and art. 6 Dir. 2000/78 allow age conditions set by the law itself: the
 *   apprenticeship age limits (art. 43–45 D.Lgs. 81/2015: 15–25, 18–29, 17–29 anni) and the minimum working age
 *   (L. 977/1967; 16 anni, 18 for the work forbidden to minors) are therefore let through.
 * - art. 43 D.Lgs. 286/1998 and D.Lgs. 215/2003: nationality and origin («astenersi stranieri», «madrelingua»).
 * - L. 68/1999 and art. 3 c. 3-bis D.Lgs. 216/2003: excluding people with disabilities is forbidden; reserving a
 *   vacancy to them (collocamento mirato) is a positive action and is let through.
 * - art. 10 D.Lgs. 276/2003: no inquiry into marital status, pregnancy, beliefs, union membership, health.
 * "block" findings refuse the save (all of them reported at once, each with the words as typed); "warn" findings are
 * shown to the employer and to the officer who validates the vacancy.
 */
import { foldAccents } from "~/utils/text";

export type FindingSeverity = "block" | "warn";

export interface DiscriminationFinding {
  field: string;
  rule: string;
  severity: FindingSeverity;
  /** The offending words exactly as the user typed them (case, accents and all). */
  match: string;
  message: string;
}

/**
 * Masculine and feminine forms of job nouns («magazziniere» ↔ «magazziniera»), built from the ISTAT CP2021 job
 * titles by job-title-genders.server.ts. Keys and values are normalised (lower case, no accents).
 */
export interface JobTitleGenders {
  feminineToMasculine: ReadonlyMap<string, string>;
  masculineToFeminine: ReadonlyMap<string, string>;
}

interface Context {
  /** Normalised text of the whole field. */
  text: string;
  /** Normalised texts of every field of the vacancy (an apprenticeship may be named in another field). */
  all: string;
  start: number;
  end: number;
  match: string;
}

interface Rule {
  id: string;
  severity: FindingSeverity;
  /** Global regular expressions over the normalised text. */
  patterns: RegExp[];
  message: string;
  /** Lets one match through (a lawful use); the comment on each says why. */
  allow?: (c: Context) => boolean;
}

const around = (c: Context, before: number, after: number) => c.text.slice(Math.max(0, c.start - before), c.end + after);
const numbersIn = (s: string) => [...s.matchAll(/\d{2}/g)].map((m) => Number(m[0]));

/** Opposite-sex pairs: «uomo/donna», «ragazzi e ragazze», «ragazzo/a» address both sexes. */
const SEX_WORD_PAIRS: Record<string, string> = {
  uomo: "donna",
  donna: "uomo",
  uomini: "donne",
  donne: "uomini",
  maschio: "femmina",
  femmina: "maschio",
  maschi: "femmine",
  femmine: "maschi",
  ragazzo: "ragazza",
  ragazza: "ragazzo",
  ragazzi: "ragazze",
  ragazze: "ragazzi",
  signore: "signora",
  signora: "signore",
  signori: "signore",
  signorina: "signore",
  signorine: "signori",
  maschile: "femminile",
  femminile: "maschile",
};

const RULES: Rule[] = [
  {
    id: "sex",
    severity: "block",
    patterns: [
      /\b(?:uomo|uomini|donn[ae]|maschi[o]?|femmin[ae]|ragazz[aoei]|signorin[ae]|signor[aei]|(?:di\s+)?(?:sesso|genere)\s+(?:maschile|femminile))\b/g,
    ],
    message:
      "L'offerta deve rivolgersi a persone dell'uno o dell'altro sesso (art. 27 D.Lgs. 198/2006): non chiedere un sesso né usare «uomo», «donna», «ragazzo/ragazza» (che indica anche un'età); scrivi «persona», «addetto/a», «(m/f)».",
    // Both sexes named together: «uomo/donna», «uomini e donne», «ragazzi/e», «di sesso maschile o femminile».
    allow: (c) => {
      const word = c.match.split(/\s+/).pop()!;
      const other = SEX_WORD_PAIRS[word];
      const near = around(c, 20, 20);
      return (other !== undefined && new RegExp(`\\b${other}\\b`).test(near)) || /^\s*\/\s*[aeio]\b/.test(c.text.slice(c.end));
    },
  },
  {
    id: "military",
    severity: "block",
    patterns: [
      /\bmilite?\s*esente\b|\b(?:assolt[io]|espletat[io])\s+(?:gli\s+)?obblighi\s+(?:di\s+leva|militari)\b|\bobblighi\s+(?:di\s+leva|militari)\s+(?:assolti|espletati)\b|\bservizio\s+(?:militare|di\s+leva)\s+(?:gia\s+)?(?:assolto|espletato|svolto)\b/g,
    ],
    message:
      "Il servizio militare non è un requisito: la leva obbligatoria riguardava solo gli uomini ed è sospesa dal 2005 (L. 226/2004), quindi chiederlo esclude le donne (discriminazione indiretta, art. 25 D.Lgs. 198/2006).",
  },
  {
    id: "age",
    severity: "block",
    patterns: [
      /\b(?:under|over)\s*-?\s*\d{2}\b/g,
      /\beta\s+(?:massima|minima|compresa|tra|fra|non\s+superiore|non\s+inferiore|inferiore|superiore|max|min|massimo|minimo|preferibile|ideale|richiesta|dai|fino)\b(?:[^.;\n\d]{0,20}\d{2}(?:[^.;\n\d]{1,7}\d{2})?(?:\s*anni)?)?/g,
      /\b(?:dai|tra\s+i|fra\s+i)\s+\d{2}\s+(?:ai|e\s+i)\s+\d{2}\s+anni\b/g,
      /\b(?:max|massimo|non\s+oltre\s+i|sotto\s+i|entro\s+i|fino\s+ai?|tra\s+i|fra\s+i|dai)\s*\d{2}\s*anni\b(?!\s+(?:di\s+|d')(?:esperienza|anzianita|attivita|contratto|lavoro))/g,
      /\b\d{2}\s*[-–/]\s*\d{2}\s*anni\b(?!\s+(?:di\s+|d')(?:esperienza|anzianita|attivita))/g,
      /\b\d{2}\s*anni\s+(?:massimo|max|non\s+compiuti)\b/g,
      /\bnat[oaie]\s+(?:dopo|prima)\s+(?:il|del)\s+\d/g,
      /\bgiovane\s+eta\b/g,
    ],
    message:
      "Non si possono porre limiti di età (art. 3 D.Lgs. 216/2003): descrivi l'esperienza o il contratto. Sono ammessi solo i limiti fissati dalla legge, come quelli dell'apprendistato (artt. 43–45 D.Lgs. 81/2015) o la maggiore età.",
    allow: (c) => {
      const n = numbersIn(c.match);
      // A minimum of 16 or 18 years is the law's (L. 977/1967 on the work of minors): «over 18», «età minima 18 anni».
      if (n.length === 1 && n[0] <= 18 && /\bover\b|minim|non\s+inferiore|superiore/.test(c.match)) return true;
      // Apprenticeship: the age limits are the law's (art. 43–45 D.Lgs. 81/2015, up to 29 years, i.e. «under 30»).
      return /\bapprendist/.test(c.all) && n.length > 0 && n.every((x) => x <= 30);
    },
  },
  {
    id: "youth",
    severity: "block",
    patterns: [/\bgiovan[ei]\b|\bgiovanissim[aoei]\b/g],
    message:
      "«Giovane» è un requisito di età (art. 3 D.Lgs. 216/2003): se serve un contratto per giovani indica il contratto (es. apprendistato) o il programma (Garanzia Giovani), non l'età.",
    // Describing the employer, not the person («giovane azienda dinamica», «un team giovane»), or naming a public
    // programme («Garanzia Giovani», which has its own legal age limits) is not a requirement on the candidate.
    allow: (c) =>
      /\bgaranzia\s+giovani\b/.test(around(c, 10, 0)) ||
      /^\s+(?:e\s+dinamic[ao]\s+)?(?:azienda|realta|societa|impresa|start\s*-?\s*up|team|squadra|ambiente|gruppo|marchio|brand|cooperativa|studio)\b/.test(
        c.text.slice(c.end),
      ) ||
      /\b(?:azienda|realta|societa|impresa|start\s*-?\s*up|team|squadra|ambiente|gruppo|marchio|brand|cooperativa|studio)(?:\s+\w+)?\s+(?:e\s+)?$/.test(
        c.text.slice(Math.max(0, c.start - 30), c.start),
      ),
  },
  {
    id: "new_graduate",
    severity: "warn",
    patterns: [/\bneo\s*-?\s*(?:laureat|diplomat)[aoei]\b/g],
    message:
      "«Neolaureato/neodiplomato» può escludere per età (discriminazione indiretta, art. 2 D.Lgs. 216/2003): indica il titolo di studio richiesto.",
  },
  {
    id: "marital",
    severity: "block",
    patterns: [/\b(?:celibe|nubile|sposat[aoei]|coniugat[aoei]|senza\s+figli|liber[aoei]\s+da\s+impegni\s+familiari|stato\s+civile)\b/g],
    message: "Non si può chiedere lo stato civile o la situazione familiare (art. 10 D.Lgs. 276/2003; art. 27 D.Lgs. 198/2006).",
  },
  {
    id: "pregnancy",
    severity: "block",
    patterns: [
      /\b(?:gravidanza|incinta|non\s+in\s+stato\s+interessante|(?:senza|nessun[ao]?)\s+(?:intenzione|progett[oi])\s+di\s+(?:avere\s+)?(?:figli|maternita))\b/g,
    ],
    message: "Non si può chiedere lo stato di gravidanza o i progetti di maternità (art. 10 D.Lgs. 276/2003; art. 27 D.Lgs. 198/2006).",
  },
  {
    id: "nationality",
    severity: "block",
    patterns: [
      /\b(?:nazionalita|cittadinanza|origine)\s+(?:italiana|comunitaria|europea|ue)\b/g,
      /\b(?:solo|soltanto|esclusivamente|preferibilmente)\s+(?:italian[ie]|comunitari[e]?|europe[ie]|cittadini\s+(?:italiani|ue|comunitari))\b/g,
      /\b(?:no|niente|astenersi|esclusi|escluse|non\s+si\s+accettano|non\s+accettiamo)\s+(?:perditempo\s+e\s+)?(?:stranier[ie]|extra\s*-?\s*comunitari[e]?|extra\s*-?\s*ue|immigrat[ie]|profughi|rifugiati)\b/g,
      /\bitalian[oaie]\s+(?:doc|di\s+nascita|da\s+generazioni)\b/g,
    ],
    message:
      "Non si può chiedere una nazionalità o un'origine né escludere gli stranieri (art. 43 D.Lgs. 286/1998; D.Lgs. 215/2003). Si può chiedere un permesso di soggiorno valido per lavoro.",
  },
  {
    id: "native_language",
    severity: "block",
    patterns: [/\bmadre\s*-?\s*lingua\b|\blingua\s+madre\b/g],
    message:
      "«Madrelingua» esclude per origine (discriminazione indiretta, D.Lgs. 215/2003): indica il livello richiesto, es. «italiano livello C2».",
  },
  {
    id: "ethnicity",
    severity: "block",
    patterns: [/\b(?:razza|etnia|di\s+colore|carnagione|pelle\s+(?:chiara|bianca)|tratti\s+(?:europei|somatici))\b/g],
    message: "Non si possono porre requisiti di razza, origine etnica o colore della pelle (D.Lgs. 215/2003).",
  },
  {
    id: "health",
    severity: "block",
    patterns: [
      /\b(?:sana\s+(?:e\s+robusta\s+)?costituzione|(?:buona|ottima|perfetta)\s+salute|esente\s+da\s+patologie|normodotat[aoei]|integrita\s+fisica)\b/g,
      /\b(?:no|non|niente|astenersi|esclus[ie]|escluse|senza)\s+(?:invalid[ie]|invalidita|disabil[ie]|disabilita|handicap|portatori\s+di\s+handicap|categorie\s+protette|persone\s+con\s+disabilita|patologie)\b/g,
      /\bnessuna\s+(?:patologia|malattia|invalidita|disabilita)\b/g,
    ],
    message:
      "Non si possono chiedere condizioni di salute né escludere persone con disabilità (L. 68/1999; D.Lgs. 216/2003): l'idoneità alla mansione la accerta il medico competente (art. 41 D.Lgs. 81/2008).",
  },
  {
    id: "appearance",
    severity: "block",
    patterns: [
      /\b(?:bella|buona)\s+presenza\b|\bbell\s*'?\s*aspetto\b|\b(?:aspetto|presenza)\s+(?:gradevole|curat[oa])\b|\bfisico\s+(?:snello|atletico|asciutto|prestante)\b|\btaglia\s+\d{2}\b|\baltezza\s+(?:minima|min|non\s+inferiore)\b|\balta\s+statura\b|\bnormopeso\b/g,
    ],
    message:
      "L'aspetto fisico non è un requisito professionale e discrimina in modo indiretto per sesso ed età (art. 25 D.Lgs. 198/2006): descrivi invece il contatto con il pubblico o il decoro richiesto.",
  },
  {
    id: "beliefs",
    severity: "block",
    patterns: [
      /\b(?:religione|cattolic[aoei]|musulman[aoei]|credente|iscritt[aoei]\s+(?:a|al|ad)\s+(?:un\s+)?(?:sindacat|partit)\w*|non\s+iscritt[aoei]\s+(?:a|al)\s+sindacat\w*|orientamento\s+(?:sessuale|politico)|eterosessual\w*|omosessual\w*)\b/g,
    ],
    message:
      "Non si possono chiedere convinzioni religiose o politiche, affiliazione sindacale o orientamento sessuale (art. 10 D.Lgs. 276/2003; D.Lgs. 216/2003).",
  },
];

/** Every character normalised (lower case, no accents), with the index in the original text of each output unit. */
function normalizeWithMap(text: string): { text: string; map: number[] } {
  let out = "";
  const map: number[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const n = foldAccents(ch)
      .replace(/[’‘`´]/g, "'")
      .toLowerCase();
    for (let k = 0; k < n.length; k++) map.push(i);
    out += n;
    i += ch.length;
  }
  map.push(text.length);
  return { text: out, map };
}

export function normalizeForCheck(text: string): string {
  return normalizeWithMap(text).text;
}

/** A title addresses both sexes: «(m/f)», «M/F», «uomo/donna», or the noun followed by its other ending («Magazziniere/a»). */
const BOTH_SEXES =
  /(?:^|[\s([,;-])(?:m\s*\/\s*f|f\s*\/\s*m|m\s*\/\s*w|m\s*\/\s*f\s*\/\s*\w+)(?:$|[\s)\],;.-])|\buomo\s*\/\s*donna\b|\bdonna\s*\/\s*uomo\b|\bentrambi\s+i\s+sessi\b/;
const TITLE_HEAD_PREFIXES = new Set(["aiuto", "capo", "vice", "assistente", "primo", "prima", "secondo", "seconda"]);

function titleFindings(
  field: string,
  raw: string,
  norm: { text: string; map: number[] },
  genders: JobTitleGenders,
): DiscriminationFinding[] {
  if (BOTH_SEXES.test(norm.text)) return [];
  const tokens = [...norm.text.matchAll(/[a-z]+/g)];
  // The job noun is the first word («Cameriera ai piani»), or the second after «aiuto», «capo», … («Aiuto cuoca»):
  // later words qualify it and may be ordinary feminine nouns («Responsabile di commessa»).
  const heads = TITLE_HEAD_PREFIXES.has(tokens[0]?.[0] ?? "") ? tokens.slice(1, 2) : tokens.slice(0, 1);
  const out: DiscriminationFinding[] = [];
  for (const t of heads) {
    const word = t[0];
    const start = t.index!;
    const end = start + word.length;
    const after = norm.text.slice(end);
    // «Magazziniere/a», «Cameriera/e», «Operatore/trice», «Commesso(a)», «Cameriere o cameriera».
    if (/^\s*(?:\/|\(\s*[a-z]{1,6}\s*\))/.test(after)) continue;
    const original = raw.slice(norm.map[start], norm.map[end]);
    const masculine = genders.feminineToMasculine.get(word);
    const feminine = genders.masculineToFeminine.get(word);
    if (masculine && !new RegExp(`\\b${masculine}\\b`).test(norm.text)) {
      out.push({
        field,
        rule: "one_gender_title",
        severity: "block",
        match: original,
        message: `Il titolo si rivolge solo alle donne: scrivilo per entrambi i sessi, es. «${capitalize(masculine)}/${ending(word, masculine)}» o «${original} (m/f)» (art. 27 D.Lgs. 198/2006).`,
      });
    } else if (feminine && !new RegExp(`\\b${feminine}\\b`).test(norm.text)) {
      out.push({
        field,
        rule: "one_gender_title",
        severity: "warn",
        match: original,
        message: `Il titolo è solo al maschile: aggiungi l'altra forma, es. «${original}/${ending(word, feminine)}» o «${original} (m/f)» (art. 27 D.Lgs. 198/2006). L'annuncio riporta comunque la formula «dell'uno e dell'altro sesso».`,
      });
    }
  }
  return out;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** The differing ending of the other form: magazziniere → magazziniera gives «a»; operatore → operatrice gives «trice». */
function ending(word: string, other: string): string {
  let i = 0;
  while (i < word.length && word[i] === other[i]) i++;
  return other.slice(Math.min(i, other.length - 1));
}

/**
 * Every finding in the given texts, in field order; each rule reports every distinct offending expression.
 * `genders` (from the ISTAT job titles) enables the one-gender title check on the field named "title".
 */
export function checkNonDiscrimination(texts: { field: string; text: string }[], genders?: JobTitleGenders): DiscriminationFinding[] {
  const findings: DiscriminationFinding[] = [];
  const all = texts.map((t) => normalizeForCheck(t.text ?? "")).join("\n");
  for (const { field, text } of texts) {
    if (!text) continue;
    const norm = normalizeWithMap(text);
    const seen = new Set<string>();
    if (field === "title" && genders) findings.push(...titleFindings(field, text, norm, genders));
    for (const rule of RULES) {
      for (const pattern of rule.patterns) {
        for (const m of norm.text.matchAll(pattern)) {
          const match = m[0].trim();
          const start = m.index! + m[0].indexOf(match);
          const end = start + match.length;
          if (rule.allow?.({ text: norm.text, all, start, end, match })) continue;
          const original = text.slice(norm.map[start], norm.map[end]);
          const key = `${rule.id}:${original}`;
          if (seen.has(key)) continue;
          seen.add(key);
          findings.push({ field, rule: rule.id, severity: rule.severity, match: original, message: rule.message });
        }
      }
    }
  }
  return findings;
}

export const blockingFindings = (findings: DiscriminationFinding[]) => findings.filter((f) => f.severity === "block");

/** Appended to every published vacancy (art. 27 c.5 D.Lgs. 198/2006). */
export const EQUAL_OPPORTUNITY_NOTICE =
  "L'offerta è rivolta a candidati dell'uno e dell'altro sesso (D.Lgs. 198/2006) e nel rispetto dell'art. 10 del D.Lgs. 276/2003.";
