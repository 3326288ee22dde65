/**
 * The stored CV as loaders hand it to pages (client-safe, pure types): the person's fields and the repeated
 * sections. The display (`CvView`) and the edit form (`CvForForm`) each add what only they need.
 */
export interface StoredCv {
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
    max_commute_km: number | null;
    willing_to_relocate: boolean;
    own_vehicle: boolean;
    available_from: string | null;
    consent_visible: boolean;
    protected_category: string | null;
  };
  sections: {
    /** Ministerial level and title (the title's official label from the server's table); `title` is what the person wrote. */
    education: {
      study_level: number;
      study_title_code: string | null;
      study_title_label: string | null;
      title: string;
      institution: string | null;
      year: number | null;
    }[];
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
    /** Ministerial licence (patenti.csv) and, when given, the EU category. */
    licences: { licence_code: string; licence_category: string | null }[];
    certificates: { name: string; expires_on: string | null; patentino_code: string | null; albo_code: string | null }[];
    itSkills: { skill: string; level: string }[];
  };
}
