import type { EmployerRole, Role } from "~/db/types";
import { PROVINCE_NAMES } from "~/utils/province-codes";

/** «Milano (MI)»; an unknown code (legacy data) as it is. */
export const provinceLabel = (code: string): string => (PROVINCE_NAMES[code] ? `${PROVINCE_NAMES[code]} (${code})` : code);

/** The provinces an officer can be assigned to, «Milano (MI)», in alphabetical order of name. */
export const PROVINCE_OPTIONS: [string, string][] = Object.entries(PROVINCE_NAMES)
  .map(([code, name]): [string, string] => [code, `${name} (${code})`])
  .sort((a, b) => a[1].localeCompare(b[1], "it"));

/** Client-safe role vocabulary: English in code, Italian in the UI. */
export const ROLE_LABELS: Record<Role, string> = {
  employer: "Datore di lavoro",
  preselection_officer: "Operatore preselezione",
  placement_officer: "Operatore collocamento mirato",
  admin: "Amministratore",
  candidate: "Candidato",
  outplacement_provider: "Operatore ente accreditato",
  union_representative: "Rappresentante sindacale",
};

export const EMPLOYER_ROLE_LABELS: Record<EmployerRole, string> = {
  legal_rep: "Legale rappresentante",
  colleague: "Collaboratore",
  delegate: "Delegato (consulente del lavoro)",
};

export const OFFICER_ROLES = ["preselection_officer", "placement_officer"] as const satisfies readonly Role[];

/**
 * Permissions per role. Routes ask for a permission, never for a role, so a
 * new role (e.g. candidate) is one entry here.
 */
export const PERMISSIONS = {
  "employer:own": ["employer"],
  "employer:invite": ["employer"], // further restricted to the legal representative by policy
  "employers:review": ["preselection_officer", "placement_officer", "admin"],
  "audit:read": ["admin"],
  "users:manage": ["admin"],
  "mail:read": ["admin"],
  // Candidates (CV database). Administrators are technical staff: no access to personal data.
  "candidates:read": ["preselection_officer", "placement_officer"],
  "candidates:write": ["preselection_officer", "placement_officer"],
  "candidates:health": ["placement_officer"],
  "candidate:self": ["candidate"],
  // Vacancies and employer services.
  "vacancies:own": ["employer"],
  "vacancies:review": ["preselection_officer", "placement_officer"],
  "services:deliver": ["preselection_officer", "placement_officer"],
  "content:edit": ["admin"],
  "matching:run": ["preselection_officer", "placement_officer"],
  // Collocamento mirato (L. 68/99).
  "l68:own": ["employer"],
  "l68:manage": ["placement_officer"],
  // Ricollocazione (outplacement of redundant workers, docs/decisions/outplacement.md): officers run the events;
  // the employer proposes and sees aggregates of its own events; providers only their assigned workers; unions aggregates.
  "outplacement:manage": ["preselection_officer", "placement_officer"],
  "outplacement:own": ["employer"],
  "outplacement:deliver": ["outplacement_provider"],
  "outplacement:aggregates": ["union_representative"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function homePathFor(role: Role): string {
  switch (role) {
    case "employer":
      return "/azienda";
    case "admin":
      return "/admin";
    case "candidate":
      return "/candidato";
    case "outplacement_provider":
      return "/ente/ricollocazione";
    case "union_representative":
      return "/sindacato/ricollocazione";
    default:
      return "/operatore";
  }
}
