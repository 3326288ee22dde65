/**
 * The exact L. 68/1999 quota calculator (docs/architecture.md#service-s; rules in docs/legal/l68.md).
 * Pure: no I/O, no clock (the default date is applied by the schema). Counts are bigint,
 * fractions exact rationals, money euro cents; everything is converted only for the output.
 */
import {
  ART18_LEGACY_IN_FORCE_ON,
  EXEMPTION_MAX_PERCENT,
  NEW_HIRE_ONLY_REGIME_UNTIL,
  type Period,
  art12bisCapAt,
  contributoAt,
  formatCents,
  uncoveredSanctionAt,
} from "./amounts";
import {
  type Art4Route,
  type BaseComputation,
  type Pool,
  art4Route,
  bandOf,
  computeBase,
  hoursFraction,
  isArt4AtFault,
  isArt4BelowThreshold,
  isRemoteNotFullTime,
  isShortAgencyMission,
  quotaArt18For,
  quotaDisabiliFor,
} from "./base";
import { formatIsoDay, formatDecimal, formatEuro, formatInt, plural } from "./explain";
import { patronSaintOf } from "./patron-saints";
import { PROVINCE_NAMES } from "~/utils/province-codes";
import { SAN_FRANCESCO_NATIONAL_FROM_YEAR, workingDaysDetail } from "./working-days";
import { HALF, ONE, type Rational, cmp, fromNumber, mul, rational, roundHalfUp, roundQuota, sub, sum } from "./rational";
import type { Band, Calendar, QuotaInput, QuotaResult } from "./schema";

export { bandOf, computeBase, quotaArt18For, quotaDisabiliFor } from "./base";

const LAW = "L. 68/1999";
/** L. 68/1999 entered into force on 18 January 2000 (art. 23: 300 days after GU 23 Mar 1999). */
const LAW_IN_FORCE_FROM = "2000-01-18";

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const nonNegative = (n: bigint) => (n < 0n ? 0n : n);

/**
 * The explanation and the list of what rests on an unverified source (issue: the product shows
 * unverified rules as such): `caution` writes the sentence in both.
 */
class Steps {
  readonly explanation: string[] = [];
  readonly unverified: string[] = [];
  push(...sentences: string[]) {
    this.explanation.push(...sentences);
  }
  caution(sentence: string) {
    this.explanation.push(sentence);
    this.unverified.push(sentence);
  }
}

// ---------------------------------------------------------------------------------------------
// Base di computo
// ---------------------------------------------------------------------------------------------

function explainPool(pool: Pool, kind: string, basis: string): string {
  return (
    `${kind}: ${plural(pool.workers, "lavoratore", "lavoratori")}; la somma dei loro orari rapportati al tempo pieno ` +
    `è ${formatDecimal(pool.fte)} e, arrotondata una sola volta sul totale (si aggiunge un'unità solo se la frazione ` +
    `supera 0,50), vale ${formatInt(pool.rounded)} (${basis}).`
  );
}

function explainBase(input: QuotaInput, b: BaseComputation): string[] {
  const out: string[] = [];
  const employer = input.employer.type === "public" ? "pubblico" : "privato";
  out.push(
    `Data di riferimento ${formatIsoDay(input.date)}, datore di lavoro ${employer}: organico complessivo di ` +
      `${plural(b.totalHeads, "lavoratore", "lavoratori")} (art. 4 c. 1 ${LAW}: si computano di norma tutti i lavoratori subordinati).`,
  );
  if (b.countedDisabledHeads > 0n) {
    out.push(
      `Esclusi dalla base di computo: ${plural(b.countedDisabledHeads, "lavoratore disabile computato", "lavoratori disabili computati")} ` +
        `nella quota di riserva (art. 4 c. 1 ${LAW}).`,
    );
  }
  if (b.art18RemovedHeads > 0n) {
    out.push(
      `Esclusi dalla base di computo: ${plural(b.art18RemovedHeads, "lavoratore", "lavoratori")} delle categorie dell'art. 18 c. 2 ` +
        `computati nella relativa quota, calcolata sull'organico complessivo (art. 4 c. 1 e art. 18 c. 2 ${LAW}).`,
    );
  }
  if (b.art18SurplusHeads > 0n) {
    out.push(
      `${plural(b.art18SurplusHeads, "lavoratore", "lavoratori")} delle categorie dell'art. 18 c. 2 ` +
        `${b.art18SurplusHeads === 1n ? "eccede" : "eccedono"} la quota e ${b.art18SurplusHeads === 1n ? "resta" : "restano"} ` +
        `nella base di computo come gli altri dipendenti (art. 4 c. 1 ${LAW}).`,
    );
  }
  for (const { reason, count } of b.excluded) {
    out.push(`Esclusi dalla base di computo: ${formatInt(count)} ${reason.label} (${reason.basis}).`);
  }
  if (b.art4BelowThresholdHeads > 0n) {
    out.push(
      `${plural(b.art4BelowThresholdHeads, "lavoratore disabile", "lavoratori disabili")} con riduzione della capacità lavorativa ` +
        `inferiore al 60% (senza minorazioni dalla prima alla sesta categoria delle tabelle del DPR 915/1978 né disabilità ` +
        `intellettiva o psichica oltre il 45%) non ${b.art4BelowThresholdHeads === 1n ? "è computabile" : "sono computabili"} nella quota e ` +
        `${b.art4BelowThresholdHeads === 1n ? "resta" : "restano"} nella base di computo se non altrimenti esclus` +
        `${b.art4BelowThresholdHeads === 1n ? "o" : "i"} (art. 4 c. 3-bis e c. 4 ${LAW}).`,
    );
  }
  if (b.art4AtFaultHeads > 0n) {
    out.push(
      `${plural(b.art4AtFaultHeads, "lavoratore divenuto disabile", "lavoratori divenuti disabili")} per inadempimento del datore di ` +
        `lavoro alle norme di sicurezza e igiene, accertato in sede giurisdizionale, non ${b.art4AtFaultHeads === 1n ? "è computabile" : "sono computabili"} ` +
        `nella quota (art. 4 c. 4 ${LAW}).`,
    );
  }
  if (b.remoteNotFullTimeHeads > 0n) {
    out.push(
      `${plural(b.remoteNotFullTimeHeads, "lavoratore disabile", "lavoratori disabili")} a domicilio o in telelavoro senza un carico di ` +
        `lavoro pari all'orario normale a tempo pieno, in modo continuativo, non ${b.remoteNotFullTimeHeads === 1n ? "è computato" : "sono computati"} ` +
        `nella quota (art. 4 c. 3 ${LAW}).`,
    );
  }
  out.push(`Lavoratori a tempo pieno computabili: ${formatInt(b.fullTimeHeads)} (art. 4 c. 1 ${LAW}).`);
  if (b.partTime.workers > 0n) {
    out.push(explainPool(b.partTime, "Lavoratori a tempo parziale computabili", `art. 9 D.Lgs. 81/2015 e art. 4 c. 1 ${LAW}`));
  }
  if (b.intermittent.workers > 0n) {
    out.push(explainPool(b.intermittent, "Lavoratori intermittenti computabili", `art. 18 D.Lgs. 81/2015 e art. 4 c. 1 ${LAW}`));
  }
  out.push(
    `Base di computo: ${formatInt(b.fullTimeHeads)} + ${formatInt(b.partTime.rounded)} + ${formatInt(b.intermittent.rounded)} = ` +
      `${plural(b.base, "dipendente computabile", "dipendenti computabili")} (art. 4 c. 1 ${LAW}).`,
  );
  return out;
}

