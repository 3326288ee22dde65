import { personCodiceFiscaleCheckChar } from "~/utils/tax-codes";
import { PROFILES, type Profile } from "./candidate-profiles";
import { jobTitlesOf } from "~/domain/professions/vocabulary";
import { studyOfEqf } from "~/domain/candidates/education";
import { cvLicenceCodeOfCategory, LICENCE_CERTIFICATES } from "~/domain/candidates/cv-codes";

/**
 * Deterministic generator of realistic synthetic candidates (demo data and
 * benchmarks). Same seed + same reference data + same `today` → the same
 * people, byte for byte. Pure: the caller loads the reference data and
 * writes the rows (bulk, see candidate-writer.ts).
 */

/** sfc32: small, fast, good enough statistically; seeded from a string. */
export function createRng(seed: string) {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const next32 = () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
  let a = next32(),
    b = next32(),
    c = next32(),
    d = next32();
  const float = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(float() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(float() * xs.length)];
  const chance = (p: number) => float() < p;
  return { float, int, pick, chance };
}
export type Rng = ReturnType<typeof createRng>;

/** Cumulative weights for O(log n) weighted picks among thousands of comuni. */
export function weightedPicker<T>(items: readonly T[], weight: (t: T) => number) {
  const cumulative: number[] = [];
  let total = 0;
  for (const it of items) cumulative.push((total += Math.max(0, weight(it))));
  return (rng: Rng): T => {
    const x = rng.float() * total;
    let lo = 0,
      hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo];
  };
}

