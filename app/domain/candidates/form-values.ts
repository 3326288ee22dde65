import type { FormValues } from "~/utils/forms";

/** The stored CV in the shape of the edit form's dotted field names (client-safe, pure). */
export interface CvForForm {
  candidate: {
    first_name: string;
    last_name: string;
    tax_code: string;
    birth_date: string;
    comune_label: string;
    domicile_address: string | null;
    phone: string | null;
    email: string | null;
    work_time: string;
    shifts: boolean;
    weekends: boolean;
    own_vehicle: boolean;
    willing_to_relocate: boolean;
    max_commute_km: number | null;
    available_from: string | null;
    consent_visible: boolean;
    protected_category: string | null;
    version: number;
  };
  sections: {
    education: { eqf_level: number; title: string; institution: string | null; year: number | null }[];
    experiences: {
      occupation_code: string;
      occupation_title: string;
      employer_name: string;
      started_on: string;
      ended_on: string | null;
      tasks: string | null;
    }[];
    preferences: {
      occupation_code: string;
      occupation_label: string;
      ateco_code: string | null;
      ateco_title: string | null;
      source: string;
      years_experience: number;
      last_job_year: number | null;
      notes: string | null;
      interview_date: string | null;
    }[];
    motherTongues: string[];
    languages: { language_code: string; level: string }[];
    licences: string[];
    certificates: { name: string; expires_on: string | null }[];
    itSkills: { skill: string; level: string }[];
  };
}

const str = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));
const box = (v: boolean) => (v ? "on" : "");

export function cvToFormValues({ candidate: c, sections: s }: CvForForm): FormValues {
  const v: FormValues = {
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
  };
  s.education.forEach((e, i) =>
    Object.assign(v, {
      [`education.${i}.eqfLevel`]: String(e.eqf_level),
      [`education.${i}.title`]: e.title,
      [`education.${i}.institution`]: str(e.institution),
      [`education.${i}.year`]: str(e.year),
    }),
  );
  s.experiences.forEach((e, i) =>
    Object.assign(v, {
      [`experiences.${i}.occupation`]: `${e.occupation_code} — ${e.occupation_title}`,
      [`experiences.${i}.employer`]: e.employer_name,
      [`experiences.${i}.from`]: e.started_on,
      [`experiences.${i}.to`]: str(e.ended_on),
      [`experiences.${i}.tasks`]: str(e.tasks),
    }),
  );
  s.preferences.forEach((p, i) =>
    Object.assign(v, {
      [`preferences.${i}.occupation`]: `${p.occupation_code} — ${p.occupation_label}`,
      [`preferences.${i}.ateco`]: p.ateco_code ? `${p.ateco_code}${p.ateco_title ? ` — ${p.ateco_title}` : ""}` : "",
      [`preferences.${i}.source`]: p.source,
      [`preferences.${i}.years`]: String(p.years_experience),
      [`preferences.${i}.lastJobYear`]: str(p.last_job_year),
      [`preferences.${i}.notes`]: str(p.notes),
      [`preferences.${i}.interviewDate`]: str(p.interview_date),
    }),
  );
  s.motherTongues.forEach((code, i) => (v[`motherTongues.${i}.code`] = code));
  s.languages.forEach((l, i) => Object.assign(v, { [`languages.${i}.code`]: l.language_code, [`languages.${i}.level`]: l.level }));
  s.licences.forEach((l) => (v[`licences.${l}`] = "on"));
  s.certificates.forEach((c2, i) =>
    Object.assign(v, { [`certificates.${i}.name`]: c2.name, [`certificates.${i}.expiresOn`]: str(c2.expires_on) }),
  );
  s.itSkills.forEach((k, i) => Object.assign(v, { [`itSkills.${i}.skill`]: k.skill, [`itSkills.${i}.level`]: k.level }));
  return v;
}

/** How many rows of a repeated section the form shows: what is filled plus spare blank rows. */
export function rowCount(values: FormValues | undefined, section: string, spare: number, max: number): number {
  let filled = 0;
  for (const key of Object.keys(values ?? {})) {
    const m = new RegExp(`^${section}\\.(\\d+)\\.`).exec(key);
    if (m) filled = Math.max(filled, Number(m[1]) + 1);
  }
  return Math.min(max, Math.max(filled + spare, 1));
}