// ---------------------------------------------------------------------------------------------
// Quotas
// ---------------------------------------------------------------------------------------------

function explainQuotaDisabili(base: bigint, quota: bigint): string {
  switch (bandOf(base)) {
    case "under15":
      return `Con meno di 15 dipendenti computabili non c'è obbligo di assumere lavoratori disabili (art. 3 c. 1 ${LAW}).`;
    case "15-35":
      return `Con una base da 15 a 35 dipendenti la quota di riserva per i disabili è di 1 lavoratore (art. 3 c. 1 lett. c ${LAW}).`;
    case "36-50":
      return `Con una base da 36 a 50 dipendenti la quota di riserva per i disabili è di 2 lavoratori (art. 3 c. 1 lett. b ${LAW}).`;
    case "over50":
      return (
        `Con più di 50 dipendenti la quota di riserva per i disabili è il 7% della base: 7% di ${formatInt(base)} = ` +
        `${formatDecimal(rational(7n * base, 100n))}, arrotondato a ${plural(quota, "lavoratore", "lavoratori")} ` +
        `(la frazione conta come unità solo se supera 0,50) (art. 3 c. 1 lett. a ${LAW}).`
      );
  }
}

function explainQuotaArt18(base: bigint, quota: bigint): string {
  if (base <= 50n) return `Con non più di 50 dipendenti computabili non c'è quota per le categorie dell'art. 18 c. 2 ${LAW}.`;
  if (base <= 150n) {
    return `Con una base da 51 a 150 dipendenti la quota per le categorie dell'art. 18 c. 2 è di 1 lavoratore (art. 18 c. 2 ${LAW}).`;
  }
  return (
    `Con più di 150 dipendenti la quota per le categorie dell'art. 18 c. 2 è l'1% della base: 1% di ${formatInt(base)} = ` +
    `${formatDecimal(rational(base, 100n))}, arrotondato a ${plural(quota, "lavoratore", "lavoratori")} ` +
    `(la frazione conta come unità solo se supera 0,50) (art. 18 c. 2 ${LAW}).`
  );
}

function historicalNotes(input: QuotaInput, base: bigint): string[] {
  const out: string[] = [];
  if (input.date < LAW_IN_FORCE_FROM) {
    out.push(
      `Alla data indicata la ${LAW} non era ancora in vigore (lo è dal 18 gennaio 2000, art. 23): il calcolo ne applica comunque le regole.`,
    );
  }
  if (input.employer.type === "private" && bandOf(base) === "15-35" && input.date <= NEW_HIRE_ONLY_REGIME_UNTIL) {
    out.push(
      `Alla data indicata, per i datori privati da 15 a 35 dipendenti l'obbligo sorgeva solo in caso di nuove assunzioni ` +
        `(art. 3 c. 2 ${LAW}, abrogato dal D.Lgs. 151/2015 con effetto dal 1° gennaio 2018).`,
    );
  }
  return out;
}

interface Suspended {
  quotaDisabili: bigint;
  quotaArt18: bigint;
  sentence?: string;
}

/**
 * Art. 3 c. 5 and art. 4 DPR 333/2000: CIGS/solidarity suspend in proportion to the activity
 * suspended — R(Q × (1 − share)) as Regione Piemonte does (docs/legal/l68.md#s1-9, #s3-6); a collective
 * dismissal procedure suspends the whole obligation nationwide (Q = 0).
 */