const MALE = [
  "Marco",
  "Alessandro",
  "Giuseppe",
  "Francesco",
  "Luca",
  "Andrea",
  "Matteo",
  "Lorenzo",
  "Davide",
  "Simone",
  "Stefano",
  "Roberto",
  "Antonio",
  "Giovanni",
  "Paolo",
  "Fabio",
  "Daniele",
  "Riccardo",
  "Federico",
  "Salvatore",
  "Vincenzo",
  "Mario",
  "Massimo",
  "Claudio",
  "Emanuele",
  "Gabriele",
  "Nicola",
  "Alberto",
  "Michele",
  "Domenico",
  "Cristian",
  "Pietro",
  "Filippo",
  "Tommaso",
  "Enrico",
  "Giorgio",
  "Raffaele",
  "Carmine",
  "Angelo",
  "Diego",
];
const FEMALE = [
  "Giulia",
  "Francesca",
  "Chiara",
  "Sara",
  "Martina",
  "Valentina",
  "Federica",
  "Alessandra",
  "Silvia",
  "Elisa",
  "Laura",
  "Anna",
  "Paola",
  "Roberta",
  "Elena",
  "Monica",
  "Simona",
  "Cristina",
  "Barbara",
  "Giorgia",
  "Serena",
  "Ilaria",
  "Claudia",
  "Daniela",
  "Michela",
  "Veronica",
  "Maria",
  "Rosa",
  "Antonella",
  "Teresa",
  "Alice",
  "Sofia",
  "Aurora",
  "Beatrice",
  "Caterina",
  "Marta",
  "Noemi",
  "Irene",
  "Lucia",
  "Camilla",
];
const SURNAMES = [
  "Rossi",
  "Russo",
  "Ferrari",
  "Esposito",
  "Bianchi",
  "Romano",
  "Colombo",
  "Ricci",
  "Marino",
  "Greco",
  "Bruno",
  "Gallo",
  "Conti",
  "De Luca",
  "Mancini",
  "Costa",
  "Giordano",
  "Rizzo",
  "Lombardi",
  "Moretti",
  "Barbieri",
  "Fontana",
  "Santoro",
  "Mariani",
  "Rinaldi",
  "Caruso",
  "Ferrara",
  "Galli",
  "Martini",
  "Leone",
  "Longo",
  "Gentile",
  "Martinelli",
  "Vitale",
  "Lombardo",
  "Serra",
  "Coppola",
  "De Santis",
  "D'Angelo",
  "Marchetti",
  "Parisi",
  "Villa",
  "Conte",
  "Ferraro",
  "Ferri",
  "Fabbri",
  "Bianco",
  "Marini",
  "Grasso",
  "Valentini",
  "Messina",
  "Sala",
  "De Angelis",
  "Gatti",
  "Pellegrini",
  "Palumbo",
  "Sanna",
  "Farina",
  "Rizzi",
  "Monti",
  "Cattaneo",
  "Morelli",
  "Amato",
  "Silvestri",
  "Mazza",
  "Testa",
  "Grassi",
  "Pellegrino",
  "Carbone",
  "Giuliani",
  "Benedetti",
  "Barone",
  "Rossetti",
  "Caputo",
  "Montanari",
  "Guerra",
  "Palmieri",
  "Bernardi",
  "Martino",
  "Fiore",
  "De Rosa",
  "Ferretti",
  "Bellini",
  "Basile",
  "Riva",
  "Donati",
  "Piras",
  "Vitali",
  "Battaglia",
  "Sartori",
  "Neri",
  "Costantini",
  "Milani",
  "Pagano",
  "Ruggiero",
  "Sorrentino",
  "D'Amico",
  "Orlando",
  "Damico",
  "Negri",
];
/** People born abroad: a realistic share of job-centre registrations. Birth-place code Z… in the codice fiscale. */
const ABROAD = [
  {
    country: "Z129",
    lang: "RUM",
    male: ["Andrei", "Ion", "Mihai", "Florin", "Gheorghe"],
    female: ["Elena", "Ioana", "Maria", "Andreea", "Mihaela"],
    surnames: ["Popescu", "Ionescu", "Popa", "Stan", "Dumitru", "Munteanu"],
  },
  {
    country: "Z100",
    lang: "ALB",
    male: ["Arben", "Ervin", "Gentian", "Klodian", "Besnik"],
    female: ["Elona", "Anila", "Blerina", "Ermira", "Jonida"],
    surnames: ["Hoxha", "Shehu", "Gjoka", "Dervishi", "Kola"],
  },
  {
    country: "Z330",
    lang: "ARA",
    male: ["Mohamed", "Youssef", "Hamza", "Karim", "Said"],
    female: ["Fatima", "Khadija", "Salma", "Nadia", "Amina"],
    surnames: ["El Amrani", "Benali", "Bouzid", "Haddad", "Tahiri"],
  },
  {
    country: "Z138",
    lang: "UCR",
    male: ["Oleksandr", "Andriy", "Serhiy", "Dmytro"],
    female: ["Olena", "Natalia", "Iryna", "Oksana", "Tetiana"],
    surnames: ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko"],
  },
];

export interface ComuneRef {
  istat_code: string;
  name: string;
  province_code: string;
  belfiore: string | null;
  population: number | null;
}
export interface OccupationRef {
  code: string;
  title: string;
}
export interface GeneratorRefs {
  comuni: ComuneRef[];
  /** Level-5 CP2021 occupations. */
  occupations: OccupationRef[];
  atecoCodes: Set<string>;
}

interface ResolvedProfile extends Profile {
  occupation: OccupationRef;
}

/** How common each CP2021 major group is among job-centre CVs (rough: few legislators, many shop, care and manual jobs). */
const GROUP_WEIGHT: Record<string, number> = { "1": 0.15, "2": 1, "3": 1.5, "4": 2, "5": 3, "6": 2.5, "7": 2, "8": 3, "9": 0.1 };
const GROUP_EQF: Record<string, number[]> = {
  "1": [6, 7],
  "2": [6, 7, 7, 8],
  "3": [4, 5, 6],
  "4": [4, 4, 6],
  "5": [2, 3, 4],
  "6": [2, 3, 3],
  "7": [2, 3, 4],
  "8": [1, 2, 2],
  "9": [4],
};
const GROUP_EMPLOYERS: Record<string, string[]> = {
  "1": ["Gruppo", "Holding", "Ente"],
  "2": ["Studio", "Società di consulenza", "Università", "Azienda ospedaliera"],
  "3": ["Studio tecnico", "Azienda", "Società di servizi"],
  "4": ["Ufficio amministrativo", "Azienda", "Società di servizi"],
  "5": ["Negozio", "Cooperativa sociale", "Hotel", "Società di servizi"],
  "6": ["Impresa artigiana", "Officina", "Impresa edile", "Laboratorio"],
  "7": ["Industria", "Stabilimento", "Impresa di trasporti"],
  "8": ["Cooperativa di servizi", "Azienda agricola", "Impresa di pulizie"],
  "9": ["Forze armate"],
};
/** Share of all picks that go to the CP2021 units without a hand-written profile (the long tail of professions). */
const TAIL_SHARE = 0.33;

