import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { lookupCodes } from "~/domain/reference/national.server";

const QuerySchema = z.object({ elenco: z.enum(["ccnl", "qualifiche"]), q: z.string().max(80).default("") });

/** Public lookup of the national CO/UNILAV code lists in force (CCNL, CP2011 qualifiche): reference data, no personal data. */
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return { options: [] };
  return {
    options: lookupCodes(parsed.data.elenco === "ccnl" ? "ccnl" : "qualifications", parsed.data.q).map((o) => ({ label: o.label })),
  };
}
