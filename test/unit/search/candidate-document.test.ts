import { describe, expect, it } from "vitest";
import { LANGUAGE_LABELS } from "~/domain/candidates/schema";
import {
  CV_TEXT_LIMIT,
  candidateAvailability,
  toCandidateDocument,
  type CandidateSource,
} from "../../../app/domain/candidates/search-document";
import { CANDIDATE_SETTINGS } from "../../../app/domain/candidates/search-index.server";
import { searchText } from "~/domain/professions/vocabulary";

const source = (over: Partial<CandidateSource["candidate"]> = {}): CandidateSource => ({
  candidate: {
    id: "0b0e7c6a-1111-4222-8333-444455556666",
    first_name: "Giulia",
    last_name: "Verdi",
    tax_code: "VRDGLI90A41F205X",
    domicile_comune_code: "015146",
    work_time: "any",
    shifts: true,
    weekends: false,
    max_commute_km: 30,
    willing_to_relocate: false,
    own_vehicle: true,
    available_from: "2026-12-01",
    consent_visible: true,
    cv_updated_at: new Date("2026-10-01T08:00:00Z"),
    protected_category: "art1",
    ...over,
  },
  comune: { name: "Milano", province_code: "MI" },
  preferences: [
    { slot: 2, occupation_code: "5.2.2.3.2", occupation_label: "Camerieri di ristorante", notes: "banchetti", ateco_title: "Ristorazione" },
    { slot: 1, occupation_code: "5.1.2.2.0", occupation_label: "Commessi delle vendite al minuto", notes: null },
  ],
  experiences: [
    { occupation_title: "Commessi delle vendite al minuto", employer_name: "Coop", tasks: "cassa e scaffali" },
    { occupation_title: "Commessi delle vendite al minuto", employer_name: "Esselunga", tasks: null },
  ],
  education: [
    { study_level: 2, study_title_code: null, title: "Licenza media" },
    { study_level: 4, study_title_code: "40100000", title: "Diploma alberghiero" },
  ],
  languages: [{ language_code: "001", level: "B1" }],
  licences: [
    { licence_code: "02", licence_category: "B" },
    { licence_code: "01", licence_category: "AM" },
    { licence_code: "03", licence_category: null },
  ],
  certificates: ["HACCP"],
  itSkills: ["Excel", "HACCP"],
  cvText: "  Curriculum\n\n di   Giulia  ",
});

describe("candidate document mapper", () => {
  it("maps the rows to one search document with preferences in slot order", () => {
    const doc = toCandidateDocument(source(), LANGUAGE_LABELS);
    expect(doc.fullName).toBe("Giulia Verdi");
    expect(doc.preferenceTitles).toEqual(["Commessi delle vendite al minuto", "Camerieri di ristorante"]);
    expect(doc.occupationCodes).toEqual(["5.1.2.2.0", "5.2.2.3.2"]);
    expect(doc.occupationGroups).toEqual(["5"]);
    expect(doc.occupationClasses).toEqual(["5.1.2", "5.2.2"]);
    expect(doc.preferenceNotes).toEqual(["banchetti — Ristorazione"]);
    expect(doc.experienceTitles).toEqual(["Commessi delle vendite al minuto"]);
    expect(doc.skills).toEqual(["HACCP", "Excel"]);
    expect(doc.licences).toEqual(["01", "02", "03"]);
    expect(doc.licenceCategories).toEqual(["AM", "B", "C1"]);
    expect(doc.languages).toEqual(["001"]);
    expect(doc.languageNames).toEqual(["Inglese B1"]);
    expect(doc.educationLevel).toBe(4);
    expect([doc.studyLevel, doc.studyTitleCodes]).toEqual([4, ["40100000"]]);
    expect(doc.comuneCode).toBe("015146");
    expect(doc).not.toHaveProperty("_geo"); // radius = list of comuni; a geo field made every sync batch cost seconds
    expect(doc.cvUpdatedAt).toBe(Date.parse("2026-10-01T08:00:00Z") / 1000);
    expect(doc.cvText).toBe("Curriculum di Giulia");
    expect(doc.protectedCategory).toBe("art1");
  });

  it("never carries birth date, gender, nationality, contacts or health data", () => {
    const doc = toCandidateDocument(source(), LANGUAGE_LABELS) as unknown as Record<string, unknown>;
    for (const key of Object.keys(doc))
      expect(key).not.toMatch(/birth|^age$|gender|sex|nationality|citizenship|phone|email|address|disab|percentage|health/i);
    // The birth date only exists inside the tax code (an exact identity lookup, typo-free, never ranked on).
    const { taxCode: _taxCode, ...rest } = doc;
    expect(JSON.stringify(rest)).not.toMatch(/1990/);
  });

  it("clips long CV text", () => {
    const src = { ...source(), cvText: "a ".repeat(CV_TEXT_LIMIT) };
    const doc = toCandidateDocument(src, LANGUAGE_LABELS);
    expect(doc.cvText.length).toBe(CV_TEXT_LIMIT);
  });

  it("derives availability from working time and flags", () => {
    expect(candidateAvailability(source().candidate)).toEqual(["full_time", "part_time", "shifts", "own_vehicle"]);
    expect(
      candidateAvailability(
        source({ work_time: "part_time", shifts: false, own_vehicle: false, willing_to_relocate: true, weekends: true }).candidate,
      ),
    ).toEqual(["part_time", "weekends", "relocate"]);
  });
});

describe("candidate index settings", () => {
  it("carries the inflection keys of the professions, the same the query is turned into", () => {
    const doc = toCandidateDocument(source(), LANGUAGE_LABELS);
    expect(doc.professionKeys.split(" ")).toEqual(expect.arrayContaining([searchText("commessa"), searchText("cameriera")]));
    expect(doc.professionTitles).toEqual(expect.arrayContaining(["Commesso di banco"]));
  });
  it("searches the place only as a filter: no comune name in the text attributes", () => {
    expect(CANDIDATE_SETTINGS.searchableAttributes).not.toContain("comuneName");
    expect(CANDIDATE_SETTINGS.searchableAttributes).toContain("professionKeys");
  });
  it("never lets protected or personal attributes be searched as text", () => {
    expect(CANDIDATE_SETTINGS.searchableAttributes).not.toContain("protectedCategory");
    expect(CANDIDATE_SETTINGS.filterableAttributes).toContain("protectedCategory");
    expect(CANDIDATE_SETTINGS.sortableAttributes).toEqual(["cvUpdatedAt", "outplacementPriorityTo"]);
    expect(CANDIDATE_SETTINGS.searchableAttributes).not.toContain("outplacementPriorityTo");
    expect(CANDIDATE_SETTINGS.filterableAttributes).not.toContain("_geo");
  });
});