/**
 * A profile for a CP2021 unit without a hand-written one: tasks and notes drawn
 * from the unit's ISTAT job titles (app/domain/professions/vocabulary.ts), so
 * every one of the 813 units appears in the synthetic CV database.
 */
export function unitProfile(occupation: OccupationRef): ResolvedProfile {
  const group = occupation.code[0];
  const titles = jobTitlesOf([occupation.code]);
  const voci = (titles.length ? titles : [occupation.title]).slice(0, 12).map((t) => t.charAt(0).toLowerCase() + t.slice(1));
  return {
    key: `unit:${occupation.code}`,
    titles: [],
    weight: (GROUP_WEIGHT[group] ?? 1) * (1 + Math.log1p(titles.length) / 2),
    ateco: "",
    tasks: voci.map((v) => `mansioni di ${v}`),
    eqf: GROUP_EQF[group] ?? [3, 4],
    notes: voci.slice(0, 4).map((v) => `esperienza come ${v}`),
    employers: GROUP_EMPLOYERS[group] ?? ["Azienda"],
    related: [],
    occupation,
  };
}

/** Each profile → the first level-5 occupation whose title matches (codes sorted, so the choice is stable). */
export function resolveProfiles(occupations: OccupationRef[]): ResolvedProfile[] {
  const sorted = [...occupations].sort((a, b) => a.code.localeCompare(b.code));
  const out: ResolvedProfile[] = [];
  for (const p of PROFILES) {
    let found: OccupationRef | undefined;
    for (const re of p.titles) if (!found) found = sorted.find((o) => re.test(o.title));
    if (found) out.push({ ...p, occupation: found });
  }
  return out;
}

export interface GeneratedCandidate {
  candidate: {
    id: string;
    first_name: string;
    last_name: string;
    tax_code: string;
    birth_date: string;
    domicile_comune_code: string;
    domicile_address: string;
    phone: string;
    email: string;
    work_time: "full_time" | "part_time" | "any";
    shifts: boolean;
    weekends: boolean;
    max_commute_km: number | null;
    willing_to_relocate: boolean;
    own_vehicle: boolean;
    available_from: string | null;
    consent_visible: boolean;
    consent_changed_at: string | null;
    cv_updated_at: string;
    protected_category: "none" | "art1" | "art18";
    created_at: string;
  };
  /** Ministerial level and title of study (the profiles give an EQF level: `studyOfEqf` converts it, as for the stored CVs). */
  education: {
    candidate_id: string;
    study_level: number;
    study_title_code: string | null;
    title: string;
    institution: string;
    year: number;
  }[];
  experiences: {
    candidate_id: string;
    occupation_code: string;
    employer_name: string;
    started_on: string;
    ended_on: string | null;
    tasks: string;
  }[];
  preferences: {
    candidate_id: string;
    slot: number;
    occupation_code: string;
    occupation_label: string;
    ateco_code: string | null;
    source: "work" | "education" | "training";
    years_experience: number;
    last_job_year: number | null;
    notes: string;
    interview_date: string;
  }[];
  languages: { candidate_id: string; language_code: string; level: string }[];
  motherTongues: { candidate_id: string; language_code: string }[];
  licences: { candidate_id: string; licence_code: string; licence_category: string | null }[];
  certificates: { candidate_id: string; name: string }[];
  itSkills: { candidate_id: string; skill: string; level: "basic" | "intermediate" | "advanced" }[];
  disability: { candidate_id: string; percentage: number } | null;
}

