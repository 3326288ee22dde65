/**
 * The exact L. 68/1999 quota calculator (issue 6 §1; rules in shared/domain/l68-quota-rules.md).
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
  isArt4BelowThreshold,
  isShortAgencyMission,
  quotaArt18For,
  quotaDisabiliFor,
} from "./base";
import { formatDate, formatDecimal, formatEuro, formatInt, plural } from "./explain";
import { HALF, ONE, type Rational, cmp, fromNumber, mul, rational, roundHalfUp, roundQuota, sub, sum } from "./rational";
import type { QuotaInput, QuotaResult } from "./schema";

export { bandOf, computeBase, quotaArt18For, quotaDisabiliFor } from "./base";

const LAW = "L. 68/1999";
/** L. 68/1999 entered into force on 18 January 2000 (art. 23: 300 days after GU 23 Mar 1999). */
const LAW_IN_FORCE_FROM = "2000-01-18";

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const nonNegative = (n: bigint) => (n < 0n ? 0n : n);

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
    `Data di riferimento ${formatDate(input.date)}, datore di lavoro ${employer}: organico complessivo di ` +
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
    out.push(`Alla data indicata la ${LAW} non era ancora in vigore (lo è dal 18 gennaio 2000, art. 23): il calcolo ne applica comunque le regole.`);
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
 * suspended — R(Q × (1 − share)) as Regione Piemonte does (rules file §1.9, §3.6); a collective
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
  sentences: string[];
}

/**
 * Disabled workers in force (rules file §1.5). Part-time: above 50 % of the hours a worker
 * counts as 1; at or below 50 % the fractions h/H are pooled and rounded once with the
 * > 0.50 rule — PRODIS `get_disabili_riproporz` (rules file §3.2).
 */
