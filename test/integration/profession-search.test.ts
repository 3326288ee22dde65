import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { loader } from "~/routes/operatore.candidati._index";
import { drainOutbox } from "../../search/sync.server";
import { cookieFor, createUserWithRole, request } from "../support/factories";
import { createTestCandidate } from "../support/factories-candidates";
import { callRoute } from "../support/routes";

/**
 * The officer search on real Meilisearch: professions are found by the words
 * officers type (ISTAT job titles, gender and number, acronyms), and the place
 * of residence is a filter that never competes with a profession word.
 */
type Body = { result: { total: number; hits: { id: string; comune: string }[] } };

let cookie: string;
const ids: Record<string, string> = {};
const search = async (qs: string) => ((await callRoute(loader, request(`/operatore/candidati?${qs}`, { cookie }))).body as Body).result;
const hitIds = async (q: string, comune: string) =>
  (await search(`q=${encodeURIComponent(q)}&comune=${encodeURIComponent(comune)}&radiusKm=5`)).hits.map((h) => h.id);

const person = (comune: string, code: string, label: string) => ({
  comune,
  "preferences.0.occupation": `${code} — ${label}`,
  "experiences.0.occupation": code,
  "preferences.0.ateco": "",
});

beforeAll(async () => {
  cookie = await cookieFor((await createUserWithRole("preselection_officer")).id);
  // Same comune for the two people of each pair: only the profession can tell them apart.
  ids.commessaggioCleaner = (await createTestCandidate(person("Commessaggio (MN)", "8.1.4.5.0", "Operatori ecologici"))).id;
  ids.commessaggioSales = (await createTestCandidate(person("Commessaggio (MN)", "5.1.2.2.0", "Commessi delle vendite al minuto"))).id;
  ids.ossimoCleaner = (await createTestCandidate(person("Ossimo (BS)", "8.1.4.5.0", "Operatori ecologici"))).id;
  ids.ossimoOss = (
    await createTestCandidate(person("Ossimo (BS)", "5.3.1.1.0", "Professioni qualificate nei servizi sanitari e sociali"))
  ).id;
  ids.warehouse = (
    await createTestCandidate(person("Bagolino (BS)", "4.3.1.2.0", "Addetti alla gestione dei magazzini e professioni assimilate"))
  ).id;
  ids.welder = (await createTestCandidate(person("Bagolino (BS)", "6.2.1.2.0", "Saldatori e tagliatori a fiamma"))).id;
  await drainOutbox(getDb());
});

describe("profession before place", () => {
  it("«commessa» finds the shop assistant, not everyone living in Commessaggio", async () => {
    expect(await hitIds("commessa", "Commessaggio (MN)")).toEqual([ids.commessaggioSales]);
  });
  it("«oss» finds the OSS, not everyone living in Ossimo", async () => {
    expect(await hitIds("oss", "Ossimo (BS)")).toEqual([ids.ossimoOss]);
    expect(await hitIds("OSS", "Ossimo (BS)")).toEqual([ids.ossimoOss]);
  });
});

describe("Italian morphology and the ISTAT vocabulary", () => {
  it.each(["magazziniere", "magazziniera", "magazzinieri", "Magazziniere", "magaziniere", "addetta al magazzino"])(
    "«%s» finds a candidate whose CV says «Addetti alla gestione dei magazzini»",
    async (q) => {
      expect(await hitIds(q, "Bagolino (BS)")).toEqual([ids.warehouse]);
    },
  );
  it.each(["saldatore", "saldatrice", "saldatori", "saldatrici"])("«%s» finds the welder", async (q) => {
    expect(await hitIds(q, "Bagolino (BS)")).toEqual([ids.welder]);
  });
  it.each(["operatrice socio sanitaria", "operatore sociosanitario", "oss"])("«%s» finds the OSS", async (q) => {
    expect(await hitIds(q, "Ossimo (BS)")).toContain(ids.ossimoOss);
  });
});
