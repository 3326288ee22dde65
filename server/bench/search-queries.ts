import { CandidateSearchSchema, searchParamsToRaw, type CandidateSearchInput } from "~/domain/candidates/search-query";
import { createRng } from "../seed/candidate-generator";

/** What officers type: job titles (with synonyms and a few typos), skills, certificates, combinations. */
const TERMS = [
  "cameriere",
  "cameriera sala",
  "cuoco",
  "aiuto cuoco",
  "barista",
  "commessa",
  "addetto vendite",
  "cassiera",
  "magazziniere",
  "mulettista",
  "carrellista",
  "magazzino muletto",
  "autista patente C",
  "camionista",
  "conducente autobus",
  "badante",
  "assistente familiare",
  "oss",
  "operatore socio sanitario",
  "colf",
  "pulizie uffici",
  "addetta pulizie",
  "impiegata amministrativa",
  "segretaria",
  "contabile",
  "ragioniere",
  "muratore",
  "elettricista",
  "idraulico",
  "saldatore",
  "saldatore tig",
  "meccanico",
  "operaio metalmeccanico",
  "operatore cnc",
  "tornitore",
  "call center",
  "receptionist",
  "receptionist inglese",
  "parrucchiera",
  "estetista",
  "panettiere",
  "pasticcere",
  "lavapiatti",
  "bracciante",
  "giardiniere",
  "infermiere",
  "educatore",
  "programmatore",
  "sviluppatore javascript",
  "tecnico reti",
  "imbianchino",
  "guardia giurata",
  "agente di commercio",
  "haccp",
  "patentino muletto",
  "excel",
  "gestionale",
  "turni notturni",
  "grande distribuzione",
  "logistica",
  "magazzinere",
  "camariere",
  "saldatroe",
  "elettriccista", // typos officers make
];

/**
 * A fixed, seeded set of realistic officer queries: text (mostly), 0–3
 * facets, a radius around one of the big comuni (often), a sort. The same
 * set runs on Meilisearch and on the PostgreSQL baseline.
 */
export function benchQueries(count: number, comuni: { label: string; provinceCode: string }[]): CandidateSearchInput[] {
  const rng = createRng("rosa-bench-queries");
  const out: CandidateSearchInput[] = [];
  while (out.length < count) {
    const p = new URLSearchParams();
    if (rng.chance(0.85)) p.set("q", rng.pick(TERMS));
    const place = rng.pick(comuni);
    if (rng.chance(0.6)) {
      p.set("comune", place.label);
      p.set("radiusKm", String(rng.pick([10, 20, 30, 50])));
      if (rng.chance(0.3)) p.set("sort", "distance");
    } else if (rng.chance(0.5)) p.append("province", place.provinceCode);
    if (rng.chance(0.3)) p.append("licence", "B");
    if (rng.chance(0.15)) p.append("language", "001");
    if (rng.chance(0.2)) p.append("availability", rng.pick(["shifts", "weekends", "part_time", "own_vehicle"]));
    if (rng.chance(0.3)) p.set("freshness", "fresh");
    if (rng.chance(0.1)) p.append("education", rng.pick(["3", "4", "7"]));
    if (!p.get("sort") && rng.chance(0.15)) p.set("sort", "freshness");
    if (rng.chance(0.1)) p.set("page", "2");
    const parsed = CandidateSearchSchema.safeParse(searchParamsToRaw(p));
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}