function applySuspension(input: QuotaInput, q3: bigint, q18: bigint): Suspended {
  const s = input.suspension;
  if (!s) return { quotaDisabili: q3, quotaArt18: q18 };
  if (s.collectiveDismissal) {
    return {
      quotaDisabili: 0n,
      quotaArt18: 0n,
      sentence:
        `Durante la procedura di licenziamento collettivo gli obblighi sono sospesi su tutto il territorio nazionale: ` +
        `la quota dovuta è 0 (art. 3 c. 5 ${LAW} e artt. 4 e 24 L. 223/1991).`,
    };
  }
  if (s.suspendedShare === undefined && (s.suspendedUnits !== undefined || s.suspendedArt18Units !== undefined)) {
    // Units already computed province by province (provinces.ts) with the same R(Q × (1 − share)).
    const left3 = nonNegative(q3 - BigInt(s.suspendedUnits ?? 0));
    const left18 = nonNegative(q18 - BigInt(s.suspendedArt18Units ?? 0));
    return {
      quotaDisabili: left3,
      quotaArt18: left18,
      sentence:
        `Sospensione per CIGS o contratto di solidarietà nelle sole province delle unità interessate: le quote provinciali ` +
        `si riducono in proporzione all'attività sospesa, in tutto ${formatInt(q3 - left3)} unità della quota disabili e ` +
        `${formatInt(q18 - left18)} della quota dell'art. 18 c. 2; quote dovute: disabili ${formatInt(left3)}, art. 18 ` +
        `${formatInt(left18)} (art. 3 c. 5 ${LAW} e art. 4 DPR 333/2000).`,
    };
  }
  const share = fromNumber(s.suspendedShare ?? 0);
  const remaining = sub(ONE, share);
  const scaled3 = mul(rational(q3), remaining);
  const scaled18 = mul(rational(q18), remaining);
  const r3 = roundQuota(scaled3);
  const r18 = roundQuota(scaled18);
  return {
    quotaDisabili: r3,
    quotaArt18: r18,
    sentence:
      `Sospensione per CIGS o contratto di solidarietà: la quota si riduce in proporzione all'attività sospesa ` +
      `(${formatDecimal(mul(share, rational(100n)))}%): disabili ${formatInt(q3)} × ${formatDecimal(remaining)} = ` +
      `${formatDecimal(scaled3)}, arrotondato a ${formatInt(r3)}; art. 18: ${formatInt(q18)} × ${formatDecimal(remaining)} = ` +
      `${formatDecimal(scaled18)}, arrotondato a ${formatInt(r18)} (art. 3 c. 5 ${LAW} e art. 4 DPR 333/2000).`,
  };
}

// ---------------------------------------------------------------------------------------------
// Coverage
// ---------------------------------------------------------------------------------------------

interface Coverage {
  covered: bigint;
}

/**
 * Disabled workers in force (docs/legal/l68.md#s1-5). Part-time: above 50 % of the hours a worker
 * counts as 1; at or below 50 % the fractions h/H are pooled and rounded once with the
 * > 0.50 rule — PRODIS `get_disabili_riproporz` (docs/legal/l68.md#s3-2).
 */
function coverDisabili(input: QuotaInput, base: bigint, q3BeforeSuspension: bigint, steps: Steps): Coverage {
  let wholeUnits = 0n;
  let dpr333Whole = 0n;
  let remoteFullTime = 0n;
  const band: Band = bandOf(base);
  const art4Counted: Record<Art4Route, bigint> = { percent: 0n, category: 0n, psychic: 0n, inail: 0n };
  let shortAgency = 0n;
  const small: { count: bigint; fraction: Rational }[] = [];
  for (const g of input.workforce) {
    if (g.protected !== "disabile_l68" && g.protected !== "disabile_art4") continue;
    if (isArt4BelowThreshold(g) || isArt4AtFault(g) || isRemoteNotFullTime(g)) continue; // explained with the base
    const count = BigInt(g.count);
    if (isShortAgencyMission(g)) {
      shortAgency += count;
      continue;
    }
    const route = art4Route(g);
    if (route) art4Counted[route] += count;
    if (g.contract === "domicilio" || g.telework === true) remoteFullTime += count;
    const fraction = hoursFraction(g);
    if (cmp(fraction, HALF) > 0) wholeUnits += count;
    else if (band === "15-35" && (g.disabilityPercent ?? 0) > 50) {
      // Art. 3 c. 5 DPR 333/2000 (Min. Lav. nota 77/2005): in the 15–35 band a part-timer with more
      // than 50 % invalidity counts as one unit whatever the hours (docs/legal/l68.md#s1-5, #s3-2).
      wholeUnits += count;
      dpr333Whole += count;
    } else small.push({ count, fraction });
  }
  const smallWorkers = small.reduce((n, e) => n + e.count, 0n);
  const smallFte = sum(small.map((e) => mul(rational(e.count), e.fraction)));
  const smallUnits = roundQuota(smallFte);

  const sentences: string[] = [];
  let text =
    `Lavoratori disabili computati nella quota: ${formatInt(wholeUnits)} a tempo pieno o a tempo parziale oltre il 50% ` +
    `dell'orario, ciascuno come unità intera`;
  if (smallWorkers > 0n) {
    text +=
      `; ${formatInt(smallWorkers)} a tempo parziale fino al 50% dell'orario valgono insieme ${formatDecimal(smallFte)}, ` +
      `arrotondato a ${formatInt(smallUnits)}`;
  }
  steps.push(`${text} (art. 3 e art. 4 ${LAW}; criterio PRODIS per i disabili a tempo parziale).`);
  if (dpr333Whole > 0n) {
    steps.push(
      `Di questi, ${plural(dpr333Whole, "disabile", "disabili")} a tempo parziale fino al 50% dell'orario con invalidità superiore al 50% ` +
        `${dpr333Whole === 1n ? "conta" : "contano"} come unità intera perché la base è da 15 a 35 dipendenti (art. 3 c. 5 DPR 333/2000; ` +
        `nota Min. Lav. 77/2005); negli altri casi vale il criterio proporzionale PRODIS.`,
    );
    steps.caution(
      `Non verificato: il testo dell'art. 3 c. 5 DPR 333/2000 e la nota Min. Lav. 77/2005 sono noti solo da fonti secondarie ` +
        `(Assolombarda) e non è stato possibile confermare che la regola sia ancora in vigore: verificarlo con il collocamento mirato.`,
    );
  }
  steps.push(...explainArt4Routes(art4Counted));
  if (art4Counted.inail > 0n) {
    steps.caution(
      `Non verificato: la soglia del 33% per gli invalidi del lavoro viene dall'art. 3 c. 4 DPR 333/2000, il cui testo non è stato ` +
        `letto da una fonte ufficiale; l'art. 4 c. 4 ${LAW} esclude comunque chi è divenuto disabile per colpa del datore di lavoro.`,
    );
  }
  if (remoteFullTime > 0n) {
    steps.push(
      `${plural(remoteFullTime, "disabile", "disabili")} a domicilio o in telelavoro con lavoro pari all'orario normale a tempo pieno, ` +
        `in modo continuativo, ${remoteFullTime === 1n ? "è computato" : "sono computati"} nella quota (art. 4 c. 3 ${LAW}).`,
    );
  }
  if (smallWorkers > 0n) {
    steps.caution(
      `Attenzione: sul computo dei disabili a tempo parziale fino al 50% le fonti non concordano (c'è chi li conta come ` +
        `mezza unità); il calcolo segue il criterio dei sistemi regionali (PRODIS): verificare con il collocamento mirato.`,
    );
  }
  if (shortAgency > 0n) {
    sentences.push(
      `${plural(shortAgency, "disabile somministrato", "disabili somministrati")} con missione inferiore a 12 mesi non ` +
        `${shortAgency === 1n ? "è computato" : "sono computati"} nella quota dell'utilizzatore (art. 34 c. 3 D.Lgs. 81/2015).`,
    );
  }

  const art12bis = coverArt12bis(input, base, q3BeforeSuspension);
  if (art12bis.sentence) sentences.push(art12bis.sentence);
  const art14 = BigInt(input.conventions?.art14Workers ?? 0);
  if (art14 > 0n) {
    sentences.push(
      `Lavoratori disabili assunti da cooperative sociali con commesse di lavoro in convenzione quadro ex art. 14 D.Lgs. 276/2003: ` +
        `${formatInt(art14)}, computati nella quota (art. 14 c. 3 D.Lgs. 276/2003).`,
    );
  }
  steps.push(...sentences);
  if (art14 > 0n) {
    steps.caution(
      `Non verificato: i limiti di computo fissati dalla convenzione quadro regionale e le modifiche della L. 198/2025 all'art. 14 ` +
        `D.Lgs. 276/2003 non sono stati letti; il calcolo computa tutti i lavoratori indicati.`,
    );
  }
  return { covered: wholeUnits + smallUnits + art12bis.counted + art14 };
}

