import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { buildRss } from "~/domain/vacancies/feeds";
import { toPublicVacancy } from "~/domain/vacancies/public-view";
import { listPublicVacancies } from "~/domain/vacancies/queries.server";
import { publicBaseUrl } from "~/web/action.server";

/** RSS 2.0 feed of the published vacancies (public). */
export async function loader(_args: LoaderFunctionArgs) {
  const vacancies = (await listPublicVacancies(getDb())).map(toPublicVacancy);
  return new Response(buildRss(vacancies, publicBaseUrl()), {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
