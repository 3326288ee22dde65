import { buildRobotsTxt } from "~/domain/site/sitemap";
import { publicBaseUrl } from "~/web/action.server";

/** robots.txt: public pages open to search engines, reserved areas not, and where the sitemap is. */
export function loader() {
  return new Response(buildRobotsTxt(publicBaseUrl()), {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