/** One sentence per art. 4 route actually used (docs/legal/l68.md#s1-5): the employer sees why each counts. */
function explainArt4Routes(counted: Record<Art4Route, bigint>): string[] {
  const out: string[] = [];
  const one = (n: bigint) => n === 1n;
  const notHired = (n: bigint) =>
    `Di questi, ${formatInt(n)} non ${one(n) ? "è stato assunto" : "sono stati assunti"} tramite il collocamento mirato ma`;
  if (counted.percent > 0n) {
    out.push(
      `${notHired(counted.percent)} ${one(counted.percent) ? "ha" : "hanno"} una riduzione della capacità lavorativa pari o ` +
        `superiore al 60% e ${one(counted.percent) ? "si computa" : "si computano"} comunque (art. 4 c. 3-bis e c. 4 ${LAW}).`,
    );
  }
  if (counted.category > 0n) {
    out.push(
      `${notHired(counted.category)} ${one(counted.category) ? "era" : "erano"} già ${one(counted.category) ? "disabile" : "disabili"} ` +
        `all'assunzione con minorazioni ascritte dalla prima alla sesta categoria delle tabelle delle pensioni di guerra ` +
        `(DPR 915/1978, usate anche per gli invalidi per servizio) e ${one(counted.category) ? "si computa" : "si computano"} ` +
        `anche sotto il 60% (art. 4 c. 3-bis ${LAW}).`,
    );
  }
  if (counted.inail > 0n) {
    out.push(
      `${formatInt(counted.inail)} ${one(counted.inail) ? "è divenuto disabile" : "sono divenuti disabili"} per infortunio sul lavoro o ` +
        `malattia professionale con un grado di invalidità INAIL superiore al 33%, non per colpa del datore di lavoro, e ` +
        `${one(counted.inail) ? "si computa" : "si computano"} (art. 4 c. 4 ${LAW} e art. 3 c. 4 DPR 333/2000).`,
    );
  }
  if (counted.psychic > 0n) {
    out.push(
      `${notHired(counted.psychic)} ${one(counted.psychic) ? "ha" : "hanno"} una disabilità intellettiva o psichica con riduzione ` +
        `della capacità lavorativa superiore al 45% e ${one(counted.psychic) ? "si computa" : "si computano"} anche sotto il 60% ` +
        `(art. 4 c. 3-bis ${LAW}).`,
    );
  }
  return out;
}

/**
 * Art. 12-bis conventions count for employers above 50 up to a share of the quota that depends
 * on the date (10 %, 60 % from 31 Dec 2025). The rounding of the cap is not stated by the sources
 * read (docs/legal/l68.md#s1-10): the general L. 68 rule (> 0.50) is used.
 */
