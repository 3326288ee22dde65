import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { lookupCnel } from "~/domain/reference/index.server";
import { codeFromLookup, lookupCodes } from "~/domain/reference/national.server";

const LISTS = { ccnl: "ccnl", qualifiche: "qualifications", titoli: "studyTitles" } as const;
const QuerySchema = z.object({
  elenco: z.enum(["ccnl", "qualifiche", "titoli", "cnel"]),
  q: z.string().max(80).default(""),
  /** Titles of study: only those of this ministerial level (0–12), as the form's level select says. */
  livello: z
    .string()
    .regex(/^(\d|1[0-2])$/)
    .optional(),
  /** With `elenco=cnel`: the CO CCNL chosen beside it (its sector's CNEL contracts come first). */
  co: z.string().max(200).optional(),
});

/**
 * Public lookup of the national code lists in force (CCNL, CP2011 qualifiche, titles of study, CNEL codes of the CCNL):
 * reference data, no personal data.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return { options: [] };
  const { elenco, q, livello, co } = parsed.data;
  if (elenco === "cnel") {
    const coCode = co ? codeFromLookup(co) || null : null;
    return {
      options: lookupCnel(q, coCode).map((o) =>
        o.suggested ? { label: o.label, matched: "settore del CCNL indicato" } : { label: o.label },
      ),
    };
  }
  const ofLevel = elenco === "titoli" && livello !== undefined ? (e: { group?: string }) => e.group === livello : undefined;
  return { options: lookupCodes(LISTS[elenco], q, 10, ofLevel).map((o) => ({ label: o.label })) };
}
