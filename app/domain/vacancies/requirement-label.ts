import { plural } from "~/utils/plural";
import { EDUCATION_LEVELS, LANGUAGES } from "./codes";
import type { VacancyRequirement } from "./requirements";

/** One line per requirement, in Italian: "Inglese B2", "Patente B", "3 anni di esperienza". */
export function requirementLabel(r: Pick<VacancyRequirement, "kind" | "description"> & Partial<VacancyRequirement>): string {
  const note = r.description ? ` — ${r.description}` : "";
  switch (r.kind) {
    case "education":
      return `${EDUCATION_LEVELS[r.educationLevel as keyof typeof EDUCATION_LEVELS] ?? "Titolo di studio"}${note}`;
    case "experience":
      return `${plural(r.years ?? 0, "anno", "anni")} di esperienza${note}`;
    case "language":
      return `${LANGUAGES[r.languageCode as keyof typeof LANGUAGES] ?? r.languageCode} ${r.cefrLevel ?? ""}`.trim() + note;
    case "licence":
      return `Patente ${r.licenceCategory}${note}`;
    default:
      return r.description;
  }
}