function coverArt12bis(input: QuotaInput, base: bigint, q3: bigint): { counted: bigint; sentence?: string } {
  const declared = BigInt(input.conventions?.art12bisWorkers ?? 0);
  if (declared === 0n) return { counted: 0n };
  const cap = art12bisCapAt(input.date);
  if (bandOf(base) !== "over50" || cap.value === 0n) {
    const why =
      cap.value === 0n
        ? "alla data indicata le convenzioni ex art. 12-bis non erano ancora previste"
        : "le convenzioni ex art. 12-bis valgono solo per i datori con più di 50 dipendenti";
    return {
      counted: 0n,
      sentence: `Lavoratori in convenzione ex art. 12-bis: ${formatInt(declared)}, non computati perché ${why} (art. 12-bis ${LAW}).`,
    };
  }
  const capExact = rational(q3 * cap.value, 100n);
  const capUnits = roundQuota(capExact);
  const counted = min(declared, capUnits);
  return {
    counted,
    sentence:
      `Lavoratori in convenzione ex art. 12-bis: ${formatInt(declared)}; si computano fino al ${cap.value}% della quota ` +
      `(${cap.value}% di ${formatInt(q3)} = ${formatDecimal(capExact)}, cioè ${formatInt(capUnits)}): computati ` +
      `${formatInt(counted)} (${cap.act}).`,
  };
}

const art18InService = (input: QuotaInput) => input.workforce.reduce((n, g) => (g.protected === "art18" ? n + BigInt(g.count) : n), 0n);

/**
 * Legacy "abbattimento" (art. 18 c. 1; docs/legal/l68.md#s1-5, #s3-5), computed as PRODIS does
 * (`get_n_scoperture_disabili`, `get_valore_abbatt_naz`): art. 18 workers in force on 17 Jan 2000
 * beyond the art. 18 quota reduce the disabled shortfall by min(art. 18 quota, art. 18 surplus,
 * workers in force on 17 Jan 2000), never by more than the shortfall. Other sources say this
 * cross-counting ended on 31 Dec 2003, so it applies only when a group asks for it explicitly.
 * The art. 18 quota is the one due after any suspension.
 */
function legacyArt18Offset(input: QuotaInput, quotaArt18: bigint, inService: bigint, shortfall: bigint) {
  if (!input.workforce.some((g) => g.art18InForceAt2000 === true)) return null;
  const flagged = input.workforce.reduce((n, g) => (g.protected === "art18" && g.art18InForceAt2000 ? n + BigInt(g.count) : n), 0n);
  const surplus = nonNegative(inService - quotaArt18);
  const offset = min(min(min(quotaArt18, surplus), flagged), shortfall);
  const sentence =
    `Abbattimento transitorio richiesto (regola transitoria dell'art. 18 c. 1 ${LAW}, applicata solo su indicazione ` +
    `espressa perché altre fonti la ritengono cessata il 31 dicembre 2003): ${plural(flagged, "lavoratore", "lavoratori")} ` +
    `delle categorie dell'art. 18 c. 2 in servizio al ${formatIsoDay(ART18_LEGACY_IN_FORCE_ON)}, eccedenza rispetto alla quota ` +
    `dell'art. 18 di ${formatInt(surplus)}; i posti scoperti per i disabili si riducono di ${formatInt(offset)} (il minore tra ` +
    `quota dell'art. 18 ${formatInt(quotaArt18)}, eccedenza, lavoratori in servizio al ${formatIsoDay(ART18_LEGACY_IN_FORCE_ON)} ` +
    `e posti scoperti ${formatInt(shortfall)}).`;
  return { offset, sentence };
}

// ---------------------------------------------------------------------------------------------
// Exemption and sanction
// ---------------------------------------------------------------------------------------------

const unverifiedNote = (p: Period<unknown>, what: string) =>
  `Attenzione: l'importo del ${what} in vigore alla data indicata (${p.act}) non è confermato da una fonte ufficiale: verificarlo prima di usarlo.`;

/**
 * Working days: given, or counted on the production unit's calendar (docs/legal/l68.md#s1-7): week of the
 * CCNL, national holidays (4 October from 2026, L. 151/2025), the patron saint — the one declared,
 * else the provincial capital's from patron-saints.ts — and the CCNL extra holidays.
 */
function workingDaysOf(
  src: { workingDays?: number; calendar?: Calendar },
  what: string,
  steps: Steps,
): { days: bigint; computed?: number } {
  const c = src.calendar;
  if (!c) return { days: BigInt(src.workingDays ?? 0) };
  const prefilled = c.patronSaint === undefined && c.province ? patronSaintOf(c.province) : undefined;
  const patron = c.patronSaint ?? prefilled?.day;
  const holidays = patron ? [patron, ...c.extraHolidays] : c.extraHolidays;
  const { days, removed } = workingDaysDetail(c.from, c.to, c.weekDays, holidays);
  const parts: string[] = [];
  if (patron) {
    const who = prefilled
      ? `santo patrono del capoluogo, ${prefilled.saint} a ${prefilled.comune}`
      : `santo patrono dell'unità produttiva${c.province ? ` (${PROVINCE_NAMES[c.province] ?? c.province})` : ""}`;
    parts.push(`${who}, il ${patron.slice(3)}/${patron.slice(0, 2)}`);
  }
  if (c.extraHolidays.length)
    parts.push(`${plural(c.extraHolidays.length, "festività aggiuntiva", "festività aggiuntive")} del CCNL o locali`);
  const year = Number(c.from.slice(0, 4));
  steps.push(
    `Giornate lavorative per il ${what} dal ${formatIsoDay(c.from)} al ${formatIsoDay(c.to)}, settimana di ${c.weekDays} giorni: ` +
      `${formatInt(days)}, esclusi i festivi nazionali` +
      (year >= SAN_FRANCESCO_NATIONAL_FROM_YEAR ? ` (dal 2026 anche il 4 ottobre, L. 151/2025)` : "") +
      (parts.length ? ` e ${parts.join(" e ")}` : "") +
      (removed.length ? `; giorni lavorativi tolti per queste festività: ${removed.map(formatIsoDay).join(", ")}` : "") +
      ` (criterio dei portali regionali degli esoneri, art. 5 c. 3 ${LAW}).`,
  );
  if (prefilled && !prefilled.verified) {
    steps.caution(
      `Non verificato: il giorno del santo patrono di ${prefilled.comune} viene da una tabella dei capoluoghi non confermata da una ` +
        `fonte ufficiale, e un'unità fuori dal capoluogo ha il patrono del proprio comune: indicarlo in calendar.patronSaint se diverso.`,
    );
  }
  return { days: BigInt(days), computed: days };
}