const MONTH_LETTERS = "ABCDEHLMPRST";
const VOWELS = /[AEIOU]/;

function cfPart(text: string, isName: boolean): string {
  const letters = text
    .toUpperCase()
    .normalize("NFD")
    .replace(/[^A-Z]/g, "");
  const cons = [...letters].filter((c) => !VOWELS.test(c));
  const vows = [...letters].filter((c) => VOWELS.test(c));
  const chosen = isName && cons.length >= 4 ? [cons[0], cons[2], cons[3]] : [...cons, ...vows];
  return (chosen.join("") + "XXX").slice(0, 3);
}

/** A formally valid codice fiscale (check character included). */
export function codiceFiscale(p: { first: string; last: string; birth: Date; female: boolean; place: string }): string {
  const yy = String(p.birth.getUTCFullYear() % 100).padStart(2, "0");
  const day = String(p.birth.getUTCDate() + (p.female ? 40 : 0)).padStart(2, "0");
  const first15 = cfPart(p.last, false) + cfPart(p.first, true) + yy + MONTH_LETTERS[p.birth.getUTCMonth()] + day + p.place;
  return first15 + personCodiceFiscaleCheckChar(first15);
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const DAY = 86_400_000;

function uuidFrom(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16));
  hex[12] = "4";
  hex[16] = ((rng.int(0, 15) & 0x3) | 0x8).toString(16);
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const STREETS = [
  "Via Roma",
  "Via Garibaldi",
  "Via Mazzini",
  "Corso Italia",
  "Via Verdi",
  "Via Dante",
  "Via Marconi",
  "Via Matteotti",
  "Piazza della Repubblica",
  "Via XX Settembre",
  "Via Cavour",
  "Viale Europa",
];
/** The columns of a generated title from the profile's EQF level and the title's words. */
function studyColumns(eqf: number, title: string) {
  const study = studyOfEqf(eqf, title);
  if (!study) throw new Error(`EQF ${eqf} senza livello di studio`);
  return { study_level: study.studyLevel, study_title_code: study.studyTitleCode };
}

const SCHOOL_TITLES: Record<number, string[]> = {
  1: ["Licenza elementare"],
  2: ["Licenza media"],
  3: ["Qualifica professionale regionale"],
  4: ["Diploma di istituto tecnico", "Diploma di istituto professionale", "Diploma di liceo scientifico", "Diploma di liceo linguistico"],
  5: ["Diploma ITS Academy"],
  6: ["Laurea triennale"],
  7: ["Laurea magistrale"],
  8: ["Dottorato di ricerca"],
};
const FIELD_BY_PROFILE: Record<string, string> = {
  cook: "enogastronomia e ospitalità alberghiera",
  waiter: "servizi di sala e vendita",
  accounting: "economia aziendale",
  clerk: "amministrazione, finanza e marketing",
  developer: "informatica",
  ittech: "informatica e telecomunicazioni",
  nurse: "infermieristica",
  educator: "scienze dell'educazione",
  electrician: "elettrotecnica",
  mechanic: "manutenzione e assistenza tecnica",
  cnc: "meccanica e meccatronica",
  welder: "meccanica",
  reception: "turismo",
  oss: "servizi socio-sanitari",
};
const LANGS = [
  { code: "001", p: 0.5 },
  { code: "005", p: 0.12 },
  { code: "SPA", p: 0.1 },
  { code: "002", p: 0.06 },
];
const CEFR = ["A1", "A2", "B1", "B2", "C1", "C2"];

/**
 * The generator: `next()` returns the next candidate. `today` anchors every
 * date (CV freshness, ages), so pass the same day to get the same data.
 */
