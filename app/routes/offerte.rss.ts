import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { buildRss } from "~/domain/vacancies/feeds";
import { toPublicVacancy } from "~/domain/vacancies/public-view";
import { listPublicVacancies } from "~/domain/vacancies/queries.server";
import { baseUrlOf } from "~/utils/action.server";
import { getEnv } from "~/utils/env.server";

/** RSS 2.0 feed of the published vacancies (public). */
export async function loader({ request }: LoaderFunctionArgs) {
  const vacancies = (await listPublicVacancies(getDb())).map(toPublicVacancy);
  return new Response(buildRss(vacancies, baseUrlOf(request, getEnv().PUBLIC_URL)), {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