/**
 * The cap is what the authorisation grants (docs/legal/l68.md#s3-10): 60 % unless it states otherwise
 * (DM 357/2000); above 60 % only as an explicit parameter, since the 80 % for some sectors
 * reported to us could not be verified (docs/legal/l68.md#s1-7, #s5).
 */
function explainExemptionCap(capPercent: number | undefined, steps: Steps) {
  if (capPercent === undefined) {
    steps.push(
      `Tetto dell'esonero parziale: 60% della quota di riserva, il massimo previsto dal DM 357/2000; l'autorizzazione ` +
        `indica la percentuale concessa e un tetto diverso va indicato espressamente (art. 5 c. 3 ${LAW}).`,
    );
  } else if (capPercent <= Number(EXEMPTION_MAX_PERCENT)) {
    steps.push(
      `Tetto dell'esonero parziale indicato nell'autorizzazione: ${capPercent}% della quota di riserva (art. 5 c. 3 ${LAW} e DM 357/2000).`,
    );
  } else {
    steps.caution(
      `Tetto dell'esonero parziale indicato: ${capPercent}% della quota di riserva, oltre il 60% del DM 357/2000; un tetto più ` +
        `alto (fino all'80% per alcuni settori) è accettato solo come parametro esplicito perché la sua fonte non è stata ` +
        `verificata: deve risultare dall'autorizzazione (art. 5 c. 3 ${LAW}).`,
    );
  }
}

/**
 * Art. 5 c. 3-bis: positions self-certified for the workers at a 60 per mille INAIL rate. They come
 * off the uncovered positions (never more than those), and the same contributo is due for each.
 */
function computeSelfCertification(input: QuotaInput, uncovered: bigint, steps: Steps) {
  const s = input.selfCertification!;
  const declared = BigInt(s.positions);
  const counted = min(declared, uncovered);
  const daily = contributoAt(input.date);
  const wd = s.workingDays !== undefined || s.calendar ? workingDaysOf(s, "contributo dell'autocertificazione", steps) : null;
  let text =
    `Posizioni autocertificate per i lavoratori con tasso di premio INAIL pari o superiore al 60 per mille: ${formatInt(declared)}` +
    (counted < declared ? `, considerate fino ai posti scoperti (${formatInt(counted)})` : "") +
    `; posti scoperti dopo l'autocertificazione: ${formatInt(uncovered - counted)}; contributo di ${formatEuro(daily.value)} per ` +
    `giornata lavorativa e per posizione (${daily.act})`;
  const result: NonNullable<QuotaResult["selfCertification"]> = {
    positions: Number(declared),
    countedPositions: Number(counted),
    remainingUncovered: Number(uncovered - counted),
    dailyAmount: formatCents(daily.value),
  };
  if (wd) {
    const total = counted * daily.value * wd.days;
    text += `: ${formatInt(counted)} × ${formatEuro(daily.value)} × ${formatInt(wd.days)} giornate = ${formatEuro(total)}`;
    result.workingDays = Number(wd.days);
    result.totalAmount = formatCents(total);
  }
  steps.push(`${text} (art. 5 c. 3-bis ${LAW} e DI 10 marzo 2016).`);
  if (!daily.verified) steps.caution(unverifiedNote(daily, "contributo esonerativo"));
  return { result, counted };
}

/**
 * Partial exemption, Regione Piemonte's calculation (docs/legal/l68.md#s1-7, #s3-9, PRODIS/SILAP): no
 * exemption with a quota of 0 or 1; the exemptible maximum is 1 with a quota of 2, R(quota × % / 100)
 * from 3, in both cases minus the self-certified positions; the units to pay are
 * min(quota − covered − self-certified − convention positions, maximum). The percentage is capped at
 * the authorisation's cap, 60 % by default (DM 357/2000). Paid per working day per unit.
 */
