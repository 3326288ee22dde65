import { inject } from "vitest";
import { setServiceUrls } from "~/utils/env.server";
import { registerPortalSearchIndexes } from "../../server/search-indexes";

setServiceUrls({
  DATABASE_URL: inject("databaseUrl"),
  MEILI_URL: inject("meiliUrl"),
  MEILI_MASTER_KEY: inject("meiliKey"),
  SESSION_SECRET: inject("sessionSecret"),
});
registerPortalSearchIndexes();
