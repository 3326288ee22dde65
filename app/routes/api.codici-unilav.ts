import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { lookupCodes } from "~/domain/reference/national.server";

const LISTS = { ccnl: "ccnl", qualifiche: "qualifications", titoli: "studyTitles" } as const;
const QuerySchema = z.object({ elenco: z.enum(["ccnl", "qualifiche", "titoli"]), q: z.string().max(80).default("") });

/** Public lookup of the national code lists in force (CCNL, CP2011 qualifiche, titles of study): reference data, no personal data. */
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return { options: [] };
  return {
    options: lookupCodes(LISTS[parsed.data.elenco], parsed.data.q).map((o) => ({ label: o.label })),
  };
}
