import { escapeXml } from "~/documents/xml";
import { buildJobPosting } from "./job-posting";
import type { PublicVacancy } from "./public-view";

const summary = (v: PublicVacancy) =>
  `${v.employerName ?? "Azienda riservata (Centro per l'Impiego)"} · ${v.comuneName} (${v.provinceCode}) · scadenza ${v.closingDate}`;

export function buildRss(vacancies: PublicVacancy[], baseUrl: string): string {
  const items = vacancies
    .map((v) => {
      const url = `${baseUrl}/offerte/${v.id}`;
      return `    <item>
      <title>${escapeXml(v.title)}</title>
      <link>${escapeXml(url)}</link>
      <guid isPermaLink="true">${escapeXml(url)}</guid>
      <description>${escapeXml(`${summary(v)}\n\n${v.description}`)}</description>
      <category>${escapeXml(v.occupationTitle)}</category>
${v.publishedAt ? `      <pubDate>${new Date(v.publishedAt).toUTCString()}</pubDate>\n` : ""}    </item>`;
    })
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Rosa — Offerte di lavoro dei Centri per l'Impiego</title>
    <link>${escapeXml(`${baseUrl}/offerte`)}</link>
    <description>Offerte di lavoro convalidate e pubblicate dai Centri per l'Impiego</description>
    <language>it-IT</language>
${items}
  </channel>
</rss>
`;
}

export function buildJsonFeed(vacancies: PublicVacancy[], baseUrl: string) {
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: "Rosa — Offerte di lavoro dei Centri per l'Impiego",
    home_page_url: `${baseUrl}/offerte`,
    feed_url: `${baseUrl}/api/offerte`,
    language: "it-IT",
    items: vacancies.map((v) => ({
      id: v.id,
      url: `${baseUrl}/offerte/${v.id}`,
      title: v.title,
      content_text: v.description,
      summary: summary(v),
      date_published: v.publishedAt ?? undefined,
      tags: [v.occupationTitle, v.comuneName],
      _job_posting: buildJobPosting(v, { baseUrl }),
    })),
  };
}
