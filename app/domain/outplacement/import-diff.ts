/**
 * The differences between a new workers' list and the cohort already imported (client-safe, pure): who is new, which
 * fields of a worker already in the cohort the list changes, who is no longer on the list. The officer sees them before
 * anything is written (docs/decisions/outplacement.md, «Elenco dall'azienda, Excel e reimportazione»).
 */
import { MEMBER_STATE_LABELS, SITUATION_LABELS, type MemberState, type Situation } from "./members";

/** The member fields a list sets, with the column that carries them and their Italian label. */
export const DIFF_FIELDS = [
  { field: "last_name", column: "cognome", label: "Cognome" },
  { field: "first_name", column: "nome", label: "Nome" },
  { field: "residence_comune_code", column: "comune_residenza", label: "Comune di residenza" },
  { field: "site", column: "sede_lavoro_comune", label: "Sede di lavoro" },
  { field: "qualification", column: "qualifica", label: "Qualifica" },
  { field: "cp2021_code", column: "cp2021_code", label: "Codice CP2021" },
  { field: "level", column: "livello_inquadramento", label: "Livello di inquadramento" },
  { field: "ccnl", column: "ccnl_cnel", label: "CCNL" },
  { field: "situation", column: "situazione", label: "Situazione" },
  { field: "dismissal_on", column: "data_cessazione", label: "Data di cessazione" },
  { field: "cigs_from", column: "cigs_dal", label: "CIGS dal" },
  { field: "cigs_to", column: "cigs_al", label: "CIGS al" },
  { field: "hours_reduction_pct", column: "riduzione_orario_pct", label: "Riduzione d'orario (%)" },
  { field: "naspi", column: "naspi", label: "NASpI" },
  { field: "t0_on", column: "data_cessazione", label: "Data di riferimento t0" },
  { field: "phone", column: "telefono", label: "Telefono" },
  { field: "email", column: "email", label: "E-mail" },
] as const;

export type DiffField = (typeof DIFF_FIELDS)[number]["field"];
export type DiffValue = string | number | boolean | null;
export type MemberListValues = Record<DiffField, DiffValue>;

export interface FieldChange {
  field: DiffField;
  label: string;
  /** Shown while the import waits; erased (null) once it is applied or set aside. */
  from: string | null;
  to: string | null;
}

export interface CohortDiff {
  added: { line: number; taxCode: string; name: string; site: string }[];
  changed: { line: number; memberId: string; taxCode: string; name: string; changes: FieldChange[] }[];
  unchanged: number;
  missing: { memberId: string; taxCode: string; name: string; state: MemberState }[];
}

/** A value as the officer reads it in the diff. */
export function diffText(field: DiffField, v: DiffValue): string | null {
  if (v === null || v === "") return null;
  if (field === "situation") return SITUATION_LABELS[v as Situation] ?? String(v);
  if (field === "naspi") return v ? "sì" : "no";
  if (/_on$|^cigs_/.test(field) && typeof v === "string") return v.split("-").reverse().join("/");
  return String(v);
}

/**
 * What the list changes on a member. Optional fields the list leaves empty never erase what the officer recorded
 * (phone, e-mail, CCNL, CP2021, CIGS end, NASpI…): only a value that differs counts; `columns` are the file's columns,
 * and a field whose column the file does not have is not compared.
 */
export function memberChanges(stored: MemberListValues, incoming: MemberListValues, columns: readonly string[]): FieldChange[] {
  const out: FieldChange[] = [];
  for (const { field, column, label } of DIFF_FIELDS) {
    const to = incoming[field];
    const from = stored[field];
    if (to === null || to === "") continue;
    if (field !== "t0_on" && field !== "site" && !columns.includes(column)) continue;
    const same = typeof to === "string" && typeof from === "string" ? to.toLowerCase() === from.toLowerCase() : to === from;
    if (!same) out.push({ field, label, from: diffText(field, from), to: diffText(field, to) });
  }
  return out;
}

/** The diff kept after the import is applied or set aside: who and which fields, never the values. */
export function withoutValues(diff: CohortDiff): CohortDiff {
  return { ...diff, changed: diff.changed.map((c) => ({ ...c, changes: c.changes.map((f) => ({ ...f, from: null, to: null })) })) };
}

export const memberStateLabel = (s: MemberState) => MEMBER_STATE_LABELS[s];
