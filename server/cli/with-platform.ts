import type { Meilisearch } from "meilisearch";
import { createMeiliClient } from "../../search/client.server";
import { closeDb, getDb, type Db } from "~/db/db.server";
import { EnvError, getEnv, setServiceUrls } from "~/utils/env.server";
import { startPlatform } from "../platform";
import { ServiceStartError } from "../embedded-services";

/**
 * Runs a maintenance command against the configured servers (DATABASE_URL,
 * MEILI_URL) or, when they are not set, against the embedded ones in DATA_DIR,
 * which works while the portal is stopped (the data folder is then free).
 */
export async function withPlatform(
  run: (ctx: { db: Db; meili: Meilisearch; databaseUrl: string }) => Promise<void>,
  opts: { seed?: boolean } = {},
): Promise<void> {
  let platform;
  try {
    const env = getEnv();
    platform = await startPlatform(env, { persistent: true, ...(opts.seed === undefined ? {} : { seed: opts.seed }) });
    setServiceUrls({ DATABASE_URL: platform.databaseUrl, MEILI_URL: platform.meiliUrl, MEILI_MASTER_KEY: platform.meiliKey });
    await run({ db: getDb(), meili: createMeiliClient(platform.meiliUrl, platform.meiliKey, 60_000), databaseUrl: platform.databaseUrl });
  } catch (e) {
    const hint =
      e instanceof ServiceStartError
        ? " (se il portale è avviato con i server incorporati, fermalo oppure imposta DATABASE_URL e MEILI_URL)"
        : "";
    console.error(`Errore: ${e instanceof EnvError || e instanceof Error ? e.message : String(e)}${hint}`);
    process.exitCode = 1;
  } finally {
    await closeDb().catch(() => {});
    await platform?.stop();
  }
}