function computeExemption(input: QuotaInput, quota: bigint, uncovered: bigint, selfCertified: bigint, steps: Steps) {
  const e = input.exemption!;
  explainExemptionCap(e.capPercent, steps);
  const requested = fromNumber(e.percent);
  const capPercent = e.capPercent !== undefined ? BigInt(e.capPercent) : EXEMPTION_MAX_PERCENT;
  const cap = rational(capPercent);
  const capped = cmp(requested, cap) > 0;
  const percent = capped ? cap : requested;
  if (capped) {
    steps.push(
      `La percentuale di esonero indicata (${formatDecimal(requested)}%) supera il massimo del ${capPercent}% ` +
        `della quota di riserva: si applica il ${capPercent}% (art. 5 c. 3 ${LAW} e DM 357/2000).`,
    );
  }
  let byQuota: bigint;
  if (quota <= 1n) {
    byQuota = 0n;
    steps.push(
      `Con una quota di ${formatInt(quota)} non è possibile l'esonero parziale: unità esonerabili 0 ` +
        `(art. 5 c. 3 ${LAW}; criterio applicato dalle Regioni).`,
    );
  } else if (quota === 2n) {
    byQuota = 1n;
    steps.push(`Con una quota di 2 lavoratori è esonerabile al massimo 1 unità (art. 5 c. 3 ${LAW}; criterio applicato dalle Regioni).`);
  } else {
    const exact = mul(rational(quota), mul(percent, rational(1n, 100n)));
    byQuota = roundQuota(exact);
    steps.push(
      `Unità esonerabili: ${formatDecimal(percent)}% di ${formatInt(quota)} = ${formatDecimal(exact)}, arrotondato a ` +
        `${formatInt(byQuota)} (art. 5 c. 3 ${LAW} e DM 357/2000).`,
    );
  }
  const maxUnits = quota <= 1n ? 0n : nonNegative(byQuota - selfCertified);
  if (selfCertified > 0n && quota > 1n) {
    steps.push(
      `L'esonero e l'autocertificazione insieme non superano il tetto: unità esonerabili ${formatInt(byQuota)} meno ` +
        `${formatInt(selfCertified)} ${selfCertified === 1n ? "posizione autocertificata" : "posizioni autocertificate"} = ` +
        `${formatInt(maxUnits)} (art. 5 c. 3 e c. 3-bis ${LAW}; calcolo della Regione Piemonte, PRODIS/SILAP).`,
    );
  }
  const open = nonNegative(uncovered - selfCertified);
  const exempted = min(open, maxUnits);
  const daily = contributoAt(input.date);
  const wd = workingDaysOf(e, "contributo esonerativo", steps);
  const total = exempted * daily.value * wd.days;
  steps.push(
    `Unità esonerate: ${formatInt(exempted)} (il minore tra posti scoperti${selfCertified > 0n ? " non autocertificati" : ""}, ` +
      `${formatInt(open)}, e unità esonerabili); contributo esonerativo di ` +
      `${formatEuro(daily.value)} per giornata lavorativa e per unità (${daily.act}): ${formatInt(exempted)} × ` +
      `${formatEuro(daily.value)} × ${formatInt(wd.days)} giornate = ${formatEuro(total)}; posti ancora scoperti: ` +
      `${formatInt(open - exempted)} (art. 5 c. 3 ${LAW}).`,
  );
  if (!daily.verified) steps.caution(unverifiedNote(daily, "contributo esonerativo"));
  const result: NonNullable<QuotaResult["exemption"]> = {
    maxUnits: Number(maxUnits),
    exemptedUnits: Number(exempted),
    remainingUncovered: Number(open - exempted),
    dailyAmount: formatCents(daily.value),
    totalAmount: formatCents(total),
  };
  if (wd.computed !== undefined) result.workingDays = wd.computed;
  return result;
}

/**
 * Art. 15 c. 4: per working day after the 60 days, per disabled worker missing (after any
 * exemption), five times the contributo (196.05 from 2022). If the employer complies with the
 * inspector's diffida it pays a quarter of it (art. 15 c. 4-bis; INL nota 966/2021), rounded
 * to the cent once, on the total (docs/l68-calculator.md#example: 7842.00 → 1960.50). Whether it applies to
 * public administrations is not verified (docs/legal/l68.md#s1-11, #s5): the output says so.
 */
function computeSanction(input: QuotaInput, missing: bigint, steps: Steps) {
  const wd = workingDaysOf(input.sanction!, "calcolo della sanzione", steps);
  const days = wd.days;
  const daily = uncoveredSanctionAt(input.date);
  const total = missing * daily.value * days;
  const quarterExact = rational(total, 4n);
  const withDiffida = roundHalfUp(quarterExact);
  steps.push(
    `Sanzione per la quota non coperta dopo i 60 giorni: ${formatEuro(daily.value)} per giornata lavorativa e per ciascun ` +
      `disabile non occupato (${daily.act}): ${formatInt(missing)} × ${formatEuro(daily.value)} × ${formatInt(days)} giornate ` +
      `= ${formatEuro(total)} (art. 15 c. 4 ${LAW}).`,
    `Se il datore di lavoro ottempera alla diffida la sanzione è ridotta a un quarto (${formatEuro(rational(daily.value, 4n))} ` +
      `al giorno per lavoratore): ${formatEuro(quarterExact)}, cioè ${formatEuro(withDiffida)} arrotondato al centesimo ` +
      `(art. 15 c. 4-bis ${LAW} e art. 13 D.Lgs. 124/2004).`,
  );
  if (input.employer.type === "public") {
    steps.caution(
      `Non verificato: l'applicazione della sanzione dell'art. 15 c. 4 ai datori di lavoro pubblici non è confermata dalle fonti ` +
        `lette; per le pubbliche amministrazioni l'art. 15 c. 3 ${LAW} prevede la responsabilità penale, amministrativa e ` +
        `disciplinare dei funzionari: l'importo è solo indicativo.`,
    );
  }
  if (!daily.verified) steps.caution(unverifiedNote(daily, "sanzione giornaliera"));
  const result: NonNullable<QuotaResult["sanction"]> = {
    dailyPerWorker: formatCents(daily.value),
    total: formatCents(total),
    totalWithDiffida: formatCents(withDiffida),
  };
  if (wd.computed !== undefined) result.workingDays = wd.computed;
  return result;
}

/**
 * Compensation (docs/legal/l68.md#s1-8): automatic between a private employer's units (art. 5 c. 8 and
 * 8-bis as replaced by DL 138/2011) and between group companies (art. 31 D.Lgs. 276/2003); public
 * employers need an authorisation (art. 5 c. 8-ter, not verified), so their units apply only with
 * `authorised`.
 */
