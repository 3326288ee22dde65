import type { Db, Trx } from "~/db/db.server";
import type { Actor } from "~/domain/audit/index.server";
import { createCandidate, validateCvReferences } from "./commands.server";
import { studyOfEqf } from "./education";
import { CandidateSchema, type CandidateInput } from "./schema";

/**
 * A worker of a redundancy cohort becomes a candidate like any other (docs/decisions/outplacement.md): a CV with the
 * worker's identity, residence, the education title of the list and the job held as first preference. The cohort
 * import checks every row with `checkWorkerCv` before writing anything, then writes them with `createWorkerCandidate`.
 */
export interface WorkerCv {
  taxCode: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  /** «Nome (XX)» of the comune of residence (used as domicile until the worker says otherwise). */
  comuneLabel: string;
  phone: string | null;
  email: string | null;
  educationTitle: string;
  eqfLevel: number;
  cp2021Code: string;
  qualification: string;
}

/** Form field of the CV → column of the cohort list. */
const COLUMN: Record<string, string> = {
  taxCode: "codice_fiscale",
  firstName: "nome",
  lastName: "cognome",
  birthDate: "data_nascita",
  comune: "comune_residenza",
  comune_domicilio: "comune_residenza",
  phone: "telefono",
  telefono: "telefono",
  email: "email",
  education: "titolo_studio",
  "education.0.studyLevel": "livello_eqf",
  titolo_studio: "titolo_studio",
  livello_eqf: "livello_eqf",
  preferences: "cp2021_code",
  propensione_1_professione: "cp2021_code",
};
const columnOf = (path: string) => COLUMN[path] ?? COLUMN[path.split(/[.[]/)[0]!] ?? "codice_fiscale";

/** The list gives an EQF level: the CV stores the ministerial level it stands for (as the import's `livello_eqf`). */
function cohortStudy(w: WorkerCv) {
  const study = studyOfEqf(w.eqfLevel, w.educationTitle);
  return { studyLevel: study ? String(study.studyLevel) : "", studyTitle: study?.studyTitleCode ?? "" };
}

function toForm(w: WorkerCv): Record<string, unknown> {
  return {
    taxCode: w.taxCode,
    firstName: w.firstName,
    lastName: w.lastName,
    birthDate: w.birthDate,
    comune: w.comuneLabel,
    phone: w.phone ?? "",
    email: w.email ?? "",
    education: [{ title: w.educationTitle, ...cohortStudy(w) }],
    preferences: [{ occupation: w.cp2021Code, source: "work", notes: `Qualifica nell'ultima azienda: ${w.qualification}` }],
    consent: "",
  };
}

/** The CV of the worker, or every problem with the column of the list to fix. Reads the database (comune, CP2021 code). */
export async function checkWorkerCv(
  db: Db,
  w: WorkerCv,
): Promise<{ ok: true; input: CandidateInput } | { ok: false; errors: { column: string; message: string }[] }> {
  const parsed = CandidateSchema.safeParse(toForm(w));
  if (!parsed.success)
    return { ok: false, errors: parsed.error.issues.map((i) => ({ column: columnOf(i.path.join(".")), message: i.message })) };
  const problems = await validateCvReferences(db, parsed.data);
  if (problems.length) return { ok: false, errors: problems.map((p) => ({ column: columnOf(p.column), message: p.message })) };
  return { ok: true, input: parsed.data };
}

/** Writes the CV checked by `checkWorkerCv` (audit and search sync included); returns the candidate id. */
export function createWorkerCandidate(trx: Trx, actor: Actor, input: CandidateInput): Promise<string> {
  return createCandidate(trx, actor, input, { source: "import", canSetProtectedCategory: false });
}

/** The candidate with this codice fiscale, if any (an erased CV is not one). */
export async function candidateByTaxCode(db: Db | Trx, taxCode: string) {
  return db
    .selectFrom("candidates")
    .select(["id", "first_name", "last_name", "birth_date"])
    .where("tax_code", "=", taxCode)
    .where("erased_at", "is", null)
    .executeTakeFirst();
}
