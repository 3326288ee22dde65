/** Sections of the information area (zod-free: the public pages import it, see schema.server.ts). */
export const INFO_CATEGORY_LABELS = {
  services: "Servizi per le aziende",
  incentives: "Incentivi alle assunzioni",
  procedures: "Procedure amministrative",
  contracts: "Contratti di lavoro",
  internships: "Tirocini",
} as const;