function applyCompensation(input: QuotaInput, steps: Steps): bigint {
  const c = input.compensation;
  if (!c) {
    if (input.employer.type === "public") {
      steps.caution(
        `Non verificato: per un datore di lavoro pubblico con unità in più province la compensazione tra province non è ` +
          `automatica ma richiede l'autorizzazione (art. 5 c. 8-ter ${LAW}, testo non letto): il calcolo nazionale la presuppone; ` +
          `senza autorizzazione ogni provincia deve coprire la propria quota (indicare compensation con authorised).`,
      );
    }
    return 0n;
  }
  const units = BigInt(c.units);
  const what =
    units >= 0n
      ? `${plural(units, "posto scoperto coperto", "posti scoperti coperti")} da assunzioni in eccedenza`
      : `${plural(-units, "assunzione in eccedenza usata", "assunzioni in eccedenza usate")} per coprire posti scoperti`;
  if (input.employer.type === "public") {
    if (c.authorised !== true) {
      steps.push(
        `Compensazione territoriale indicata (${what} in altre unità produttive) non applicata: per i datori di lavoro pubblici ` +
          `serve l'autorizzazione del servizio competente (art. 5 c. 8-ter ${LAW}); se c'è, indicare authorised: true.`,
      );
      steps.caution(
        `Non verificato: il testo dell'art. 5 c. 8-ter ${LAW} sulla compensazione dei datori di lavoro pubblici non è stato letto.`,
      );
      return 0n;
    }
    steps.push(`Compensazione territoriale autorizzata: ${what} in altre unità produttive (art. 5 c. 8-ter ${LAW}).`);
    steps.caution(
      `Non verificato: il testo dell'art. 5 c. 8-ter ${LAW} sulla compensazione dei datori di lavoro pubblici non è stato letto.`,
    );
    return units;
  }
  steps.push(
    c.kind === "group"
      ? `Compensazione tra società del gruppo: ${what} in altre società del gruppo con sede in Italia, senza autorizzazione ` +
          `(art. 5 c. 8 ${LAW} come sostituito dall'art. 9 DL 138/2011 e art. 31 D.Lgs. 276/2003).`
      : `Compensazione automatica tra unità produttive: ${what} in altre unità, senza autorizzazione ` +
          `(art. 5 c. 8 e c. 8-bis ${LAW} come sostituiti dall'art. 9 DL 138/2011).`,
  );
  return units;
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

/** Computes base, quotas, coverage, exemption and sanction for validated input (see `QuotaInputSchema`). */
export function computeQuota(input: QuotaInput): QuotaResult {
  const steps = new Steps();
  const b = computeBase(input);
  steps.push(...explainBase(input, b));

  const q3 = quotaDisabiliFor(b.base);
  const q18 = quotaArt18For(b.base);
  steps.push(explainQuotaDisabili(b.base, q3), explainQuotaArt18(b.base, q18), ...historicalNotes(input, b.base));

  const suspended = applySuspension(input, q3, q18);
  if (suspended.sentence) steps.push(suspended.sentence);

  const coverage = coverDisabili(input, b.base, q3, steps);
  const coveredArt18 = art18InService(input);
  steps.push(
    `Lavoratori delle categorie dell'art. 18 c. 2 in servizio: ${formatInt(coveredArt18)}; le due quote sono distinte e ` +
      `non si compensano tra loro (art. 18 c. 2 ${LAW}).`,
  );

  const compensated = applyCompensation(input, steps);
  const art11 = BigInt(input.conventions?.art11OpenPositions ?? 0);
  const shortfall = nonNegative(suspended.quotaDisabili - coverage.covered - art11 - compensated);
  const legacy = legacyArt18Offset(input, suspended.quotaArt18, coveredArt18, shortfall);
  if (legacy) steps.push(legacy.sentence);
  const offset = legacy?.offset ?? 0n;
  const uncoveredDisabili = shortfall - offset;
  const uncoveredArt18 = nonNegative(suspended.quotaArt18 - coveredArt18);
  const compensationText =
    compensated > 0n
      ? ` e ${formatInt(compensated)} ${compensated === 1n ? "compensato" : "compensati"} da altre unità o società del gruppo`
      : compensated < 0n
        ? `, più ${formatInt(-compensated)} ${compensated === -1n ? "assunzione" : "assunzioni"} in eccedenza ${compensated === -1n ? "usata" : "usate"} altrove`
        : "";
  steps.push(
    `Posti scoperti prima di ogni esonero: disabili ${formatInt(uncoveredDisabili)} (quota ${formatInt(suspended.quotaDisabili)} ` +
      `meno ${formatInt(coverage.covered)} coperti` +
      (art11 > 0n ? ` e ${formatInt(art11)} posizioni programmate in convenzione ex art. 11` : "") +
      compensationText +
      (offset > 0n ? ` e ${formatInt(offset)} per l'abbattimento transitorio dell'art. 18 c. 1` : "") +
      `, mai meno di zero); categorie dell'art. 18 c. 2 ${formatInt(uncoveredArt18)} (art. 3, art. 11 e art. 18 ${LAW}).`,
  );

  const result: QuotaResult = {
    baseComputo: Number(b.base),
    band: bandOf(b.base),
    quotaDisabili: Number(suspended.quotaDisabili),
    quotaArt18: Number(suspended.quotaArt18),
    quotaDisabiliBeforeSuspension: Number(q3),
    quotaArt18BeforeSuspension: Number(q18),
    coveredDisabili: Number(coverage.covered),
    coveredArt18: Number(coveredArt18),
    uncoveredDisabili: Number(uncoveredDisabili),
    uncoveredArt18: Number(uncoveredArt18),
    explanation: steps.explanation,
  };
  if (legacy) result.legacyArt18Offset = Number(legacy.offset);

  let missing = uncoveredDisabili;
  let selfCertified = 0n;
  if (input.selfCertification) {
    const self = computeSelfCertification(input, uncoveredDisabili, steps);
    result.selfCertification = self.result;
    selfCertified = BigInt(input.selfCertification.positions);
    missing = uncoveredDisabili - self.counted;
  }
  if (input.compensation) result.compensation = { units: input.compensation.units, applied: Number(compensated) };
  if (input.exemption) {
    result.exemption = computeExemption(input, suspended.quotaDisabili, uncoveredDisabili, selfCertified, steps);
    missing = BigInt(result.exemption.remainingUncovered);
  }
  if (input.sanction) result.sanction = computeSanction(input, missing, steps);
  if (steps.unverified.length) result.unverified = steps.unverified;
  // Keep `explanation` last in the serialised JSON, as in the issue.
  const { explanation: out, ...rest } = result;
  return { ...rest, explanation: out };
}
