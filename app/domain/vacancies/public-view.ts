import type { L68Reserved, PayPeriod, PublicationMode, VacancyStatus, WorkingTime } from "~/db/tables/vacancies";
import type { Engagement } from "~/domain/reference";
import { requirementFromRow, type VacancyRequirement, type VacancyRequirementRow } from "./requirements";

/** What a vacancy shows to the public, the feeds, JSON-LD and BCNL: never the officers' notes. */
export interface PublicVacancy {
  id: string;
  number: number;
  status: VacancyStatus;
  title: string;
  description: string;
  tasks: string;
  occupationCode: string;
  occupationTitle: string;
  atecoCode: string | null;
  atecoTitle: string | null;
  comuneCode: string;
  comuneName: string;
  provinceCode: string;
  radiusKm: number;
  /** Direct hire, agency (somministrazione) or self-employment; the CO tipologia contrattuale (none for self-employment). */
  engagement: Engagement;
  contractType: string | null;
  /** The CCNL's CO code (ccnl_co.csv), its label (filled on the server), and the employer's note (level…). */
  ccnl: string | null;
  ccnlLabel: string | null;
  ccnlNote: string | null;
  /** The CNEL archive code of the same CCNL (ccnl_cnel.csv, optional) and «code — title» (filled on the server). */
  ccnlCnel: string | null;
  ccnlCnelLabel: string | null;
  /** CO tipo orario (F, P, V, M) and the coarse full/part time derived from it. */
  workingTimeCode: "F" | "P" | "V" | "M";
  workingTime: WorkingTime;
  weeklyHours: number | null;
  shifts: string | null;
  payMin: number | null;
  payMax: number | null;
  payPeriod: PayPeriod | null;
  positions: number;
  startDate: string | null;
  closingDate: string;
  publishedAt: string | null;
  l68Reserved: L68Reserved;
  publicationMode: PublicationMode;
  /** Null when the vacancy is anonymous: the CPI appears instead. */
  employerName: string | null;
  employerTaxCode: string | null;
  requirements: (VacancyRequirement & { studyTitleLabel?: string | null })[];
}

const num = (v: string | number | null) => (v === null || v === undefined ? null : Number(v));

interface DetailLike {
  id: string;
  number: number;
  status: VacancyStatus;
  title: string;
  description: string;
  tasks: string;
  occupation_code: string;
  occupation_title: string;
  ateco_code: string | null;
  ateco_title: string | null;
  comune_code: string;
  comune_name: string;
  province_code: string;
  radius_km: number;
  engagement: Engagement;
  contract_type: string | null;
  ccnl_code: string | null;
  ccnl_label?: string | null;
  ccnl_note: string | null;
  ccnl_cnel_code?: string | null;
  ccnl_cnel_label?: string | null;
  working_time_code: "F" | "P" | "V" | "M";
  working_time: WorkingTime;
  weekly_hours: string | null;
  shifts: string | null;
  pay_min: string | null;
  pay_max: string | null;
  pay_period: PayPeriod | null;
  positions: number;
  start_date: string | null;
  closing_date: string;
  published_at: Date | string | null;
  l68_reserved: L68Reserved;
  publication_mode: PublicationMode;
  employer_name: string;
  employer_tax_code?: string | null;
  requirements: (VacancyRequirementRow & { study_title_label?: string | null })[];
}

export function toPublicVacancy(v: DetailLike): PublicVacancy {
  const anonymous = v.publication_mode !== "public";
  return {
    id: v.id,
    number: Number(v.number),
    status: v.status,
    title: v.title,
    description: v.description,
    tasks: v.tasks,
    occupationCode: v.occupation_code,
    occupationTitle: v.occupation_title,
    atecoCode: v.ateco_code,
    atecoTitle: v.ateco_title,
    comuneCode: v.comune_code,
    comuneName: v.comune_name,
    provinceCode: v.province_code,
    radiusKm: v.radius_km,
    engagement: v.engagement,
    contractType: v.contract_type,
    ccnl: v.ccnl_code,
    ccnlLabel: v.ccnl_label ?? null,
    ccnlNote: v.ccnl_note,
    ccnlCnel: v.ccnl_cnel_code ?? null,
    ccnlCnelLabel: v.ccnl_cnel_label ?? null,
    workingTimeCode: v.working_time_code,
    workingTime: v.working_time,
    weeklyHours: num(v.weekly_hours),
    shifts: v.shifts,
    payMin: num(v.pay_min),
    payMax: num(v.pay_max),
    payPeriod: v.pay_period,
    positions: v.positions,
    startDate: v.start_date,
    closingDate: v.closing_date,
    publishedAt: v.published_at ? new Date(v.published_at).toISOString() : null,
    l68Reserved: v.l68_reserved,
    publicationMode: v.publication_mode,
    employerName: anonymous ? null : v.employer_name,
    employerTaxCode: anonymous ? null : (v.employer_tax_code ?? null),
    requirements: v.requirements.map((r) => ({ ...requirementFromRow(r), studyTitleLabel: r.study_title_label ?? null })),
  };
}
