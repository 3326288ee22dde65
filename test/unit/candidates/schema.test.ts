import { describe, expect, it } from "vitest";
import { cvFormDefaults } from "~/domain/candidates/form-values";
import { CandidateSchema } from "~/domain/candidates/schema";
import { zodFieldErrors } from "~/utils/forms";
import { nestFormValues } from "../../support/dotted-form";
import { parseForm } from "~/web/conform";
import { formFields } from "../../support/routes";

const base = {
  firstName: "Giulia",
  lastName: "Verdi",
  taxCode: "rssmra85m01f205t",
  birthDate: "1985-08-01",
  comune: "Milano (MI)",
  "education.0.title": "Diploma",
  "education.0.studyLevel": "4",
  "preferences.0.occupation": "5.1.2.2.0 — Commessi delle vendite al minuto",
  "preferences.0.source": "work",
};
const parse = (o: Record<string, string>) => CandidateSchema.safeParse(nestFormValues(o));
const errors = (o: Record<string, string>) => {
  const r = parse(o);
  return r.success ? {} : zodFieldErrors(r.error);
};

describe("CV schema", () => {
  it("accepts a minimal CV, normalises the codice fiscale and takes the occupation code from the label", () => {
    const r = parse(base);
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.taxCode).toBe("RSSMRA85M01F205T");
    expect(r.data.preferences[0].occupation).toBe("5.1.2.2.0");
    expect(r.data.consent).toBe(false);
  });

  it("requires an education title and a preference, with Italian messages on the first row", () => {
    const e = errors({ ...base, "education.0.title": "", "preferences.0.occupation": "", "preferences.0.source": "" });
    expect(e["education.0.title"]).toBe("Il CV deve avere almeno un titolo di studio");
    expect(e["preferences.0.occupation"]).toBe("Il CV deve avere almeno una propensione");
  });

  it("refuses a fourth preference, pointing at the fourth row", () => {
    const four = { ...base };
    for (const i of [1, 2, 3]) Object.assign(four, { [`preferences.${i}.occupation`]: "4.3.1.2.0", [`preferences.${i}.source`]: "work" });
    expect(errors(four)["preferences.3.occupation"]).toMatch(/Al massimo tre propensioni/);
  });

  it("validates the codice fiscale check character, dates, years and row fields where they are typed", () => {
    const e = errors({
      ...base,
      taxCode: "RSSMRA85M01F205X",
      birthDate: "1985-02-30",
      "education.1.title": "Laurea",
      "education.1.studyLevel": "",
      "experiences.2.employer": "Bar Centrale",
      "experiences.2.from": "2020-01-01",
      "experiences.2.to": "2019-01-01",
    });
    expect(e.taxCode).toMatch(/carattere di controllo/);
    expect(e.birthDate).toMatch(/inesistente/);
    expect(e["education.1.studyLevel"]).toBe("Scegli il livello del titolo di studio");
    expect(e["experiences.2.occupation"]).toMatch(/professione/);
    const dates = errors({
      ...base,
      "experiences.0.occupation": "5.1.2.2.0",
      "experiences.0.employer": "Bar",
      "experiences.0.from": "2020-01-01",
      "experiences.0.to": "2019-01-01",
    });
    expect(dates["experiences.0.to"]).toMatch(/precede/);
  });

  it("refuses repeated languages and unknown licences", () => {
    const e = errors({
      ...base,
      "languages.0.code": "001",
      "languages.0.level": "B1",
      "languages.2.code": "001",
      "languages.2.level": "C1",
      "licences.0.code": "99",
      "licences.1.code": "03",
      "licences.1.category": "CE",
      "licences.2.category": "ZZ",
      "motherTongues.0.code": "en",
    });
    expect(e["languages.2.code"]).toBe("Lingua ripetuta");
    expect(e["licences.0.code"]).toMatch(/dall'elenco/);
    expect(e["licences.1.category"]).toBe("La categoria CE non è della Patente C: scegli la Patente E");
    expect(e["licences.2.category"]).toMatch(/Categoria non riconosciuta/);
    expect(
      errors({ ...base, "licences.0.code": "02", "licences.1.code": "02", "licences.2.code": "02", "licences.2.category": "B" }),
    ).toEqual({
      "licences.1.code": "Patente ripetuta",
    });
    // The forms take only the ministerial codes: an ISO code is not one.
    expect(e["motherTongues.0.code"]).toMatch(/madrelingua dall'elenco/);
  });

  it("takes the ministerial licence with an optional EU category, and a category alone gives its licence", () => {
    const r = parse({
      ...base,
      "licences.0.code": "02",
      "licences.1.code": "03",
      "licences.1.category": "c1",
      "licences.2.category": "CE",
      "licences.3.code": "",
      "languages.0.code": "spa",
      "languages.0.level": "B1",
    });
    expect(r.success && r.data.licences).toEqual([
      { code: "02", category: null },
      { code: "03", category: "C1" },
      { code: "05", category: "CE" },
    ]);
    expect(r.success && r.data.languages).toEqual([{ code: "SPA", level: "B1" }]);
  });

  it("round-trips a stored CV through the edit form's values (with its blank rows) as a browser posts them", () => {
    const values = cvFormDefaults({
      candidate: {
        first_name: "A",
        last_name: "B",
        tax_code: "RSSMRA85M01F205T",
        birth_date: "1985-08-01",
        comune_label: "Milano (MI)",
        domicile_address: null,
        phone: null,
        email: null,
        work_time: "any",
        shifts: true,
        weekends: false,
        own_vehicle: false,
        willing_to_relocate: false,
        max_commute_km: 20,
        available_from: null,
        consent_visible: true,
        protected_category: null,
        version: 3,
      },
      sections: {
        education: [
          {
            study_level: 4,
            study_title_code: "40200000",
            study_title_label: "Diploma ad indirizzo tecnico",
            title: "Diploma",
            institution: null,
            year: 2004,
          },
        ],
        experiences: [],
        preferences: [
          {
            occupation_code: "5.1.2.2.0",
            occupation_label: "Commessi delle vendite al minuto",
            ateco_code: null,
            ateco_title: null,
            source: "work",
            years_experience: 2,
            last_job_year: null,
            notes: null,
            interview_date: null,
          },
        ],
        motherTongues: ["003"],
        languages: [],
        licences: [
          { licence_code: "02", licence_category: null },
          { licence_code: "03", licence_category: "C" },
        ],
        certificates: [],
        itSkills: [],
      },
    });
    const form = new FormData();
    for (const [name, value] of Object.entries(formFields(values))) form.append(name, value);
    const r = parseForm(form, CandidateSchema);
    expect(r.status).toBe("success");
    expect(r.status === "success" && r.value).toMatchObject({
      shifts: true,
      consent: true,
      licences: [
        { code: "02", category: null },
        { code: "03", category: "C" },
      ],
      maxCommuteKm: 20,
      version: 3,
    });
    expect(r.status === "success" && r.value.education).toEqual([
      { studyLevel: 4, studyTitle: "40200000", title: "Diploma", institution: undefined, year: 2004 },
    ]);
    // One blank row more than those filled in each repeated section, the three preference slots always.
    expect([values.education, values.experiences, values.preferences].map((rows) => (rows as unknown[]).length)).toEqual([2, 1, 3]);
  });

  it("a certificate may name a listed patentino or albo; without words it takes the official label; an unlisted code is refused", () => {
    const r = parse({
      ...base,
      "certificates.0.name": "Caldaie",
      "certificates.0.official": "patentino:07",
      "certificates.1.official": "albo:0001",
      "certificates.2.name": "HACCP",
    });
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.certificates).toEqual([
      { name: "Caldaie", expiresOn: undefined, patentinoCode: "07", alboCode: null },
      { name: "Biologo", expiresOn: undefined, patentinoCode: null, alboCode: "0001" },
      { name: "HACCP", expiresOn: undefined, patentinoCode: null, alboCode: null },
    ]);
    expect(errors({ ...base, "certificates.0.name": "Caldaie", "certificates.0.official": "patentino:99" })).toEqual({
      "certificates.0.official": "Scegli il patentino o l'albo dall'elenco ministeriale",
    });
    expect(errors({ ...base, "certificates.0.expiresOn": "2030-01-01" })).toEqual({
      "certificates.0.name": "Indica il nome del certificato o patentino",
    });
  });
});