export function createCandidateGenerator(refs: GeneratorRefs, opts: { seed: string; today: Date }) {
  const rng = createRng(opts.seed);
  const profiles = resolveProfiles(refs.occupations);
  if (!profiles.length) throw new Error("Nessuna professione CP2021 corrisponde ai profili: la tabella occupations è vuota?");
  const byKey = new Map(profiles.map((p) => [p.key, p]));
  // Every other CP2021 unit, weighted by its major group, shares TAIL_SHARE of the picks.
  const covered = new Set(profiles.map((p) => p.occupation.code));
  const tail = [...refs.occupations]
    .sort((a, b) => a.code.localeCompare(b.code))
    .filter((o) => !covered.has(o.code))
    .map(unitProfile);
  const byClass = new Map<string, ResolvedProfile[]>();
  for (const p of tail) {
    const cls = p.occupation.code.split(".").slice(0, 3).join(".");
    byClass.set(cls, [...(byClass.get(cls) ?? []), p]);
    byKey.set(p.key, p);
  }
  for (const p of tail)
    p.related = (byClass.get(p.occupation.code.split(".").slice(0, 3).join(".")) ?? [])
      .filter((x) => x !== p)
      .slice(0, 3)
      .map((x) => x.key);
  const headWeight = profiles.reduce((sum, p) => sum + p.weight, 0);
  const tailWeight = tail.reduce((sum, p) => sum + p.weight, 0);
  const scale = tailWeight ? (headWeight * TAIL_SHARE) / (1 - TAIL_SHARE) / tailWeight : 0;
  const all = [...profiles, ...tail];
  const byCode = new Map(all.map((p) => [p.occupation.code, p]));
  const pickProfile = weightedPicker(all, (p) => (p.key.startsWith("unit:") ? p.weight * scale : p.weight));
  const placed = refs.comuni.filter((c) => c.population && c.belfiore);
  const pickComune = weightedPicker(placed, (c) => c.population ?? 0);
  const taken = new Set<string>();
  const today = opts.today.getTime();
  let n = 0;

  const dateBack = (minDays: number, maxDays: number) => new Date(today - rng.int(minDays, maxDays) * DAY);

  function person() {
    const female = rng.chance(0.52);
    const abroad = rng.chance(0.14) ? rng.pick(ABROAD) : null;
    const first = abroad ? rng.pick(female ? abroad.female : abroad.male) : rng.pick(female ? FEMALE : MALE);
    const last = abroad ? rng.pick(abroad.surnames) : rng.pick(SURNAMES);
    return { female, abroad, first, last };
  }

  /** The next candidate; `occupationCode` forces the first preference (the relevance bench needs every judged unit). */
  function next(opts: { occupationCode?: string } = {}): GeneratedCandidate {
    n++;
    const id = uuidFrom(rng);
    const who = person();
    const comune = pickComune(rng);
    // Ages 18–64, more people in their 20s–40s.
    const age = Math.min(64, 18 + Math.floor(Math.abs(rng.float() + rng.float() - 0.6) * 38));
    let birth = new Date(today - (age * 365.25 + rng.int(0, 364)) * DAY);
    let tax = codiceFiscale({
      first: who.first,
      last: who.last,
      birth,
      female: who.female,
      place: who.abroad?.country ?? comune.belfiore!,
    });
    while (taken.has(tax)) {
      birth = new Date(birth.getTime() + DAY);
      tax = codiceFiscale({ first: who.first, last: who.last, birth, female: who.female, place: who.abroad?.country ?? comune.belfiore! });
    }
    taken.add(tax);

    const forced = opts.occupationCode ? byCode.get(opts.occupationCode) : undefined;
    if (opts.occupationCode && !forced) throw new Error(`Unità professionale sconosciuta: ${opts.occupationCode}`);
    const main = forced ?? pickProfile(rng);
    const prefCount = rng.chance(0.4) ? 1 : rng.chance(0.55) ? 2 : 3;
    const prefProfiles = [main];
    for (const key of main.related) {
      if (prefProfiles.length >= prefCount) break;
      const p = byKey.get(key);
      if (p && rng.chance(0.6) && !prefProfiles.includes(p)) prefProfiles.push(p);
    }
    while (prefProfiles.length < prefCount) {
      const p = pickProfile(rng);
      if (!prefProfiles.includes(p)) prefProfiles.push(p);
    }

    // Work history: 0–4 jobs, mostly in the preferred occupations, going back from today.
    const experiences: GeneratedCandidate["experiences"] = [];
    const careerYears = Math.max(0, age - 19);
    const jobs = careerYears < 1 ? 0 : Math.min(rng.int(0, 4), careerYears);
    let end = rng.chance(0.6) ? new Date(today - rng.int(30, 500) * DAY) : null;
    for (let j = 0; j < jobs; j++) {
      const p = rng.chance(0.75) ? prefProfiles[Math.min(j, prefProfiles.length - 1)] : pickProfile(rng);
      const endAt = end ?? new Date(today);
      const start = new Date(endAt.getTime() - rng.int(90, 1800) * DAY);
      experiences.push({
        candidate_id: id,
        occupation_code: p.occupation.code,
        employer_name: `${rng.pick(p.employers)} ${rng.pick(SURNAMES)}${rng.chance(0.5) ? " S.r.l." : ""}`,
        started_on: iso(start),
        ended_on: end ? iso(end) : null,
        tasks: [rng.pick(p.tasks), rng.pick(p.tasks)].filter((t, i, a) => a.indexOf(t) === i).join("; "),
      });
      end = new Date(start.getTime() - rng.int(30, 400) * DAY);
      if (end.getTime() < birth.getTime() + 18 * 365 * DAY) break;
    }

    const preferences = prefProfiles.map((p, i) => {
      const worked = experiences.filter((e) => e.occupation_code === p.occupation.code);
      const years = worked.reduce(
        (s, e) => s + ((e.ended_on ? Date.parse(e.ended_on) : today) - Date.parse(e.started_on)) / (365.25 * DAY),
        0,
      );
      const lastYear = worked.length ? Math.max(...worked.map((e) => new Date(e.ended_on ?? today).getUTCFullYear())) : null;
      return {
        candidate_id: id,
        slot: i + 1,
        occupation_code: p.occupation.code,
        occupation_label: p.occupation.title,
        ateco_code: refs.atecoCodes.has(p.ateco) ? p.ateco : null,
        source: (worked.length ? "work" : rng.chance(0.5) ? "training" : "education") as "work" | "training" | "education",
        years_experience: Math.min(60, Math.round(years)),
        last_job_year: lastYear,
        notes: [rng.pick(p.notes), rng.chance(0.4) ? rng.pick(p.tasks) : null].filter(Boolean).join("; "),
        interview_date: iso(dateBack(10, 700)),
      };
    });

    const eqf = rng.pick(main.eqf);
    const education: GeneratedCandidate["education"] = [];
    const field = FIELD_BY_PROFILE[main.key];
    const schoolTitle = `${rng.pick(SCHOOL_TITLES[eqf])}${field && eqf >= 3 ? ` in ${field}` : ""}`;
    education.push({
      candidate_id: id,
      ...studyColumns(eqf, schoolTitle),
      title: schoolTitle,
      institution: eqf >= 6 ? `Università degli studi` : `Istituto di ${comune.name}`,
      year: Math.min(new Date(today).getUTCFullYear(), birth.getUTCFullYear() + 14 + Math.min(eqf, 7) * 1 + 4),
    });
    if (eqf > 2 && rng.chance(0.3))
      education.push({
        candidate_id: id,
        ...studyColumns(2, "Licenza media"),
        title: "Licenza media",
        institution: `Scuola secondaria di primo grado di ${comune.name}`,
        year: birth.getUTCFullYear() + 14,
      });

    const languages: GeneratedCandidate["languages"] = [];
    // Most CVs record the mother tongue; some leave it out (the officer then sees "da verificare").
    const motherTongues: GeneratedCandidate["motherTongues"] = rng.chance(0.85)
      ? [{ candidate_id: id, language_code: who.abroad ? who.abroad.lang : "003" }]
      : [];
    if (who.abroad) languages.push({ candidate_id: id, language_code: "003", level: rng.pick(["A2", "B1", "B1", "B2", "C1"]) });
    for (const l of LANGS) {
      if (languages.some((x) => x.language_code === l.code) || motherTongues.some((m) => m.language_code === l.code)) continue;
      if (rng.chance(l.p * (eqf >= 6 ? 1.6 : 1)))
        languages.push({ candidate_id: id, language_code: l.code, level: CEFR[Math.min(5, rng.int(0, 2) + (eqf >= 6 ? 2 : 0))] });
    }

    const licences = new Set<string>();
    if (age >= 18 && rng.chance(0.72)) licences.add("B");
    if (rng.chance(0.05)) licences.add("AM");
    if (rng.chance(0.08)) licences.add("A");
    for (const [lic, p] of Object.entries(main.licences ?? {})) if (rng.chance(p ?? 0)) licences.add(lic);
    if (licences.has("CE") || licences.has("C")) licences.add("B");

    const certificates = new Set<string>();
    const itSkills = new Set<string>();
    for (const p of prefProfiles) {
      for (const c of p.certificates ?? []) if (rng.chance(p === main ? 0.7 : 0.35)) certificates.add(c);
      for (const s of p.itSkills ?? []) if (rng.chance(0.5)) itSkills.add(s);
    }
    if (eqf >= 4 && rng.chance(0.6)) itSkills.add("Pacchetto Office");

    // CV freshness: most updated in the last 6 months, a long tail older (obsolete).
    const cvAge = rng.chance(0.68) ? rng.int(0, 175) : rng.int(190, 720);
    const cvUpdated = new Date(today - cvAge * DAY - rng.int(0, 86_399) * 1000);
    const consent = rng.chance(0.87);
    const protectedCategory = rng.chance(0.05) ? "art1" : rng.chance(0.02) ? "art18" : "none";
    const ownVehicle = licences.has("B") && rng.chance(0.8);
    const slug = `${who.first}.${who.last}`
      .toLowerCase()
      .normalize("NFD")
      .replace(/[^a-z.]/g, "");

    return {
      candidate: {
        id,
        first_name: who.first,
        last_name: who.last,
        tax_code: tax,
        birth_date: iso(birth),
        domicile_comune_code: comune.istat_code,
        domicile_address: `${rng.pick(STREETS)} ${rng.int(1, 180)}`,
        phone: `3${rng.int(20, 93)} ${rng.int(100, 999)} ${rng.int(1000, 9999)}`,
        email: `${slug}${n}@esempio.invalid`,
        work_time: rng.chance(0.55) ? "any" : rng.chance(0.6) ? "full_time" : "part_time",
        shifts: rng.chance(0.45),
        weekends: rng.chance(0.4),
        max_commute_km: rng.chance(0.8) ? rng.pick([10, 15, 20, 30, 40, 50]) : null,
        willing_to_relocate: rng.chance(0.1),
        own_vehicle: ownVehicle,
        available_from: rng.chance(0.7) ? iso(new Date(today + rng.int(-60, 60) * DAY)) : null,
        consent_visible: consent,
        consent_changed_at: cvUpdated.toISOString(),
        cv_updated_at: cvUpdated.toISOString(),
        protected_category: protectedCategory,
        created_at: new Date(cvUpdated.getTime() - rng.int(0, 300) * DAY).toISOString(),
      },
      education,
      experiences,
      preferences,
      languages,
      motherTongues,
      // The ministerial licence with the EU category as detail; the CQC (not a licence) is a certificate.
      licences: [...licences].flatMap((category) => {
        const code = cvLicenceCodeOfCategory(category);
        return code ? [{ candidate_id: id, licence_code: code, licence_category: category }] : [];
      }),
      certificates: [...certificates, ...[...licences].flatMap((l) => (LICENCE_CERTIFICATES[l] ? [LICENCE_CERTIFICATES[l]] : []))].map(
        (name) => ({ candidate_id: id, name }),
      ),
      itSkills: [...itSkills].map((skill) => ({
        candidate_id: id,
        skill,
        level: rng.pick(["basic", "intermediate", "advanced"] as const),
      })),
      disability: protectedCategory === "art1" ? { candidate_id: id, percentage: rng.int(46, 100) } : null,
    };
  }

  return { next, profiles: all };
}