function coverDisabili(input: QuotaInput, base: bigint, q3BeforeSuspension: bigint): Coverage {
  let wholeUnits = 0n;
  const art4Counted: Record<Art4Route, bigint> = { percent: 0n, category: 0n, psychic: 0n };
  let shortAgency = 0n;
  const small: { count: bigint; fraction: Rational }[] = [];
  for (const g of input.workforce) {
    if (g.protected !== "disabile_l68" && g.protected !== "disabile_art4") continue;
    if (isArt4BelowThreshold(g)) continue; // explained with the base
    const count = BigInt(g.count);
    if (isShortAgencyMission(g)) {
      shortAgency += count;
      continue;
    }
    const route = art4Route(g);
    if (route) art4Counted[route] += count;
    const fraction = hoursFraction(g);
    if (cmp(fraction, HALF) > 0) wholeUnits += count;
    else small.push({ count, fraction });
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
  sentences.push(`${text} (art. 3 e art. 4 ${LAW}; criterio PRODIS per i disabili a tempo parziale).`);
  sentences.push(...explainArt4Routes(art4Counted));
  if (smallWorkers > 0n) {
    sentences.push(
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
  return { covered: wholeUnits + smallUnits + art12bis.counted, sentences };
}

/** One sentence per art. 4 route actually used (rules file §1.5): the employer sees why each counts. */
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
 * read (rules file §1.10): the general L. 68 rule (> 0.50) is used.
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

const art18InService = (input: QuotaInput) =>
  input.workforce.reduce((n, g) => (g.protected === "art18" ? n + BigInt(g.count) : n), 0n);

/**
 * Legacy "abbattimento" (art. 18 c. 1; rules file §1.5, §3.5), computed as PRODIS does
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
    `delle categorie dell'art. 18 c. 2 in servizio al ${formatDate(ART18_LEGACY_IN_FORCE_ON)}, eccedenza rispetto alla quota ` +
    `dell'art. 18 di ${formatInt(surplus)}; i posti scoperti per i disabili si riducono di ${formatInt(offset)} (il minore tra ` +
    `quota dell'art. 18 ${formatInt(quotaArt18)}, eccedenza, lavoratori in servizio al ${formatDate(ART18_LEGACY_IN_FORCE_ON)} ` +
    `e posti scoperti ${formatInt(shortfall)}).`;
  return { offset, sentence };
}

// ---------------------------------------------------------------------------------------------
// Exemption and sanction
// ---------------------------------------------------------------------------------------------

const unverifiedNote = (p: Period<unknown>, what: string) =>
  `Attenzione: l'importo del ${what} in vigore alla data indicata (${p.act}) non è confermato da una fonte ufficiale: verificarlo prima di usarlo.`;

/**
 * The cap is what the authorisation grants (rules file §3.10): 60 % unless it states otherwise
 * (DM 357/2000); above 60 % only as an explicit parameter, since the 80 % for some sectors
 * reported to us could not be verified (§1.7, §5).
 */
function explainExemptionCap(capPercent: number | undefined): string {
  if (capPercent === undefined) {
    return (
      `Tetto dell'esonero parziale: 60% della quota di riserva, il massimo previsto dal DM 357/2000; l'autorizzazione ` +
      `indica la percentuale concessa e un tetto diverso va indicato espressamente (art. 5 c. 3 ${LAW}).`
    );
  }
  if (capPercent <= Number(EXEMPTION_MAX_PERCENT)) {
    return `Tetto dell'esonero parziale indicato nell'autorizzazione: ${capPercent}% della quota di riserva (art. 5 c. 3 ${LAW} e DM 357/2000).`;
  }
  return (
    `Tetto dell'esonero parziale indicato: ${capPercent}% della quota di riserva, oltre il 60% del DM 357/2000; un tetto più ` +
    `alto (fino all'80% per alcuni settori) è accettato solo come parametro esplicito perché la sua fonte non è stata ` +
    `verificata: deve risultare dall'autorizzazione (art. 5 c. 3 ${LAW}).`
  );
}

/**
 * Partial exemption, Regione Piemonte's calculation (rules file §1.7, §3.9): no exemption
 * with a quota of 0 or 1, at most 1 unit with a quota of 2, R(quota × % / 100) from 3; the
 * percentage is capped at the authorisation's cap, 60 % by default (DM 357/2000). Exempted =
 * min(uncovered, max), paid per working day per unit.
 */
function computeExemption(input: QuotaInput, quota: bigint, uncovered: bigint) {
  const e = input.exemption!;
  const sentences: string[] = [explainExemptionCap(e.capPercent)];
  const requested = fromNumber(e.percent);
  const capPercent = e.capPercent !== undefined ? BigInt(e.capPercent) : EXEMPTION_MAX_PERCENT;
  const cap = rational(capPercent);
  const capped = cmp(requested, cap) > 0;
  const percent = capped ? cap : requested;
  if (capped) {
    sentences.push(
      `La percentuale di esonero indicata (${formatDecimal(requested)}%) supera il massimo del ${capPercent}% ` +
        `della quota di riserva: si applica il ${capPercent}% (art. 5 c. 3 ${LAW} e DM 357/2000).`,
    );
  }
  let maxUnits: bigint;
  if (quota <= 1n) {
    maxUnits = 0n;
    sentences.push(
      `Con una quota di ${formatInt(quota)} non è possibile l'esonero parziale: unità esonerabili 0 ` +
        `(art. 5 c. 3 ${LAW}; criterio applicato dalle Regioni).`,
    );
  } else if (quota === 2n) {
    maxUnits = 1n;
    sentences.push(`Con una quota di 2 lavoratori è esonerabile al massimo 1 unità (art. 5 c. 3 ${LAW}; criterio applicato dalle Regioni).`);
  } else {
    const exact = mul(rational(quota), mul(percent, rational(1n, 100n)));
    maxUnits = roundQuota(exact);
    sentences.push(
      `Unità esonerabili: ${formatDecimal(percent)}% di ${formatInt(quota)} = ${formatDecimal(exact)}, arrotondato a ` +
        `${formatInt(maxUnits)} (art. 5 c. 3 ${LAW} e DM 357/2000).`,
    );
  }
  const exempted = min(uncovered, maxUnits);
  const daily = contributoAt(input.date);
  const days = BigInt(e.workingDays);
  const total = exempted * daily.value * days;
  sentences.push(
    `Unità esonerate: ${formatInt(exempted)} (il minore tra posti scoperti e unità esonerabili); contributo esonerativo di ` +
      `${formatEuro(daily.value)} per giornata lavorativa e per unità (${daily.act}): ${formatInt(exempted)} × ` +
      `${formatEuro(daily.value)} × ${formatInt(days)} giornate = ${formatEuro(total)}; posti ancora scoperti: ` +
      `${formatInt(uncovered - exempted)} (art. 5 c. 3 ${LAW}).`,
  );
  if (!daily.verified) sentences.push(unverifiedNote(daily, "contributo esonerativo"));
  return {
    result: {
      maxUnits: Number(maxUnits),
      exemptedUnits: Number(exempted),
      remainingUncovered: Number(uncovered - exempted),
      dailyAmount: formatCents(daily.value),
      totalAmount: formatCents(total),
    },
    sentences,
  };
}

/**
 * Art. 15 c. 4: per working day after the 60 days, per disabled worker missing (after any
 * exemption), five times the contributo (196.05 from 2022). If the employer complies with the
 * inspector's diffida it pays a quarter of it (art. 15 c. 4-bis; INL nota 966/2021), rounded
 * to the cent once, on the total (the example: 7842.00 → 1960.50).
 */
function computeSanction(input: QuotaInput, missing: bigint) {
  const days = BigInt(input.sanction!.workingDays);
  const daily = uncoveredSanctionAt(input.date);
  const total = missing * daily.value * days;
  const quarterExact = rational(total, 4n);
  const withDiffida = roundHalfUp(quarterExact);
  const sentences = [
    `Sanzione per la quota non coperta dopo i 60 giorni: ${formatEuro(daily.value)} per giornata lavorativa e per ciascun ` +
      `disabile non occupato (${daily.act}): ${formatInt(missing)} × ${formatEuro(daily.value)} × ${formatInt(days)} giornate ` +
      `= ${formatEuro(total)} (art. 15 c. 4 ${LAW}).`,
    `Se il datore di lavoro ottempera alla diffida la sanzione è ridotta a un quarto (${formatEuro(rational(daily.value, 4n))} ` +
      `al giorno per lavoratore): ${formatEuro(quarterExact)}, cioè ${formatEuro(withDiffida)} arrotondato al centesimo ` +
      `(art. 15 c. 4-bis ${LAW} e art. 13 D.Lgs. 124/2004).`,
  ];
  if (!daily.verified) sentences.push(unverifiedNote(daily, "sanzione giornaliera"));
  return {
    result: { dailyPerWorker: formatCents(daily.value), total: formatCents(total), totalWithDiffida: formatCents(withDiffida) },
    sentences,
  };
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

/** Computes base, quotas, coverage, exemption and sanction for validated input (see `QuotaInputSchema`). */
export function computeQuota(input: QuotaInput): QuotaResult {
  const explanation: string[] = [];
  const b = computeBase(input);
  explanation.push(...explainBase(input, b));

  const q3 = quotaDisabiliFor(b.base);
  const q18 = quotaArt18For(b.base);
  explanation.push(explainQuotaDisabili(b.base, q3), explainQuotaArt18(b.base, q18), ...historicalNotes(input, b.base));

  const suspended = applySuspension(input, q3, q18);
  if (suspended.sentence) explanation.push(suspended.sentence);

  const coverage = coverDisabili(input, b.base, q3);
  explanation.push(...coverage.sentences);
  const coveredArt18 = art18InService(input);
  explanation.push(
    `Lavoratori delle categorie dell'art. 18 c. 2 in servizio: ${formatInt(coveredArt18)}; le due quote sono distinte e ` +
      `non si compensano tra loro (art. 18 c. 2 ${LAW}).`,
  );

  const art11 = BigInt(input.conventions?.art11OpenPositions ?? 0);
  const shortfall = nonNegative(suspended.quotaDisabili - coverage.covered - art11);
  const legacy = legacyArt18Offset(input, suspended.quotaArt18, coveredArt18, shortfall);
  if (legacy) explanation.push(legacy.sentence);
  const offset = legacy?.offset ?? 0n;
  const uncoveredDisabili = shortfall - offset;
  const uncoveredArt18 = nonNegative(suspended.quotaArt18 - coveredArt18);
  explanation.push(
    `Posti scoperti prima di ogni esonero: disabili ${formatInt(uncoveredDisabili)} (quota ${formatInt(suspended.quotaDisabili)} ` +
      `meno ${formatInt(coverage.covered)} coperti` +
      (art11 > 0n ? ` e ${formatInt(art11)} posizioni programmate in convenzione ex art. 11` : "") +
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
    explanation,
  };
  if (legacy) result.legacyArt18Offset = Number(legacy.offset);

  let missing = uncoveredDisabili;
  if (input.exemption) {
    const exemption = computeExemption(input, suspended.quotaDisabili, uncoveredDisabili);
    result.exemption = exemption.result;
    missing = BigInt(exemption.result.remainingUncovered);
    explanation.push(...exemption.sentences);
  }
  if (input.sanction) {
    const sanction = computeSanction(input, missing);
    result.sanction = sanction.result;
    explanation.push(...sanction.sentences);
  }
  // Keep `explanation` last in the serialised JSON, as in the issue.
  const { explanation: steps, ...rest } = result;
  return { ...rest, explanation: steps };
}
