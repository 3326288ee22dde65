import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { searchProfessions } from "~/domain/professions/vocabulary";

const QuerySchema = z.object({ q: z.string().max(80).default("") });

/** Public lookup of the CP2021 occupations (reference data, no personal data). */
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return { options: [] };
  return { options: searchProfessions(parsed.data.q) };
}
