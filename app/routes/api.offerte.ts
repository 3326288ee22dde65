import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { buildJsonFeed } from "~/domain/vacancies/feeds";
import { toPublicVacancy } from "~/domain/vacancies/public-view";
import { listPublicVacancies } from "~/domain/vacancies/queries.server";
import { publicBaseUrl } from "~/web/action.server";

/** JSON Feed 1.1 of the published vacancies (public), each item with its schema.org JobPosting. */
export async function loader(_args: LoaderFunctionArgs) {
  const vacancies = (await listPublicVacancies(getDb())).map(toPublicVacancy);
  return new Response(JSON.stringify(buildJsonFeed(vacancies, publicBaseUrl())), {
    headers: { "Content-Type": "application/feed+json; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
