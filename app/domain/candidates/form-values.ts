import type { StoredCv } from "./cv";
import { MAX_LICENCES, MAX_MOTHER_TONGUES, MAX_PREFERENCES } from "./schema";
import { certificateCodeValue } from "./cv-codes";

/** The stored CV with what the edit form needs besides (the version it saves against). */
export interface CvForForm extends StoredCv {
  candidate: StoredCv["candidate"] & { version: number };
}

const str = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));
const box = (v: boolean) => (v ? "on" : "");

type Row = Record<string, string>;
/** The CV as the form's value: plain fields, the repeated sections as lists of rows. */
export type CvFormValue = { [field: string]: string | Row | Row[] | undefined };

/**
 * The repeated sections of the form: how many rows at most, and how many blank rows the form offers
 * beyond the filled ones (the three preference slots are always shown).
 */
export const CV_SECTION_ROWS = {
  education: { spare: 1, max: 10 },
  experiences: { spare: 1, max: 20 },
  preferences: { spare: MAX_PREFERENCES, max: MAX_PREFERENCES },
  motherTongues: { spare: 1, max: MAX_MOTHER_TONGUES },
  languages: { spare: 1, max: 10 },
  licences: { spare: 1, max: MAX_LICENCES },
  certificates: { spare: 1, max: 20 },
  itSkills: { spare: 1, max: 20 },
} as const;
export type CvSection = keyof typeof CV_SECTION_ROWS;

/** The stored CV in the form's shape (no blank rows). */
function cvValue({ candidate: c, sections: s }: CvForForm): CvFormValue {
  return {
    firstName: c.first_name,
    lastName: c.last_name,
    taxCode: c.tax_code,
    birthDate: c.birth_date,
    comune: c.comune_label,
    address: str(c.domicile_address),
    phone: str(c.phone),
    email: str(c.email),
    workTime: c.work_time,
    shifts: box(c.shifts),
    weekends: box(c.weekends),
    ownVehicle: box(c.own_vehicle),
    willingToRelocate: box(c.willing_to_relocate),
    maxCommuteKm: str(c.max_commute_km),
    availableFrom: str(c.available_from),
    consent: box(c.consent_visible),
    protectedCategory: c.protected_category ?? "none",
    version: String(c.version),
    education: s.education.map((e) => ({
      studyLevel: String(e.study_level),
      studyTitle: e.study_title_code ? `${e.study_title_code}${e.study_title_label ? ` — ${e.study_title_label}` : ""}` : "",
      title: e.title,
      institution: str(e.institution),
      year: str(e.year),
    })),
    experiences: s.experiences.map((e) => ({
      occupation: `${e.occupation_code} — ${e.occupation_title}`,
      employer: e.employer_name,
      from: e.started_on,
      to: str(e.ended_on),
      tasks: str(e.tasks),
    })),
    preferences: s.preferences.map((p) => ({
      occupation: `${p.occupation_code} — ${p.occupation_label}`,
      ateco: p.ateco_code ? `${p.ateco_code}${p.ateco_title ? ` — ${p.ateco_title}` : ""}` : "",
      source: p.source,
      years: String(p.years_experience),
      lastJobYear: str(p.last_job_year),
      notes: str(p.notes),
      interviewDate: str(p.interview_date),
    })),
    motherTongues: s.motherTongues.map((code) => ({ code })),
    languages: s.languages.map((l) => ({ code: l.language_code, level: l.level })),
    licences: s.licences.map((l) => ({ code: l.licence_code, category: l.licence_category ?? "" })),
    certificates: s.certificates.map((c2) => ({ name: c2.name, official: certificateCodeValue(c2), expiresOn: str(c2.expires_on) })),
    itSkills: s.itSkills.map((k) => ({ skill: k.skill, level: k.level })),
  };
}

/** The form's value with the blank rows each section offers (conform draws one set of fields per row). */
export function withBlankRows(value: CvFormValue): CvFormValue {
  const out: CvFormValue = { ...value };
  for (const [section, { spare, max }] of Object.entries(CV_SECTION_ROWS) as [CvSection, { spare: number; max: number }][]) {
    const rows = (value[section] as Row[] | undefined) ?? [];
    const count = Math.min(max, Math.max(rows.length + spare, 1, section === "preferences" ? MAX_PREFERENCES : 1));
    out[section] = Array.from({ length: Math.max(count, rows.length) }, (_, i) => rows[i] ?? {});
  }
  return out;
}

/** The edit form's initial value for a stored CV. */
export const cvFormDefaults = (cv: CvForForm): CvFormValue => withBlankRows(cvValue(cv));
