import type { Capacity } from "~/domain/placement/capacities";
import { uniquePersonTaxCode } from "./factories-candidates";
import { request } from "./factories";

/** The enrolment form as the officer's page sends it. */
export function enrolmentForm(opts: {
  firstName?: string;
  enrolledOn: string;
  percent?: string;
  capacities?: Capacity[];
  dependants?: number;
  isee?: string;
  nightShiftsOk?: boolean;
  needsPublicTransport?: boolean;
}) {
  const form: Record<string, string> = {
    taxCode: uniquePersonTaxCode(),
    firstName: opts.firstName ?? "Anna",
    lastName: "Prova",
    birthDate: "1990-04-12",
    phone: "02 1234567",
    email: `${(opts.firstName ?? "anna").toLowerCase()}@example.it`,
    comune: "Milano (MI)",
    enrolledOn: opts.enrolledOn,
    familyDependants: String(opts.dependants ?? 0),
    isee: opts.isee ?? "",
    disabilityCategory: "invalido_civile",
    disabilityPercent: opts.percent ?? "67",
    functionalDiagnosis: "Diagnosi funzionale riservata: limitazione della deambulazione prolungata.",
  };
  for (const c of opts.capacities ?? []) form[`cap.${c}`] = "on";
  if (opts.nightShiftsOk) form.nightShiftsOk = "on";
  if (opts.needsPublicTransport) form.needsPublicTransport = "on";
  return form;
}

export const postForm = (capacities: Capacity[], extra: Record<string, string> = {}) => {
  const form: Record<string, string> = {
    intent: "add",
    task: "Addetto all'archivio digitale",
    occupation: "4.1.1.1.0",
    posts: "1",
    comune: "Milano (MI)",
    architecturalBarriers: "no",
    nightShifts: "no",
    publicTransport: "si",
    ...extra,
  };
  for (const c of capacities) form[`cap.${c}`] = "on";
  return form;
};

export const post = (path: string, cookie: string, form: Record<string, string>) => request(path, { cookie, form });
