import { getDb } from "~/db/db.server";
import { listSitemapArticles } from "~/domain/services/queries.server";
import { buildSitemap, STATIC_PUBLIC_PATHS, type SitemapEntry } from "~/domain/site/sitemap";
import { listSitemapVacancies } from "~/domain/vacancies/queries.server";
import { publicBaseUrl } from "~/web/action.server";
import { todayInItaly } from "~/utils/dates";

/** sitemap.xml: the public pages, the open published vacancies and the published information pages. */
export async function loader() {
  const db = getDb();
  const [vacancies, articles] = await Promise.all([listSitemapVacancies(db, todayInItaly()), listSitemapArticles(db)]);
  const entries: SitemapEntry[] = [
    ...STATIC_PUBLIC_PATHS.map((path) => ({ path })),
    ...vacancies.map((v) => ({ path: `/offerte/${v.id}`, lastModified: v.updatedAt })),
    ...articles.map((a) => ({ path: `/informazioni/${a.slug}`, lastModified: a.updatedAt })),
  ];
  return new Response(buildSitemap(entries, publicBaseUrl()), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
