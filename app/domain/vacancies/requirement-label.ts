import { ALBI, DRIVING_LICENCES, eqfOfStudy, LANGUAGES, PATENTINI, STUDY_LEVELS } from "~/domain/reference";
import { plural } from "~/utils/plural";
import type { VacancyRequirement } from "./requirements";

/** The requirement fields a label reads; `studyTitleLabel` is filled on the server (the 8-digit titles are a server list). */
export type LabelledRequirement = Pick<VacancyRequirement, "kind" | "description"> &
  Partial<VacancyRequirement> & { studyTitleLabel?: string | null };

/** One line per requirement, in Italian: "Inglese B2", "Patente B", "3 anni di esperienza". */
export function requirementLabel(r: LabelledRequirement): string {
  const note = r.description ? ` — ${r.description}` : "";
  switch (r.kind) {
    case "education": {
      const eqf = eqfOfStudy(r.studyLevel, r.studyTitle);
      const title = r.studyTitleLabel ?? (r.studyLevel !== null && r.studyLevel !== undefined ? STUDY_LEVELS[String(r.studyLevel)] : null);
      return `${title ?? "Titolo di studio"}${eqf ? ` (EQF ${eqf})` : ""}${note}`;
    }
    case "experience":
      return `${plural(r.years ?? 0, "anno", "anni")} di esperienza${note}`;
    case "language": {
      const name = (r.languageCode && LANGUAGES[r.languageCode]) ?? r.languageCode ?? "Lingua";
      return `${name} ${r.nativeSpeaker ? "madrelingua" : (r.cefrLevel ?? "")}`.trim() + note;
    }
    case "licence": {
      const licence = (r.licenceCode && DRIVING_LICENCES[r.licenceCode]) ?? "Patente";
      // «Patente B», not «Patente B (categoria B)»: the EU category only when it says more than the ministerial letter.
      const detail = r.licenceCategory && licence !== `Patente ${r.licenceCategory}` ? ` (categoria ${r.licenceCategory})` : "";
      return `${licence}${detail}${note}`;
    }
    case "certificate": {
      const official = r.patentinoCode
        ? `Abilitazione: ${PATENTINI[r.patentinoCode] ?? r.patentinoCode}`
        : r.alboCode
          ? `Iscrizione all'albo: ${ALBI[r.alboCode] ?? r.alboCode}`
          : null;
      return official ? `${official}${note}` : r.description;
    }
    default:
      return r.description;
  }
}
