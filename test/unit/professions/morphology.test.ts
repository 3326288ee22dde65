import { describe, expect, it } from "vitest";
import { textKeys, wordKey } from "~/domain/professions/morphology";

/** Each row: forms of one job-title word that must share one key (gender and number). */
const FAMILIES: string[][] = [
  ["magazziniere", "magazziniera", "magazzinieri", "magazziniere"],
  ["cameriere", "cameriera", "camerieri", "cameriere"],
  ["infermiere", "infermiera", "infermieri"],
  ["autista", "autisti", "autiste"],
  ["barista", "baristi", "bariste"],
  ["elettricista", "elettricisti"],
  ["operatore", "operatrice", "operatori", "operatrici"],
  ["saldatore", "saldatrice", "saldatori", "saldatrici"],
  ["educatore", "educatrice", "educatori", "educatrici"],
  ["commesso", "commessa", "commessi", "commesse"],
  ["addetto", "addetta", "addetti", "addette"],
  ["cuoco", "cuoca", "cuochi", "cuoche"],
  ["tecnico", "tecnica", "tecnici", "tecniche"],
  ["psicologo", "psicologa", "psicologi", "psicologhe"],
  ["operaio", "operaia", "operai", "operaie"],
  ["fornaio", "fornai"],
  ["dottore", "dottoressa", "dottori"],
  ["badante", "badanti"],
  ["muratore", "muratori"],
  ["panettiere", "panettiera", "panettieri"],
  ["Magazzinière", "MAGAZZINIERE"],
];

describe("Italian morphology of job titles", () => {
  it.each(FAMILIES.map((f) => [f[0], f] as const))("gives every form of «%s» the same key", (_, forms) => {
    const keys = new Set(forms.map(wordKey));
    expect(keys.size).toBe(1);
  });
  it("keeps different professions apart", () => {
    expect(wordKey("commesso")).not.toBe(wordKey("commercialista"));
    expect(wordKey("operaio")).not.toBe(wordKey("operatore"));
    expect(wordKey("cuoco")).not.toBe(wordKey("cuoio"));
  });
  it("leaves acronyms and short words alone", () => {
    for (const w of ["oss", "asa", "osa", "cnc", "rspp", "hse", "bar", "chef"]) expect(wordKey(w)).toBe(w);
    expect(wordKey("OSS")).toBe("oss");
    expect(wordKey("RSPP")).toBe("rspp");
  });
  it("drops articles and prepositions from texts", () => {
    expect(textKeys("Addetta alle pulizie")).toEqual([wordKey("addetto"), wordKey("pulizia")]);
  });
});
