import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~/db/db.server";
import { searchAteco } from "~/domain/reference/queries.server";

const QuerySchema = z.object({ q: z.string().max(80).default("") });

/** Public lookup of the ATECO classification (reference data). */
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return { options: [] };
  return { options: await searchAteco(getDb(), parsed.data.q) };
}
