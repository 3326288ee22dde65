import { describe, expect, it } from "vitest";
import { blockingFindings, checkNonDiscrimination } from "~/domain/vacancies/discrimination";

const rulesOf = (text: string) => checkNonDiscrimination([{ field: "description", text }]).map((f) => `${f.rule}:${f.severity}`);

describe("non-discrimination checks", () => {
  it.each([
    ["Cerchiamo solo uomini per il magazzino", "sex:block"],
    ["Candidata di sesso femminile", "sex:block"],
    ["Età massima 30 anni", "age:block"],
    ["Età compresa tra 25 e 35 anni", "age:block"],
    ["Candidati max 35 anni", "age:block"],
    ["Requisito: 18-29 anni", "age:block"],
    ["Preferibilmente celibe o nubile", "marital:block"],
    ["Senza figli, disponibile a trasferte", "marital:block"],
    ["Non in gravidanza", "pregnancy:block"],
    ["Cittadinanza italiana obbligatoria", "nationality:block"],
    ["Nazionalità italiana", "nationality:block"],
    ["No stranieri", "nationality:block"],
    ["Richiesta sana e robusta costituzione", "health:block"],
    ["Cattolico praticante", "beliefs:block"],
    ["Non iscritto al sindacato", "beliefs:block"],
    ["Cerchiamo giovani dinamici", "youth:warn"],
    ["Bella presenza", "appearance:warn"],
    ["Inglese madrelingua", "native_language:warn"],
    ["Cameriera ai piani", "feminine_title:warn"],
  ])("«%s» → %s", (text, expected) => {
    expect(rulesOf(text)).toContain(expected);
  });

  it.each([
    "Esperienza di almeno 2 anni nella mansione",
    "Sostituzione maternità fino a dicembre",
    "Patente B, automunito",
    "Conoscenza dell'inglese livello B2",
    "Contratto di apprendistato professionalizzante",
    "Disponibilità a lavorare su turni, anche notturni",
    "Magazziniere addetto al carico e scarico con 10 anni di esperienza",
  ])("lets «%s» through", (text) => {
    expect(rulesOf(text)).toEqual([]);
  });

  it("ignores accents and case", () => {
    expect(rulesOf("ETÀ MASSIMA 40 ANNI")).toContain("age:block");
  });

  it("names the field of each finding and separates blocking from warnings", () => {
    const findings = checkNonDiscrimination([
      { field: "title", text: "Commessa" },
      { field: "requirements.0.description", text: "Solo donne" },
    ]);
    expect(findings.map((f) => f.field)).toEqual(["title", "requirements.0.description"]);
    expect(blockingFindings(findings).map((f) => f.field)).toEqual(["requirements.0.description"]);
    expect(findings[1].message).toMatch(/uno o dell'altro sesso/);
  });
});
