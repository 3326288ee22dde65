import { normalizeText } from "~/domain/professions";
import { vocabulary } from "~/domain/professions";
import type { JobTitleGenders } from "./discrimination";

/**
 * Masculine ↔ feminine forms of the job nouns, from the ISTAT CP2021 job titles (server/reference-data,
 * app/domain/professions/vocabulary.ts) rather than a hand list: the head word of every ISTAT title
 * («Magazziniere», «Commesso di negozio», «Cameriera ai piani») is inflected by the regular Italian patterns
 *   -iere ↔ -iera, -tore ↔ -trice, -aio ↔ -aia, -o ↔ -a
 * Nouns of common gender (-ista, -ante, -ente, -iatra, «guida», «pilota») have no pair and are never flagged.
 * A feminine head that ISTAT lists itself («Cameriera», «Cucitrice», «Ballerina») is paired back the same way.
 * The few irregular pairs are added by hand.
 */
const IRREGULAR: [string, string][] = [
  ["steward", "hostess"],
  ["dottore", "dottoressa"],
  ["professore", "professoressa"],
  ["direttore", "direttrice"],
  ["collaboratore", "collaboratrice"],
];

function feminineOf(m: string): string | null {
  if (m.length < 4) return null;
  if (/iere$/.test(m)) return m.replace(/iere$/, "iera");
  if (/tore$/.test(m)) return m.replace(/tore$/, "trice");
  if (/aio$/.test(m)) return m.replace(/aio$/, "aia");
  if (/[^i]o$/.test(m) || /io$/.test(m)) return m.replace(/o$/, "a");
  return null;
}

function masculineOf(f: string): string | null {
  if (/iera$/.test(f)) return f.replace(/iera$/, "iere");
  if (/trice$/.test(f)) return f.replace(/trice$/, "tore");
  if (/aia$/.test(f)) return f.replace(/aia$/, "aio");
  return null;
}

const cache = globalThis as unknown as { __rosaJobTitleGenders?: JobTitleGenders };

export function jobTitleGenders(): JobTitleGenders {
  if (cache.__rosaJobTitleGenders) return cache.__rosaJobTitleGenders;
  const heads = new Set<string>();
  for (const unit of vocabulary().units.values()) {
    for (const title of unit.jobTitles) {
      const head = normalizeText(title).split(" ")[0];
      if (head) heads.add(head);
    }
  }
  const m2f = new Map<string, string>();
  const f2m = new Map<string, string>();
  const pair = (m: string, f: string) => {
    if (m === f || (heads.has(f) && !heads.has(m) && !masculineOf(f))) return;
    m2f.set(m, f);
    f2m.set(f, m);
  };
  for (const h of heads) {
    const f = feminineOf(h);
    if (f) pair(h, f);
    const m = masculineOf(h);
    if (m) pair(m, h);
    // «Ballerina» and «Ballerino» both ISTAT heads.
    if (/a$/.test(h) && heads.has(h.replace(/a$/, "o"))) pair(h.replace(/a$/, "o"), h);
  }
  for (const [m, f] of IRREGULAR) pair(m, f);
  cache.__rosaJobTitleGenders = { feminineToMasculine: f2m, masculineToFeminine: m2f };
  return cache.__rosaJobTitleGenders;
}
