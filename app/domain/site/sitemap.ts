/**
 * What the portal tells search engines: robots.txt and the sitemap (sitemaps.org protocol 0.9).
 * Only public pages: the job board, the open published vacancies, the information area and the
 * portal's own public pages. Addresses are absolute, from PUBLIC_URL (`publicBaseUrl`).
 */

export interface SitemapEntry {
  path: string;
  lastModified?: Date;
}

/** Public pages that exist whatever the data. */
export const STATIC_PUBLIC_PATHS = [
  "/",
  "/offerte",
  "/informazioni",
  "/registrazione",
  "/dichiarazione-accessibilita",
  "/privacy",
] as const;

/** Areas for logged-in people and machine endpoints: nothing there for a search engine. */
export const DISALLOWED_PATHS = [
  "/accedi",
  "/esci",
  "/area",
  "/azienda",
  "/candidato",
  "/operatore",
  "/admin",
  "/profilo",
  "/invito",
  "/attivazione",
  "/api/",
] as const;
/** Exceptions inside the disallowed paths: the JSON feed of the vacancies is meant for aggregators. */
export const ALLOWED_PATHS = ["/api/offerte", "/offerte/rss"] as const;

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

export function buildSitemap(entries: SitemapEntry[], baseUrl: string): string {
  const urls = entries
    .map((e) => {
      const lastmod = e.lastModified ? `\n    <lastmod>${e.lastModified.toISOString().slice(0, 10)}</lastmod>` : "";
      return `  <url>\n    <loc>${escapeXml(baseUrl + e.path)}</loc>${lastmod}\n  </url>`;
    })
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

export function buildRobotsTxt(baseUrl: string): string {
  return [
    "User-agent: *",
    "Allow: /",
    ...ALLOWED_PATHS.map((p) => `Allow: ${p}`),
    ...DISALLOWED_PATHS.map((p) => `Disallow: ${p}`),
    "",
    `Sitemap: ${baseUrl}/sitemap.xml`,
    "",
  ].join("\n");
}
