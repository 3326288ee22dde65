import type { Capacity } from "~/domain/placement/capacities";
import { uniquePersonTaxCode } from "./factories-candidates";
import { request } from "./factories";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { requestCertificate } from "~/domain/l68/file/certificate.server";
import { enrol } from "~/domain/placement/enrolments.server";
import { addPost } from "~/domain/placement/posts.server";
import { referNominative } from "~/domain/placement/referrals.server";
import { EnrolmentFormSchema, PostFormSchema } from "~/domain/placement/schema";
import { todayInItaly } from "~/utils/dates";

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

/**
 * Targeted placement rows of the authorization matrix's own employer (province MI), made through the domain as the
 * pages make them: a person on the list, an available post, a nominative referral with its nulla osta, and an issued
 * certificate (the employer has no workforce declared, so it is compliant).
 */
export async function insertPlacementRows(employerId: string, placementOfficerId: string) {
  const actor = { userId: placementOfficerId, role: "placement_officer", ip: null };
  const today = todayInItaly();
  await getDb()
    .insertInto("l68_files")
    .values({ employer_id: employerId })
    .onConflict((oc) => oc.column("employer_id").doNothing())
    .execute();
  const enrolmentId = await withTransaction((trx) =>
    enrol(trx, actor, "MI", EnrolmentFormSchema.parse(enrolmentForm({ enrolledOn: "2026-01-15" })), today),
  );
  const postId = await withTransaction((trx) => addPost(trx, actor, employerId, PostFormSchema.parse(postForm([]))));
  const referral = await withTransaction((trx) => referNominative(trx, actor, "MI", postId, enrolmentId, today));
  const certificate = await withTransaction((trx) => requestCertificate(trx, actor, employerId, today));
  if (!certificate.compliant) throw new Error(`matrix certificate refused: ${certificate.reasons.join("; ")}`);
  return {
    enrolmentId: { enrolmentId },
    postId: { postId },
    referralId: { referralId: referral.id },
    certificateId: { certificateId: certificate.certificateId },
  };
}
