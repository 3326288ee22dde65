import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { parseEnv } from "~/utils/env.server";
import { startPlatform } from "../../server/platform";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    meiliUrl: string;
    meiliKey: string;
    sessionSecret: string;
  }
}

/** Real embedded PostgreSQL + Meilisearch in a throwaway folder on free ports, once per run. */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rosa-it-"));
  fs.chmodSync(dir, 0o755); // mkdtemp is 0700; postgres runs as the 'postgres' OS user
  const env = parseEnv({ DATA_DIR: dir, NODE_ENV: "test" });
  const platform = await startPlatform(env, { persistent: false, seed: false }).catch((e) => {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  });
  project.provide("databaseUrl", platform.databaseUrl);
  project.provide("meiliUrl", platform.meiliUrl);
  project.provide("meiliKey", platform.meiliKey ?? "");
  project.provide("sessionSecret", platform.sessionSecret);
  return async () => {
    await platform.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
