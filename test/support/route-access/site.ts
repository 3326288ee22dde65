import { ALL, type Rule } from "./actors";

/** What the portal tells search engines and browsers about itself (robots.txt, sitemap.xml): public. */
export const ROUTE_ACCESS: Record<string, Rule> = {
  "robots[.]txt.ts": { loader: ALL },
  "sitemap[.]xml.ts": { loader: ALL },
};
