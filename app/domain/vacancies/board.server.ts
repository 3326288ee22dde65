import { z } from "zod";
import type { Db } from "~/db/db.server";
import { resolveComune } from "~/domain/reference/index.server";
import { getMeili, indexUid } from "../../../search/client.server";
import type { VacancyDocument } from "./search-index.server";
import { BOARD_CONTRACT_FILTERS, WORKING_TIME_LABELS } from "./codes";
import { searchText } from "~/domain/professions";

export const BOARD_PAGE_SIZE = 20;

const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const BoardFilterSchema = z.object({
  q: z.string().trim().max(100, "Al massimo 100 caratteri").optional().default(""),
  professione: z
    .string()
    .trim()
    .optional()
    .default("")
    .transform((v) => v.split(/\s/)[0])
    .pipe(z.union([z.literal(""), z.string().regex(/^\d(\.\d{1,2}){0,4}$/, "Scegli la professione dall'elenco")])),
  comune: z.string().trim().max(100, "Al massimo 100 caratteri").optional().default(""),
  raggio: z.coerce.number({ error: "Distanza non valida" }).int().min(1, "Almeno 1 km").max(200, "Al massimo 200 km").default(25),
  contratto: z
    .enum(["", ...keys(BOARD_CONTRACT_FILTERS)], { error: "Tipo di contratto non valido" })
    .optional()
    .default(""),
  orario: z
    .enum(["", ...keys(WORKING_TIME_LABELS)], { error: "Orario non valido" })
    .optional()
    .default(""),
  page: z.coerce.number({ error: "Pagina non valida" }).int().min(1, "Pagina non valida").max(500).default(1),
});

export type BoardFilter = z.infer<typeof BoardFilterSchema>;

const quote = (v: string) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/** Searches the public index; an unknown comune is a field error rather than an empty result. */
export async function searchBoard(db: Db, filter: BoardFilter) {
  const filters: string[] = [];
  if (filter.professione) filters.push(`occupationPrefixes = ${quote(filter.professione)}`);
  if (filter.contratto) filters.push(BOARD_CONTRACT_FILTERS[filter.contratto].filter);
  if (filter.orario) filters.push(`workingTime = ${quote(filter.orario)}`);
  if (filter.comune) {
    const comune = await resolveComune(db, filter.comune);
    if (!comune) return { error: { comune: "Comune non trovato: sceglilo dall'elenco, es. «Milano (MI)»" } as Record<string, string> };
    const point = await db.selectFrom("comuni").select(["lat", "lon"]).where("istat_code", "=", comune.istatCode).executeTakeFirst();
    if (point?.lat != null && point.lon != null) filters.push(`_geoRadius(${point.lat}, ${point.lon}, ${filter.raggio * 1000})`);
    else filters.push(`comuneCode = ${quote(comune.istatCode)}`);
  }
  const result = await getMeili()
    .index<VacancyDocument>(indexUid("vacancies"))
    // Same reading of the words as the officer search: profession words become their inflection keys.
    .search(searchText(filter.q), {
      filter: filters,
      sort: filter.q ? undefined : ["publishedAt:desc"],
      hitsPerPage: BOARD_PAGE_SIZE,
      page: filter.page,
      attributesToRetrieve: [
        "id",
        "number",
        "title",
        "occupationTitle",
        "comuneName",
        "provinceCode",
        "contractType",
        "engagement",
        "workingTimeCode",
        "workingTime",
        "weeklyHours",
        "employerName",
        "closingDate",
        "positions",
        "l68Reserved",
      ],
    });
  return { hits: result.hits, total: result.totalHits ?? 0, totalPages: result.totalPages ?? 0 };
}
