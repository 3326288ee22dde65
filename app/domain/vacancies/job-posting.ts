import { eqfOfStudy } from "~/domain/reference";
import { contractLabel } from "./codes";
import { acceptsDirectApplications } from "./direct-apply";
import { EQUAL_OPPORTUNITY_NOTICE } from "./discrimination";
import type { PublicVacancy } from "./public-view";
import { requirementLabel } from "./requirement-label";
import { decimalComma } from "~/utils/format";

/** Properties Google requires on a JobPosting (Search Central, "Job posting structured data"). */
export const JOB_POSTING_REQUIRED = ["title", "description", "datePosted", "hiringOrganization", "jobLocation"] as const;
/** Recommended properties; `validThrough` is required whenever the posting expires (ours always do). */
export const JOB_POSTING_RECOMMENDED = ["validThrough", "employmentType", "identifier", "baseSalary", "directApply"] as const;

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const paragraphs = (s: string) =>
  s
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("");

/** Offset of Europe/Rome on a given day ("+01:00" or "+02:00"), so validThrough is the end of that day in Italy. */
export function romeOffset(isoDay: string): string {
  const probe = new Date(`${isoDay}T12:00:00Z`);
  const hour = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Rome", hour: "2-digit", hour12: false }).format(probe));
  return `+0${hour - 12}:00`;
}

function employmentTypes(v: PublicVacancy): string[] {
  const types = [v.workingTime === "full_time" ? "FULL_TIME" : "PART_TIME"];
  if (v.contractType === "A.02.00" || v.contractType === "A.02.01" || v.engagement === "agency") types.push("TEMPORARY");
  if (v.contractType === "C.01.00") types.push("INTERN");
  if (v.engagement === "self_employed" || v.contractType === "B.03.00") types.push("CONTRACTOR");
  return types;
}

/** schema.org credential category by EQF level of the title asked (education requirement). */
const CREDENTIAL: Record<number, string> = {
  3: "professional certificate",
  4: "high school",
  5: "associate degree",
  6: "bachelor degree",
  7: "postgraduate degree",
  8: "postgraduate degree",
};

function descriptionHtml(v: PublicVacancy): string {
  const reqs = v.requirements.length
    ? `<p><strong>Requisiti</strong></p><ul>${v.requirements
        .map((r) => `<li>${escapeHtml(requirementLabel(r))} (${r.priority === "must" ? "indispensabile" : "preferibile"})</li>`)
        .join("")}</ul>`
    : "";
  const tasks = v.tasks ? `<p><strong>Mansioni</strong></p>${paragraphs(v.tasks)}` : "";
  const contract = `<p><strong>Contratto</strong>: ${escapeHtml(contractLabel(v))}${
    v.ccnl ? `, CCNL ${escapeHtml(v.ccnlLabel ?? v.ccnl)}` : ""
  }</p>`;
  return `${paragraphs(v.description)}${tasks}${reqs}${contract}<p>${escapeHtml(EQUAL_OPPORTUNITY_NOTICE)}</p>`;
}

/**
 * schema.org JobPosting for Google for Jobs. Anonymous vacancies name the
 * Centro per l'Impiego as hiring organisation (MyPortal "vacancy intermediata").
 * `directApply` is decided by `acceptsDirectApplications`, never by the caller.
 */
export function buildJobPosting(v: PublicVacancy, opts: { baseUrl: string; cpiName?: string; now?: Date }) {
  const url = `${opts.baseUrl}/offerte/${v.id}`;
  const posting: Record<string, unknown> = {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    title: v.title,
    description: descriptionHtml(v),
    datePosted: (v.publishedAt ?? new Date().toISOString()).slice(0, 10),
    validThrough: `${v.closingDate}T23:59:59${romeOffset(v.closingDate)}`,
    hiringOrganization: {
      "@type": "Organization",
      name: v.employerName ?? opts.cpiName ?? "Centro per l'Impiego",
      ...(v.employerTaxCode ? { taxID: v.employerTaxCode } : {}),
    },
    jobLocation: {
      "@type": "Place",
      address: { "@type": "PostalAddress", addressLocality: v.comuneName, addressRegion: v.provinceCode, addressCountry: "IT" },
    },
    employmentType: employmentTypes(v),
    identifier: { "@type": "PropertyValue", name: "Rosa — Centri per l'Impiego", value: String(v.number) },
    // Same rule as the «Candidati» form of the page: the JSON-LD and the JSON feed cannot disagree.
    directApply: acceptsDirectApplications(v, opts.now),
    occupationalCategory: `${v.occupationCode} ${v.occupationTitle}`,
    totalJobOpenings: v.positions,
    url,
  };
  if (v.atecoTitle) posting.industry = v.atecoTitle;
  if (v.startDate) posting.jobStartDate = v.startDate;
  if (v.weeklyHours) posting.workHours = `${decimalComma(v.weeklyHours)} ore settimanali`;
  if (v.payMin !== null || v.payMax !== null) {
    const unitText = { hour: "HOUR", month: "MONTH", year: "YEAR" }[v.payPeriod ?? "month"];
    posting.baseSalary = {
      "@type": "MonetaryAmount",
      currency: "EUR",
      value: {
        "@type": "QuantitativeValue",
        ...(v.payMin !== null && v.payMax !== null && v.payMin !== v.payMax
          ? { minValue: v.payMin, maxValue: v.payMax }
          : { value: v.payMin ?? v.payMax }),
        unitText,
      },
    };
  }
  const education = v.requirements
    .filter((r) => r.kind === "education")
    .map((r) => CREDENTIAL[eqfOfStudy(r.studyLevel, r.studyTitle) ?? 0])
    .find(Boolean);
  if (education) posting.educationRequirements = { "@type": "EducationalOccupationalCredential", credentialCategory: education };
  const experience = v.requirements.find((r) => r.kind === "experience" && r.years);
  if (experience)
    posting.experienceRequirements = { "@type": "OccupationalExperienceRequirements", monthsOfExperience: experience.years! * 12 };
  return posting;
}

/** JSON-LD inside <script>: "</" would end the script element early. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
